//! The sandbox's client keys. Both API families accept the same pair, as Plaid's sandbox
//! did; each family decides where it reads them (legacy: form fields; modern: headers or body).

/// The sandbox client id.
pub(crate) const CLIENT_ID: &str = "test_id";
/// The sandbox secret.
pub(crate) const SECRET: &str = "test_secret";
