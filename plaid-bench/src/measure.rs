//! The call loops that make one sample: sequential, on N threads, or N
//! tasks in flight on a tokio runtime. Each times every call and reads the
//! CPU counters around the whole loop.

use std::future::Future;
use std::time::{Duration, Instant};

use tokio::runtime::Runtime;

use crate::cpu::cpu_snapshot;
use crate::stats::Sample;

/// Calls `call` in a loop on this thread for `duration`.
pub(crate) fn run_sync(duration: Duration, mut call: impl FnMut()) -> Sample {
    let cpu0 = cpu_snapshot();
    let start = Instant::now();
    let deadline = start + duration;
    let mut latencies = Vec::with_capacity(4096);
    while Instant::now() < deadline {
        let t = Instant::now();
        call();
        latencies.push(t.elapsed());
    }
    Sample::ended(cpu0, start, latencies)
}

/// One client thread's call loop body.
type BoxedCall = Box<dyn FnMut() + Send>;

/// `threads` threads, each calling its own `make()` in a loop for
/// `duration`.
pub(crate) fn run_threads(
    duration: Duration,
    threads: usize,
    make: impl Fn() -> BoxedCall,
) -> Sample {
    let cpu0 = cpu_snapshot();
    let start = Instant::now();
    let deadline = start + duration;
    // The calls (and their connections) are kept until after the CPU
    // snapshot, so the sandbox threads serving them are still there to read.
    let (latencies, calls): (Vec<Duration>, Vec<BoxedCall>) = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                let mut call = make();
                scope.spawn(move || {
                    let mut latencies = Vec::with_capacity(4096);
                    while Instant::now() < deadline {
                        let t = Instant::now();
                        call();
                        latencies.push(t.elapsed());
                    }
                    (latencies, call)
                })
            })
            .collect();
        let mut all = Vec::new();
        let mut calls = Vec::new();
        for handle in handles {
            let (latencies, call) = handle.join().expect("a client thread panicked");
            all.extend(latencies);
            calls.push(call);
        }
        (all, calls)
    });
    let sample = Sample::ended(cpu0, start, latencies);
    drop(calls);
    sample
}

/// `concurrency` tasks on `rt`, each awaiting `call()` in a loop for
/// `duration`.
pub(crate) fn run_async<F, Fut>(
    rt: &Runtime,
    duration: Duration,
    concurrency: usize,
    call: F,
) -> Sample
where
    F: Fn() -> Fut + Clone + Send + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    let cpu0 = cpu_snapshot();
    let start = Instant::now();
    let deadline = start + duration;
    let latencies = rt.block_on(async move {
        let handles: Vec<_> = (0..concurrency)
            .map(|_| {
                let call = call.clone();
                tokio::spawn(async move {
                    let mut latencies = Vec::with_capacity(4096);
                    while Instant::now() < deadline {
                        let t = Instant::now();
                        call().await;
                        latencies.push(t.elapsed());
                    }
                    latencies
                })
            })
            .collect();
        let mut all = Vec::new();
        for handle in handles {
            all.extend(handle.await.expect("a client task panicked"));
        }
        all
    });
    Sample::ended(cpu0, start, latencies)
}
