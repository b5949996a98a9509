//! The legacy API's numeric error codes, as an open enum.
//!
//! Every code of the official legacy error table has a named variant. A code
//! the server adds later is kept as [`ErrorCode::Unknown`], never a decode
//! failure. The HTTP status documented for each code is available through
//! [`ErrorCode::documented_status`], but the error *kind* a caller sees is
//! decided by the status the server actually sent, as the seed client does.

use std::fmt;

use serde::{Deserialize, Deserializer};

macro_rules! error_codes {
    ($( $(#[$doc:meta])* $variant:ident = $code:literal, $status:literal, $message:literal; )*) => {
        /// A legacy Plaid error code (the `code` field of an error body).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum ErrorCode {
            $( $(#[$doc])* $variant, )*
            /// A code this version of plaid-rs does not know; the number is kept.
            Unknown(u32),
        }

        impl ErrorCode {
            /// Every named code, in table order.
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant),*];

            /// The code for a number; unknown numbers become [`ErrorCode::Unknown`].
            pub fn from_code(code: u32) -> Self {
                match code {
                    $( $code => ErrorCode::$variant, )*
                    other => ErrorCode::Unknown(other),
                }
            }

            /// The number on the wire.
            pub fn code(self) -> u32 {
                match self {
                    $( ErrorCode::$variant => $code, )*
                    ErrorCode::Unknown(code) => code,
                }
            }

            /// The HTTP status the official table documents for this code
            /// (`None` for unknown codes).
            pub fn documented_status(self) -> Option<u16> {
                match self {
                    $( ErrorCode::$variant => Some($status), )*
                    ErrorCode::Unknown(_) => None,
                }
            }

            /// The short message the official table gives for this code.
            pub fn documented_message(self) -> Option<&'static str> {
                match self {
                    $( ErrorCode::$variant => Some($message), )*
                    ErrorCode::Unknown(_) => None,
                }
            }
        }
    };
}

error_codes! {
    /// 1000: the call needs an `access_token`.
    AccessTokenMissing = 1000, 400, "access_token missing";
    /// 1001: the add needs an institution `type`.
    TypeMissing = 1001, 400, "type missing";
    /// 1003: an `access_token` was sent on an add.
    AccessTokenDisallowed = 1003, 400, "access_token disallowed";
    /// 1004: `options` is not JSON.
    InvalidOptionsFormat = 1004, 400, "invalid options format";
    /// 1005: credentials (or the PIN) are missing.
    CredentialsMissing = 1005, 400, "credentials missing";
    /// 1006: `credentials` is not JSON.
    InvalidCredentialsFormat = 1006, 400, "invalid credentials format";
    /// 1007: an upgrade needs `upgrade_to`.
    UpgradeToRequired = 1007, 400, "upgrade_to required";
    /// 1008: the access token format is no longer supported.
    UnsupportedAccessToken = 1008, 400, "unsupported access_token";
    /// 1009: the request's Content-Type is not form or JSON.
    InvalidContentType = 1009, 400, "invalid content-type";
    /// 1100: `client_id` is missing.
    ClientIdMissing = 1100, 401, "client_id missing";
    /// 1101: `secret` is missing.
    SecretMissing = 1101, 401, "secret missing";
    /// 1102: the client id / secret pair is wrong.
    InvalidClientCredentials = 1102, 401, "secret or client_id invalid";
    /// 1104: your client id may not use this product.
    UnauthorizedProduct = 1104, 401, "unauthorized product";
    /// 1105: the access token is corrupt or unknown.
    BadAccessToken = 1105, 401, "bad access_token";
    /// 1106: the public token is corrupt or unknown.
    BadPublicToken = 1106, 401, "bad public_token";
    /// 1107: the public token is missing.
    MissingPublicToken = 1107, 401, "missing public_token";
    /// 1108: the institution type is not supported.
    InvalidType = 1108, 401, "invalid type";
    /// 1109: sandbox keys used with non-sandbox credentials or tokens.
    SandboxOnly = 1109, 401, "unauthorized product";
    /// 1110: the product is not enabled for this item; upgrade first.
    ProductNotEnabled = 1110, 401, "product not enabled";
    /// 1111: `upgrade_to` names no valid product.
    InvalidUpgrade = 1111, 401, "invalid upgrade";
    /// 1112: the account has reached its limit of additions.
    AdditionLimitExceeded = 1112, 401, "addition limit exceeded";
    /// 1113: too many requests.
    RateLimitExceeded = 1113, 429, "rate limit exceeded";
    /// 1114: the client id may not use this environment.
    UnauthorizedEnvironment = 1114, 401, "unauthorized environment";
    /// 1115: the product is already enabled for this item.
    ProductAlreadyEnabled = 1115, 401, "product already enabled";
    /// 1200: the username or password is wrong.
    InvalidCredentials = 1200, 402, "invalid credentials";
    /// 1201: the username is wrong.
    InvalidUsername = 1201, 402, "invalid username";
    /// 1202: the password is wrong.
    InvalidPassword = 1202, 402, "invalid password";
    /// 1203: the MFA answer is wrong.
    InvalidMfa = 1203, 402, "invalid mfa";
    /// 1204: the MFA send method is invalid.
    InvalidSendMethod = 1204, 402, "invalid send_method";
    /// 1205: the account is locked at the institution.
    AccountLocked = 1205, 402, "account locked";
    /// 1206: the account is not fully set up at the institution.
    AccountNotSetup = 1206, 402, "account not setup";
    /// 1207: the country is not supported.
    CountryNotSupported = 1207, 402, "country not supported";
    /// 1208: the account's form of MFA is not supported.
    MfaNotSupported = 1208, 402, "mfa not supported";
    /// 1209: the PIN is wrong.
    InvalidPin = 1209, 402, "invalid pin";
    /// 1210: the account is not supported.
    AccountNotSupported = 1210, 402, "account not supported";
    /// 1211: Bank of America "Extra Security at Sign-In" blocks access.
    BofaAccountNotSupported = 1211, 402, "bofa account not supported";
    /// 1212: the user has no valid accounts.
    NoAccounts = 1212, 402, "no accounts";
    /// 1213: the PATCH username differs from the original add.
    InvalidPatchUsername = 1213, 402, "invalid patch username";
    /// 1215: MFA access changed or was revoked; PATCH the item.
    MfaReset = 1215, 402, "mfa reset";
    /// 1218: the item does not need MFA now.
    MfaNotRequired = 1218, 401, "mfa not required";
    /// 1219: Wells Fargo "Enhanced Sign On" blocks access.
    WellsAccountNotSupported = 1219, 402, "wells account not supported";
    /// 1300: the institution is not available in this environment.
    InstitutionNotAvailable = 1300, 404, "institution not available";
    /// 1301: no institution has that id.
    InstitutionNotFound = 1301, 404, "unable to find institution";
    /// 1302: the institution is not responding; try again.
    InstitutionNotResponding = 1302, 402, "institution not responding";
    /// 1303: the institution is down.
    InstitutionDown = 1303, 402, "institution down";
    /// 1304: bad `offset` / `count` on `/institutions/all`.
    InvalidInstitutionPaging = 1304, 402, "invalid institution paging parameters";
    /// 1305: a search without a query.
    InvalidInstitutionQuery = 1305, 402, "invalid institution query parameters";
    /// 1307: the institution is no longer supported.
    InstitutionNoLongerSupported = 1307, 402, "institution no longer supported";
    /// 1501: no category has that id.
    CategoryNotFound = 1501, 404, "unable to find category";
    /// 1502: a `type` parameter is required.
    TypeRequired = 1502, 400, "type required";
    /// 1503: the `type` is not supported.
    UnsupportedType = 1503, 400, "invalid type";
    /// 1507: a date is malformed.
    InvalidDate = 1507, 400, "invalid date";
    /// 1600: the product does not exist.
    ProductNotFound = 1600, 404, "product not found";
    /// 1601: the product is not available for this institution.
    ProductNotAvailable = 1601, 404, "product not available";
    /// 1606: no account has that id.
    AccountNotFound = 1606, 404, "account not found";
    /// 1610: no matching item.
    ItemNotFound = 1610, 404, "item not found";
    /// 1700: the institution's data could not be extracted.
    ExtractorError = 1700, 501, "extractor error";
    /// 1701: extraction failed; resubmit.
    ExtractorErrorRetry = 1701, 502, "extractor error retry";
    /// 1702: an unexpected error at Plaid.
    PlaidError = 1702, 500, "plaid error";
    /// 1800: planned maintenance.
    PlannedMaintenance = 1800, 503, "planned maintenance";
    /// 2001: `/exchange_token` with a non-depository account id.
    NonDepositoryAccount = 2001, 400, "non-depository account ID specified";
    /// 2002: the bank account token could not be generated.
    BankAccountTokenFailed = 2002, 400, "unable to generate bank account token";
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.code())
    }
}

impl From<u32> for ErrorCode {
    fn from(code: u32) -> Self {
        ErrorCode::from_code(code)
    }
}

impl<'de> Deserialize<'de> for ErrorCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        u32::deserialize(deserializer).map(ErrorCode::from_code)
    }
}

impl serde::Serialize for ErrorCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u32(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_named_code_round_trips_through_its_number() {
        for &code in ErrorCode::ALL {
            assert_eq!(ErrorCode::from_code(code.code()), code);
            assert!(code.documented_status().is_some());
        }
    }

    #[test]
    fn the_table_has_every_official_code() {
        assert_eq!(ErrorCode::ALL.len(), 62);
    }

    #[test]
    fn unknown_codes_are_kept() {
        assert_eq!(ErrorCode::from_code(4242), ErrorCode::Unknown(4242));
        assert_eq!(ErrorCode::Unknown(4242).code(), 4242);
        assert_eq!(ErrorCode::Unknown(4242).documented_status(), None);
    }
}
