#!/usr/bin/env python3
"""The official modern python client, plaid-python==46.0.0, on the whole
/transactions/sync loop, for `plaid-bench --sync` (plaid-bench/src/sync/e2e.rs)
against a running modern plaid-sandbox.

It runs from target/peer-modern-venv, like bench/python_modern.py (whose
client and Item helpers it uses). By hand, after plaid-bench or the modern
peer test has made that virtualenv:

    target/peer-modern-venv/bin/python bench/python_sync.py BASE_URL \\
        --user user_bulk_10000 < <(echo sync)

Usage:

    python_sync.py BASE_URL [--count 500] [--user USER]
    python_sync.py --check      # exits 0 when the client imports

The Item is the one whose access token is in $PLAID_BENCH_ACCESS_TOKEN
(plaid-bench passes the Item every client reads), else a new Item of the
sandbox user --user (e.g. user_bulk_10000, the emulator's history of 10,000
transactions). It reads one page first (imports, connection), prints
{"ready": true}, then syncs the whole history once per line "sync" on its
standard input, printing for each:

  {"seconds": 49.3, "cpu_seconds": 43.7, "transactions": 10000, "pages": 20}

until the input ends. A sync is the loop as plaid-python's documentation
writes it: `transactions_sync` from the empty cursor until `has_more` is
false, every page's added, modified and removed gathered into lists, then
each added transaction's amount read (as plaid-bench's Rust side does).
"""

import json
import os
import sys
import time

import plaid
from plaid.model.transactions_sync_request import TransactionsSyncRequest

import python_modern


def sync_all(client, token, count):
    """Every change since the start of the history: (added, modified,
    removed, the last cursor, pages)."""
    added, modified, removed = [], [], []
    cursor = ""
    has_more = True
    pages = 0
    while has_more:
        response = client.transactions_sync(TransactionsSyncRequest(
            access_token=token, cursor=cursor, count=count))
        added.extend(response.added)
        modified.extend(response.modified)
        removed.extend(response.removed)
        has_more = response.has_more
        cursor = response.next_cursor
        pages += 1
    return added, modified, removed, cursor, pages


def timed_sync(client, token, count):
    """One whole sync, timed, as the JSON line plaid-bench reads."""
    cpu0 = time.process_time()
    start = time.perf_counter()
    added, _, _, _, pages = sync_all(client, token, count)
    cents = sum(round(t.amount * 100) for t in added)
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu0
    assert isinstance(cents, int)
    return {"seconds": seconds, "cpu_seconds": cpu,
            "transactions": len(added), "pages": pages}


def main():
    if sys.argv[1:] == ["--check"]:
        assert plaid.__version__ == python_modern.VERSION, plaid.__version__
        return
    args = sys.argv[1:]
    opts = {"count": "500", "user": None}
    url = None
    while args:
        arg = args.pop(0)
        if arg.startswith("--") and arg[2:] in opts and args:
            opts[arg[2:]] = args.pop(0)
        elif not arg.startswith("--") and url is None:
            url = arg
        else:
            sys.exit(__doc__)
    if url is None:
        sys.exit(__doc__)
    count = int(opts["count"])
    client = python_modern.api(url)
    token = os.environ.get("PLAID_BENCH_ACCESS_TOKEN")
    if not token:
        if opts["user"] is None:
            sys.exit("no $PLAID_BENCH_ACCESS_TOKEN and no --user")
        token = python_modern.new_item(client, "ins_109508", opts["user"])
    # Warm up: imports of the models, the connection.
    client.transactions_sync(TransactionsSyncRequest(
        access_token=token, cursor="", count=count))
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        if line.strip() != "sync":
            sys.exit("unexpected input " + repr(line))
        print(json.dumps(timed_sync(client, token, count)), flush=True)


if __name__ == "__main__":
    main()
