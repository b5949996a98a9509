//! [`ModernOptions`]: how a modern sandbox behaves where the real sandbox takes time, chosen
//! when it starts ([`crate::Sandbox::start_modern_with`], or the binary's flags).
//!
//! It is a builder with private fields so that options can be added without breaking callers.

use std::time::Duration;

/// Settings of a modern sandbox. The default records requests and makes transactions ready
/// at once.
///
/// ```no_run
/// use std::time::Duration;
/// use plaid_sandbox::{ModernOptions, Sandbox};
///
/// // Transactions stay NOT_READY for 300 ms after an Item is created, then the newest 30
/// // days are ready, and 300 ms later the whole history.
/// let options = ModernOptions::new().with_transactions_delay(Duration::from_millis(300));
/// let sandbox = Sandbox::start_modern_with(options)?;
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModernOptions {
    recording: bool,
    transactions_delay: Duration,
}

impl Default for ModernOptions {
    fn default() -> ModernOptions {
        ModernOptions {
            recording: true,
            transactions_delay: Duration::ZERO,
        }
    }
}

impl ModernOptions {
    /// The default options: requests recorded, no transactions delay.
    pub fn new() -> ModernOptions {
        ModernOptions::default()
    }

    /// Records requests (see [`crate::Sandbox::recorded_requests`]) or not. The binary does
    /// not, so long benchmark runs do not grow its memory.
    pub fn with_recording(mut self, on: bool) -> ModernOptions {
        self.recording = on;
        self
    }

    /// How long each phase of an Item's transactions pull takes: for `delay` after the pull
    /// starts (the Item's creation with `transactions`, else its first transactions call)
    /// `/transactions/sync` answers `NOT_READY` with empty arrays and `next_cursor: ""` and
    /// `/transactions/get` answers `PRODUCT_NOT_READY`; then the newest 30 days are there
    /// (`INITIAL_UPDATE_COMPLETE`), and after `delay` more the whole history
    /// (`HISTORICAL_UPDATE_COMPLETE`). Zero (the default) makes everything ready at once;
    /// `/transactions/refresh` completes a running pull immediately.
    pub fn with_transactions_delay(mut self, delay: Duration) -> ModernOptions {
        self.transactions_delay = delay;
        self
    }

    /// Whether requests are recorded.
    pub fn recording(&self) -> bool {
        self.recording
    }

    /// The transactions delay.
    pub fn transactions_delay(&self) -> Duration {
        self.transactions_delay
    }
}
