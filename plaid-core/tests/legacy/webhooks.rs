//! Legacy webhooks: each code of the ruby client's table decodes to its
//! variant, any other code is the error webhook with a typed legacy error,
//! and the access token never prints.

use plaid_core::ErrorKind;
use plaid_core::legacy::ErrorCode;
use plaid_core::legacy::webhook::Webhook;
use serde_json::json;

const TOKEN: &str = "test_chase";

fn parse(value: serde_json::Value) -> Webhook {
    Webhook::from_slice(value.to_string().as_bytes()).unwrap()
}

#[test]
fn transaction_webhooks_carry_their_count() {
    for (code, message) in [
        (0, "Initial transaction pull finished"),
        (1, "Historical transaction pull finished"),
        (2, "Normal transaction pull finished"),
    ] {
        let webhook = parse(json!({
            "message": message, "access_token": TOKEN, "total_transactions": 123, "code": code,
        }));
        let ready = match &webhook {
            Webhook::InitialTransactions(ready) if code == 0 => ready,
            Webhook::HistoricalTransactions(ready) if code == 1 => ready,
            Webhook::NormalTransactions(ready) if code == 2 => ready,
            other => panic!("code {code} decoded as {other:?}"),
        };
        assert_eq!(ready.total_transactions, Some(123));
        assert_eq!(webhook.code(), code);
        assert_eq!(webhook.message(), message);
        assert_eq!(webhook.access_token().unwrap().expose_secret(), TOKEN);
    }
}

#[test]
fn the_removed_transactions_webhook_lists_the_ids() {
    let webhook = parse(json!({
        "message": "Removed transaction", "access_token": TOKEN, "code": 3,
        "removed_transactions": ["0AZ0De04KqsreDgVwM1RSRYjyd8yXxSDQ8Zxn"],
    }));
    let Webhook::RemovedTransactions(removed) = &webhook else {
        panic!("not code 3: {webhook:?}")
    };
    assert_eq!(
        removed.removed_transactions,
        ["0AZ0De04KqsreDgVwM1RSRYjyd8yXxSDQ8Zxn"]
    );
    assert_eq!(webhook.code(), 3);

    let missing = Webhook::from_slice(
        json!({"message": "m", "access_token": TOKEN, "code": 3})
            .to_string()
            .as_bytes(),
    )
    .unwrap_err();
    assert_eq!(missing.kind(), ErrorKind::Decode);
}

#[test]
fn item_webhooks_decode_by_code() {
    for code in [4, 10, 20] {
        let webhook = parse(json!({"message": "ready", "access_token": TOKEN, "code": code}));
        assert!(
            matches!(
                (&webhook, code),
                (Webhook::WebhookUpdated(_), 4) | (Webhook::Income(_), 10) | (Webhook::Risk(_), 20)
            ),
            "code {code} decoded as {webhook:?}"
        );
        assert_eq!(webhook.code(), code);
        assert_eq!(webhook.access_token().unwrap().expose_secret(), TOKEN);
    }
}

#[test]
fn any_other_code_is_an_error_webhook_with_a_typed_code() {
    let webhook = parse(json!({
        "code": 1205, "message": "account locked",
        "resolve": "The account is locked. Prompt the user to visit the issuing institution's site and unlock their account.",
        "access_token": TOKEN,
    }));
    let Webhook::Error(error) = &webhook else {
        panic!("not an error webhook: {webhook:?}")
    };
    assert_eq!(error.code, ErrorCode::AccountLocked);
    assert!(error.resolve.starts_with("The account is locked"));
    assert_eq!(webhook.code(), 1205);
    assert_eq!(webhook.message(), "account locked");
    assert_eq!(webhook.access_token().unwrap().expose_secret(), TOKEN);

    // A code no table knows is kept, and the token may be absent.
    let unknown = parse(json!({"code": 1999, "message": "new", "resolve": "later"}));
    assert_eq!(unknown.code(), 1999);
    assert!(unknown.access_token().is_none());
    assert!(matches!(unknown, Webhook::Error(ref error) if error.code == ErrorCode::Unknown(1999)));
}

#[test]
fn the_access_token_never_prints() {
    for code in [0, 3, 4, 1205] {
        let webhook = parse(json!({
            "message": "m", "access_token": TOKEN, "code": code, "removed_transactions": [],
        }));
        let shown = format!("{webhook:?}");
        assert!(!shown.contains(TOKEN), "{shown}");
    }
}

#[test]
fn a_body_without_a_numeric_code_is_a_decode_error() {
    for body in [
        json!({"message": "m", "access_token": TOKEN}),
        json!({"message": "m", "access_token": TOKEN, "code": "0"}),
        json!({"message": "m", "access_token": TOKEN, "code": -1}),
        json!({"message": "m", "code": 0}),
    ] {
        let text = body.to_string();
        let error = Webhook::from_slice(text.as_bytes()).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Decode, "{text}");
        assert!(!format!("{error} {error:?}").contains(TOKEN));
    }
}
