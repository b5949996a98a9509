#!/usr/bin/env python3
"""The official python client, plaid-python-legacy==1.5.1, timed on the two
flows plaid-bench measures, against a running plaid-sandbox.

Install (once), as plaid-bench does when no venv is found:

    python3 -m venv target/bench-venv
    target/bench-venv/bin/python -m pip install -r peer/requirements.txt

Usage (plaid-bench spawns it; it can also run on its own):

    python_peer.py BASE_URL [--rounds 5] [--small-secs 0.4] [--large-secs 0.8]
                            [--small-token test_bofa] [--large-token test_bulk_10000]
                            [--large-count 10000]
    python_peer.py --check        # exits 0 when the client imports and works

Flows, as a user of the python client writes them:
  balance:      Client(id, secret, access_token=test_bofa).balance().json()
  connect_get:  Client(id, secret, access_token=test_bulk_10000).connect_get().json()

For each flow and round it prints one JSON line:
  {"flow": "balance", "round": 0, "seconds": 0.4, "latencies_ms": [...]}
Each call's result is checked (status 200, accounts present, transaction count).
"""

import json
import pathlib
import sys
import time

# The compatibility shim shared with the peer test lives in peer/.
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "peer"))
import legacy_compat  # noqa: E402,F401  (before `plaid`: see the module)

import plaid  # noqa: E402
import requests  # noqa: E402,F401
from plaid import Client  # noqa: E402


def options(argv):
    opts = {"rounds": 5, "small-secs": 0.4, "large-secs": 0.8,
            "small-token": "test_bofa", "large-token": "test_bulk_10000",
            "large-count": 10000}
    args = iter(argv)
    url = None
    for arg in args:
        if arg.startswith("--"):
            key = arg[2:]
            if key not in opts:
                sys.exit("unknown option " + arg)
            opts[key] = type(opts[key])(next(args))
        else:
            url = arg
    if url is None:
        sys.exit(__doc__)
    return url, opts


def timed(flow, rnd, seconds, call):
    latencies = []
    start = time.perf_counter()
    deadline = start + seconds
    while time.perf_counter() < deadline:
        t = time.perf_counter()
        call()
        latencies.append((time.perf_counter() - t) * 1e3)
    elapsed = time.perf_counter() - start
    sys.stdout.write(json.dumps({"flow": flow, "round": rnd, "seconds": elapsed,
                                 "latencies_ms": latencies}) + "\n")
    sys.stdout.flush()


def main():
    if sys.argv[1:] == ["--check"]:
        assert plaid.__version__ == "1.5.1", plaid.__version__
        return
    url, opts = options(sys.argv[1:])
    assert plaid.__version__ == "1.5.1", plaid.__version__
    Client.config({"url": url, "suppress_warnings": True})
    small = Client("test_id", "test_secret", access_token=opts["small-token"])
    large = Client("test_id", "test_secret", access_token=opts["large-token"])
    want = opts["large-count"]

    def balance():
        response = small.balance()
        assert response.status_code == 200, response.status_code
        assert response.json()["accounts"]

    def connect_get():
        response = large.connect_get()
        assert response.status_code == 200, response.status_code
        assert len(response.json()["transactions"]) == want

    # Warm-up (imports, the sandbox's body cache).
    balance()
    connect_get()
    for rnd in range(opts["rounds"]):
        timed("balance", rnd, opts["small-secs"], balance)
        timed("connect_get", rnd, opts["large-secs"], connect_get)


if __name__ == "__main__":
    main()
