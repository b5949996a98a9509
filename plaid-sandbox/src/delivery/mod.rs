//! Webhook delivery: a queue and one background thread per sandbox that POST webhooks to
//! loopback receivers, with bounded retries, and a log of every attempt for tests to read.
//!
//! Like the HTTP server, this layer knows nothing of Plaid: an API family hands it a URL and
//! the body's bytes ([`Outbox::send`]), and the [`Signer`] given at start adds the headers of
//! each attempt (the modern family's `Plaid-Verification` JWT, made afresh per attempt so its
//! `iat` is the time of sending).
//!
//! - **Never on the request path.** `send` only queues; the handler that fired the webhook
//!   answers at once, whatever the receiver does.
//! - **Loopback only** ([`target`]): a URL that is not `http://` to `127.0.0.0/8`, `[::1]` or
//!   `localhost` is dropped and logged ([`AttemptOutcome::Dropped`]); no socket is opened.
//! - **Bounded retries**: a connection error, a timeout or a non-2xx answer is retried after
//!   [`FIRST_BACKOFF`], doubling, up to [`MAX_ATTEMPTS`] attempts in all. Other webhooks do
//!   not wait for a retry's backoff.
//! - **Stops with the sandbox**: [`Outbox::stop`] wakes the thread, shuts an attempt in
//!   flight down and joins the thread; queued webhooks are dropped.
//! - **Timers**: [`Outbox::schedule`] runs a task on the same thread at a given time (the
//!   modern family completes a transactions pull on time with it, so its webhooks go out when
//!   the pull is ready rather than at the next call that looks).
//! - **The log** ([`WebhookAttempt`]) keeps the newest [`LOG_CAPACITY`] attempts, so a
//!   long-running emulator does not grow without bound.

mod post;
mod target;

use std::collections::VecDeque;
use std::fmt;
use std::io;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant, SystemTime};

use crate::deadline::Deadline;
use crate::lock::lock;

/// How many attempts a webhook gets in all (the first and three retries).
pub const MAX_ATTEMPTS: u32 = 4;
/// The wait before the first retry; each further retry waits twice as long.
pub const FIRST_BACKOFF: Duration = Duration::from_millis(100);
/// How many attempts the log keeps (the oldest go first).
pub const LOG_CAPACITY: usize = 10_000;

/// Makes the headers of one attempt from the body and the time of sending (besides `Host`,
/// `Content-Length` and `Connection`, which the delivery writes). An error fails the attempt
/// without a retry.
pub(crate) type Signer =
    Box<dyn Fn(&[u8], SystemTime) -> Result<Vec<(String, String)>, String> + Send + Sync>;

/// Work for the delivery thread at a given time: it must be quick (it holds up deliveries).
pub(crate) type Task = Box<dyn FnOnce() + Send>;

/// One attempt to deliver a webhook, as [`crate::Sandbox::webhook_attempts`] reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct WebhookAttempt {
    /// The URL it went to (or would have).
    pub url: String,
    /// Which attempt this was for the webhook: 1 for the first; 0 for a dropped one.
    pub attempt: u32,
    /// What happened.
    pub outcome: AttemptOutcome,
    /// The headers sent besides `Host`, `Content-Length` and `Connection` (for the modern
    /// family `Content-Type` and `Plaid-Verification`); empty for a dropped webhook.
    pub headers: Vec<(String, String)>,
    /// The body, byte for byte as sent.
    pub body: Vec<u8>,
}

impl WebhookAttempt {
    /// The first header sent with that name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The status the receiver answered with, if it answered.
    pub fn status(&self) -> Option<u16> {
        match self.outcome {
            AttemptOutcome::Delivered { status } | AttemptOutcome::Rejected { status } => {
                Some(status)
            }
            AttemptOutcome::Failed { .. } | AttemptOutcome::Dropped { .. } => None,
        }
    }

    /// Whether the receiver took it (a 2xx answer).
    pub fn delivered(&self) -> bool {
        matches!(self.outcome, AttemptOutcome::Delivered { .. })
    }
}

/// How one [`WebhookAttempt`] ended.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum AttemptOutcome {
    /// The receiver answered 2xx: the webhook is delivered.
    Delivered {
        /// The status.
        status: u16,
    },
    /// The receiver answered another status: retried while attempts remain.
    Rejected {
        /// The status.
        status: u16,
    },
    /// No answer: the connection failed or timed out, or the answer was not HTTP; retried
    /// while attempts remain.
    Failed {
        /// What went wrong.
        error: String,
    },
    /// Never sent: the URL is not an `http://` URL of a loopback host.
    Dropped {
        /// Why.
        reason: String,
    },
}

/// A webhook waiting for its next attempt.
struct Job {
    url: String,
    target: target::Target,
    body: Arc<[u8]>,
    attempt: u32,
    due: Instant,
}

#[derive(Default)]
struct Queue {
    jobs: VecDeque<Job>,
    tasks: Vec<(Instant, Task)>,
    in_flight: bool,
    stopping: bool,
    log: VecDeque<WebhookAttempt>,
}

/// What the delivery thread does next.
enum Work {
    Post(Job),
    Run(Task),
}

impl Queue {
    /// Nothing to send, nothing being sent, and no task due (a task due later, such as the end
    /// of an hour-long pull, does not keep the outbox busy).
    fn idle(&self) -> bool {
        let now = Instant::now();
        self.jobs.is_empty() && !self.in_flight && self.tasks.iter().all(|(at, _)| *at > now)
    }

    /// The work due first and when it is due: `(is_task, index, due)`.
    fn first(&self) -> Option<(bool, usize, Instant)> {
        let jobs = self.jobs.iter().enumerate().map(|(i, j)| (false, i, j.due));
        let tasks = self
            .tasks
            .iter()
            .enumerate()
            .map(|(i, (at, _))| (true, i, *at));
        jobs.chain(tasks).min_by_key(|(_, _, due)| *due)
    }

    fn record(&mut self, attempt: WebhookAttempt) {
        if self.log.len() == LOG_CAPACITY {
            self.log.pop_front();
        }
        self.log.push_back(attempt);
    }
}

struct Shared {
    queue: Mutex<Queue>,
    /// Signalled on every change of the queue or the log: wakes the worker and waiters.
    changed: Condvar,
    signer: Signer,
    /// The socket of the attempt in flight, for [`Outbox::stop`].
    current: Mutex<post::Current>,
}

impl Shared {
    fn wait<'a>(&self, guard: MutexGuard<'a, Queue>, timeout: Duration) -> MutexGuard<'a, Queue> {
        self.changed
            .wait_timeout(guard, timeout)
            .map(|(guard, _)| guard)
            .unwrap_or_else(|poisoned| poisoned.into_inner().0)
    }
}

/// The webhook queue of one sandbox and its delivery thread.
pub(crate) struct Outbox {
    shared: Arc<Shared>,
    worker: Mutex<Option<JoinHandle<()>>>,
}

impl fmt::Debug for Outbox {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let queue = lock(&self.shared.queue);
        f.debug_struct("Outbox")
            .field("queued", &queue.jobs.len())
            .field("logged", &queue.log.len())
            .finish_non_exhaustive()
    }
}

impl Outbox {
    /// Starts the delivery thread; `signer` makes each attempt's headers.
    pub(crate) fn start(signer: Signer) -> io::Result<Arc<Outbox>> {
        let shared = Arc::new(Shared {
            queue: Mutex::default(),
            changed: Condvar::new(),
            signer,
            current: Mutex::default(),
        });
        let for_worker = Arc::clone(&shared);
        let worker = thread::Builder::new()
            .name("plaid-sandbox-webhooks".into())
            .spawn(move || run(&for_worker))?;
        Ok(Arc::new(Outbox {
            shared,
            worker: Mutex::new(Some(worker)),
        }))
    }

    /// Queues `body` for `url`, or logs it as dropped when `url` is not a loopback `http://`
    /// URL. Never blocks on the network.
    pub(crate) fn send(&self, url: &str, body: Vec<u8>) {
        let mut queue = lock(&self.shared.queue);
        if queue.stopping {
            return;
        }
        match target::parse(url) {
            Ok(target) => queue.jobs.push_back(Job {
                url: url.to_owned(),
                target,
                body: body.into(),
                attempt: 1,
                due: Instant::now(),
            }),
            Err(reason) => queue.record(WebhookAttempt {
                url: url.to_owned(),
                attempt: 0,
                outcome: AttemptOutcome::Dropped { reason },
                headers: Vec::new(),
                body,
            }),
        }
        self.shared.changed.notify_all();
    }

    /// Runs `task` on the delivery thread at `at` (at once if that has passed), unless the
    /// outbox stops first.
    pub(crate) fn schedule(&self, at: Instant, task: Task) {
        let mut queue = lock(&self.shared.queue);
        if !queue.stopping {
            queue.tasks.push((at, task));
            self.shared.changed.notify_all();
        }
    }

    /// Every attempt logged so far, oldest first.
    pub(crate) fn attempts(&self) -> Vec<WebhookAttempt> {
        lock(&self.shared.queue).log.iter().cloned().collect()
    }

    /// Waits until at least `count` attempts are logged, or `timeout` has passed; returns the
    /// log as it then is.
    pub(crate) fn wait_for_attempts(&self, count: usize, timeout: Duration) -> Vec<WebhookAttempt> {
        let deadline = Deadline::after(timeout);
        let mut queue = lock(&self.shared.queue);
        while queue.log.len() < count {
            let Some(left) = deadline.left() else {
                break;
            };
            queue = self.shared.wait(queue, left);
        }
        queue.log.iter().cloned().collect()
    }

    /// Waits until nothing is queued or in flight (retries included); `false` if `timeout`
    /// passed first.
    pub(crate) fn wait_idle(&self, timeout: Duration) -> bool {
        let deadline = Deadline::after(timeout);
        let mut queue = lock(&self.shared.queue);
        while !queue.idle() {
            let Some(left) = deadline.left() else {
                return false;
            };
            queue = self.shared.wait(queue, left);
        }
        true
    }

    /// Stops the delivery thread: queued webhooks are dropped, an attempt in flight is cut
    /// off, and the thread is joined. Idempotent.
    pub(crate) fn stop(&self) {
        {
            let mut queue = lock(&self.shared.queue);
            queue.stopping = true;
            queue.jobs.clear();
            queue.tasks.clear();
            self.shared.changed.notify_all();
        }
        lock(&self.shared.current).stop();
        let worker = lock(&self.worker).take();
        if let Some(worker) = worker {
            let _ = worker.join();
        }
    }
}

/// The delivery thread: takes the work due first; runs a task, or attempts a delivery, logs
/// the attempt and queues the retry; until the outbox stops.
fn run(shared: &Shared) {
    loop {
        let job = match next_work(shared) {
            None => return,
            Some(Work::Post(job)) => job,
            Some(Work::Run(task)) => {
                task();
                let mut queue = lock(&shared.queue);
                queue.in_flight = false;
                shared.changed.notify_all();
                continue;
            }
        };
        let (headers, outcome, retryable) = match (shared.signer)(&job.body, SystemTime::now()) {
            Ok(headers) => {
                let outcome = match post::post(&job.target, &headers, &job.body, &shared.current) {
                    Ok(status) if (200..300).contains(&status) => {
                        AttemptOutcome::Delivered { status }
                    }
                    Ok(status) => AttemptOutcome::Rejected { status },
                    Err(error) => AttemptOutcome::Failed {
                        error: error.to_string(),
                    },
                };
                let retryable = !matches!(outcome, AttemptOutcome::Delivered { .. });
                (headers, outcome, retryable)
            }
            // A webhook that cannot be signed will not be signed on a retry either.
            Err(error) => (Vec::new(), AttemptOutcome::Failed { error }, false),
        };
        let retry = retryable && job.attempt < MAX_ATTEMPTS;
        let mut queue = lock(&shared.queue);
        queue.record(WebhookAttempt {
            url: job.url.clone(),
            attempt: job.attempt,
            outcome,
            headers,
            body: job.body.to_vec(),
        });
        if retry && !queue.stopping {
            let backoff = FIRST_BACKOFF * 2u32.saturating_pow(job.attempt - 1);
            queue.jobs.push_back(Job {
                attempt: job.attempt + 1,
                due: Instant::now() + backoff,
                ..job
            });
        }
        queue.in_flight = false;
        shared.changed.notify_all();
    }
}

/// Waits for the work due first and takes it (marking it in flight); `None` once stopping.
fn next_work(shared: &Shared) -> Option<Work> {
    let mut queue = lock(&shared.queue);
    loop {
        if queue.stopping {
            return None;
        }
        match queue.first() {
            None => queue = shared.wait(queue, Duration::from_secs(3600)),
            Some((task, i, due)) => match due.checked_duration_since(Instant::now()) {
                Some(left) if !left.is_zero() => queue = shared.wait(queue, left),
                _ => {
                    queue.in_flight = true;
                    return if task {
                        Some(Work::Run(queue.tasks.swap_remove(i).1))
                    } else {
                        queue.jobs.remove(i).map(Work::Post)
                    };
                }
            },
        }
    }
}
