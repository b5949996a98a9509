//! The one input check the modern endpoints share: a value that cannot be
//! sent (an empty token, id or list) is refused before anything is built,
//! with a message that names the field and never quotes its value (which
//! may be a token).

use crate::error::Error;
use crate::secret::AccessToken;

/// `Err(Error::invalid_input(message))` when `refused`.
pub(super) fn refuse_if(refused: bool, message: &'static str) -> Result<(), Error> {
    if refused {
        return Err(Error::invalid_input(message));
    }
    Ok(())
}

/// Refuses an empty access token.
pub(super) fn check_token(access_token: &AccessToken) -> Result<(), Error> {
    refuse_if(access_token.is_empty(), "the access token is empty")
}
