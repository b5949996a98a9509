//! Typed webhook payloads: every typed `(webhook_type, webhook_code)` pair
//! decodes to its variant with its fields, unknown pairs are kept whole,
//! and a known pair with a broken field is a decode error that names the
//! field without quoting it.

use plaid_core::ErrorKind;
use plaid_core::modern::ErrorCode;
use plaid_core::modern::models::WebhookType;
use plaid_core::modern::webhook::{
    AuthUpdateType, IdentityUpdateType, PendingDisconnectReason, Webhook, WebhookEnvironment,
};
use serde_json::{Value, json};

const ITEM: &str = "wz666MBjYWTp2PDzzggYhM6oWWmBb";

/// A webhook body of `webhook_type` / `webhook_code` for [`ITEM`] in
/// production, with `fields` added.
fn body(webhook_type: &str, webhook_code: &str, fields: Value) -> Vec<u8> {
    let mut payload = json!({
        "webhook_type": webhook_type,
        "webhook_code": webhook_code,
        "item_id": ITEM,
        "environment": "production",
    });
    for (key, value) in fields.as_object().unwrap() {
        payload[key] = value.clone();
    }
    // Pretty-printed, as Plaid sends them.
    serde_json::to_vec_pretty(&payload).unwrap()
}

fn parse(webhook_type: &str, webhook_code: &str, fields: Value) -> Webhook {
    let webhook = Webhook::from_slice(&body(webhook_type, webhook_code, fields)).unwrap();
    assert_eq!(webhook.webhook_type().as_str(), webhook_type);
    assert_eq!(webhook.webhook_code(), webhook_code);
    assert_eq!(webhook.item_id(), Some(ITEM));
    assert_eq!(webhook.environment(), Some(&WebhookEnvironment::Production));
    webhook
}

/// A webhook error as Plaid puts it in a payload: with `status`, without
/// `request_id`.
fn webhook_error(error_type: &str, error_code: &str, status: u16) -> Value {
    json!({
        "error_type": error_type,
        "error_code": error_code,
        "error_code_reason": null,
        "error_message": "the login details of this item have changed",
        "display_message": "The login details of this item have changed.",
        "status": status,
        "documentation_url": "https://plaid.com/docs/errors/item/",
        "suggested_action": null,
    })
}

#[test]
fn transactions_webhooks_decode_with_their_fields() {
    let Webhook::SyncUpdatesAvailable(sync) = parse(
        "TRANSACTIONS",
        "SYNC_UPDATES_AVAILABLE",
        json!({"initial_update_complete": true, "historical_update_complete": false}),
    ) else {
        panic!("not SYNC_UPDATES_AVAILABLE")
    };
    assert!(sync.initial_update_complete && !sync.historical_update_complete);
    assert_eq!(sync.user_id, None);

    for code in ["INITIAL_UPDATE", "HISTORICAL_UPDATE", "DEFAULT_UPDATE"] {
        let webhook = parse(
            "TRANSACTIONS",
            code,
            json!({"new_transactions": 19, "error": null}),
        );
        let update = match &webhook {
            Webhook::InitialUpdate(update)
            | Webhook::HistoricalUpdate(update)
            | Webhook::DefaultUpdate(update) => update,
            other => panic!("{code} decoded as {other:?}"),
        };
        assert_eq!(update.new_transactions, 19);
        assert_eq!(webhook.error(), None);
    }
    assert!(matches!(
        parse(
            "TRANSACTIONS",
            "DEFAULT_UPDATE",
            json!({"new_transactions": 1})
        ),
        Webhook::DefaultUpdate(_)
    ));

    let Webhook::TransactionsRemoved(removed) = parse(
        "TRANSACTIONS",
        "TRANSACTIONS_REMOVED",
        json!({"removed_transactions": ["yBVBEwrPyJs8GvR77N7QTxnGg6wG74H7dEDN6", "kgygNvAVPzSX9KkddNdWHaVGRVex1MHm3k9no"]}),
    ) else {
        panic!("not TRANSACTIONS_REMOVED")
    };
    assert_eq!(removed.removed_transactions.len(), 2);

    let Webhook::RecurringTransactionsUpdate(recurring) = parse(
        "TRANSACTIONS",
        "RECURRING_TRANSACTIONS_UPDATE",
        json!({"account_ids": ["lPNjeW1nR6CDn5okmGQ6hEpMo4lLNoSrzqDje"]}),
    ) else {
        panic!("not RECURRING_TRANSACTIONS_UPDATE")
    };
    assert_eq!(
        recurring.account_ids,
        ["lPNjeW1nR6CDn5okmGQ6hEpMo4lLNoSrzqDje"]
    );
}

#[test]
fn the_item_error_webhook_carries_a_typed_plaid_error_with_status() {
    let webhook = parse(
        "ITEM",
        "ERROR",
        json!({"error": webhook_error("ITEM_ERROR", "ITEM_LOGIN_REQUIRED", 400)}),
    );
    let Webhook::ItemError(item_error) = &webhook else {
        panic!("not ITEM/ERROR")
    };
    let error = &item_error.error;
    assert!(error.is_item_login_required());
    assert_eq!(error.error_code, ErrorCode::ITEM_LOGIN_REQUIRED);
    assert_eq!(error.status, Some(400));
    assert_eq!(error.request_id, None);
    assert_eq!(webhook.error(), Some(error));

    // ITEM/ERROR without its error is not an ITEM/ERROR.
    let missing = Webhook::from_slice(&body("ITEM", "ERROR", json!({}))).unwrap_err();
    assert_eq!(missing.kind(), ErrorKind::Decode);
    assert!(
        missing.to_string().contains("missing field `error`"),
        "{missing}"
    );
}

#[test]
fn item_webhooks_decode_with_their_fields() {
    for (code, expected) in [
        ("LOGIN_REPAIRED", "ItemLoginRepaired"),
        ("NEW_ACCOUNTS_AVAILABLE", "NewAccountsAvailable"),
        ("USER_PERMISSION_REVOKED", "UserPermissionRevoked"),
    ] {
        let webhook = parse("ITEM", code, json!({"user_id": "usr_9nSp2KuZ2x4JDw"}));
        let notice = match &webhook {
            Webhook::ItemLoginRepaired(notice)
            | Webhook::NewAccountsAvailable(notice)
            | Webhook::UserPermissionRevoked(notice) => notice,
            other => panic!("{code} decoded as {other:?}"),
        };
        assert!(format!("{webhook:?}").starts_with(expected), "{webhook:?}");
        assert_eq!(notice.user_id.as_deref(), Some("usr_9nSp2KuZ2x4JDw"));
    }
    let revoked = parse(
        "ITEM",
        "USER_PERMISSION_REVOKED",
        json!({"error": webhook_error("ITEM_ERROR", "USER_PERMISSION_REVOKED", 400)}),
    );
    assert_eq!(
        revoked.error().map(|error| error.error_code.as_str()),
        Some("USER_PERMISSION_REVOKED")
    );

    let Webhook::PendingExpiration(expiring) = parse(
        "ITEM",
        "PENDING_EXPIRATION",
        json!({"consent_expiration_time": "2020-01-15T13:25:17.766Z"}),
    ) else {
        panic!("not PENDING_EXPIRATION")
    };
    assert_eq!(
        expiring.consent_expiration_time.unix_timestamp(),
        1_579_094_717
    );

    let Webhook::PendingDisconnect(disconnect) = parse(
        "ITEM",
        "PENDING_DISCONNECT",
        json!({"reason": "INSTITUTION_MIGRATION", "disconnect_time": "2026-01-15T00:00:00Z"}),
    ) else {
        panic!("not PENDING_DISCONNECT")
    };
    assert_eq!(
        disconnect.reason,
        PendingDisconnectReason::InstitutionMigration
    );
    let Webhook::PendingDisconnect(disconnect) = parse(
        "ITEM",
        "PENDING_DISCONNECT",
        json!({"reason": "A_NEW_REASON", "disconnect_time": "2026-01-15T00:00:00Z"}),
    ) else {
        panic!("not PENDING_DISCONNECT")
    };
    assert_eq!(
        disconnect.reason,
        PendingDisconnectReason::Unknown("A_NEW_REASON".into())
    );

    let Webhook::UserAccountRevoked(account) = parse(
        "ITEM",
        "USER_ACCOUNT_REVOKED",
        json!({"account_id": "BxBXxLj1m4HMXBm9WZJyUg9XLd4rKEhw8Pb1J"}),
    ) else {
        panic!("not USER_ACCOUNT_REVOKED")
    };
    assert_eq!(account.account_id, "BxBXxLj1m4HMXBm9WZJyUg9XLd4rKEhw8Pb1J");

    let Webhook::WebhookUpdateAcknowledged(acknowledged) = parse(
        "ITEM",
        "WEBHOOK_UPDATE_ACKNOWLEDGED",
        json!({"new_webhook_url": "https://plaid.example.com/webhook", "error": null}),
    ) else {
        panic!("not WEBHOOK_UPDATE_ACKNOWLEDGED")
    };
    assert_eq!(
        acknowledged.new_webhook_url,
        "https://plaid.example.com/webhook"
    );
}

#[test]
fn product_webhooks_decode_with_their_fields() {
    for code in ["AUTOMATICALLY_VERIFIED", "VERIFICATION_EXPIRED"] {
        let webhook = parse(
            "AUTH",
            code,
            json!({"account_id": "dVzbVMLjrxTnLjX4G66XUp5GLklm4oiZy88yK"}),
        );
        let (Webhook::AutomaticallyVerified(verification)
        | Webhook::VerificationExpired(verification)) = &webhook
        else {
            panic!("{code} decoded as {webhook:?}")
        };
        assert_eq!(
            verification.account_id,
            "dVzbVMLjrxTnLjX4G66XUp5GLklm4oiZy88yK"
        );
    }

    let Webhook::AuthDefaultUpdate(auth) = parse(
        "AUTH",
        "DEFAULT_UPDATE",
        json!({
            "account_ids_with_new_auth": ["Aa"],
            "account_ids_with_updated_auth": {"Bb": ["ACCOUNT_NUMBER", "ROUTING_NUMBER"]},
            "error": null,
        }),
    ) else {
        panic!("not AUTH/DEFAULT_UPDATE")
    };
    assert_eq!(auth.account_ids_with_new_auth, ["Aa"]);
    assert_eq!(
        auth.account_ids_with_updated_auth["Bb"],
        [AuthUpdateType::AccountNumber, AuthUpdateType::RoutingNumber]
    );

    let Webhook::HoldingsDefaultUpdate(holdings) = parse(
        "HOLDINGS",
        "DEFAULT_UPDATE",
        json!({"new_holdings": 19, "updated_holdings": 0}),
    ) else {
        panic!("not HOLDINGS/DEFAULT_UPDATE")
    };
    assert_eq!((holdings.new_holdings, holdings.updated_holdings), (19, 0));

    for code in ["DEFAULT_UPDATE", "HISTORICAL_UPDATE"] {
        let webhook = parse(
            "INVESTMENTS_TRANSACTIONS",
            code,
            json!({"new_investments_transactions": 16, "cancelled_investments_transactions": 2}),
        );
        let (Webhook::InvestmentsDefaultUpdate(investments)
        | Webhook::InvestmentsHistoricalUpdate(investments)) = &webhook
        else {
            panic!("{code} decoded as {webhook:?}")
        };
        assert_eq!(investments.new_investments_transactions, 16);
        assert_eq!(investments.cancelled_investments_transactions, 2);
    }

    let Webhook::LiabilitiesDefaultUpdate(liabilities) = parse(
        "LIABILITIES",
        "DEFAULT_UPDATE",
        json!({
            "account_ids_with_new_liabilities": [],
            "account_ids_with_updated_liabilities": {"Cc": ["past_amount_due"]},
            "error": null,
        }),
    ) else {
        panic!("not LIABILITIES/DEFAULT_UPDATE")
    };
    assert_eq!(
        liabilities.account_ids_with_updated_liabilities["Cc"],
        ["past_amount_due"]
    );

    let Webhook::IdentityDefaultUpdate(identity) = parse(
        "IDENTITY",
        "DEFAULT_UPDATE",
        json!({"account_ids_with_updated_identity": {"Dd": ["ADDRESSES", "SOMETHING_NEW"]}, "error": null}),
    ) else {
        panic!("not IDENTITY/DEFAULT_UPDATE")
    };
    assert_eq!(
        identity.account_ids_with_updated_identity["Dd"],
        [
            IdentityUpdateType::Addresses,
            IdentityUpdateType::Unknown("SOMETHING_NEW".into())
        ]
    );
}

#[test]
fn unknown_types_and_codes_are_kept_whole() {
    // A type this version does not know, and a new code of a known type.
    for (webhook_type, code) in [
        ("TRANSFER", "TRANSFER_EVENTS_UPDATE"),
        ("TRANSACTIONS", "SOME_FUTURE_CODE"),
    ] {
        let fields = json!({
            "error": webhook_error("API_ERROR", "INTERNAL_SERVER_ERROR", 500),
            "extra": {"nested": [1, 2, 3]},
        });
        let webhook = Webhook::from_slice(&body(webhook_type, code, fields)).unwrap();
        let Webhook::Unknown(unknown) = &webhook else {
            panic!("{webhook_type}/{code} decoded as {webhook:?}")
        };
        assert_eq!(unknown.webhook_type, WebhookType::from_wire(webhook_type));
        assert_eq!(webhook.webhook_type().as_str(), webhook_type);
        assert_eq!(webhook.webhook_code(), code);
        assert_eq!(webhook.item_id(), Some(ITEM));
        assert_eq!(webhook.environment(), Some(&WebhookEnvironment::Production));
        assert_eq!(webhook.error().map(|error| error.status), Some(Some(500)));
        assert_eq!(unknown.raw["extra"]["nested"][2], 3);
    }

    // An unknown webhook reaches the handler even when its shared fields
    // are odd: they are read leniently.
    let odd = json!({
        "webhook_type": "NEW_TYPE",
        "webhook_code": "NEW_CODE",
        "item_id": 42,
        "environment": "staging",
        "error": "not an object",
    });
    let webhook = Webhook::from_slice(odd.to_string().as_bytes()).unwrap();
    assert_eq!(webhook.item_id(), None);
    assert_eq!(
        webhook.environment(),
        Some(&WebhookEnvironment::Unknown("staging".into()))
    );
    assert_eq!(webhook.error(), None);
    let Webhook::Unknown(unknown) = webhook else {
        panic!("not unknown")
    };
    assert_eq!(unknown.raw, odd);
}

#[test]
fn environment_and_error_may_be_absent() {
    let bare = json!({
        "webhook_type": "TRANSACTIONS",
        "webhook_code": "DEFAULT_UPDATE",
        "item_id": ITEM,
        "new_transactions": 3,
    });
    let webhook = Webhook::from_slice(bare.to_string().as_bytes()).unwrap();
    assert_eq!(webhook.environment(), None);
    assert_eq!(webhook.error(), None);
    let sandbox = body("ITEM", "LOGIN_REPAIRED", json!({"environment": "sandbox"}));
    assert_eq!(
        Webhook::from_slice(&sandbox).unwrap().environment(),
        Some(&WebhookEnvironment::Sandbox)
    );
}

#[test]
fn a_known_pair_with_a_broken_field_is_a_decode_error_naming_it() {
    let secret_looking = "wz666MBjYWTp2PDzzggYhM6oWWmBb-do-not-print";
    let broken = body(
        "TRANSACTIONS",
        "DEFAULT_UPDATE",
        json!({"new_transactions": secret_looking}),
    );
    let error = Webhook::from_slice(&broken).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Decode);
    assert_eq!(error.decode_path(), Some("new_transactions"));
    assert_eq!(error.status(), None);
    assert_eq!(error.body(), Some(broken.as_slice()));
    let shown = format!("{error} {error:?}");
    assert!(shown.contains("webhook body"), "{shown}");
    assert!(!shown.contains(secret_looking), "{shown}");
}

#[test]
fn a_body_that_is_not_a_webhook_is_a_decode_error() {
    for body in [
        &b""[..],
        b"not json",
        b"[]",
        br#"{"webhook_code": "DEFAULT_UPDATE"}"#,
        br#"{"webhook_type": "TRANSACTIONS"}"#,
        br#"{"webhook_type": 1, "webhook_code": "DEFAULT_UPDATE"}"#,
    ] {
        let error = Webhook::from_slice(body).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Decode, "{body:?}");
    }
}
