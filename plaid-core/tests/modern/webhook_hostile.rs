//! Forged webhooks, each refused with the kind of its forgery, through the
//! full driver (header lookup, key fetch, verification) against a canned
//! key server. Forgeries that need no key never reach the key server.

use std::time::{Duration, SystemTime};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use plaid_core::http::{HeaderMap, HeaderValue};
use plaid_core::modern::webhook::{
    KeyCache, MAX_HEADER_LEN, TestSigner, Verification, WebhookErrorKind as Kind, WebhookVerifier,
};
use ring::hmac;
use serde_json::{Value, json};

use crate::webhook_driver::{KeyServer, headers};

const KID: &str = "6c5516e1-92dc-479e-a8ff-5a51992e0001";
const EXPIRED_KID: &str = "0d1c4bd2-expired";

/// The pretty-printed body Plaid signed.
const BODY: &str = "{\n  \"webhook_type\": \"TRANSACTIONS\",\n  \"webhook_code\": \"SYNC_UPDATES_AVAILABLE\",\n  \"item_id\": \"wz666MBjYWTp2PDzzggYhM6oWWmBb\",\n  \"initial_update_complete\": true,\n  \"historical_update_complete\": false,\n  \"environment\": \"production\"\n}";

fn b64(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

fn b64_json(value: &Value) -> String {
    b64(value.to_string().as_bytes())
}

/// One forged delivery and the kind it must be refused with.
struct Forgery {
    name: &'static str,
    headers: HeaderMap,
    body: Vec<u8>,
    expected: Kind,
}

/// The world of the table: Plaid's key, an expired key, and a forger's
/// key that Plaid never issued.
struct World {
    plaid: TestSigner,
    expired: TestSigner,
    forger: TestSigner,
    now: SystemTime,
}

impl World {
    fn new() -> Self {
        World {
            plaid: TestSigner::generate(KID).unwrap(),
            expired: TestSigner::generate(EXPIRED_KID).unwrap(),
            forger: TestSigner::generate("a-kid-plaid-never-issued").unwrap(),
            now: SystemTime::now(),
        }
    }

    fn server(&self) -> std::sync::Arc<KeyServer> {
        let server = KeyServer::new();
        server.serve(&self.plaid, None);
        server.serve(&self.expired, Some(1_700_000_000));
        server
    }

    /// Plaid's genuine header for `body`.
    fn genuine(&self, body: &[u8]) -> String {
        self.plaid.sign(body, self.now).unwrap()
    }

    /// Plaid's genuine claims for `body`, now.
    fn claims(&self, body: &[u8]) -> Value {
        let digest = ring::digest::digest(&ring::digest::SHA256, body);
        let hex: String = digest.as_ref().iter().map(|b| format!("{b:02x}")).collect();
        json!({"iat": unix(self.now), "request_body_sha256": hex})
    }

    fn table(&self) -> Vec<Forgery> {
        let body = BODY.as_bytes().to_vec();
        let genuine = self.genuine(&body);
        let claims = self.claims(&body);
        let forgery = |name, header: String, expected| Forgery {
            name,
            headers: headers(&header),
            body: body.clone(),
            expected,
        };
        let mut table = Vec::new();

        // The body.
        let tampered = BODY.replace(
            "\"initial_update_complete\": true",
            "\"initial_update_complete\": false",
        );
        assert_ne!(tampered, BODY);
        table.push(Forgery {
            name: "a tampered body",
            headers: headers(&genuine),
            body: tampered.into_bytes(),
            expected: Kind::BodyMismatch,
        });
        let reformatted =
            serde_json::to_vec(&serde_json::from_str::<Value>(BODY).unwrap()).unwrap();
        assert_ne!(reformatted, body);
        table.push(Forgery {
            name: "a re-formatted body (parsed and serialised again)",
            headers: headers(&genuine),
            body: reformatted,
            expected: Kind::BodyMismatch,
        });
        table.push(Forgery {
            name: "an empty body",
            headers: headers(&genuine),
            body: Vec::new(),
            expected: Kind::BodyMismatch,
        });

        // The algorithm.
        for alg in ["none", "None", "NONE", "nOnE"] {
            let header = b64_json(&json!({"alg": alg, "kid": KID, "typ": "JWT"}));
            let unsigned = format!("{header}.{}.", b64_json(&claims));
            table.push(forgery(
                "alg: none, unsigned",
                unsigned,
                Kind::UnsupportedAlgorithm,
            ));
        }
        let genuine_signature = genuine.rsplit('.').next().unwrap();
        let header = b64_json(&json!({"alg": "none", "kid": KID}));
        table.push(forgery(
            "alg: none with a genuine signature attached",
            format!("{header}.{}.{genuine_signature}", b64_json(&claims)),
            Kind::UnsupportedAlgorithm,
        ));
        // HS256 keyed with the public key: the classic algorithm confusion.
        let jwk = self.plaid.jwk();
        let point = [
            &[0x04][..],
            &URL_SAFE_NO_PAD.decode(&jwk.x).unwrap(),
            &URL_SAFE_NO_PAD.decode(&jwk.y).unwrap(),
        ]
        .concat();
        let jwk_text = json!({"kty": "EC", "crv": "P-256", "x": jwk.x, "y": jwk.y}).to_string();
        for secret in [&point[..], jwk_text.as_bytes(), jwk.x.as_bytes()] {
            let header = b64_json(&json!({"alg": "HS256", "kid": KID, "typ": "JWT"}));
            let signing_input = format!("{header}.{}", b64_json(&claims));
            let tag = hmac::sign(
                &hmac::Key::new(hmac::HMAC_SHA256, secret),
                signing_input.as_bytes(),
            );
            table.push(forgery(
                "HS256 with the public key as its secret",
                format!("{signing_input}.{}", b64(tag.as_ref())),
                Kind::UnsupportedAlgorithm,
            ));
        }
        for alg in ["RS256", "ES384", "PS256", "es256", "ES256 ", ""] {
            let header = json!({"alg": alg, "kid": KID, "typ": "JWT"}).to_string();
            let signed = self
                .plaid
                .sign_jwt(header.as_bytes(), claims.to_string().as_bytes())
                .unwrap();
            table.push(forgery(
                "another algorithm",
                signed,
                Kind::UnsupportedAlgorithm,
            ));
        }

        // The key.
        table.push(forgery(
            "an unknown kid",
            self.forger.sign(&body, self.now).unwrap(),
            Kind::UnknownKey,
        ));
        let impostor = TestSigner::generate(KID).unwrap();
        table.push(forgery(
            "Plaid's kid, signed by another key",
            impostor.sign(&body, self.now).unwrap(),
            Kind::BadSignature,
        ));
        table.push(forgery(
            "an expired key",
            self.expired.sign(&body, self.now).unwrap(),
            Kind::ExpiredKey,
        ));

        // The signature.
        let mut flipped = URL_SAFE_NO_PAD.decode(genuine_signature).unwrap();
        flipped[10] ^= 0x01;
        let (signing_input, _) = genuine.rsplit_once('.').unwrap();
        table.push(forgery(
            "a flipped signature bit",
            format!("{signing_input}.{}", b64(&flipped)),
            Kind::BadSignature,
        ));
        let other = self.genuine(b"{\"another\": \"body\"}");
        let (_, other_signature) = other.rsplit_once('.').unwrap();
        table.push(forgery(
            "another webhook's signature",
            format!("{signing_input}.{other_signature}"),
            Kind::BadSignature,
        ));
        let (header_part, _) = genuine.split_once('.').unwrap();
        let mut later = claims.clone();
        later["iat"] = json!(unix(self.now) + 1);
        table.push(forgery(
            "claims changed under a genuine signature",
            format!("{header_part}.{}.{genuine_signature}", b64_json(&later)),
            Kind::BadSignature,
        ));

        // The time.
        table.push(forgery(
            "a stale iat (301 seconds old)",
            self.plaid
                .sign(&body, self.now - Duration::from_secs(301))
                .unwrap(),
            Kind::Stale,
        ));
        table.push(forgery(
            "a stale iat (a day old)",
            self.plaid
                .sign(&body, self.now - Duration::from_secs(86_400))
                .unwrap(),
            Kind::Stale,
        ));
        table.push(forgery(
            "a future iat (two minutes ahead)",
            self.plaid
                .sign(&body, self.now + Duration::from_secs(120))
                .unwrap(),
            Kind::IssuedInFuture,
        ));

        // The header itself.
        table.push(Forgery {
            name: "no Plaid-Verification header",
            headers: HeaderMap::new(),
            body: body.clone(),
            expected: Kind::MissingHeader,
        });
        let mut duplicated = headers(&genuine);
        duplicated.append(
            "Plaid-Verification",
            HeaderValue::from_str(&genuine).unwrap(),
        );
        table.push(Forgery {
            name: "a duplicated header",
            headers: duplicated,
            body: body.clone(),
            expected: Kind::DuplicateHeader,
        });
        table.push(forgery(
            "a huge header",
            "a".repeat(1 << 20),
            Kind::HeaderTooLarge,
        ));
        let huge_kid = self
            .plaid
            .sign_jwt(
                json!({"alg": "ES256", "kid": "k".repeat(MAX_HEADER_LEN), "typ": "JWT"})
                    .to_string()
                    .as_bytes(),
                claims.to_string().as_bytes(),
            )
            .unwrap();
        table.push(forgery(
            "a well-formed JWT with a huge kid",
            huge_kid,
            Kind::HeaderTooLarge,
        ));

        // The JWT's shape.
        for (name, header, claims) in [
            (
                "no kid",
                json!({"alg": "ES256", "typ": "JWT"}),
                claims.clone(),
            ),
            (
                "an empty kid",
                json!({"alg": "ES256", "kid": ""}),
                claims.clone(),
            ),
            (
                "a kid that is not a string",
                json!({"alg": "ES256", "kid": 7}),
                claims.clone(),
            ),
            (
                "critical extensions",
                json!({"alg": "ES256", "kid": KID, "crit": ["b64"]}),
                claims.clone(),
            ),
            (
                "an iat that is a string",
                json!({"alg": "ES256", "kid": KID}),
                json!({"iat": "now", "request_body_sha256": claims["request_body_sha256"]}),
            ),
            (
                "no body hash",
                json!({"alg": "ES256", "kid": KID}),
                json!({"iat": claims["iat"]}),
            ),
            (
                "a short body hash",
                json!({"alg": "ES256", "kid": KID}),
                json!({"iat": claims["iat"], "request_body_sha256": "abcd"}),
            ),
        ] {
            let signed = self
                .plaid
                .sign_jwt(header.to_string().as_bytes(), claims.to_string().as_bytes())
                .unwrap();
            table.push(forgery(name, signed, Kind::Malformed));
        }
        let duplicate_alg =
            br#"{"alg":"ES256","alg":"none","kid":"6c5516e1-92dc-479e-a8ff-5a51992e0001"}"#;
        let signed = self
            .plaid
            .sign_jwt(duplicate_alg, claims.to_string().as_bytes())
            .unwrap();
        table.push(forgery("a duplicated alg", signed, Kind::Malformed));
        table.push(forgery(
            "a padded signature",
            format!("{genuine}=="),
            Kind::Malformed,
        ));
        table.push(forgery(
            "four parts",
            format!("{genuine}.{genuine_signature}"),
            Kind::Malformed,
        ));
        table.push(forgery("an empty header", String::new(), Kind::Malformed));
        table.push(forgery(
            "a bearer prefix",
            format!("Bearer {genuine}"),
            Kind::Malformed,
        ));
        table
    }
}

fn unix(at: SystemTime) -> u64 {
    at.duration_since(SystemTime::UNIX_EPOCH).unwrap().as_secs()
}

/// Kinds decided before any key is needed.
fn needs_no_key(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::MissingHeader
            | Kind::DuplicateHeader
            | Kind::HeaderTooLarge
            | Kind::Malformed
            | Kind::UnsupportedAlgorithm
    )
}

#[test]
fn every_forged_webhook_is_refused_with_its_own_kind() {
    let world = World::new();
    let server = world.server();
    let client = server.blocking();

    // The control: the genuine delivery verifies through the same path.
    let keys = KeyCache::new();
    let genuine = headers(&world.genuine(BODY.as_bytes()));
    let verified = client
        .verify_webhook(&keys, &genuine, BODY.as_bytes())
        .at(world.now)
        .send()
        .unwrap();
    assert_eq!(verified.kid, KID);
    server.take_asked();

    let table = world.table();
    assert!(table.len() >= 40, "{} cases", table.len());
    let mut kinds = std::collections::HashSet::new();
    for case in &table {
        let keys = KeyCache::new();
        let result = client
            .verify_webhook(&keys, &case.headers, &case.body)
            .at(world.now)
            .send();
        let error = match result {
            Ok(verified) => panic!("{}: verified as {verified:?}", case.name),
            Err(error) => error,
        };
        assert_eq!(error.kind(), case.expected, "{}: {error}", case.name);
        let asked = server.take_asked();
        if needs_no_key(case.expected) {
            assert!(asked.is_empty(), "{}: asked Plaid for {asked:?}", case.name);
        }
        kinds.insert(case.expected);
    }
    // Every kind a forgery can cause is exercised (KeyFetch and InvalidKey
    // are about Plaid's side, tested with the drivers).
    assert_eq!(kinds.len(), 11, "{kinds:?}");
}

#[test]
fn every_truncation_of_a_genuine_jwt_is_malformed() {
    let world = World::new();
    let body = BODY.as_bytes();
    let genuine = world.genuine(body);
    let keys = KeyCache::new();
    keys.insert(world.plaid.verification_key().unwrap());
    let verifier = WebhookVerifier::new();
    for cut in 0..genuine.len() {
        let truncated = &genuine[..cut];
        let kind = verifier
            .verify(truncated, body, world.now, &keys)
            .err()
            .map(|error| error.kind());
        assert_eq!(kind, Some(Kind::Malformed), "cut at {cut}: {truncated:?}");
    }
    assert!(verifier.verify(&genuine, body, world.now, &keys).is_ok());
}

#[test]
fn arbitrary_bytes_in_the_header_are_refused_without_panicking() {
    let world = World::new();
    let keys = KeyCache::new();
    keys.insert(world.plaid.verification_key().unwrap());
    let verifier = WebhookVerifier::new();
    let genuine = world.genuine(BODY.as_bytes()).into_bytes();
    // Every single-byte change of a genuine token is refused.
    for at in 0..genuine.len() {
        for replacement in [b'A', b'.', b'=', 0x00, 0xff, b'_'] {
            let mut changed = genuine.clone();
            if changed[at] == replacement {
                continue;
            }
            changed[at] = replacement;
            // A change in the kid asks for another key; anything else is
            // refused.
            let result = verifier.verify(&changed, BODY.as_bytes(), world.now, &keys);
            assert!(
                !matches!(result, Ok(Verification::Verified(_))),
                "byte {at} set to {replacement:#x} still verifies"
            );
        }
    }
}
