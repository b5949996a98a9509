"""The timing harness the python benchmark scripts share.

bench/python_peer.py (the legacy client) and bench/python_modern.py (the
modern client) differ only in the client they drive; this module holds the
rest, so both are timed the same way for plaid-bench:

- options(argv, doc, flows, extra): the command line, with the options both
  take (--rounds, --small-secs, --large-secs, --threads, --flows) and the
  script's own;
- run(flows, rounds): warms every client up once, then runs the rounds, each
  flow once per round, printing one JSON line per flow and round.

With --threads 1 a round calls sequentially from the main thread. With
--threads N > 1 it runs N threads, each with its own client, each calling in
a loop until the round's deadline. A line reads:

  {"flow": "balance", "round": 0, "threads": 1, "seconds": 0.4,
   "cpu_seconds": 0.39, "latencies_ms": [...]}

"seconds" is the round's wall time, "latencies_ms" holds every call of every
thread, and "cpu_seconds" is the CPU time (user + system, all threads) this
python process used during the round (time.process_time()).

It imports no client, so it can serve both (they install modules of the same
name and live in separate virtualenvs).
"""

import json
import sys
import threading
import time

COMMON = {"rounds": 5, "small-secs": 0.4, "large-secs": 0.8, "threads": 1}


def options(argv, doc, flows, extra=None):
    """(url, opts) from argv; opts["flows"] is the list of flows to run, a
    subset of `flows` (all by default). `extra` holds the script's own
    options and their defaults (whose types the values take)."""
    opts = dict(COMMON, **(extra or {}))
    opts["flows"] = ",".join(flows)
    args = iter(argv)
    url = None
    for arg in args:
        if arg.startswith("--"):
            key = arg[2:]
            if key not in opts:
                sys.exit("unknown option " + arg)
            value = next(args, None)
            if value is None:
                sys.exit(arg + " needs a value")
            try:
                opts[key] = type(opts[key])(value)
            except ValueError:
                sys.exit("bad value for " + arg + ": " + value)
        else:
            url = arg
    if url is None:
        sys.exit(doc)
    if opts["threads"] < 1:
        sys.exit("--threads must be at least 1")
    wanted = [f for f in opts["flows"].split(",") if f]
    unknown = [f for f in wanted if f not in flows]
    if unknown or not wanted:
        sys.exit("--flows takes a comma-separated subset of " + ",".join(flows))
    opts["flows"] = wanted
    return url, opts


def loop(call, deadline, latencies):
    """Calls until the deadline, appending each call's latency in ms."""
    while time.perf_counter() < deadline:
        t = time.perf_counter()
        call()
        latencies.append((time.perf_counter() - t) * 1e3)


def timed(flow, rnd, seconds, calls):
    """One round: calls[0] in this thread, or one thread per entry of calls."""
    threads = len(calls)
    if threads == 1:
        latencies = []
        cpu0 = time.process_time()
        start = time.perf_counter()
        loop(calls[0], start + seconds, latencies)
        elapsed = time.perf_counter() - start
        cpu = time.process_time() - cpu0
    else:
        per_thread = [[] for _ in calls]
        errors = []
        deadline = [None]
        # The threads are started before the clock; the barrier releases
        # them together once the deadline is set.
        go = threading.Barrier(threads + 1)

        def worker(call, latencies):
            go.wait()
            try:
                loop(call, deadline[0], latencies)
            except BaseException as e:  # re-raised in the main thread
                errors.append(e)

        workers = [threading.Thread(target=worker, args=(call, lat))
                   for call, lat in zip(calls, per_thread)]
        for w in workers:
            w.start()
        cpu0 = time.process_time()
        start = time.perf_counter()
        deadline[0] = start + seconds
        go.wait()
        for w in workers:
            w.join()
        elapsed = time.perf_counter() - start
        cpu = time.process_time() - cpu0
        if errors:
            raise errors[0]
        latencies = [ms for lat in per_thread for ms in lat]
    sys.stdout.write(json.dumps({"flow": flow, "round": rnd, "threads": threads,
                                 "seconds": elapsed, "cpu_seconds": cpu,
                                 "latencies_ms": latencies}) + "\n")
    sys.stdout.flush()


def run(flows, rounds):
    """flows: (name, seconds per round, one call per thread). Every call is
    made once first (imports, the sandbox's caches, and the connection of a
    client that keeps one), then the rounds run."""
    for _, _, calls in flows:
        for call in calls:
            call()
    for rnd in range(rounds):
        for name, seconds, calls in flows:
            timed(name, rnd, seconds, calls)
