//! The modern tour (API version 2020-09-14, the calls of `plaid-python`):
//! an Item at First Platypus Bank from its creation to its removal.
//!
//! 1. `/sandbox/public_token/create`: a public token, as Link would give;
//! 2. `/item/public_token/exchange`: the Item's access token;
//! 3. `/accounts/get`: its accounts, named by their masks;
//! 4. `/accounts/balance/get`: real-time balances;
//! 5. `/auth/get`: account and routing numbers;
//! 6. `/identity/get`: the accounts' owner;
//! 7. `/item/remove`.
//!
//! Tokens print as `[redacted]`; bank numbers print their last four
//! digits through `BankNumber`'s `Debug`; the owner's name is shown on
//! purpose (its `Debug` would print `[redacted]`).

use examples::show;
use examples::steps::FIRST_PLATYPUS;
use plaid_core::modern::endpoints::{
    AccountsGetResponse, AuthGetResponse, IdentityGetResponse, ItemPublicTokenExchangeResponse,
    ItemRemoveResponse, SandboxPublicTokenCreateResponse,
};
use plaid_core::modern::models::Product;
use plaid_core::modern::{Client, Modern};
use plaid_core::{AsyncTransport, Transport};

use crate::{SHOWN, Tour};

/// The modern family's tour.
pub(crate) struct ModernTour;

/// The products the Item is made for: what `/auth/get` and
/// `/identity/get` need (`/accounts/*` come with every Item).
fn products() -> [Product; 2] {
    [Product::Auth, Product::Identity]
}

impl Tour for ModernTour {
    type Api = Modern;

    fn blocking<T: Transport>(client: &Client<T>) -> Result<Vec<String>, plaid_core::Error> {
        let created = client
            .sandbox_public_token_create(FIRST_PLATYPUS, products())
            .send()?;
        let mut lines = vec![line::created(&created)];
        let item = client
            .item_public_token_exchange(created.public_token)
            .send()?;
        lines.push(line::exchanged(&item));
        let token = &item.access_token;
        lines.push(line::accounts(&client.accounts_get(token).send()?));
        lines.push(line::balances(&client.accounts_balance_get(token).send()?));
        lines.push(line::auth(&client.auth_get(token).send()?));
        lines.push(line::identity(&client.identity_get(token).send()?));
        lines.push(line::removed(&client.item_remove(token).send()?));
        Ok(lines)
    }

    async fn non_blocking<T: AsyncTransport>(
        client: &Client<T>,
    ) -> Result<Vec<String>, plaid_core::Error> {
        let created = client
            .sandbox_public_token_create(FIRST_PLATYPUS, products())
            .await?;
        let mut lines = vec![line::created(&created)];
        let item = client
            .item_public_token_exchange(created.public_token)
            .await?;
        lines.push(line::exchanged(&item));
        let token = &item.access_token;
        lines.push(line::accounts(&client.accounts_get(token).await?));
        lines.push(line::balances(&client.accounts_balance_get(token).await?));
        lines.push(line::auth(&client.auth_get(token).await?));
        lines.push(line::identity(&client.identity_get(token).await?));
        lines.push(line::removed(&client.item_remove(token).await?));
        Ok(lines)
    }
}

/// One line per step, shared by the blocking and the async tour.
mod line {
    use super::*;

    pub(super) fn created(created: &SandboxPublicTokenCreateResponse) -> String {
        let products = super::products().map(|p| p.to_string()).join(", ");
        format!(
            "sandbox Item at First Platypus Bank ({FIRST_PLATYPUS}) for {products}: {:?}",
            created.public_token
        )
    }

    pub(super) fn exchanged(item: &ItemPublicTokenExchangeResponse) -> String {
        format!(
            "exchanged for {:?}, item {}",
            item.access_token, item.item_id
        )
    }

    pub(super) fn accounts(got: &AccountsGetResponse) -> String {
        let names: Vec<String> = got.accounts.iter().map(show::account).collect();
        format!("{} accounts: {}", names.len(), show::some(&names, SHOWN))
    }

    pub(super) fn balances(got: &AccountsGetResponse) -> String {
        match got.accounts.first() {
            Some(first) => format!("balance now: {}", show::balances(first)),
            None => "balance now: no account".to_owned(),
        }
    }

    pub(super) fn auth(got: &AuthGetResponse) -> String {
        let Some(ach) = got.numbers.ach.first() else {
            return "auth: no ACH numbers".to_owned();
        };
        let name = got
            .accounts
            .iter()
            .find(|a| a.account_id == ach.account_id)
            .map_or("?", |a| a.name.as_str());
        format!(
            "auth: {name} account {:?}, routing {:?} ({} ACH accounts)",
            ach.account,
            ach.routing,
            got.numbers.ach.len()
        )
    }

    pub(super) fn identity(got: &IdentityGetResponse) -> String {
        let account = got.accounts.first();
        let owner = account
            .and_then(|a| a.owners.first())
            .and_then(|o| o.names.first());
        match (account, owner) {
            // A name is personal data: `{:?}` prints `[redacted]`, so an
            // example that means to show it reads the value itself.
            (Some(account), Some(name)) => format!(
                "identity: {} is held by {} (shown on purpose)",
                account.name,
                name.as_str()
            ),
            _ => "identity: no owner on file".to_owned(),
        }
    }

    pub(super) fn removed(removed: &ItemRemoveResponse) -> String {
        format!("item removed (request {})", removed.request_id)
    }
}
