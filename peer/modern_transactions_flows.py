#!/usr/bin/env python3
"""Drive plaid-sandbox's Transactions, Investments and Liabilities routes with the
official python client, the way production apps use them.

Usage: modern_transactions_flows.py BASE_URL DELAYED_URL

The official modern client (plaid-python==46.0.0, see requirements-modern.txt) runs
against the modern sandbox at BASE_URL (transactions ready at once) and, for the
NOT_READY flow, the one at DELAYED_URL (transactions not ready for minutes). Its
generated models decode every 2xx body and refuse a missing required key, so every
call also checks the body's shape. The flows:

- sync: a /transactions/sync loop over several pages to completion, then an empty
  sync from the final cursor; a garbled cursor and another Item's cursor refused;
- get: /transactions/get paged by total_transactions, the same transactions as sync;
- refresh: /transactions/refresh for user_transactions_dynamic, then a sync from the
  stored cursor that sees the new, modified and removed transactions;
- mutation: TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION, from the sandbox's fault
  header and from a refresh in the middle of a loop, handled by restarting the whole
  loop from its first cursor;
- not_ready: NOT_READY with empty arrays and an empty next_cursor, PRODUCT_NOT_READY
  from /transactions/get, until a refresh;
- recurring: /transactions/recurring/get;
- investments and liabilities: holdings, investment transactions paged by their
  total, and the credit, student and mortgage liabilities.

It prints one JSON line per flow to stdout, `{"flow": ..., <counts>}`, for
plaid-peer's test to check; nothing else goes to stdout. It exits 0 when every
check passes; on the first failed check it prints the flow and the reason to
stderr and exits 1.
"""

import datetime
import json
import sys
import traceback

import plaid
from plaid.api import plaid_api
from plaid.model.accounts_get_request import AccountsGetRequest
from plaid.model.investments_holdings_get_request import InvestmentsHoldingsGetRequest
from plaid.model.investments_transactions_get_request import (
    InvestmentsTransactionsGetRequest,
)
from plaid.model.investments_transactions_get_request_options import (
    InvestmentsTransactionsGetRequestOptions,
)
from plaid.model.item_public_token_exchange_request import (
    ItemPublicTokenExchangeRequest,
)
from plaid.model.liabilities_get_request import LiabilitiesGetRequest
from plaid.model.products import Products
from plaid.model.sandbox_public_token_create_request import (
    SandboxPublicTokenCreateRequest,
)
from plaid.model.sandbox_public_token_create_request_options import (
    SandboxPublicTokenCreateRequestOptions,
)
from plaid.model.sandbox_public_token_create_request_options_transactions import (
    SandboxPublicTokenCreateRequestOptionsTransactions,
)
from plaid.model.transactions_get_request import TransactionsGetRequest
from plaid.model.transactions_get_request_options import TransactionsGetRequestOptions
from plaid.model.transactions_recurring_get_request import (
    TransactionsRecurringGetRequest,
)
from plaid.model.transactions_refresh_request import TransactionsRefreshRequest
from plaid.model.transactions_sync_request import TransactionsSyncRequest
from plaid.model.transactions_sync_request_options import (
    TransactionsSyncRequestOptions,
)

assert plaid.__version__ == "46.0.0", plaid.__version__

FAULT_HEADER = "X-Sandbox-Fault"
MUTATION = "TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION"
ALL_TIME = (datetime.date(2000, 1, 1), datetime.date(2100, 1, 1))


class CheckFailed(Exception):
    """A result differs from what the sandbox promises."""


def check(condition, message):
    if not condition:
        raise CheckFailed(message)


def eq(actual, expected, what):
    check(actual == expected, "%s: expected %r, got %r" % (what, expected, actual))


def report(flow, **counts):
    counts["flow"] = flow
    sys.stdout.write(json.dumps(counts, sort_keys=True) + "\n")
    sys.stdout.flush()


def api(url):
    configuration = plaid.Configuration(
        host=url, api_key={"clientId": "test_id", "secret": "test_secret"})
    return plaid_api.PlaidApi(plaid.ApiClient(configuration))


def error_of(exc):
    """The PlaidError body of an ApiException."""
    return json.loads(exc.body)


def fails(what, code, call, *args):
    """Runs call(*args), which must fail with `code`; returns the error body."""
    try:
        call(*args)
    except plaid.ApiException as exc:
        error = error_of(exc)
        eq(error["error_code"], code, what)
        return error
    raise CheckFailed("%s: expected %s, got a success" % (what, code))


def new_item(client, products=("transactions",), days=30, **options):
    """A sandbox Item: (access_token, item_id). Its history is 30 days long unless
    `days` says otherwise: the client's models take a few milliseconds to decode each
    transaction, and a month is several pages already."""
    if days is not None:
        options["transactions"] = SandboxPublicTokenCreateRequestOptionsTransactions(
            days_requested=days)
    created = client.sandbox_public_token_create(SandboxPublicTokenCreateRequest(
        institution_id="ins_109508",
        initial_products=[Products(p) for p in products],
        options=SandboxPublicTokenCreateRequestOptions(**options)))
    exchanged = client.item_public_token_exchange(
        ItemPublicTokenExchangeRequest(public_token=created.public_token))
    return exchanged.access_token, exchanged.item_id


def sync_request(token, cursor, count, **options):
    request = TransactionsSyncRequest(access_token=token, count=count)
    if cursor:
        request.cursor = cursor
    if options:
        request.options = TransactionsSyncRequestOptions(**options)
    return request


class Synced(object):
    """What a whole sync loop collected, and the cursor to store after it."""

    def __init__(self, cursor):
        self.cursor = cursor
        self.added, self.modified, self.removed = [], [], []
        self.pages = 0
        self.restarts = 0
        self.status = None


def sync_all(client, token, cursor="", count=100, max_attempts=5, **options):
    """The restartable sync loop: pages until has_more is false; on the mutation
    error it throws the partial result away and restarts the whole loop from the
    cursor it started with. The cursor to store is only the final one."""
    restarts = 0
    for _ in range(max_attempts):
        synced = Synced(cursor)
        try:
            while True:
                page = client.transactions_sync(
                    sync_request(token, synced.cursor, count, **options))
                synced.added.extend(page.added)
                synced.modified.extend(page.modified)
                synced.removed.extend(page.removed)
                synced.pages += 1
                synced.cursor = page.next_cursor
                synced.status = str(page.transactions_update_status)
                if not page.has_more:
                    synced.restarts = restarts
                    return synced
        except plaid.ApiException as exc:
            if error_of(exc)["error_code"] != MUTATION:
                raise
            restarts += 1
    raise CheckFailed("the sync loop did not complete in %d attempts" % max_attempts)


def ids(transactions):
    return [t.transaction_id for t in transactions]


def check_transaction(t):
    """What the spec promises beyond the model's own checks."""
    check(round(t.amount, 2) == t.amount, "amount to the cent: %r" % t.amount)
    check(isinstance(t.date, datetime.date), "date")
    pfc = t.personal_finance_category
    check(pfc.detailed.startswith(pfc.primary), "pfc %s/%s" % (pfc.primary, pfc.detailed))
    for key in ("address", "city", "region", "postal_code", "country", "lat", "lon",
                "store_number"):
        check(key in t.location, "location.%s" % key)
    for key in ("reference_number", "ppd_id", "payee", "by_order_of", "payer",
                "payment_method", "payment_processor", "reason"):
        check(key in t.payment_meta, "payment_meta.%s" % key)
    check(str(t.payment_channel) in ("online", "in store", "other"), "payment_channel")
    if t.pending:
        check(t.pending_transaction_id is None, "a pending transaction has no pending id")


# ---------------------------------------------------------------------------
# The flows.

def flow_sync(url, _delayed):
    client = api(url)
    token, _ = new_item(client)
    synced = sync_all(client, token, count=20)
    check(synced.pages >= 3, "pages: %d" % synced.pages)
    eq(synced.status, "HISTORICAL_UPDATE_COMPLETE", "status")
    eq(len(set(ids(synced.added))), len(synced.added), "each transaction once")
    eq((synced.modified, synced.removed), ([], []), "a first loop only adds")
    for t in synced.added:
        check_transaction(t)
    check(any(t.pending for t in synced.added), "pending transactions")
    check(any(t.pending_transaction_id for t in synced.added), "posted with a pending id")
    check(any(t.counterparties for t in synced.added), "counterparties")
    again = sync_all(client, token, cursor=synced.cursor)
    eq((again.added, again.modified, again.removed), ([], [], []), "nothing new")
    eq(again.cursor, synced.cursor, "the stored cursor stays")

    bad = fails("garbled cursor", "INVALID_FIELD", client.transactions_sync,
                sync_request(token, "bm90IGEgY3Vyc29y", 10))
    check("cursor not associated with access_token" in bad["error_message"],
          bad["error_message"])
    other, _ = new_item(client)
    fails("another Item's cursor", "INVALID_FIELD", client.transactions_sync,
          sync_request(other, synced.cursor, 10))
    report("sync", transactions=len(synced.added), pages=synced.pages)


def flow_get(url, _delayed):
    client = api(url)
    token, _ = new_item(client)
    synced = sync_all(client, token, count=500)
    listed = []
    total = None
    while total is None or len(listed) < total:
        page = client.transactions_get(TransactionsGetRequest(
            access_token=token, start_date=ALL_TIME[0], end_date=ALL_TIME[1],
            options=TransactionsGetRequestOptions(count=20, offset=len(listed))))
        check(len(page.transactions) <= 20, "a page of at most count")
        total = page.total_transactions
        check(page.transactions or len(listed) >= total, "a short page before the total")
        listed.extend(page.transactions)
    eq(len(listed), total, "paged by total_transactions")
    dates = [t.date for t in listed]
    eq(dates, sorted(dates, reverse=True), "newest first")
    eq(set(ids(listed)), set(ids(synced.added)), "get and sync agree")
    report("get", transactions=total, pages=(total + 19) // 20)


def flow_refresh(url, _delayed):
    client = api(url)
    token, _ = new_item(client, override_username="user_transactions_dynamic",
                        override_password="any", webhook="https://example.com/hook")
    first = sync_all(client, token)
    mine = dict((t.transaction_id, t) for t in first.added)
    pending = set(i for i, t in mine.items() if t.pending)
    check(len(pending) >= 2, "pending purchases to post")
    client.transactions_refresh(TransactionsRefreshRequest(access_token=token))
    after = sync_all(client, token, cursor=first.cursor)
    check(after.added and after.modified and after.removed,
          "new %d, modified %d, removed %d" % (len(after.added), len(after.modified),
                                               len(after.removed)))
    eq(set(r.transaction_id for r in after.removed), pending, "the pending ones removed")
    posted = [t for t in after.added if t.pending_transaction_id]
    check(posted, "posted transactions")
    for t in posted:
        check(t.pending_transaction_id in pending, "posted from a pending one")
        check(not t.pending, "posted")
    for t in after.modified:
        check(t.transaction_id in mine, "a modified transaction was known")
    for t in after.added + after.modified:
        check_transaction(t)
        mine[t.transaction_id] = t
    for r in after.removed:
        mine.pop(r.transaction_id)
    fresh = sync_all(client, token, count=500)
    eq(set(ids(fresh.added)), set(mine), "the stored state equals a fresh sync")
    report("refresh", added=len(after.added), modified=len(after.modified),
           removed=len(after.removed))


def flow_mutation(url, _delayed):
    client = api(url)
    token, item_id = new_item(client)
    expected = set(ids(sync_all(client, token, count=500).added))
    client.api_client.set_default_header(
        FAULT_HEADER, "error=%s;after=2;times=1;key=mutation-%s" % (MUTATION, item_id))
    try:
        synced = sync_all(client, token, count=20)
    finally:
        del client.api_client.default_headers[FAULT_HEADER]
    eq(synced.restarts, 1, "one restart")
    eq(set(ids(synced.added)), expected, "the restarted loop has everything")
    eq(len(synced.added), len(expected), "and nothing twice")

    dynamic, _ = new_item(client, override_username="user_transactions_dynamic",
                          override_password="any")
    first = client.transactions_sync(sync_request(dynamic, "", 20))
    check(first.has_more, "more than one page")
    client.transactions_refresh(TransactionsRefreshRequest(access_token=dynamic))
    fails("a page after a refresh", MUTATION, client.transactions_sync,
          sync_request(dynamic, first.next_cursor, 20))
    restarted = sync_all(client, dynamic, count=20)
    eq(len(set(ids(restarted.added))), len(restarted.added), "restarted: each once")
    report("mutation", fault_restarts=synced.restarts, refresh_restart=1)


def flow_not_ready(_url, delayed):
    client = api(delayed)
    token, _ = new_item(client)
    page = client.transactions_sync(sync_request(token, "", 100))
    eq(str(page.transactions_update_status), "NOT_READY", "status")
    eq((page.added, page.modified, page.removed), ([], [], []), "empty arrays")
    eq(page.next_cursor, "", "empty cursor")
    eq(page.has_more, False, "has_more")
    fails("get before ready", "PRODUCT_NOT_READY", client.transactions_get,
          TransactionsGetRequest(access_token=token, start_date=ALL_TIME[0],
                                 end_date=ALL_TIME[1]))
    client.transactions_refresh(TransactionsRefreshRequest(access_token=token))
    ready = sync_all(client, token, cursor=page.next_cursor)
    eq(ready.status, "HISTORICAL_UPDATE_COMPLETE", "ready after a refresh")
    check(ready.added, "transactions after a refresh")
    report("not_ready", transactions=len(ready.added))


def flow_recurring(url, _delayed):
    client = api(url)
    token, _ = new_item(client, days=180)  # no transactions decoded: streams only
    streams = client.transactions_recurring_get(
        TransactionsRecurringGetRequest(access_token=token))
    check(streams.inflow_streams and streams.outflow_streams, "streams")
    frequencies = set(str(s.frequency) for s in streams.inflow_streams +
                      streams.outflow_streams)
    check("MONTHLY" in frequencies and "SEMI_MONTHLY" in frequencies, frequencies)
    for stream in streams.outflow_streams:
        check(stream.average_amount.amount > 0, "outflows are positive")
    report("recurring", inflow=len(streams.inflow_streams),
           outflow=len(streams.outflow_streams))


def flow_investments(url, _delayed):
    client = api(url)
    token, _ = new_item(client, products=("investments",))
    holdings = client.investments_holdings_get(
        InvestmentsHoldingsGetRequest(access_token=token))
    # plaid-python 46 cannot read `balances` of an InvestmentAccount (its composed
    # schemas disagree on the type, whatever the server sends): take the balance
    # from /accounts/get.
    accounts = client.accounts_get(AccountsGetRequest(access_token=token)).accounts
    retirement = [a for a in accounts if str(a.subtype) == "401k"][0]
    eq([a.account_id for a in holdings.accounts], [a.account_id for a in accounts],
       "every account")
    total = sum(round(h.institution_value * 100) for h in holdings.holdings)
    eq(total, round(retirement.balances.current * 100), "holdings add up to the 401k")
    securities = set(s.security_id for s in holdings.securities)
    for h in holdings.holdings:
        check(h.security_id in securities, "a held security is listed")
    listed, total = [], None
    while total is None or len(listed) < total:
        page = client.investments_transactions_get(InvestmentsTransactionsGetRequest(
            access_token=token, start_date=ALL_TIME[0], end_date=ALL_TIME[1],
            options=InvestmentsTransactionsGetRequestOptions(count=25,
                                                             offset=len(listed))))
        total = page.total_investment_transactions
        named = set(s.security_id for s in page.securities)
        for t in page.investment_transactions:
            check(t.security_id is None or t.security_id in named, "named security")
        check(page.investment_transactions or len(listed) >= total, "short page")
        listed.extend(page.investment_transactions)
    eq(len(set(t.investment_transaction_id for t in listed)), total, "each once")
    report("investments", holdings=len(holdings.holdings), securities=len(securities),
           transactions=total)


def flow_liabilities(url, _delayed):
    client = api(url)
    token, _ = new_item(client, products=("liabilities",))
    answer = client.liabilities_get(LiabilitiesGetRequest(access_token=token))
    owed = answer.liabilities
    eq((len(owed.credit), len(owed.mortgage), len(owed.student)), (1, 1, 1),
       "one of each")
    eq(owed.credit[0].aprs[0].apr_type, "purchase_apr", "APR type")
    check(owed.mortgage[0].interest_rate.percentage > 0, "mortgage rate")
    eq(str(owed.student[0].repayment_plan.type), "standard", "repayment plan")
    report("liabilities", accounts=len(answer.accounts))


FLOWS = [
    flow_sync,
    flow_get,
    flow_refresh,
    flow_mutation,
    flow_not_ready,
    flow_recurring,
    flow_investments,
    flow_liabilities,
]


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: modern_transactions_flows.py BASE_URL DELAYED_URL\n")
        return 2
    url, delayed = argv[1].rstrip("/"), argv[2].rstrip("/")
    for flow in FLOWS:
        try:
            flow(url, delayed)
        except CheckFailed as failure:
            sys.stderr.write("modern_transactions_flows.py: FAILED in %s: %s\n"
                             % (flow.__name__, failure))
            return 1
        except Exception:  # a model refusing a body, or an unexpected API error
            sys.stderr.write("modern_transactions_flows.py: FAILED in %s with an "
                             "exception:\n%s" % (flow.__name__, traceback.format_exc()))
            return 1
    sys.stderr.write("modern_transactions_flows.py: %d flows, all checks passed\n"
                     % len(FLOWS))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
