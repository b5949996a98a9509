#!/usr/bin/env python3
"""Drive every flow of the seed README with the official python client.

Usage: seed_flows.py BASE_URL

The official legacy client (plaid-python-legacy==1.5.1, see requirements.txt)
runs every flow of the seed README against a plaid-sandbox at BASE_URL and
checks the results: status codes, keys, counts, exception classes and codes.

It prints one JSON line per client call, in call order, to stdout:

    {"label": "...", "flow": "...", "call": "connect", "args": [...],
     "kwargs": {...}, "client_id": "...", "secret": "...",
     "access_token": "...", "suppress": false,
     "requests": [{"method": "POST", "path": "/connect", "query": ""}],
     "status": 201, "error": null}

`requests` lists the HTTP requests the call sent (one, or none when the
client refused the call itself), so plaid-peer's Rust test can pair each
call with the request the sandbox recorded and with the request plaid-rs
builds for the same call. Nothing else is written to stdout.

The script exits 0 when every check passes; on the first failed check it
prints the flow, the label and the reason to stderr and exits 1.
"""

import json
import re
import sys
import traceback
import urllib.parse

import legacy_compat  # noqa: E402,F401  (before `plaid`: see the module)

import plaid  # noqa: E402
import plaid.requester  # noqa: E402
from plaid import Client  # noqa: E402
from plaid import errors as plaid_errors  # noqa: E402

assert plaid.__version__ == "1.5.1", plaid.__version__

# ---------------------------------------------------------------------------
# Request spy: the client's one HTTP entry point, wrapped so every request it
# sends is listed (method and URL only; the request itself is untouched).

_SENT = []
_real_http_request = plaid.requester._base_http_request


def _spy_http_request(url, method, data):
    _SENT.append((method, url))
    return _real_http_request(url, method, data)


plaid.requester._base_http_request = _spy_http_request

# ---------------------------------------------------------------------------
# Checks and the call log.

BASE_URL = None
LOGIN = {"username": "plaid_test", "password": "plaid_good"}
SELECTIONS_LOGIN = {"username": "plaid_selections", "password": "plaid_good"}
BAD_PASSWORD = {"username": "plaid_test", "password": "plaid_bad"}
LOCKED = {"username": "plaid_test", "password": "plaid_locked"}
USAA_LOGIN = {"username": "plaid_test", "password": "plaid_good", "pin": "1234"}
REQUEST_ID = re.compile(r"^[0-9a-f]{32}$")

_labels = set()
_flow = None


class CheckFailed(Exception):
    """A result differs from what the seed README promises."""


def check(condition, message):
    if not condition:
        raise CheckFailed(message)


def eq(actual, expected, what):
    check(actual == expected, "%s: expected %r, got %r" % (what, expected, actual))


def _emit(label, client, name, args, kwargs, status, error):
    check(label not in _labels, "duplicate label %r" % label)
    _labels.add(label)
    requests = []
    for method, url in _SENT:
        parts = urllib.parse.urlsplit(url)
        requests.append({"method": method, "path": parts.path, "query": parts.query})
    line = {
        "label": label,
        "flow": _flow,
        "call": name,
        "args": list(args),
        "kwargs": kwargs,
        "client_id": client.client_id,
        "secret": client.secret,
        "access_token": client_token_before,
        "suppress": bool(Client.suppress_http_errors),
        "requests": requests,
        "status": status,
        "error": error,
    }
    sys.stdout.write(json.dumps(line, sort_keys=True) + "\n")
    sys.stdout.flush()


client_token_before = None


def _invoke(label, client, name, args, kwargs):
    """Calls client.<name>(*args, **kwargs) and logs it.

    Returns (response, exception, sent): exactly one of the first two is set.
    """
    global client_token_before
    del _SENT[:]
    client_token_before = client.access_token
    try:
        response = getattr(client, name)(*args, **kwargs)
    except (plaid_errors.PlaidError, AssertionError) as exc:
        error = {"class": type(exc).__name__, "code": getattr(exc, "code", None)}
        _emit(label, client, name, args, kwargs, None, error)
        return None, exc, len(_SENT)
    _emit(label, client, name, args, kwargs, response.status_code, None)
    return response, None, len(_SENT)


def ok(label, client, name, *args, expect=200, **kwargs):
    """A call that must answer `expect`; returns the response."""
    response, exc, sent = _invoke(label, client, name, args, kwargs)
    check(exc is None, "%s raised %r" % (label, exc))
    eq(sent, 1, "%s: requests sent" % label)
    eq(response.status_code, expect, "%s: status" % label)
    check(REQUEST_ID.match(response.headers.get("x-request-id", "")),
          "%s: no X-Request-Id" % label)
    check(response.headers.get("content-type", "").startswith("application/json"),
          "%s: Content-Type %r" % (label, response.headers.get("content-type")))
    return response


def body(label, client, name, *args, expect=200, **kwargs):
    """A call that must answer `expect`; returns the decoded JSON body."""
    return ok(label, client, name, *args, expect=expect, **kwargs).json()


def fails(label, client, name, error_class, code, *args, **kwargs):
    """A call that must raise `error_class` with Plaid code `code`."""
    response, exc, sent = _invoke(label, client, name, args, kwargs)
    check(exc is not None, "%s: expected %s %s, got status %s"
          % (label, error_class.__name__, code, response and response.status_code))
    check(type(exc) is error_class, "%s: expected %s, got %r"
          % (label, error_class.__name__, exc))
    eq(exc.code, code, "%s: error code" % label)
    eq(sent, 1, "%s: requests sent" % label)
    check(isinstance(exc.message, str) and exc.message,
          "%s: empty resolve message" % label)
    check(REQUEST_ID.match(exc.request_id or ""),
          "%s: bad request id %r" % (label, exc.request_id))
    check(exc.args == (exc.message, exc.request_id),
          "%s: args %r" % (label, exc.args))
    return exc


def refused(label, client, name, *args, **kwargs):
    """A call the client refuses itself (AssertionError), sending nothing."""
    response, exc, sent = _invoke(label, client, name, args, kwargs)
    check(isinstance(exc, AssertionError), "%s: expected an AssertionError, got %r"
          % (label, exc if exc is not None else response.status_code))
    eq(sent, 0, "%s: requests sent" % label)


def sandbox_client(access_token=None):
    return Client(client_id="test_id", secret="test_secret", access_token=access_token)


def check_accounts(data, label, numbers=False):
    accounts = data["accounts"]
    eq(len(accounts), 4, "%s: account count" % label)
    for account in accounts:
        for key in ("_id", "_item", "_user", "balance", "meta", "type"):
            check(key in account, "%s: account without %s" % (label, key))
        if numbers:
            check("numbers" in account, "%s: account without numbers" % label)


def check_connected(data, label, token, transactions=16):
    check_accounts(data, label)
    eq(data["access_token"], token, "%s: access_token" % label)
    if transactions is None:
        check("transactions" not in data, "%s: transactions with login_only" % label)
    else:
        eq(len(data["transactions"]), transactions, "%s: transaction count" % label)


# ---------------------------------------------------------------------------
# The flows of the seed README, in its order.


def flow_configuration_and_errors():
    """Configuration; non-2xx statuses raise the mapped PlaidError."""
    Client.config({"url": BASE_URL, "suppress_warnings": True})
    eq(Client.base_url, BASE_URL, "Client.base_url")
    check(not Client.suppress_http_errors, "suppression is on")
    client = sandbox_client()
    exc = fails("connect bad password", client, "connect",
                plaid_errors.RequestFailedError, 1200, "bofa", BAD_PASSWORD)
    eq(exc.message, "The username or password provided were not correct.",
       "1200 resolve")
    eq(client.access_token, None, "token after a failed add")
    fails("connect bad username", client, "connect",
          plaid_errors.RequestFailedError, 1200, "bofa",
          {"username": "someone_else", "password": "plaid_good"})
    bad_keys = Client(client_id="bad_id", secret="bad_secret")
    fails("connect bad client keys", bad_keys, "connect",
          plaid_errors.UnauthorizedError, 1102, "bofa", LOGIN)
    fails("connect unknown institution", client, "connect",
          plaid_errors.ResourceNotFoundError, 1301, "notpnc", LOGIN)
    fails("connect_get bad access_token", sandbox_client("bad_token"), "connect_get",
          plaid_errors.UnauthorizedError, 1105)
    # python sends a token call without `access_token` (its client-side check
    # is dead code); the server answers 400/1000.
    fails("connect_get without access_token", sandbox_client(), "connect_get",
          plaid_errors.BadRequestError, 1000)


def flow_suppressed_http_errors():
    """suppress_http_errors: every status comes back as a response."""
    Client.config({"url": BASE_URL, "suppress_http_errors": True,
                   "suppress_warnings": True})
    try:
        client = sandbox_client()
        response = ok("suppressed connect bad password", client, "connect",
                      "bofa", BAD_PASSWORD, expect=402)
        eq(response.ok, False, "suppressed 402 .ok")
        data = response.json()
        eq(data["code"], 1200, "suppressed 402 code")
        eq(data["message"], "invalid credentials", "suppressed 402 message")
        eq(client.access_token, None, "token after a suppressed 402")
        response = ok("suppressed connect bad client keys",
                      Client(client_id="bad_id", secret="bad_secret"),
                      "connect", "bofa", LOGIN, expect=401)
        eq(response.ok, False, "suppressed 401 .ok")
        eq(response.json()["code"], 1102, "suppressed 401 code")
        response = ok("suppressed category unknown", client, "category",
                      "99999999", expect=404)
        eq(response.json()["code"], 1501, "suppressed 404 code")
        data = body("suppressed connect_get bad access_token", sandbox_client("bad_token"),
                    "connect_get", expect=401)
        eq((data["code"], data["access_token"]), (1105, "bad_token"),
           "1105 echoes the access_token")
        eq(sorted(data), ["access_token", "code", "message", "resolve"], "1105 keys")
        data = body("suppressed connect_step wrong answer", sandbox_client("test_bofa"),
                    "connect_step", "bofa", "dogs", expect=402)
        eq((data["code"], data["access_token"]), (1203, "test_bofa"),
           "1203 echoes the access_token")
        data = body("suppressed connect bad password body", client, "connect", "bofa",
                    BAD_PASSWORD, expect=402)
        eq(sorted(data), ["code", "message", "resolve"], "1200 keys")
        response = ok("suppressed connect wells", client, "connect", "wells", LOGIN)
        eq(response.ok, True, "suppressed 200 .ok")
        check_connected(response.json(), "suppressed connect wells", "test_wells")
        eq(client.access_token, "test_wells", "token after a suppressed 200")
    finally:
        # config() resets every flag it is not given: suppression is off again.
        Client.config({"url": BASE_URL, "suppress_warnings": True})
    check(not Client.suppress_http_errors, "suppression still on after config()")
    fails("connect bad password after config reset", sandbox_client(), "connect",
          plaid_errors.RequestFailedError, 1200, "bofa", BAD_PASSWORD)


def flow_public_endpoints():
    """Institutions and categories need no keys."""
    client = sandbox_client()
    institutions = body("institutions", client, "institutions")
    check(isinstance(institutions, list), "institutions is not a list")
    types = {i["type"] for i in institutions}
    for kind in ("amex", "bofa", "chase", "citi", "wells", "usaa"):
        check(kind in types, "institutions without %s" % kind)
    for inst in institutions:
        for key in ("credentials", "has_mfa", "id", "mfa", "name", "products", "type"):
            check(key in inst, "institution %s without %s" % (inst.get("type"), key))

    categories = body("categories", client, "categories")
    check(isinstance(categories, list) and len(categories) > 10, "categories list")
    for cat in categories:
        check(set(cat) >= {"id", "hierarchy", "type"}, "category keys %r" % cat)

    bofa = body("institution bofa", client, "institution", "5301a93ac140de84910000e0")
    eq(bofa["name"], "Bank of America", "institution name")
    eq(bofa["type"], "bofa", "institution type")
    eq(bofa["id"], "5301a93ac140de84910000e0", "institution id")
    fails("institution unknown", client, "institution",
          plaid_errors.ResourceNotFoundError, 1301, "000000000000000000000000")

    bar = body("category bar", client, "category", "13001000")
    eq(bar["hierarchy"], ["Food and Drink", "Bar"], "category hierarchy")
    eq(bar["type"], "place", "category type")
    fails("category unknown", client, "category",
          plaid_errors.ResourceNotFoundError, 1501, "99999999")

    page = body("institutions_all default", client, "institutions_all")
    check(isinstance(page["total_count"], int), "total_count")
    check(page["total_count"] >= len(institutions), "total_count too small")
    eq(len(page["results"]), min(100, page["total_count"]), "default page size")
    filtered = body("institutions_all auth+connect", client, "institutions_all",
                    count=50, offset=0, products=["auth", "connect"])
    check(filtered["results"], "no institution with auth and connect")
    for inst in filtered["results"]:
        check({"auth", "connect"} <= set(inst["products"]),
              "%s lacks auth or connect" % inst["type"])
    check(filtered["total_count"] < page["total_count"], "products did not filter")
    window = body("institutions_all paged", client, "institutions_all",
                  count=2, offset=1)
    eq(len(window["results"]), 2, "paged count")
    eq([i["id"] for i in window["results"]],
       [i["id"] for i in page["results"][1:3]], "paged window")

    found = body("institution_search q", client, "institution_search", q="wells fargo")
    check(isinstance(found, list) and found, "search by q found nothing")
    check(any(r["name"] == "Wells Fargo" for r in found), "search lacks Wells Fargo")
    found = body("institution_search q+p", client, "institution_search",
                 q="wells", p="auth")
    check(found and all(r["products"].get("auth") for r in found), "search q+p")
    found = body("institution_search p unknown", client, "institution_search",
                 q="wells", p="nonexistent")
    eq(found, [], "search with an unknown product")
    one = body("institution_search id", client, "institution_search",
               institution_id="wells")
    check(isinstance(one, dict), "search by id is not an object")
    eq(one["id"], "wells", "search by id")
    eq(one["name"], "Wells Fargo", "search by id name")
    eq(body("institution_search id miss", client, "institution_search",
            institution_id="nope"), [], "search by unknown id")
    found = body("institution_all_search q", client, "institution_all_search",
                 q="bank of america")
    check(any(r["name"] == "Bank of America" for r in found), "all search")
    refused("institution_search without q or id", client, "institution_search")


def flow_connect_without_mfa():
    """Wells needs no MFA: the add answers 200 with the data."""
    client = sandbox_client()
    data = body("connect wells", client, "connect", "wells", LOGIN)
    check_connected(data, "connect wells", "test_wells")
    eq(client.access_token, "test_wells", "stored token")
    data = body("connect wells login_only", sandbox_client(), "connect", "wells",
                LOGIN, options={"login_only": True})
    check_connected(data, "connect wells login_only", "test_wells", transactions=None)
    data = body("connect wells webhook pending", sandbox_client(), "connect", "wells",
                LOGIN, options={"webhook": "https://example.invalid/hook",
                                "pending": True})
    check_accounts(data, "connect wells webhook pending")


def flow_mfa_questions():
    """Bank of America asks questions; `again` asks another round."""
    client = sandbox_client()
    data = body("connect bofa", client, "connect", "bofa", LOGIN, expect=201)
    eq(data["type"], "questions", "bofa mfa type")
    eq(len(data["mfa"]), 1, "bofa question count")
    check(data["mfa"][0]["question"], "bofa question text")
    eq(data["access_token"], "test_bofa", "bofa mfa token")
    eq(client.access_token, "test_bofa", "token stored from the 201")
    data = body("connect_step bofa again", client, "connect_step", "bofa", "again",
                expect=201)
    eq(data["type"], "questions", "again round type")
    data = body("connect_step bofa tomato", client, "connect_step", "bofa", "tomato")
    check_connected(data, "connect_step bofa tomato", "test_bofa")
    exc = fails("connect_step bofa wrong answer", sandbox_client("test_bofa"),
                "connect_step", plaid_errors.RequestFailedError, 1203, "bofa", "dogs")
    eq(exc.message, "The MFA response provided was not correct.", "1203 resolve")


def flow_mfa_list_device_code():
    """Chase: device list, then send method by type and by mask, then code."""
    client = sandbox_client()
    data = body("connect chase", client, "connect", "chase", LOGIN, expect=201)
    eq(data["type"], "list", "chase mfa type (python always sends list: true)")
    devices = data["mfa"]
    eq(sorted(d["type"] for d in devices), ["card", "email", "phone"], "device types")
    phone = [d["mask"] for d in devices if d["type"] == "phone"][0]
    email = [d["mask"] for d in devices if d["type"] == "email"][0]
    eq(client.access_token, "test_chase", "chase token")
    data = body("connect_step chase send_method type", client, "connect_step",
                "chase", None, options={"send_method": {"type": "phone"}}, expect=201)
    eq(data["type"], "device", "send_method type answer")
    eq(data["mfa"], {"message": "Code sent to %s" % phone}, "device message (type)")
    data = body("connect_step chase send_method mask", client, "connect_step",
                "chase", None, options={"send_method": {"mask": email}}, expect=201)
    eq(data["type"], "device", "send_method mask answer")
    eq(data["mfa"], {"message": "Code sent to %s" % email}, "device message (mask)")
    fails("connect_step chase bad send_method", sandbox_client("test_chase"),
          "connect_step", plaid_errors.RequestFailedError, 1204, "chase", None,
          options={"send_method": {"type": "pigeon"}})
    fails("connect_step chase wrong code", sandbox_client("test_chase"),
          "connect_step", plaid_errors.RequestFailedError, 1203, "chase", "0000")
    data = body("connect_step chase code", client, "connect_step", "chase", "1234")
    check_connected(data, "connect_step chase code", "test_chase")


def flow_mfa_selections():
    """Citi with plaid_selections: two multiple-choice questions."""
    client = sandbox_client()
    data = body("connect citi selections", client, "connect", "citi",
                SELECTIONS_LOGIN, expect=201)
    eq(data["type"], "selections", "citi mfa type")
    eq(len(data["mfa"]), 2, "selections question count")
    for question in data["mfa"]:
        check(question["question"], "selection question text")
        eq(len(question["answers"]), 2, "answers per selection")
    fails("connect_step citi wrong selections", sandbox_client("test_citi"),
          "connect_step", plaid_errors.RequestFailedError, 1203, "citi",
          json.dumps(["ketchup", "tomato"]))
    data = body("connect_step citi selections", client, "connect_step", "citi",
                json.dumps(["tomato", "ketchup"]))
    check_connected(data, "connect_step citi selections", "test_citi")
    data = body("connect citi plaid_test", sandbox_client(), "connect", "citi",
                LOGIN, expect=201)
    eq(data["type"], "questions", "citi with plaid_test")


def flow_auth():
    """Auth add with MFA, then the step; accounts carry numbers."""
    client = sandbox_client()
    data = body("auth bofa", client, "auth", "bofa", LOGIN, expect=201)
    eq(data["type"], "questions", "auth mfa type")
    data = body("auth_step bofa tomato", client, "auth_step", "bofa", "tomato")
    check_accounts(data, "auth_step bofa tomato", numbers=True)
    check("transactions" not in data, "auth step returned transactions")
    eq(data["access_token"], "test_bofa", "auth step token")


def flow_upgrade():
    """Upgrade test_bofa to info."""
    client = sandbox_client("test_bofa")
    data = body("upgrade info", client, "upgrade", "info")
    check("info" in data, "upgrade to info lacks info: %r" % sorted(data))
    check_accounts(data, "upgrade info")
    fails("upgrade invalid product", sandbox_client("test_bofa"), "upgrade",
          plaid_errors.UnauthorizedError, 1111, "pizza")


def flow_delete():
    """connect_delete and auth_delete send their form body on DELETE."""
    client = sandbox_client("test_wells")
    message = "Successfully removed from your account"
    eq(body("connect_delete", client, "connect_delete")["message"], message,
       "connect_delete")
    eq(body("auth_delete", client, "auth_delete")["message"], message, "auth_delete")
    fails("connect_delete bad access_token", sandbox_client("bad_token"),
          "connect_delete", plaid_errors.UnauthorizedError, 1105)


def flow_exchange_token():
    """A Link public token becomes an access token (stored on the client)."""
    client = sandbox_client()
    data = body("exchange_token", client, "exchange_token", "test,chase,connected")
    eq(data["access_token"], "test_chase", "exchanged token")
    eq(client.access_token, "test_chase", "exchanged token stored")
    accounts = body("auth_get after exchange", client, "auth_get")["accounts"]
    account_id = accounts[0]["_id"]
    client = sandbox_client()
    data = body("exchange_token account_id", client, "exchange_token",
                "test,chase,connected", account_id=account_id)
    eq(data["access_token"], "test_chase", "exchanged token with account_id")
    check(data.get("stripe_bank_account_token", "").startswith("btok_"),
          "stripe_bank_account_token: %r" % data.get("stripe_bank_account_token"))
    fails("exchange_token bad public_token", sandbox_client(), "exchange_token",
          plaid_errors.UnauthorizedError, 1106, "not,a,token")


def flow_reads():
    """auth_get, balance, connect_get (with options), info/income/risk_get."""
    client = sandbox_client("test_bofa")
    data = body("auth_get", client, "auth_get")
    check_accounts(data, "auth_get", numbers=True)
    data = body("balance", client, "balance")
    check_accounts(data, "balance")
    for account in data["accounts"]:
        check("current" in account["balance"], "balance without current")
    eq(client.access_token, "test_bofa", "balance keeps the token")

    everything = body("connect_get", client, "connect_get")
    check_accounts(everything, "connect_get")
    default = everything["transactions"]
    eq(len(default), 16, "connect_get transaction count")
    check(all(not t["pending"] for t in default), "pending in the default list")
    pending = body("connect_get pending", client, "connect_get", {"pending": True})
    check(len(pending["transactions"]) >= len(default), "pending is not a superset")
    extra = [t for t in pending["transactions"] if t["pending"]]
    eq(len(pending["transactions"]) - len(default), len(extra), "pending extras")
    gte = body("connect_get gte", client, "connect_get", {"gte": "2014-06-01"})
    check(gte["transactions"], "gte returned nothing")
    check(all(t["date"] >= "2014-06-01" for t in gte["transactions"]), "gte filter")
    eq(len(gte["transactions"]),
       len([t for t in default if t["date"] >= "2014-06-01"]), "gte count")
    account_id = "QPO8Jo8vdDHMepg41PBwckXm4KdK1yUdmXOwK"
    data = body("connect_get account", client, "connect_get", {"account": account_id})
    check(data["transactions"], "account filter returned nothing")
    check(all(t["_account"] == account_id for t in data["transactions"]),
          "account filter")
    eq(len(data["accounts"]), 4, "account filter keeps every account")
    data = body("connect_get gte lte account", client, "connect_get",
                {"pending": False, "lte": "2016-01-01", "gte": "2012-01-01",
                 "account": account_id})
    eq(sorted(t["date"] for t in data["transactions"]), ["2014-03-27", "2014-06-02"],
       "combined filters (the recorded tartan example)")

    data = body("info_get", client, "info_get")
    check(set(data["info"]) >= {"emails", "addresses", "phone_numbers", "names"},
          "info keys %r" % sorted(data["info"]))
    data = body("income_get", client, "income_get")
    check("income_streams" in data["income"], "income without streams")
    data = body("risk_get", client, "risk_get")
    for account in data["accounts"]:
        check("score" in account.get("risk", {}), "account without a risk score")


def flow_other_products():
    """info, income and risk adds, and an info step."""
    data = body("info wells", sandbox_client(), "info", "wells", LOGIN)
    check("info" in data, "info add without info")
    data = body("income wells", sandbox_client(), "income", "wells", LOGIN)
    check("income" in data, "income add without income")
    data = body("risk wells", sandbox_client(), "risk", "wells", LOGIN)
    check(all("risk" in a for a in data["accounts"]), "risk add without risk")
    client = sandbox_client()
    body("info bofa", client, "info", "bofa", LOGIN, expect=201)
    data = body("info_step bofa tomato", client, "info_step", "bofa", "tomato")
    check("info" in data, "info step without info")


def flow_connect_update():
    """PATCH with the login flattened; chase answers with a device MFA."""
    client = sandbox_client("test_amex")
    data = body("connect_update amex", client, "connect_update", LOGIN)
    check_accounts(data, "connect_update amex")
    eq(client.access_token, "test_amex", "token after the update")
    data = body("auth_update amex", client, "auth_update", LOGIN)
    check_accounts(data, "auth_update amex", numbers=True)
    client = sandbox_client("test_chase")
    data = body("connect_update chase", client, "connect_update", LOGIN, expect=201)
    eq(data["type"], "device", "chase update mfa (no list option on PATCH)")
    data = body("connect_update_step chase code", client, "connect_update_step",
                "chase", "1234")
    check_connected(data, "connect_update_step chase code", "test_chase")
    fails("connect_update bad password", sandbox_client("test_amex"),
          "connect_update", plaid_errors.RequestFailedError, 1200, BAD_PASSWORD)


def flow_locked_account():
    """plaid_locked: 402/1205."""
    exc = fails("connect locked", sandbox_client(), "connect",
                plaid_errors.RequestFailedError, 1205, "bofa", LOCKED)
    check("locked" in exc.message, "1205 resolve: %r" % exc.message)


def flow_usaa_pin():
    """USAA needs the pin 1234, then answers questions."""
    client = sandbox_client()
    data = body("connect usaa pin", client, "connect", "usaa", USAA_LOGIN, expect=201)
    eq(data["type"], "questions", "usaa mfa type")
    eq(client.access_token, "test_usaa", "usaa token")
    data = body("connect_step usaa tomato", client, "connect_step", "usaa", "tomato")
    check_connected(data, "connect_step usaa tomato", "test_usaa")
    fails("connect usaa without pin", sandbox_client(), "connect",
          plaid_errors.BadRequestError, 1005, "usaa", LOGIN)
    fails("connect usaa wrong pin", sandbox_client(), "connect",
          plaid_errors.RequestFailedError, 1209, "usaa", dict(LOGIN, pin="9999"))


FLOWS = [
    flow_configuration_and_errors,
    flow_suppressed_http_errors,
    flow_public_endpoints,
    flow_connect_without_mfa,
    flow_mfa_questions,
    flow_mfa_list_device_code,
    flow_mfa_selections,
    flow_auth,
    flow_upgrade,
    flow_delete,
    flow_exchange_token,
    flow_reads,
    flow_other_products,
    flow_connect_update,
    flow_locked_account,
    flow_usaa_pin,
]


def main(argv):
    global BASE_URL, _flow
    if len(argv) != 2:
        sys.stderr.write("usage: seed_flows.py BASE_URL\n")
        return 2
    BASE_URL = argv[1].rstrip("/")
    Client.config({"url": BASE_URL, "suppress_warnings": True})
    for flow in FLOWS:
        _flow = flow.__name__
        try:
            flow()
        except CheckFailed as failure:
            sys.stderr.write("seed_flows.py: FAILED in %s: %s\n" % (_flow, failure))
            return 1
        except Exception:  # an unexpected exception is a failure too
            sys.stderr.write("seed_flows.py: FAILED in %s with an exception:\n%s"
                             % (_flow, traceback.format_exc()))
            return 1
    sys.stderr.write("seed_flows.py: %d flows, %d calls, all checks passed\n"
                     % (len(FLOWS), len(_labels)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
