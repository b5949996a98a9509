//! MFA challenges (a 201): every challenge type, an unknown one kept, every
//! call that may need MFA reading a 201 as a challenge, and both outcomes
//! carrying the access token.

use crate::support::*;
use plaid_core::Endpoint;
use plaid_core::legacy::endpoints::{
    Add, Auth, Connect, Income, Info, Risk, Step, Update, Upgrade, UpgradeStep,
};
use plaid_core::legacy::models::{DeviceType, Mfa, Outcome};
use serde_json::json;

use super::{challenge, connect_body};

#[test]
fn a_questions_challenge_parses() {
    let challenge = challenge(
        r#"{"type":"questions","mfa":[{"question":"You say tomato, I say...?"}],"access_token":"test_bofa"}"#,
    );
    assert_eq!(challenge.access_token.expose_secret(), "test_bofa");
    assert_eq!(challenge.mfa.kind(), "questions");
    let Mfa::Questions(questions) = &challenge.mfa else {
        panic!("{:?}", challenge.mfa)
    };
    assert_eq!(questions[0].question, "You say tomato, I say...?");
}

#[test]
fn a_list_challenge_parses_with_every_device_type() {
    let challenge = challenge(
        r#"{"type":"list","mfa":[{"mask":"t..t@plaid.com","type":"email"},{"mask":"xxx-xxx-5309","type":"phone"},{"mask":"SafePass Card","type":"card"}],"access_token":"test_chase"}"#,
    );
    let Mfa::List(devices) = &challenge.mfa else {
        panic!("{:?}", challenge.mfa)
    };
    let kinds: Vec<_> = devices.iter().map(|d| d.kind.clone()).collect();
    assert_eq!(
        kinds,
        [DeviceType::Email, DeviceType::Phone, DeviceType::Card]
    );
    assert_eq!(devices[1].mask, "xxx-xxx-5309");
}

#[test]
fn a_device_challenge_parses_as_an_object_or_a_plain_string() {
    for body in [
        r#"{"type":"device","mfa":{"message":"Code sent to xxx-xxx-5309"},"access_token":"test_chase"}"#,
        r#"{"type":"device","mfa":"Code sent to xxx-xxx-5309","access_token":"test_chase"}"#,
    ] {
        let challenge = challenge(body);
        assert_eq!(
            challenge.mfa,
            Mfa::Device {
                message: "Code sent to xxx-xxx-5309".into()
            }
        );
        assert_eq!(challenge.mfa.kind(), "device");
    }
}

#[test]
fn a_selections_challenge_parses() {
    let challenge = challenge(
        r#"{"type":"selections","mfa":[{"question":"You say tomato, I say...?","answers":["tomato","ketchup"]},{"question":"Ketchup or mustard?","answers":["ketchup","mustard"]}],"access_token":"test_citi"}"#,
    );
    let Mfa::Selections(selections) = &challenge.mfa else {
        panic!("{:?}", challenge.mfa)
    };
    assert_eq!(selections.len(), 2);
    assert_eq!(selections[1].question, "Ketchup or mustard?");
    assert_eq!(selections[1].answers, ["ketchup", "mustard"]);
}

#[test]
fn an_unknown_challenge_type_is_kept() {
    let challenge =
        challenge(r#"{"type":"retina","mfa":{"scanner":"left eye"},"access_token":"test_bofa"}"#);
    assert_eq!(
        challenge.mfa,
        Mfa::Unknown {
            kind: "retina".into(),
            mfa: json!({"scanner": "left eye"})
        }
    );
    assert_eq!(challenge.mfa.kind(), "retina");
}

#[test]
fn every_call_that_may_need_mfa_parses_a_201_as_a_challenge() {
    let body = r#"{"type":"questions","mfa":[{"question":"again?"}],"access_token":"test_us"}"#;
    let outcomes = [
        Add::<Auth>::parse_response(response(201, body))
            .unwrap()
            .access_token()
            .expose_secret()
            .to_owned(),
        Step::<Info>::parse_response(response(201, body))
            .unwrap()
            .access_token()
            .expose_secret()
            .to_owned(),
        Update::<Income>::parse_response(response(201, body))
            .unwrap()
            .access_token()
            .expose_secret()
            .to_owned(),
        Step::<Risk>::parse_response(response(201, body))
            .unwrap()
            .access_token()
            .expose_secret()
            .to_owned(),
        Upgrade::parse_response(response(201, body))
            .unwrap()
            .access_token()
            .expose_secret()
            .to_owned(),
        UpgradeStep::parse_response(response(201, body))
            .unwrap()
            .access_token()
            .expose_secret()
            .to_owned(),
    ];
    assert!(outcomes.iter().all(|token| token == "test_us"));
    assert!(
        Step::<Connect>::parse_response(response(201, body))
            .unwrap()
            .is_mfa_required()
    );
}

#[test]
fn both_outcomes_carry_the_access_token() {
    let connected: Outcome<_> =
        Add::<Connect>::parse_response(response(200, &connect_body())).unwrap();
    let challenged: Outcome<_> = Add::<Connect>::parse_response(response(
        201,
        r#"{"type":"device","mfa":{"message":"Code sent to t..t@plaid.com"},"access_token":"test_chase"}"#,
    ))
    .unwrap();
    assert_eq!(connected.access_token().expose_secret(), "test_bofa");
    assert_eq!(challenged.access_token().expose_secret(), "test_chase");
    assert!(challenged.is_mfa_required());
    assert!(challenged.connected().is_none());
    assert!(connected.mfa_required().is_none());
}
