#!/usr/bin/env python3
"""The official python client, plaid-python-legacy==1.5.1, timed on the two
flows plaid-bench measures, against a running plaid-sandbox.

It runs from target/peer-venv, the virtualenv plaid-bench and the peer test
share (plaid-peer/src/venv.rs): either of them creates it, or rebuilds it when
peer/requirements.txt or the base python changed. To run this script by hand
after one of them has run:

    target/peer-venv/bin/python bench/python_peer.py BASE_URL

Usage (plaid-bench spawns it; it can also run on its own):

    python_peer.py BASE_URL [--rounds 5] [--small-secs 0.4] [--large-secs 0.8]
                            [--small-token test_bofa] [--large-token test_bulk_10000]
                            [--large-count 10000] [--threads 1]
                            [--flows balance,connect_get]
    python_peer.py --check        # exits 0 when the client imports and works

Flows, as a user of the python client writes them:
  balance:      Client(id, secret, access_token=test_bofa).balance().json()
  connect_get:  Client(id, secret, access_token=test_bulk_10000).connect_get().json()

--flows picks which of the two run (both by default). Each call opens a new
HTTP connection (the client calls `requests.post`, which keeps no session).

With --threads 1 (the default) each round calls sequentially from the main
thread. With --threads N > 1 each round runs N threads, each with its own
Client (same access token), each calling in a loop until the round's deadline.

For each flow and round it prints one JSON line:
  {"flow": "balance", "round": 0, "threads": 1, "seconds": 0.4,
   "cpu_seconds": 0.39, "latencies_ms": [...]}
"seconds" is the round's wall time, "latencies_ms" holds every call of every
thread, and "cpu_seconds" is the CPU time (user + system, all threads) this
python process used during the round (time.process_time()).
Each call's result is checked (status 200, accounts present, transaction count).
"""

import json
import pathlib
import sys
import threading
import time

# The compatibility shim shared with the peer test lives in peer/.
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "peer"))
import legacy_compat  # noqa: E402,F401  (before `plaid`: see the module)

import plaid  # noqa: E402
import requests  # noqa: E402,F401
from plaid import Client  # noqa: E402

FLOWS = ("balance", "connect_get")


def options(argv):
    opts = {"rounds": 5, "small-secs": 0.4, "large-secs": 0.8,
            "small-token": "test_bofa", "large-token": "test_bulk_10000",
            "large-count": 10000, "threads": 1, "flows": ",".join(FLOWS)}
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
        sys.exit(__doc__)
    if opts["threads"] < 1:
        sys.exit("--threads must be at least 1")
    flows = [f for f in opts["flows"].split(",") if f]
    unknown = [f for f in flows if f not in FLOWS]
    if unknown or not flows:
        sys.exit("--flows takes a comma-separated subset of " + ",".join(FLOWS))
    opts["flows"] = flows
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


def main():
    if sys.argv[1:] == ["--check"]:
        assert plaid.__version__ == "1.5.1", plaid.__version__
        return
    url, opts = options(sys.argv[1:])
    assert plaid.__version__ == "1.5.1", plaid.__version__
    Client.config({"url": url, "suppress_warnings": True})
    want = opts["large-count"]

    def balance(client):
        def call():
            response = client.balance()
            assert response.status_code == 200, response.status_code
            assert response.json()["accounts"]
        return call

    def connect_get(client):
        def call():
            response = client.connect_get()
            assert response.status_code == 200, response.status_code
            assert len(response.json()["transactions"]) == want
        return call

    # flow -> (seconds per round, one call per thread, each with its own Client)
    flows = {
        "balance": (opts["small-secs"], [
            balance(Client("test_id", "test_secret", access_token=opts["small-token"]))
            for _ in range(opts["threads"])]),
        "connect_get": (opts["large-secs"], [
            connect_get(Client("test_id", "test_secret", access_token=opts["large-token"]))
            for _ in range(opts["threads"])]),
    }
    flows = [(name,) + flows[name] for name in FLOWS if name in opts["flows"]]

    # Warm-up (imports, the sandbox's body cache).
    for _, _, calls in flows:
        calls[0]()
    for rnd in range(opts["rounds"]):
        for name, seconds, calls in flows:
            timed(name, rnd, seconds, calls)


if __name__ == "__main__":
    main()
