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

Rounds, threads and the JSON lines it prints are those of bench_rounds.py,
which bench/python_modern.py shares. Each call's result is checked (status
200, accounts present, transaction count).
"""

import pathlib
import sys

# The compatibility shim shared with the peer test lives in peer/.
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "peer"))
import legacy_compat  # noqa: E402,F401  (before `plaid`: see the module)

import plaid  # noqa: E402
import requests  # noqa: E402,F401
from plaid import Client  # noqa: E402

import bench_rounds  # noqa: E402

FLOWS = ("balance", "connect_get")
TOKENS = {"small-token": "test_bofa", "large-token": "test_bulk_10000",
          "large-count": 10000}


def main():
    if sys.argv[1:] == ["--check"]:
        assert plaid.__version__ == "1.5.1", plaid.__version__
        return
    url, opts = bench_rounds.options(sys.argv[1:], __doc__, FLOWS, TOKENS)
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
    bench_rounds.run([(name,) + flows[name] for name in FLOWS if name in opts["flows"]],
                     opts["rounds"])


if __name__ == "__main__":
    main()
