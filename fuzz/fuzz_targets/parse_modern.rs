//! Every modern response parser (`plaid_core::modern::endpoints`, all 24
//! endpoints: the 17 of the first release and the seven transactions,
//! investments and liabilities ones) on one arbitrary response.
//!
//! Beyond the shared invariants: an error keeps the modern request id (the
//! `PlaidError`'s, else the header's), and a success needs a 2xx status and
//! a body that is a JSON object.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use plaid_core::modern::endpoints::{
    AccountsBalanceGet, AccountsGet, AuthGet, CategoriesGet, IdentityGet, InstitutionsGet,
    InstitutionsGetById, InstitutionsSearch, InvestmentsHoldingsGet, InvestmentsTransactionsGet,
    ItemGet, ItemPublicTokenExchange, ItemRemove, ItemWebhookUpdate, LiabilitiesGet,
    LinkTokenCreate, SandboxItemFireWebhook, SandboxItemResetLogin, SandboxPublicTokenCreate,
    TransactionsGet, TransactionsRecurringGet, TransactionsRefresh, TransactionsSync,
    WebhookVerificationKeyGet,
};
use plaid_core::Endpoint;

/// Runs `E`'s parser with every check.
fn check<E: Endpoint>(status: u16, body: &[u8])
where
    E::Output: std::fmt::Debug,
{
    match E::parse_response(common::response(status, body)) {
        Ok(value) => {
            assert!((200..300).contains(&status), "accepted status {status}");
            assert!(common::starts_an_object(body), "accepted a body that is not an object");
            let _ = format!("{value:?}");
        }
        Err(error) => {
            common::check_error(&error, status, body);
            common::check_modern_request_id(&error);
            assert_eq!(error.body(), Some(body), "the body was dropped");
            assert_eq!(error.is_decode(), (200..300).contains(&status), "{error:?}");
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((raw, body)) = common::split(data) else { return };
    let status = common::status_of(raw);
    check::<SandboxPublicTokenCreate>(status, body);
    check::<ItemPublicTokenExchange>(status, body);
    check::<ItemGet>(status, body);
    check::<ItemRemove>(status, body);
    check::<ItemWebhookUpdate>(status, body);
    check::<AccountsGet>(status, body);
    check::<AccountsBalanceGet>(status, body);
    check::<AuthGet>(status, body);
    check::<IdentityGet>(status, body);
    check::<InstitutionsGet>(status, body);
    check::<InstitutionsGetById>(status, body);
    check::<InstitutionsSearch>(status, body);
    check::<CategoriesGet>(status, body);
    check::<WebhookVerificationKeyGet>(status, body);
    check::<LinkTokenCreate>(status, body);
    check::<SandboxItemResetLogin>(status, body);
    check::<SandboxItemFireWebhook>(status, body);
    check::<TransactionsSync>(status, body);
    check::<TransactionsGet>(status, body);
    check::<TransactionsRefresh>(status, body);
    check::<TransactionsRecurringGet>(status, body);
    check::<InvestmentsHoldingsGet>(status, body);
    check::<InvestmentsTransactionsGet>(status, body);
    check::<LiabilitiesGet>(status, body);
});
