//! The sandbox MFA rules of legacy-api.md §5 and the 201 challenge bodies of §3.4.
//!
//! The sandbox is stateless: a step does not know which challenge was sent, so every correct
//! answer (`tomato`, the code `1234`, the selections `["tomato","ketchup"]`) is accepted on any
//! step, `again` asks another question round, and anything else is 402/1203.

use serde_json::{Value, json};

use crate::legacy::data::institutions::Institution;
use crate::legacy::errors::{ApiError, ApiResult};
use crate::legacy::handlers::{SandboxUser, Token};
use crate::legacy::params::Options;
use crate::server::Response;

/// The sandbox security question.
pub(crate) const QUESTION: &str = "You say tomato, I say...?";
/// The correct answer to [`QUESTION`].
pub(crate) const ANSWER: &str = "tomato";
/// The correct device code.
pub(crate) const CODE: &str = "1234";
/// The devices of the `list` challenge: (mask, type).
pub(crate) const DEVICES: [(&str, &str); 3] = [
    ("t..t@plaid.com", "email"),
    ("xxx-xxx-5309", "phone"),
    ("SafePass Card", "card"),
];

/// What an add (or PATCH) answers before any MFA: `None` for a 200, or the 201 challenge.
pub(crate) fn challenge_for(
    institution: &Institution,
    user: SandboxUser,
    options: &Options,
    token: &Token,
) -> Option<Response> {
    match institution.kind {
        // No MFA in the sandbox.
        _ if institution.mfa.is_empty() => None,
        "chase" => Some(if options.flag("list") {
            list(token)
        } else {
            device(DEVICES[0].0, token)
        }),
        "citi" if user == SandboxUser::Selections => Some(selections(token)),
        _ => Some(questions(token)),
    }
}

/// 201 `questions`.
pub(crate) fn questions(token: &Token) -> Response {
    Response::json(
        201,
        &json!({ "type": "questions", "mfa": [ { "question": QUESTION } ], "access_token": token.raw }),
    )
}

/// 201 `list` of the three devices.
pub(crate) fn list(token: &Token) -> Response {
    let devices: Vec<Value> = DEVICES
        .iter()
        .map(|(mask, kind)| json!({ "mask": mask, "type": kind }))
        .collect();
    Response::json(
        201,
        &json!({ "type": "list", "mfa": devices, "access_token": token.raw }),
    )
}

/// 201 `device`: "Code sent to `<mask>`".
pub(crate) fn device(mask: &str, token: &Token) -> Response {
    Response::json(
        201,
        &json!({ "type": "device", "mfa": { "message": format!("Code sent to {mask}") }, "access_token": token.raw }),
    )
}

/// 201 `selections` (**[emulator choice]** texts of legacy-api.md §5).
pub(crate) fn selections(token: &Token) -> Response {
    Response::json(
        201,
        &json!({
            "type": "selections",
            "mfa": [
                { "question": QUESTION, "answers": ["tomato", "ketchup"] },
                { "question": "Ketchup or mustard?", "answers": ["ketchup", "mustard"] }
            ],
            "access_token": token.raw
        }),
    )
}

/// The verdict on an `mfa` answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// Correct: answer with the product body.
    Correct,
    /// `again`: another round of questions.
    Again,
    /// Wrong: 402/1203.
    Wrong,
}

/// Judges an `mfa` value (a string, or in a JSON body possibly an array or a number).
pub(crate) fn judge(mfa: &Value) -> Verdict {
    match mfa {
        Value::String(s) => {
            let s = s.trim();
            match s {
                ANSWER | CODE => Verdict::Correct,
                "again" => Verdict::Again,
                _ => match serde_json::from_str::<Value>(s) {
                    Ok(v @ Value::Array(_)) => judge(&v),
                    _ => Verdict::Wrong,
                },
            }
        }
        Value::Number(n) if n.as_u64() == Some(1234) => Verdict::Correct,
        Value::Array(items) => {
            let answers: Vec<&str> = items.iter().filter_map(Value::as_str).collect();
            if answers.len() == items.len() && answers == ["tomato", "ketchup"] {
                Verdict::Correct
            } else {
                Verdict::Wrong
            }
        }
        _ => Verdict::Wrong,
    }
}

/// A step choosing a send method: `{"type": "email"|"phone"|"card"}` or `{"mask": ...}` (as a
/// JSON object or a JSON string) gives 201 device; anything else 402/1204.
pub(crate) fn send_method(method: &Value, token: &Token) -> ApiResult<Response> {
    let parsed;
    let method = match method {
        Value::String(s) => {
            parsed = serde_json::from_str::<Value>(s).map_err(|_| ApiError::new(1204))?;
            &parsed
        }
        v => v,
    };
    let by = |field: &str, idx: usize| {
        method
            .get(field)
            .and_then(Value::as_str)
            .and_then(|want| DEVICES.iter().find(|d| [d.0, d.1][idx] == want))
    };
    match by("type", 1).or_else(|| by("mask", 0)) {
        Some((mask, _)) => Ok(device(mask, token)),
        None => Err(ApiError::new(1204)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_judged() {
        assert_eq!(judge(&json!("tomato")), Verdict::Correct);
        assert_eq!(judge(&json!("1234")), Verdict::Correct);
        assert_eq!(judge(&json!("again")), Verdict::Again);
        assert_eq!(judge(&json!("[\"tomato\",\"ketchup\"]")), Verdict::Correct);
        assert_eq!(judge(&json!(["tomato", "ketchup"])), Verdict::Correct);
        assert_eq!(judge(&json!(["tomato", "mustard"])), Verdict::Wrong);
        assert_eq!(judge(&json!("potato")), Verdict::Wrong);
    }
}
