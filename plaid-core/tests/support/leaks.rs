//! The secret scanner both families' redaction tests use: a family lists
//! its secrets, each a unique marker string, and asks whether `{:?}`,
//! `{:#?}` or `{}` of a value shows any of them. A leak names itself by
//! its marker.

use std::fmt::{Debug, Display};

/// Asserts of each `Type => value` that the secret newtype
/// `Type::new(value)` shows no marker of the scanner `$scan`, prints
/// `Type([redacted])` with `{:?}` and `[redacted]` with `{}`, and still
/// gives `value` back through `expose_secret`. A macro because the
/// newtypes share no trait.
#[allow(unused_macros, reason = "the engine binary plants no secrets")]
macro_rules! assert_newtypes_redacted {
    ($scan:expr; $($ty:ident => $value:expr),* $(,)?) => {$(
        let secret = $ty::new($value);
        $scan.assert_all_clean(stringify!($ty), &secret);
        assert_eq!(format!("{secret:?}"), concat!(stringify!($ty), "([redacted])"));
        assert_eq!(format!("{secret}"), "[redacted]");
        assert_eq!(secret.expose_secret(), $value);
    )*};
}

#[allow(unused_imports, reason = "the engine binary plants no secrets")]
pub(crate) use assert_newtypes_redacted;

/// The secret values one family's tests plant.
pub(crate) struct Markers(pub(crate) &'static [&'static str]);

impl Markers {
    /// The markers that appear in `text`.
    pub(crate) fn leaks(&self, text: &str) -> Vec<&'static str> {
        self.0
            .iter()
            .copied()
            .filter(|secret| text.contains(secret))
            .collect()
    }

    /// The markers that `{:?}` or `{:#?}` of `value` shows.
    pub(crate) fn debug_leaks(&self, value: &dyn Debug) -> Vec<&'static str> {
        let mut found = self.leaks(&format!("{value:?}"));
        found.extend(self.leaks(&format!("{value:#?}")));
        found
    }

    /// Asserts that `{:?}` and `{:#?}` of `value` show no marker.
    #[track_caller]
    pub(crate) fn assert_debug_clean(&self, what: &str, value: &dyn Debug) {
        let found = self.debug_leaks(value);
        assert!(found.is_empty(), "{what} leaks {found:?}: {value:#?}");
    }

    /// Asserts that `{:?}`, `{:#?}` and `{}` of `value` show no marker.
    #[track_caller]
    pub(crate) fn assert_all_clean<T: Debug + Display>(&self, what: &str, value: &T) {
        self.assert_debug_clean(what, value);
        let found = self.leaks(&format!("{value}"));
        assert!(found.is_empty(), "{what} Display leaks {found:?}: {value}");
    }

    /// Asserts that `error`, its `Display`, `Debug` and every source in
    /// its chain show no marker.
    #[track_caller]
    pub(crate) fn assert_error_clean(&self, what: &str, error: &plaid_core::Error) {
        self.assert_all_clean(what, error);
        let mut source = std::error::Error::source(error);
        while let Some(cause) = source {
            let found = self.leaks(&format!("{cause} {cause:?}"));
            assert!(
                found.is_empty(),
                "{what}: the source leaks {found:?}: {cause:?}"
            );
            source = cause.source();
        }
    }
}
