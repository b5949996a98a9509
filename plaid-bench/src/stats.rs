//! Samples and what is made of them: one round of one case, the summary of
//! a case over its rounds, and the paired wrapper/raw ratio.

use std::time::{Duration, Instant};

use crate::cpu::{Cpu, cpu_snapshot};

/// One round of one case.
pub(crate) struct Sample {
    /// Calls completed.
    pub(crate) calls: usize,
    /// Wall time of the round.
    pub(crate) elapsed: Duration,
    /// The latency of every call.
    pub(crate) latencies: Vec<Duration>,
    /// Sandbox and client CPU time (ns) during the round.
    pub(crate) cpu: (u64, u64),
}

impl Sample {
    /// The sample of a round that started at `start` with the CPU counters
    /// at `cpu0` and has just ended: wall time and CPU are read now.
    pub(crate) fn ended(cpu0: Cpu, start: Instant, latencies: Vec<Duration>) -> Sample {
        let elapsed = start.elapsed();
        let cpu1 = cpu_snapshot();
        Sample {
            calls: latencies.len(),
            elapsed,
            latencies,
            cpu: (
                cpu1.sandbox.saturating_sub(cpu0.sandbox),
                cpu1.client.saturating_sub(cpu0.client),
            ),
        }
    }

    fn rps(&self) -> f64 {
        self.calls as f64 / self.elapsed.as_secs_f64()
    }
}

/// The median (NaN when empty).
pub(crate) fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    match values.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => values[n / 2],
        n => (values[n / 2 - 1] + values[n / 2]) / 2.0,
    }
}

/// Summary of every round of a case: median req/s over rounds, p50/p99 over
/// every call of every round, the sandbox's share of the process CPU.
#[derive(Clone, Copy)]
pub(crate) struct Summary {
    /// Median req/s over rounds.
    pub(crate) rps: f64,
    /// Median latency over every call, ms.
    pub(crate) p50_ms: f64,
    /// 99th percentile latency over every call, ms.
    pub(crate) p99_ms: f64,
    /// The sandbox's share of the CPU time over every round.
    pub(crate) sandbox_share: f64,
    /// Median over rounds of the client's CPU time per call, µs.
    pub(crate) client_us: f64,
    /// Median over rounds of the sandbox's CPU time per call, µs.
    pub(crate) sandbox_us: f64,
    /// Calls timed over every round.
    pub(crate) calls: usize,
}

/// The [`Summary`] of a case's samples.
pub(crate) fn summarise(samples: &[Sample]) -> Summary {
    let rps = median(samples.iter().map(Sample::rps).collect());
    let mut all: Vec<f64> = samples
        .iter()
        .flat_map(|s| s.latencies.iter().map(|d| d.as_secs_f64() * 1e3))
        .collect();
    all.sort_by(f64::total_cmp);
    let pct = |p: f64| -> f64 {
        if all.is_empty() {
            return f64::NAN;
        }
        let rank = ((p * all.len() as f64).ceil() as usize).clamp(1, all.len());
        all[rank - 1]
    };
    let (sandbox, client) = samples
        .iter()
        .fold((0, 0), |acc, s| (acc.0 + s.cpu.0, acc.1 + s.cpu.1));
    let per_call = |f: fn(&Sample) -> u64| {
        median(
            samples
                .iter()
                .map(|s| f(s) as f64 / 1e3 / s.calls.max(1) as f64)
                .collect(),
        )
    };
    Summary {
        rps,
        p50_ms: pct(0.50),
        p99_ms: pct(0.99),
        sandbox_share: if sandbox + client == 0 {
            f64::NAN
        } else {
            sandbox as f64 / (sandbox + client) as f64
        },
        client_us: per_call(|s| s.cpu.1),
        sandbox_us: per_call(|s| s.cpu.0),
        calls: all.len(),
    }
}

/// The wrapper/raw ratio of two cases measured side by side.
///
/// In each round the two cases are warmed up and then measured back to
/// back, and which one is measured first flips from one round to the next
/// (see `cases::run_rounds`): being first or second can still matter a little. Each pair
/// of rounds (2k, 2k+1) holds one round in each order, so the geometric
/// mean of its two ratios cancels that effect; the result is the median
/// over those pairs. An odd last round is left out of the ratio (it still
/// counts in the req/s columns).
pub(crate) fn paired_ratio(wrapper: &[Sample], raw: &[Sample]) -> f64 {
    let per_round: Vec<f64> = wrapper
        .iter()
        .zip(raw)
        .map(|(w, r)| w.rps() / r.rps())
        .collect();
    if per_round.len() < 2 {
        return median(per_round);
    }
    median(
        per_round
            .chunks_exact(2)
            .map(|pair| (pair[0] * pair[1]).sqrt())
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(calls: usize, secs: f64, latency_ms: &[f64], cpu: (u64, u64)) -> Sample {
        Sample {
            calls,
            elapsed: Duration::from_secs_f64(secs),
            latencies: latency_ms
                .iter()
                .map(|ms| Duration::from_secs_f64(ms / 1e3))
                .collect(),
            cpu,
        }
    }

    #[test]
    fn the_median_of_odd_even_and_empty_lists() {
        assert_eq!(median(vec![3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(vec![4.0, 1.0, 3.0, 2.0]), 2.5);
        assert!(median(Vec::new()).is_nan());
    }

    #[test]
    fn a_summary_takes_medians_over_rounds_and_percentiles_over_calls() {
        let samples = [
            sample(4, 1.0, &[1.0, 2.0, 3.0, 4.0], (4_000, 12_000)),
            sample(2, 1.0, &[5.0, 6.0], (2_000, 2_000)),
            sample(6, 1.0, &[7.0, 8.0, 9.0, 10.0], (0, 6_000)),
        ];
        let s = summarise(&samples);
        assert_eq!(s.rps, 4.0);
        assert_eq!(s.calls, 10);
        assert!((s.p50_ms - 5.0).abs() < 1e-9, "{}", s.p50_ms);
        assert!((s.p99_ms - 10.0).abs() < 1e-9, "{}", s.p99_ms);
        // Per call, µs: client 3, 1, 1; sandbox 1, 1, 0.
        assert!((s.client_us - 1.0).abs() < 1e-9, "{}", s.client_us);
        assert!((s.sandbox_us - 1.0).abs() < 1e-9, "{}", s.sandbox_us);
        assert!((s.sandbox_share - 6.0 / 26.0).abs() < 1e-9);
        let empty = summarise(&[]);
        assert!(empty.rps.is_nan() && empty.p50_ms.is_nan() && empty.sandbox_share.is_nan());
    }

    #[test]
    fn the_paired_ratio_cancels_the_order_of_each_pair_of_rounds() {
        let rounds = |rps: &[f64]| -> Vec<Sample> {
            rps.iter()
                .map(|&r| sample(r as usize, 1.0, &[], (0, 0)))
                .collect()
        };
        // Wrapper first in even rounds helps it by 10%, second hurts it by
        // 10%: the geometric mean of each pair is the true ratio.
        let wrapper = rounds(&[110.0, 90.0, 110.0, 90.0]);
        let raw = rounds(&[100.0, 100.0, 100.0, 100.0]);
        let ratio = paired_ratio(&wrapper, &raw);
        assert!((ratio - (1.1f64 * 0.9).sqrt()).abs() < 1e-9, "{ratio}");
        // An odd last round is left out; one round alone is its own ratio.
        let ratio = paired_ratio(&rounds(&[110.0, 90.0, 500.0]), &rounds(&[100.0; 3]));
        assert!((ratio - (1.1f64 * 0.9).sqrt()).abs() < 1e-9, "{ratio}");
        assert_eq!(paired_ratio(&rounds(&[50.0]), &rounds(&[100.0])), 0.5);
    }
}
