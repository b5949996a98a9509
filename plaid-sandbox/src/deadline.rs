//! Waits with a caller's timeout: the public waits (`Sandbox::wait_for_webhook_attempts`,
//! `WebhookReceiver::wait_for`, …) take any `Duration`, and one too long to add to now must
//! mean "no end" rather than a panic.

use std::time::{Duration, Instant};

/// The end of a wait of a caller's `timeout`, which may be too long to add to now (then the
/// wait has no end).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Deadline(Option<Instant>);

impl Deadline {
    /// `timeout` from now.
    pub(crate) fn after(timeout: Duration) -> Deadline {
        Deadline(Instant::now().checked_add(timeout))
    }

    /// The time left (a long wait when there is no end), `None` once it has passed.
    pub(crate) fn left(&self) -> Option<Duration> {
        match self.0 {
            Some(end) => end
                .checked_duration_since(Instant::now())
                .filter(|left| !left.is_zero()),
            None => Some(Duration::from_secs(3600)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_timeout_too_long_to_add_has_no_end_and_zero_has_passed() {
        assert!(Deadline::after(Duration::MAX).left().is_some());
        assert_eq!(Deadline::after(Duration::ZERO).left(), None);
        let left = Deadline::after(Duration::from_secs(60)).left().unwrap();
        assert!(left <= Duration::from_secs(60) && left > Duration::from_secs(50));
    }
}
