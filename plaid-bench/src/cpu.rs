//! CPU accounting from /proc (Linux): the sandbox's connection threads versus
//! the whole process, and the CPU model for the report's heading.
//!
//! Everything here degrades to zero or "unknown" where /proc is missing, so
//! the benchmark still runs (without its CPU columns) elsewhere.

/// utime + stime, in clock ticks, from a `/proc/.../stat` line.
pub(crate) fn ticks(stat: &str) -> u64 {
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = after.split_whitespace().collect();
    // Fields after the comm: state is [0], utime is [11], stime is [12].
    let get = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(0)
    };
    get(11) + get(12)
}

/// CPU time (ns, from `/proc/self/task/*/schedstat`) of the threads alive
/// now: the sandbox's connection threads and every other thread (the client).
#[derive(Clone, Copy, Default)]
pub(crate) struct Cpu {
    /// The sandbox's connection threads.
    pub(crate) sandbox: u64,
    /// Every other thread.
    pub(crate) client: u64,
}

/// The CPU time of every live thread, split sandbox / client.
pub(crate) fn cpu_snapshot() -> Cpu {
    let mut cpu = Cpu::default();
    if let Ok(tasks) = std::fs::read_dir("/proc/self/task") {
        for task in tasks.flatten() {
            let comm = std::fs::read_to_string(task.path().join("comm")).unwrap_or_default();
            let ns = std::fs::read_to_string(task.path().join("schedstat"))
                .ok()
                .and_then(|s| {
                    s.split_whitespace()
                        .next()
                        .and_then(|v| v.parse::<u64>().ok())
                })
                .unwrap_or(0);
            if comm.starts_with("plaid-sandbox") {
                cpu.sandbox += ns;
            } else {
                cpu.client += ns;
            }
        }
    }
    cpu
}

/// The whole process's CPU ticks (exited threads included).
pub(crate) fn process_ticks() -> u64 {
    std::fs::read_to_string("/proc/self/stat")
        .map(|s| ticks(&s))
        .unwrap_or(0)
}

/// The CPU model from `/proc/cpuinfo`, for the report's heading.
pub(crate) fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("model name"))
                .map(|v| v.trim_start_matches([' ', '\t', ':']).to_owned())
        })
        .unwrap_or_else(|| "unknown".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_utime_plus_stime_even_with_spaces_in_the_name() {
        // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt
        // majflt cmajflt utime stime ...
        let stat = "4242 (plaid bench) R 1 4242 4242 0 -1 4194304 100 0 0 0 37 5 0 0 20 0 3";
        assert_eq!(ticks(stat), 42);
        assert_eq!(ticks("garbage"), 0);
    }
}
