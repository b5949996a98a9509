//! Adding an item, and the MFA flows: connecting without MFA, every MFA
//! kind the sandbox has (questions at Bank of America, a device list and a
//! code at Chase, selections at Citi), and the auth add with its own step.

use plaid_core::legacy::models::{DeviceType, Mfa};
use plaid_core::legacy::{AddOptions, ErrorCode, Login, MfaAnswer, PythonException};

use crate::{
    Backend, POSTED_TRANSACTIONS, QUESTION, api_error, assert_code_sent, assert_questions,
    assert_sandbox_accounts, assert_token, challenge, connected, good_login,
};

/// Adding a Wells Fargo user connects at once with the accounts, posted
/// transactions and token.
pub fn connect_without_mfa_returns_accounts_transactions_and_token(backend: &impl Backend) {
    let (_sandbox, client) = backend.sandbox_client();

    let data = connected(backend.send(client.connect("wells", good_login())));
    assert_sandbox_accounts(&data.accounts);
    let transactions = data.transactions.expect("transactions");
    assert_eq!(transactions.len(), POSTED_TRANSACTIONS);
    assert!(transactions.iter().all(|t| !t.pending));
    assert_token(Some(&data.access_token), "test_wells");
}

/// `login_only` connects without transactions.
pub fn connect_login_only_omits_transactions(backend: &impl Backend) {
    let (_sandbox, client) = backend.sandbox_client();

    let options = AddOptions::new().login_only(true);
    let data = connected(backend.send(client.connect_with_options("wells", good_login(), options)));
    assert_sandbox_accounts(&data.accounts);
    assert!(
        data.transactions.is_none(),
        "login_only has no transactions"
    );
    assert_token(Some(&data.access_token), "test_wells");
}

/// The newer sandbox credentials (`user_good` / `pass_good`) connect too.
pub fn newer_sandbox_alias_credentials_connect(backend: &impl Backend) {
    let (_sandbox, client) = backend.sandbox_client();

    let data =
        connected(backend.send(client.connect("amex", Login::new("user_good", "pass_good"))));
    assert_token(Some(&data.access_token), "test_amex");
}

/// Info, income and risk adds return their products' data.
pub fn info_income_and_risk_adds_return_their_payloads(backend: &impl Backend) {
    let (_sandbox, client) = backend.sandbox_client();

    let info = connected(backend.send(client.info("wells", good_login())));
    assert_eq!(info.info.names, ["Kelly Walters"]);
    let income = connected(backend.send(client.income("wells", good_login())));
    assert_eq!(income.income.number_of_income_streams, Some(2));
    let risk = connected(backend.send(client.risk("wells", good_login())));
    assert!(risk.accounts.iter().all(|a| a.risk.is_some()));
}

/// Bank of America asks its question; `again` asks another round and `tomato`
/// connects.
pub fn mfa_questions_again_asks_another_round_then_tomato_connects(backend: &impl Backend) {
    let (_sandbox, client) = backend.sandbox_client();

    let first = challenge(backend.send(client.connect("bofa", good_login())));
    assert_questions(&first, "test_bofa");
    let bofa = client.with_access_token(first.access_token);

    let again = challenge(backend.send(bofa.connect_step(MfaAnswer::answer("again"))));
    assert_questions(&again, "test_bofa");

    let data = connected(backend.send(bofa.connect_step(MfaAnswer::answer("tomato"))));
    assert_sandbox_accounts(&data.accounts);
    assert_eq!(
        data.transactions.map(|t| t.len()),
        Some(POSTED_TRANSACTIONS)
    );
    assert_token(Some(&data.access_token), "test_bofa");
}

/// A wrong answer is `RequestFailed` / `InvalidMfa`, and the error keeps the
/// access token.
pub fn mfa_wrong_answer_is_invalid_mfa_and_echoes_the_token(backend: &impl Backend) {
    let (_sandbox, client) = backend.sandbox_client();
    let bofa = client.with_access_token("test_bofa");

    let error = api_error(
        backend.send(bofa.connect_step(MfaAnswer::answer("potato"))),
        PythonException::RequestFailedError,
        ErrorCode::InvalidMfa,
    );
    assert_token(
        error.legacy().and_then(|api| api.access_token.as_ref()),
        "test_bofa",
    );
}

/// Chase lists its devices; choosing the phone sends a code, and the code
/// connects.
pub fn mfa_list_send_to_phone_then_code_connects(backend: &impl Backend) {
    let (_sandbox, client) = backend.sandbox_client();

    let list = challenge(backend.send(client.connect("chase", good_login())));
    let Mfa::List(devices) = &list.mfa else {
        panic!("expected a list, got {:?}", list.mfa)
    };
    let devices: Vec<(&str, &DeviceType)> =
        devices.iter().map(|d| (d.mask.as_str(), &d.kind)).collect();
    assert_eq!(
        devices,
        [
            ("t..t@plaid.com", &DeviceType::Email),
            ("xxx-xxx-5309", &DeviceType::Phone),
            ("SafePass Card", &DeviceType::Card),
        ]
    );
    assert_token(Some(&list.access_token), "test_chase");
    let chase = client.with_access_token(list.access_token);

    let sent = challenge(backend.send(chase.connect_step(MfaAnswer::send_to(DeviceType::Phone))));
    assert_code_sent(&sent, "xxx-xxx-5309", "test_chase");

    let data = connected(backend.send(chase.connect_step(MfaAnswer::code("1234"))));
    assert_sandbox_accounts(&data.accounts);
    assert_token(Some(&data.access_token), "test_chase");
}

/// A send method by mask or by device type picks that device.
pub fn mfa_send_method_by_mask_or_type_picks_that_device(backend: &impl Backend) {
    let (_sandbox, client) = backend.sandbox_client();
    let chase = client.with_access_token("test_chase");

    for (answer, mask) in [
        (MfaAnswer::send_to_mask("xxx-xxx-5309"), "xxx-xxx-5309"),
        (MfaAnswer::send_to_mask("SafePass Card"), "SafePass Card"),
        (MfaAnswer::send_to(DeviceType::Email), "t..t@plaid.com"),
        (MfaAnswer::send_to(DeviceType::Card), "SafePass Card"),
    ] {
        let sent = challenge(backend.send(chase.connect_step(answer)));
        assert_code_sent(&sent, mask, "test_chase");
    }
}

/// `list: false` skips the device list and sends the code to the first device.
pub fn mfa_without_list_sends_the_code_straight_away(backend: &impl Backend) {
    let (_sandbox, client) = backend.sandbox_client();

    let options = AddOptions::new().list(false);
    let sent = challenge(backend.send(client.connect_with_options("chase", good_login(), options)));
    assert_code_sent(&sent, "t..t@plaid.com", "test_chase");
}

/// An unknown mask or device type is `RequestFailed` / `InvalidSendMethod`.
pub fn mfa_unknown_send_method_is_invalid_send_method(backend: &impl Backend) {
    let (_sandbox, client) = backend.sandbox_client();
    let chase = client.with_access_token("test_chase");

    for answer in [
        MfaAnswer::send_to_mask("xxx-xxx-0000"),
        MfaAnswer::send_to(DeviceType::Unknown("pigeon".into())),
    ] {
        api_error(
            backend.send(chase.connect_step(answer)),
            PythonException::RequestFailedError,
            ErrorCode::InvalidSendMethod,
        );
    }
}

/// Citi's selections user gets two selections; answering them in order
/// connects.
pub fn mfa_selections_answered_in_order_connect(backend: &impl Backend) {
    let (_sandbox, client) = backend.sandbox_client();

    let login = Login::new("plaid_selections", "plaid_good");
    let challenge = challenge(backend.send(client.connect("citi", login)));
    let Mfa::Selections(selections) = &challenge.mfa else {
        panic!("expected selections, got {:?}", challenge.mfa)
    };
    let asked: Vec<(&str, &[String])> = selections
        .iter()
        .map(|s| (s.question.as_str(), s.answers.as_slice()))
        .collect();
    assert_eq!(
        asked,
        [
            (QUESTION, &["tomato".to_owned(), "ketchup".to_owned()][..]),
            (
                "Ketchup or mustard?",
                &["ketchup".to_owned(), "mustard".to_owned()][..]
            ),
        ]
    );
    let citi = client.with_access_token(challenge.access_token);

    let answer = MfaAnswer::selections(["tomato", "ketchup"]);
    let data = connected(backend.send(citi.connect_step(answer)));
    assert_sandbox_accounts(&data.accounts);
    assert_token(Some(&data.access_token), "test_citi");
}

/// Wrong selections are `RequestFailed` / `InvalidMfa`, and the error keeps the
/// access token.
pub fn mfa_wrong_selections_are_invalid_mfa(backend: &impl Backend) {
    let (_sandbox, client) = backend.sandbox_client();
    let citi = client.with_access_token("test_citi");

    let error = api_error(
        backend.send(citi.connect_step(MfaAnswer::selections(["tomato", "mustard"]))),
        PythonException::RequestFailedError,
        ErrorCode::InvalidMfa,
    );
    assert_token(
        error.legacy().and_then(|api| api.access_token.as_ref()),
        "test_citi",
    );
}

/// Citi's standard user gets a question, not selections.
pub fn citi_standard_user_gets_questions(backend: &impl Backend) {
    let (_sandbox, client) = backend.sandbox_client();

    let challenge = challenge(backend.send(client.connect("citi", good_login())));
    assert_questions(&challenge, "test_citi");
}

/// An auth add gives routing and account numbers for the depository accounts
/// only.
pub fn auth_gives_numbers_for_depository_accounts_only(backend: &impl Backend) {
    let (_sandbox, client) = backend.sandbox_client();

    let data = connected(backend.send(client.auth("wells", good_login())));
    assert_sandbox_accounts(&data.accounts);
    let numbers: Vec<(Option<&str>, Option<&str>, Option<&str>)> = data
        .accounts
        .iter()
        .map(|a| {
            let n = a.numbers.as_ref().expect("auth accounts have numbers");
            (
                n.routing.as_deref(),
                n.account.as_deref(),
                n.wire_routing.as_deref(),
            )
        })
        .collect();
    let routing = Some("021000021");
    assert_eq!(
        numbers,
        [
            (routing, Some("9900009606"), routing),
            (routing, Some("9900001702"), routing),
            (routing, Some("9900005204"), routing),
            (None, None, None),
        ]
    );
    assert_token(Some(&data.access_token), "test_wells");
}

/// An auth add's MFA is answered with `auth_step`, which gives the numbers.
pub fn auth_mfa_is_answered_with_auth_step(backend: &impl Backend) {
    let (_sandbox, client) = backend.sandbox_client();

    let challenge = challenge(backend.send(client.auth("bofa", good_login())));
    assert_questions(&challenge, "test_bofa");
    let bofa = client.with_access_token(challenge.access_token);

    let data = connected(backend.send(bofa.auth_step(MfaAnswer::answer("tomato"))));
    assert!(
        data.accounts[0]
            .numbers
            .as_ref()
            .is_some_and(|n| n.routing.is_some())
    );
    assert_token(Some(&data.access_token), "test_bofa");
}
