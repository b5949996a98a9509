#!/usr/bin/env python3
"""Drive every modern endpoint of plaid-sandbox with the official python client.

Usage: modern_flows.py BASE_URL

The official modern client (plaid-python==46.0.0, see requirements-modern.txt)
calls every route of plaid-sandbox's modern family at BASE_URL, and each
documented error, and checks the results. The client decodes every 2xx body
into its generated models, which refuse a missing required key: a body that
does not follow the spec fails the flow even before a check here looks at it.
A few requests the client cannot send (a missing field, an unknown field, a
body that is not JSON, an unknown route) go out raw, with urllib.

It prints one JSON line per call, in call order, to stdout:

    {"id": "...", "flow": "...", "call": "accounts_get", "via": "client",
     "keys": "sandbox", "method": "POST", "path": "/accounts/get",
     "status": 200, "request_id": "...", "error_code": null}

`via` is "client" for calls of the official client and "raw" for the raw
requests; `keys` names the key set of KEYS the request carried ("none" for
a raw request without keys), never the keys themselves. Every call sends
exactly one HTTP request, so plaid-peer's test can pair each line with the
request the sandbox recorded, and rebuild each client call with plaid-rs.
Nothing else is written to stdout.

The script exits 0 when every check passes; on the first failed check it
prints the flow, the id and the reason to stderr and exits 1.
"""

import json
import sys
import traceback
import urllib.error
import urllib.parse
import urllib.request

import plaid
import plaid.rest
from plaid.api import plaid_api
from plaid.model.accounts_balance_get_request import AccountsBalanceGetRequest
from plaid.model.accounts_get_request import AccountsGetRequest
from plaid.model.accounts_get_request_options import AccountsGetRequestOptions
from plaid.model.auth_get_request import AuthGetRequest
from plaid.model.country_code import CountryCode
from plaid.model.identity_get_request import IdentityGetRequest
from plaid.model.institutions_get_by_id_request import InstitutionsGetByIdRequest
from plaid.model.institutions_get_by_id_request_options import (
    InstitutionsGetByIdRequestOptions,
)
from plaid.model.institutions_get_request import InstitutionsGetRequest
from plaid.model.institutions_get_request_options import InstitutionsGetRequestOptions
from plaid.model.institutions_search_request import InstitutionsSearchRequest
from plaid.model.item_get_request import ItemGetRequest
from plaid.model.item_public_token_exchange_request import (
    ItemPublicTokenExchangeRequest,
)
from plaid.model.item_remove_request import ItemRemoveRequest
from plaid.model.item_webhook_update_request import ItemWebhookUpdateRequest
from plaid.model.link_token_create_request import LinkTokenCreateRequest
from plaid.model.link_token_create_request_user import LinkTokenCreateRequestUser
from plaid.model.products import Products
from plaid.model.sandbox_item_fire_webhook_request import SandboxItemFireWebhookRequest
from plaid.model.sandbox_item_reset_login_request import SandboxItemResetLoginRequest
from plaid.model.sandbox_public_token_create_request import (
    SandboxPublicTokenCreateRequest,
)
from plaid.model.sandbox_public_token_create_request_options import (
    SandboxPublicTokenCreateRequestOptions,
)
from plaid.model.webhook_verification_key_get_request import (
    WebhookVerificationKeyGetRequest,
)

assert plaid.__version__ == "46.0.0", plaid.__version__

# ---------------------------------------------------------------------------
# Request spy: the client's one HTTP entry point, wrapped so every request it
# sends is listed (method and URL only; the request itself is untouched).

_SENT = []
_real_request = plaid.rest.RESTClientObject.request


def _spy_request(self, method, url, *args, **kwargs):
    _SENT.append((method, url))
    return _real_request(self, method, url, *args, **kwargs)


plaid.rest.RESTClientObject.request = _spy_request

# ---------------------------------------------------------------------------
# Checks and the call log.

BASE_URL = None
SANDBOX_KEY_ID = "6c5516e1-92dc-479e-a8ff-5a51992e0001"
TEST_BANKS = {
    "ins_109508": "First Platypus Bank",
    "ins_109509": "First Gingham Credit Union",
    "ins_109510": "Tattersall Federal Credit Union",
    "ins_109511": "Tartan Bank",
    "ins_109512": "Houndstooth Bank",
}
ERROR_KEYS = ("error_type", "error_code", "error_code_reason", "error_message",
              "display_message", "request_id", "causes", "status",
              "documentation_url", "suggested_action")
US = [CountryCode("US")]

_ids = set()
_flow = None


class CheckFailed(Exception):
    """A result differs from what the sandbox promises."""


def check(condition, message):
    if not condition:
        raise CheckFailed(message)


def eq(actual, expected, what):
    check(actual == expected, "%s: expected %r, got %r" % (what, expected, actual))


def _emit(call_id, call, via, keys, method, url, status, request_id, error_code):
    check(call_id not in _ids, "duplicate id %r" % call_id)
    _ids.add(call_id)
    line = {
        "id": call_id,
        "flow": _flow,
        "call": call,
        "via": via,
        "keys": keys,
        "method": method,
        "path": urllib.parse.urlsplit(url).path,
        "status": status,
        "request_id": request_id,
        "error_code": error_code,
    }
    sys.stdout.write(json.dumps(line, sort_keys=True) + "\n")
    sys.stdout.flush()


# The key sets the flows use, by name. plaid-peer's comparison rebuilds each
# call with plaid-rs under the same keys, from the name the log gives (its
# rebuild.rs keeps the same table).
KEYS = {
    "sandbox": ("test_id", "test_secret"),
    "wrong_secret": ("test_id", "not_the_secret"),
}


def api(keys="sandbox"):
    client_id, secret = KEYS[keys]
    configuration = plaid.Configuration(
        host=BASE_URL, api_key={"clientId": client_id, "secret": secret})
    client = plaid_api.PlaidApi(plaid.ApiClient(configuration))
    client.peer_keys = keys
    return client


def _header(headers, name):
    value = headers.get(name) if headers is not None else None
    return value if value is not None else ""


def _error_body(call_id, status, body, headers):
    """Checks a PlaidError body; returns it decoded."""
    try:
        error = json.loads(body)
    except ValueError:
        raise CheckFailed("%s: error body is not JSON: %r" % (call_id, body))
    for key in ERROR_KEYS:
        check(key in error, "%s: error body without %s: %r" % (call_id, key, error))
    check(isinstance(error["error_message"], str) and error["error_message"],
          "%s: empty error_message" % call_id)
    eq(error["request_id"], _header(headers, "X-Request-Id"),
       "%s: request_id of body and header" % call_id)
    check(error["request_id"], "%s: empty request_id" % call_id)
    return error


def _invoke(call_id, client, call, request):
    """Calls client.<call>(request); returns (data, exception)."""
    del _SENT[:]
    try:
        if request is None:
            data, status, headers = getattr(client, call)(
                {}, _return_http_data_only=False)
        else:
            data, status, headers = getattr(client, call)(
                request, _return_http_data_only=False)
    except plaid.ApiException as exc:
        check(len(_SENT) == 1, "%s: %d requests sent" % (call_id, len(_SENT)))
        error = _error_body(call_id, exc.status, exc.body, exc.headers)
        _emit(call_id, call, "client", client.peer_keys, _SENT[0][0], _SENT[0][1],
              exc.status, error["request_id"], error["error_code"])
        return None, (exc, error)
    check(len(_SENT) == 1, "%s: %d requests sent" % (call_id, len(_SENT)))
    eq(status, 200, "%s: status" % call_id)
    request_id = _header(headers, "X-Request-Id")
    eq(data.request_id, request_id, "%s: request_id of body and header" % call_id)
    _emit(call_id, call, "client", client.peer_keys, _SENT[0][0], _SENT[0][1], status,
          request_id, None)
    return data, None


def ok(call_id, client, call, request=None):
    """A call that must succeed; returns the decoded model."""
    data, failure = _invoke(call_id, client, call, request)
    check(failure is None, "%s failed: %s" % (call_id, failure and failure[0]))
    return data


def fails(call_id, client, call, request, status, error_type, error_code):
    """A call that must fail with this status, type and code; returns the body."""
    data, failure = _invoke(call_id, client, call, request)
    check(failure is not None, "%s: expected %s, got a success" % (call_id, error_code))
    exc, error = failure
    eq(exc.status, status, "%s: status" % call_id)
    eq((error["error_type"], error["error_code"]), (error_type, error_code),
       "%s: error" % call_id)
    return error


def raw(call_id, path, body, status, error_type, error_code, keys=True):
    """A request the client cannot send, sent with urllib; returns the body."""
    headers = {"Content-Type": "application/json", "Plaid-Version": "2020-09-14"}
    if keys:
        headers["PLAID-CLIENT-ID"], headers["PLAID-SECRET"] = KEYS["sandbox"]
    key_set = "sandbox" if keys else "none"
    url = BASE_URL + path
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            answer_status, answer, answer_headers = (
                response.status, response.read(), response.headers)
    except urllib.error.HTTPError as exc:
        answer_status, answer, answer_headers = exc.code, exc.read(), exc.headers
    eq(answer_status, status, "%s: status" % call_id)
    if error_type is None:
        data = json.loads(answer)
        eq(data["request_id"], _header(answer_headers, "X-Request-Id"),
           "%s: request_id of body and header" % call_id)
        _emit(call_id, "raw", "raw", key_set, "POST", url, answer_status, data["request_id"],
              None)
        return data
    error = _error_body(call_id, answer_status, answer, answer_headers)
    eq((error["error_type"], error["error_code"]), (error_type, error_code),
       "%s: error" % call_id)
    _emit(call_id, "raw", "raw", key_set, "POST", url, answer_status, error["request_id"],
          error["error_code"])
    return error


def new_item(call_prefix, client, institution="ins_109508",
             products=("auth", "identity", "transactions"), **options):
    """A sandbox Item: public token, then exchange. Returns (access_token, item_id)."""
    request = SandboxPublicTokenCreateRequest(
        institution_id=institution,
        initial_products=[Products(p) for p in products],
        options=SandboxPublicTokenCreateRequestOptions(**options))
    created = ok(call_prefix + " public_token create", client,
                 "sandbox_public_token_create", request)
    check(created.public_token.startswith("public-sandbox-"),
          "public token %r" % created.public_token)
    exchanged = ok(call_prefix + " exchange", client, "item_public_token_exchange",
                   ItemPublicTokenExchangeRequest(public_token=created.public_token))
    check(exchanged.access_token.startswith("access-sandbox-"), "access token")
    return exchanged.access_token, exchanged.item_id


# ---------------------------------------------------------------------------
# The flows.


def flow_public_endpoints():
    """Categories, institutions (paged by total) and the webhook key."""
    client = api()
    categories = ok("categories", client, "categories_get")
    check(len(categories.categories) > 500, "categories: %d" % len(categories.categories))
    bar = [c for c in categories.categories if c.category_id == "13001000"]
    eq(bar[0].hierarchy, ["Food and Drink", "Bar"], "category 13001000")
    raw("categories without keys", "/categories/get", b"{}", 200, None, None, keys=False)

    countries = [CountryCode(c) for c in ("US", "GB", "CA", "FR", "DE")]
    first = ok("institutions page 0", client, "institutions_get",
               InstitutionsGetRequest(count=10, offset=0, country_codes=countries))
    total = first.total
    check(total >= 20, "institutions total %d" % total)
    seen = [i.institution_id for i in first.institutions]
    offset = 10
    while offset < total:
        page = ok("institutions page %d" % (offset // 10), client, "institutions_get",
                  InstitutionsGetRequest(count=10, offset=offset, country_codes=countries))
        eq(page.total, total, "total of every page")
        seen.extend(i.institution_id for i in page.institutions)
        offset += 10
    eq(len(seen), total, "institutions seen by paging")
    eq(len(set(seen)), total, "distinct institutions")
    eq(seen[:5], sorted(TEST_BANKS), "the test banks come first")
    meta = ok("institutions with metadata", client, "institutions_get",
              InstitutionsGetRequest(count=3, offset=0, country_codes=US,
                                     options=InstitutionsGetRequestOptions(
                                         include_optional_metadata=True,
                                         products=[Products("auth")])))
    check(all(i.url for i in meta.institutions), "metadata without url")

    for institution_id, name in sorted(TEST_BANKS.items()):
        found = ok("institution " + institution_id, client, "institutions_get_by_id",
                   InstitutionsGetByIdRequest(
                       institution_id=institution_id, country_codes=US,
                       options=InstitutionsGetByIdRequestOptions(include_status=True)))
        eq(found.institution.name, name, institution_id)
        eq(found.institution.status.item_logins.status, "HEALTHY", "status")
    fails("institution unknown", client, "institutions_get_by_id",
          InstitutionsGetByIdRequest(institution_id="ins_0", country_codes=US),
          400, "INVALID_INPUT", "INVALID_INSTITUTION")
    found = ok("institutions search", client, "institutions_search",
               InstitutionsSearchRequest(query="platypus", country_codes=US,
                                         products=[Products("auth")]))
    eq([i.institution_id for i in found.institutions], ["ins_109508"], "search")

    key = ok("webhook key", client, "webhook_verification_key_get",
             WebhookVerificationKeyGetRequest(key_id=SANDBOX_KEY_ID)).key
    eq((key.alg, key.crv, key.kty, key.use, key.kid),
       ("ES256", "P-256", "EC", "sig", SANDBOX_KEY_ID), "webhook key")
    eq(key.expired_at, None, "expired_at")
    fails("webhook key unknown", client, "webhook_verification_key_get",
          WebhookVerificationKeyGetRequest(key_id="no-such-key"),
          400, "INVALID_INPUT", "INVALID_WEBHOOK_VERIFICATION_KEY_ID")


def flow_item_lifecycle():
    """An Item from creation to removal, through every data call."""
    client = api()
    token, item_id = new_item("lifecycle", client)
    got = ok("item_get", client, "item_get", ItemGetRequest(access_token=token))
    eq(got.item.item_id, item_id, "item_id")
    eq(got.item.webhook, "", "webhook without one")
    eq(got.item.error, None, "item error")
    eq(got.item.institution_id, "ins_109508", "institution")
    eq(sorted(str(p) for p in got.item.billed_products),
       ["auth", "identity", "transactions"], "billed products")

    accounts = ok("accounts_get", client, "accounts_get",
                  AccountsGetRequest(access_token=token)).accounts
    eq([str(a.type) for a in accounts],
       ["depository", "depository", "credit", "loan", "investment"], "account types")
    for account in accounts:
        eq(account.balances.iso_currency_code, "USD", "currency")
        check(isinstance(account.balances.current, float), "current balance")
        eq(round(account.balances.current, 2), account.balances.current, "cents")
    ids = [a.account_id for a in accounts]
    again = ok("accounts_get again", client, "accounts_get",
               AccountsGetRequest(access_token=token))
    eq([a.account_id for a in again.accounts], ids, "deterministic accounts")
    picked = ok("accounts_get filtered", client, "accounts_get",
                AccountsGetRequest(access_token=token,
                                   options=AccountsGetRequestOptions(account_ids=ids[1:3])))
    eq([a.account_id for a in picked.accounts], ids[1:3], "account_ids filter")
    fails("accounts_get unknown account", client, "accounts_get",
          AccountsGetRequest(access_token=token,
                             options=AccountsGetRequestOptions(account_ids=["nope"])),
          400, "INVALID_INPUT", "INVALID_ACCOUNT_ID")
    balances = ok("accounts_balance_get", client, "accounts_balance_get",
                  AccountsBalanceGetRequest(access_token=token))
    eq(len(balances.accounts), 5, "balance accounts")

    auth = ok("auth_get", client, "auth_get", AuthGetRequest(access_token=token))
    eq(len(auth.numbers.ach), 2, "ACH numbers of the depository accounts")
    eq((auth.numbers.eft, auth.numbers.international, auth.numbers.bacs), ([], [], []),
       "other number lists")
    eq([n.account_id for n in auth.numbers.ach], ids[:2], "ACH account ids")
    identity = ok("identity_get", client, "identity_get",
                  IdentityGetRequest(access_token=token))
    owner = identity.accounts[0].owners[0]
    check(owner.names and owner.emails and owner.phone_numbers and owner.addresses,
          "incomplete owner")

    link = ok("link_token_create", client, "link_token_create", LinkTokenCreateRequest(
        client_name="plaid-rs peer", language="en", country_codes=US,
        user=LinkTokenCreateRequestUser(client_user_id="peer-user"),
        products=[Products("auth"), Products("transactions")]))
    check(link.link_token.startswith("link-sandbox-"), "link token")
    check(link.expiration.tzinfo is not None, "expiration without a zone")
    update = ok("link_token_create update", client, "link_token_create",
                LinkTokenCreateRequest(
                    client_name="plaid-rs peer", language="en", country_codes=US,
                    user=LinkTokenCreateRequestUser(client_user_id="peer-user"),
                    access_token=token))
    check(update.expiration < link.expiration, "update mode expires sooner")

    fails("fire_webhook without url", client, "sandbox_item_fire_webhook",
          SandboxItemFireWebhookRequest(access_token=token, webhook_code="DEFAULT_UPDATE"),
          400, "SANDBOX_ERROR", "SANDBOX_WEBHOOK_INVALID")
    hooked = ok("item_webhook_update", client, "item_webhook_update",
                ItemWebhookUpdateRequest(access_token=token,
                                         webhook="https://hooks.example/plaid"))
    eq(hooked.item.webhook, "https://hooks.example/plaid", "new webhook")
    fired = ok("fire_webhook", client, "sandbox_item_fire_webhook",
               SandboxItemFireWebhookRequest(access_token=token,
                                             webhook_code="DEFAULT_UPDATE"))
    eq(fired.webhook_fired, True, "webhook_fired")

    ok("item_remove", client, "item_remove", ItemRemoveRequest(access_token=token))
    for call, request in (
            ("item_get", ItemGetRequest(access_token=token)),
            ("accounts_get", AccountsGetRequest(access_token=token)),
            ("item_remove", ItemRemoveRequest(access_token=token))):
        fails("removed " + call, client, call, request, 400, "ITEM_ERROR", "ITEM_NOT_FOUND")


def flow_reset_login():
    """After reset_login: data calls fail, /item/get reports the error in-band."""
    client = api()
    token, _ = new_item("reset_login", client,
                        webhook="https://hooks.example/reset")
    reset = ok("reset_login", client, "sandbox_item_reset_login",
               SandboxItemResetLoginRequest(access_token=token))
    eq(reset.reset_login, True, "reset_login")
    got = ok("reset_login item_get", client, "item_get", ItemGetRequest(access_token=token))
    eq(str(got.item.error.error_type), "ITEM_ERROR", "in-band error type")
    eq(got.item.error.error_code, "ITEM_LOGIN_REQUIRED", "in-band error code")
    for call, request in (
            ("accounts_get", AccountsGetRequest(access_token=token)),
            ("accounts_balance_get", AccountsBalanceGetRequest(access_token=token)),
            ("auth_get", AuthGetRequest(access_token=token)),
            ("identity_get", IdentityGetRequest(access_token=token))):
        fails("reset_login " + call, client, call, request,
              400, "ITEM_ERROR", "ITEM_LOGIN_REQUIRED")
    fired = ok("reset_login fire_webhook", client, "sandbox_item_fire_webhook",
               SandboxItemFireWebhookRequest(access_token=token,
                                             webhook_code="NEW_ACCOUNTS_AVAILABLE"))
    eq(fired.webhook_fired, True, "webhook_fired after reset_login")


def flow_request_errors():
    """Keys, tokens and request bodies the sandbox refuses."""
    client = api()
    fails("bad keys", api(keys="wrong_secret"), "item_get",
          ItemGetRequest(access_token="access-sandbox-x"),
          400, "INVALID_INPUT", "INVALID_API_KEYS")
    for token in ("garbage", "access-sandbox-never-issued"):
        fails("invalid access token " + token, client, "accounts_get",
              AccountsGetRequest(access_token=token),
              400, "INVALID_INPUT", "INVALID_ACCESS_TOKEN")
    fails("unknown institution", client, "sandbox_public_token_create",
          SandboxPublicTokenCreateRequest(institution_id="ins_0",
                                          initial_products=[Products("auth")]),
          400, "INVALID_INPUT", "INVALID_INSTITUTION")
    fails("product not offered", client, "sandbox_public_token_create",
          SandboxPublicTokenCreateRequest(institution_id="ins_117507",
                                          initial_products=[Products("auth")]),
          400, "INVALID_INPUT", "INVALID_PRODUCT")
    created = ok("reuse public_token create", client, "sandbox_public_token_create",
                 SandboxPublicTokenCreateRequest(institution_id="ins_109509",
                                                 initial_products=[Products("auth")]))
    exchange = ItemPublicTokenExchangeRequest(public_token=created.public_token)
    ok("reuse exchange", client, "item_public_token_exchange", exchange)
    fails("reused public token", client, "item_public_token_exchange", exchange,
          400, "INVALID_INPUT", "INVALID_PUBLIC_TOKEN")

    error = raw("missing field", "/item/get", b"{}", 400, "INVALID_REQUEST", "MISSING_FIELDS")
    check(error["error_message"].endswith("access_token"), error["error_message"])
    error = raw("unknown field", "/item/get",
                b'{"access_token": "access-sandbox-x", "colour": "plaid"}',
                400, "INVALID_REQUEST", "UNKNOWN_FIELDS")
    check(error["error_message"].endswith("colour"), error["error_message"])
    raw("invalid body", "/item/get", b"access_token=x", 400, "INVALID_REQUEST", "INVALID_BODY")
    raw("unknown route", "/item/frobnicate", b"{}", 404, "INVALID_REQUEST", "NOT_FOUND")
    raw("no keys", "/item/get", b'{"access_token": "x"}', 400,
        "INVALID_REQUEST", "MISSING_FIELDS", keys=False)


def flow_error_passwords():
    """`error_<CODE>` sandbox passwords answer that documented error."""
    client = api()
    for password, status, error_type, code in (
            ("error_ITEM_LOCKED", 400, "ITEM_ERROR", "ITEM_LOCKED"),
            ("error_INVALID_CREDENTIALS", 400, "ITEM_ERROR", "INVALID_CREDENTIALS"),
            ("error_INSTITUTION_DOWN", 400, "INSTITUTION_ERROR", "INSTITUTION_DOWN"),
            ("error_INTERNAL_SERVER_ERROR", 500, "API_ERROR", "INTERNAL_SERVER_ERROR"),
            ("wrong_password", 400, "ITEM_ERROR", "INVALID_CREDENTIALS")):
        request = SandboxPublicTokenCreateRequest(
            institution_id="ins_109510", initial_products=[Products("transactions")],
            options=SandboxPublicTokenCreateRequestOptions(
                override_username="user_good", override_password=password))
        error = fails("password " + password, client, "sandbox_public_token_create",
                      request, status, error_type, code)
        check(error["display_message"] is None or isinstance(error["display_message"], str),
              "display_message")
    new_item("dynamic user", client, institution="ins_109511", products=("transactions",),
             override_username="user_transactions_dynamic", override_password="anything")


FLOWS = [
    flow_public_endpoints,
    flow_item_lifecycle,
    flow_reset_login,
    flow_request_errors,
    flow_error_passwords,
]


def main(argv):
    global BASE_URL, _flow
    if len(argv) != 2:
        sys.stderr.write("usage: modern_flows.py BASE_URL\n")
        return 2
    BASE_URL = argv[1].rstrip("/")
    for flow in FLOWS:
        _flow = flow.__name__
        try:
            flow()
        except CheckFailed as failure:
            sys.stderr.write("modern_flows.py: FAILED in %s: %s\n" % (_flow, failure))
            return 1
        except Exception:  # an unexpected exception (a model refusing a body) fails too
            sys.stderr.write("modern_flows.py: FAILED in %s with an exception:\n%s"
                             % (_flow, traceback.format_exc()))
            return 1
    sys.stderr.write("modern_flows.py: %d flows, %d calls, all checks passed\n"
                     % (len(FLOWS), len(_ids)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
