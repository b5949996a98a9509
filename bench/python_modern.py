#!/usr/bin/env python3
"""The official modern python client, plaid-python==46.0.0, timed on the
modern call plaid-bench measures, against a running modern plaid-sandbox
(`plaid-sandbox --api modern`, or plaid-bench's embedded one).

It runs from target/peer-modern-venv, the virtualenv plaid-bench and the
modern peer test share (plaid-peer/src/venv.rs, the MODERN set): either of
them creates it, or rebuilds it when peer/requirements-modern.txt or the
base python changed. To run this script by hand after one of them has run:

    target/peer-modern-venv/bin/python bench/python_modern.py BASE_URL

Usage (plaid-bench spawns it; it can also run on its own):

    python_modern.py BASE_URL [--rounds 5] [--small-secs 0.4] [--threads 1]
                              [--institution ins_109508]
                              [--flows accounts_balance_get]
    python_modern.py --check      # exits 0 when the client imports

First it makes one Item with the client itself, as plaid-bench does for
plaid-rs: /sandbox/public_token/create at --institution with the
transactions product, then /item/public_token/exchange. Then the flow, as a
user of the client writes it:

  accounts_balance_get:
    api = PlaidApi(ApiClient(Configuration(host=BASE_URL,
                                           api_key={"clientId": id, "secret": secret})))
    api.accounts_balance_get(AccountsBalanceGetRequest(access_token=token))

Each thread has its own PlaidApi on its own ApiClient. An ApiClient keeps a
urllib3 connection pool, so, unlike the legacy client, each thread reuses its
connection. Every answer is decoded into the client's generated models (as
the client always does) and checked to hold accounts.

Rounds, threads and the JSON lines it prints are those of bench_rounds.py,
which bench/python_peer.py shares (--large-secs is accepted and unused).
"""

import sys

import plaid
from plaid.api import plaid_api
from plaid.model.accounts_balance_get_request import AccountsBalanceGetRequest
from plaid.model.item_public_token_exchange_request import (
    ItemPublicTokenExchangeRequest,
)
from plaid.model.products import Products
from plaid.model.sandbox_public_token_create_request import (
    SandboxPublicTokenCreateRequest,
)
from plaid.model.sandbox_public_token_create_request_options import (
    SandboxPublicTokenCreateRequestOptions,
)

import bench_rounds

VERSION = "46.0.0"
FLOWS = ("accounts_balance_get",)


def api(url):
    """A client with the modern emulator's keys, as a user makes one."""
    configuration = plaid.Configuration(
        host=url, api_key={"clientId": "test_id", "secret": "test_secret"})
    return plaid_api.PlaidApi(plaid.ApiClient(configuration))


def new_item(client, institution, user=None):
    """A sandbox Item's access token: public token, then exchange; of the
    test user `user` (any password) when given."""
    request = SandboxPublicTokenCreateRequest(
        institution_id=institution, initial_products=[Products("transactions")])
    if user is not None:
        request.options = SandboxPublicTokenCreateRequestOptions(
            override_username=user, override_password="any")
    created = client.sandbox_public_token_create(request)
    exchanged = client.item_public_token_exchange(
        ItemPublicTokenExchangeRequest(public_token=created.public_token))
    return exchanged.access_token


def main():
    if sys.argv[1:] == ["--check"]:
        assert plaid.__version__ == VERSION, plaid.__version__
        return
    url, opts = bench_rounds.options(sys.argv[1:], __doc__, FLOWS,
                                     {"institution": "ins_109508"})
    assert plaid.__version__ == VERSION, plaid.__version__
    token = new_item(api(url), opts["institution"])

    def accounts_balance_get(client):
        def call():
            response = client.accounts_balance_get(
                AccountsBalanceGetRequest(access_token=token))
            assert response.accounts
        return call

    calls = [accounts_balance_get(api(url)) for _ in range(opts["threads"])]
    bench_rounds.run([("accounts_balance_get", opts["small-secs"], calls)],
                     opts["rounds"])


if __name__ == "__main__":
    main()
