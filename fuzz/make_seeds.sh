#!/usr/bin/env bash
# Regenerates fuzz/seeds/<target>/ from the real responses of plaid-sandbox
# (the legacy emulator, then the modern one).
# Each seed is: 2 big-endian bytes (status - 100), then the response body.
# Usage: fuzz/make_seeds.sh   (from anywhere; needs cargo and python3)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
cd "$root"

cargo build -q -p plaid-sandbox
pids=()
logs=()
trap 'kill "${pids[@]}" 2>/dev/null || true; rm -f "${logs[@]}"' EXIT

# start_sandbox API [ARGS...]: starts `plaid-sandbox --api API ARGS...` on an
# ephemeral port and sets `base` to its URL.
start_sandbox() {
  local log
  log="$(mktemp)"
  logs+=("$log")
  cargo run -q -p plaid-sandbox -- --port 0 --api "$@" >"$log" 2>&1 &
  pids+=("$!")
  base=""
  for _ in $(seq 100); do
    grep -q '^listening on ' "$log" && break
    sleep 0.1
  done
  base="$(sed -n 's/^listening on //p' "$log" | head -n1)"
  [ -n "$base" ] || { echo "the $1 sandbox did not start:"; cat "$log"; exit 1; }
}

start_sandbox legacy

BASE="$base" SEEDS="$here/seeds" python3 - <<'PY'
import json, os, urllib.parse, urllib.request, urllib.error

base, seeds = os.environ["BASE"], os.environ["SEEDS"]
CLIENT = {"client_id": "test_id", "secret": "test_secret"}
GOOD = '{"username":"plaid_test","password":"plaid_good"}'
BAD = '{"username":"plaid_test","password":"plaid_bad"}'

def call(method, path, form=None):
    data = urllib.parse.urlencode(form).encode() if form is not None else None
    if method == "GET" and form is not None:
        path, data = path + "?" + data.decode(), None
    req = urllib.request.Request(base + path, data=data, method=method)
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()

def save(target, name, method, path, form=None, keep=None):
    status, body = call(method, path, form)
    if keep is not None:
        # Keep committed seeds small: the first `keep` elements of a JSON
        # array, re-serialised (still a real, valid response body).
        body = json.dumps(json.loads(body)[:keep], indent=2).encode()
    os.makedirs(os.path.join(seeds, target), exist_ok=True)
    with open(os.path.join(seeds, target, name), "wb") as f:
        f.write((status - 100).to_bytes(2, "big") + body)
    print(f"{target}/{name}: {status} {len(body)} bytes")
    return status, body

def item(**extra):
    return {**CLIENT, **extra}

# institutions
save("parse_institutions", "institutions-200", "GET", "/institutions")
save("parse_institutions", "institution-bofa-200", "GET", "/institutions/5301a93ac140de84910000e0")
save("parse_institutions", "institutions-all-200", "POST", "/institutions/all", item(count="3", offset="0"))
save("parse_institutions", "search-200", "GET", "/institutions/search", {"q": "bank", "p": "connect"})
save("parse_institutions", "institution-404", "GET", "/institutions/nope")

# categories
save("parse_categories", "categories-200", "GET", "/categories", keep=12)
save("parse_categories", "category-200", "GET", "/categories/13005043")
save("parse_categories", "category-404", "GET", "/categories/99999999")

# products
tok = item(access_token="test_bofa")
for product in ("connect", "auth", "info", "income", "risk"):
    save("parse_products", f"{product}-get-200", "POST", f"/{product}/get", tok)
save("parse_products", "balance-200", "POST", "/balance", tok)
save("parse_products", "exchange-200", "POST", "/exchange_token", item(public_token="test,bofa,connected"))
save("parse_products", "connect-delete-200", "DELETE", "/connect", tok)
save("parse_products", "get-401", "POST", "/connect/get", {**CLIENT, "secret": "wrong", "access_token": "test_bofa"})

# mfa / outcomes
save("parse_mfa", "connect-bofa-201-questions", "POST", "/connect", item(type="bofa", credentials=GOOD))
save("parse_mfa", "connect-chase-201-device", "POST", "/connect", item(type="chase", credentials=GOOD))
save("parse_mfa", "connect-chase-201-list", "POST", "/connect", item(type="chase", credentials=GOOD, options='{"list":true}'))
save("parse_mfa", "connect-citi-201-selections", "POST", "/connect",
     item(type="citi", credentials='{"username":"plaid_selections","password":"plaid_good"}'))
save("parse_mfa", "connect-usaa-201-questions", "POST", "/connect",
     item(type="usaa", credentials='{"username":"plaid_test","password":"plaid_good","pin":"1234"}'))
save("parse_mfa", "connect-wells-200", "POST", "/connect", item(type="wells", credentials=GOOD))
save("parse_mfa", "auth-step-bofa", "POST", "/auth/step", item(access_token="test_bofa", mfa="tomato"))
save("parse_mfa", "upgrade-auth", "POST", "/upgrade", item(access_token="test_wells", upgrade_to="auth"))
save("parse_mfa", "connect-bad-402", "POST", "/connect", item(type="bofa", credentials=BAD))

# errors
save("parse_error", "connect-bad-402", "POST", "/connect", item(type="bofa", credentials=BAD))
save("parse_error", "get-401", "POST", "/connect/get", {**CLIENT, "secret": "wrong", "access_token": "test_bofa"})
save("parse_error", "category-404", "GET", "/categories/99999999")
save("parse_error", "route-404", "GET", "/no/such/route")
save("parse_error", "missing-400", "POST", "/connect", CLIENT)
PY

start_sandbox modern
BASE="$base" SEEDS="$here/seeds" python3 - <<'PY'
import json, os, urllib.request, urllib.error

base, seeds = os.environ["BASE"], os.environ["SEEDS"]
KEYS = {"PLAID-CLIENT-ID": "test_id", "PLAID-SECRET": "test_secret"}
US = ["US"]

def post(path, body, headers=None, keys=True):
    sent = {"Content-Type": "application/json", **(KEYS if keys else {}), **(headers or {})}
    req = urllib.request.Request(base + path, data=json.dumps(body).encode(), method="POST", headers=sent)
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()

def save(target, name, path, body, headers=None, keys=True, keep=None):
    status, data = post(path, body, headers, keys)
    if keep is not None:
        # Keep committed seeds small: the first `n` elements of one list of
        # the answer, re-serialised (still a real, valid answer).
        field, n = keep
        answer = json.loads(data)
        answer[field] = answer[field][:n]
        data = json.dumps(answer, indent=2).encode()
    os.makedirs(os.path.join(seeds, target), exist_ok=True)
    with open(os.path.join(seeds, target, name), "wb") as f:
        f.write((status - 100).to_bytes(2, "big") + data)
    print(f"{target}/{name}: {status} {len(data)} bytes")
    return status, data

def item(institution="ins_109508", products=("auth", "identity"), **options):
    _, data = post("/sandbox/public_token/create",
                   {"institution_id": institution, "initial_products": list(products), "options": options})
    public = json.loads(data)["public_token"]
    _, data = post("/item/public_token/exchange", {"public_token": public})
    return json.loads(data)["access_token"]

# success answers of every endpoint (and the errors they answer with)
t = "parse_modern"
save(t, "sandbox-public-token-create-200", "/sandbox/public_token/create",
     {"institution_id": "ins_109508", "initial_products": ["auth"]})
_, data = post("/sandbox/public_token/create", {"institution_id": "ins_109508", "initial_products": ["auth"]})
save(t, "item-public-token-exchange-200", "/item/public_token/exchange",
     {"public_token": json.loads(data)["public_token"]})
token = item(webhook="https://example.com/webhook")
tok = {"access_token": token}
save(t, "item-get-200", "/item/get", tok)
save(t, "item-webhook-update-200", "/item/webhook/update", {**tok, "webhook": "https://example.com/hook2"})
save(t, "accounts-get-200", "/accounts/get", tok)
save(t, "accounts-balance-get-200", "/accounts/balance/get", tok)
save(t, "auth-get-us-200", "/auth/get", tok)
save(t, "identity-get-200", "/identity/get", tok)
save(t, "auth-get-ca-200", "/auth/get", {"access_token": item("ins_117522", ("auth",))})
save(t, "auth-get-gb-200", "/auth/get", {"access_token": item("ins_117511", ("auth",))})
save(t, "auth-get-fr-200", "/auth/get", {"access_token": item("ins_117513", ("auth",))})
save(t, "sandbox-item-fire-webhook-200", "/sandbox/item/fire_webhook", {**tok, "webhook_code": "DEFAULT_UPDATE"})
save(t, "sandbox-item-reset-login-200", "/sandbox/item/reset_login", tok)
save(t, "item-get-login-required-200", "/item/get", tok)
save(t, "accounts-get-login-required-400", "/accounts/get", tok)
removed = item()
save(t, "item-remove-200", "/item/remove", {"access_token": removed})
save(t, "institutions-get-200", "/institutions/get",
     {"count": 3, "offset": 0, "country_codes": ["US", "GB"], "options": {"include_optional_metadata": True}})
save(t, "institutions-get-by-id-200", "/institutions/get_by_id",
     {"institution_id": "ins_109508", "country_codes": US,
      "options": {"include_optional_metadata": True, "include_status": True, "include_auth_metadata": True}})
save(t, "institutions-get-by-id-gb-200", "/institutions/get_by_id",
     {"institution_id": "ins_117511", "country_codes": ["GB"],
      "options": {"include_payment_initiation_metadata": True}})
save(t, "institutions-search-200", "/institutions/search",
     {"query": "bank", "country_codes": US, "products": ["auth"]})
save(t, "categories-get-200", "/categories/get", {}, keys=False, keep=("categories", 12))
save(t, "webhook-verification-key-get-200", "/webhook_verification_key/get",
     {"key_id": "6c5516e1-92dc-479e-a8ff-5a51992e0001"})
save(t, "link-token-create-200", "/link/token/create",
     {"client_name": "Plaid Test App", "language": "en", "country_codes": US,
      "user": {"client_user_id": "user-4242"}, "products": ["auth"]})
save(t, "accounts-get-invalid-token-400", "/accounts/get", {"access_token": "access-sandbox-nope"})

# error bodies of every kind the emulator answers
t = "parse_modern_error"
fault = lambda directive: {"X-Sandbox-Fault": directive}
save(t, "invalid-access-token-400", "/accounts/get", {"access_token": "not-a-token"})
save(t, "item-not-found-400", "/accounts/get", {"access_token": removed})
save(t, "item-login-required-400", "/auth/get", tok)
save(t, "invalid-api-keys-400", "/item/get", tok, headers={"PLAID-SECRET": "wrong"})
save(t, "missing-fields-400", "/item/get", {})
save(t, "invalid-credentials-400", "/sandbox/public_token/create",
     {"institution_id": "ins_109508", "initial_products": ["auth"],
      "options": {"override_username": "user_good", "override_password": "wrong"}})
save(t, "invalid-public-token-400", "/item/public_token/exchange", {"public_token": "public-sandbox-nope"})
save(t, "webhook-key-unknown-400", "/webhook_verification_key/get", {"key_id": "nope"})
save(t, "institution-down-400", "/accounts/get", tok, headers=fault("error=INSTITUTION_DOWN"))
save(t, "rate-limit-429", "/accounts/get", tok, headers=fault("status=429"))
save(t, "internal-500", "/item/get", tok, headers=fault("status=500"))
save(t, "planned-maintenance-503", "/item/get", tok, headers=fault("error=PLANNED_MAINTENANCE"))
save(t, "html-502", "/item/get", tok, headers=fault("html=502"))
save(t, "route-404", "/no/such/route", {})

# transactions, investments and liabilities: small pages (`count`) keep the
# seeds to a few KB each
t = "parse_modern"
txn = {"access_token": item(products=("transactions", "investments", "liabilities"))}
dates = {"start_date": "2020-01-01", "end_date": "2030-12-31"}
_, first = save(t, "transactions-sync-first-page-200", "/transactions/sync", {**txn, "count": 3})
save(t, "transactions-sync-next-page-200", "/transactions/sync",
     {**txn, "count": 3, "cursor": json.loads(first)["next_cursor"]})
save(t, "transactions-sync-last-page-200", "/transactions/sync", {**txn, "cursor": "now"})
dynamic = {"access_token": item(products=("transactions",),
                                override_username="user_transactions_dynamic", override_password="any")}
_, now = post("/transactions/sync", {**dynamic, "cursor": "now"})
post("/transactions/refresh", dynamic)
_, changes = save(t, "transactions-sync-removed-200", "/transactions/sync",
                  {**dynamic, "count": 4, "cursor": json.loads(now)["next_cursor"]})
save(t, "transactions-sync-modified-200", "/transactions/sync",
     {**dynamic, "count": 11, "cursor": json.loads(changes)["next_cursor"]})
save(t, "transactions-sync-mutation-400", "/transactions/sync", {**txn, "count": 3},
     headers=fault("error=TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION"))
save(t, "transactions-get-200", "/transactions/get", {**txn, **dates, "options": {"count": 3}})
save(t, "transactions-recurring-get-200", "/transactions/recurring/get", txn)
save(t, "transactions-refresh-200", "/transactions/refresh", txn)
save(t, "investments-holdings-get-200", "/investments/holdings/get", txn)
save(t, "investments-transactions-get-200", "/investments/transactions/get",
     {**txn, **dates, "options": {"count": 3}})
save(t, "liabilities-get-200", "/liabilities/get", txn)
save("parse_modern_error", "sync-mutation-400", "/transactions/sync", txn,
     headers=fault("error=TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION"))
save("parse_modern_error", "sync-cursor-refused-400", "/transactions/sync",
     {**txn, "cursor": "not-a-cursor-of-this-item"})
PY

# A pull that takes ten minutes: what an Item's first seconds look like.
start_sandbox modern --transactions-delay-ms 600000
BASE="$base" SEEDS="$here/seeds" python3 - <<'PY'
import json, os, urllib.request, urllib.error

base, seeds = os.environ["BASE"], os.environ["SEEDS"]
KEYS = {"PLAID-CLIENT-ID": "test_id", "PLAID-SECRET": "test_secret"}

def post(path, body):
    sent = {"Content-Type": "application/json", **KEYS}
    req = urllib.request.Request(base + path, data=json.dumps(body).encode(), method="POST", headers=sent)
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()

def save(target, name, path, body):
    status, data = post(path, body)
    with open(os.path.join(seeds, target, name), "wb") as f:
        f.write((status - 100).to_bytes(2, "big") + data)
    print(f"{target}/{name}: {status} {len(data)} bytes")

_, data = post("/sandbox/public_token/create", {"institution_id": "ins_109508", "initial_products": ["transactions"]})
_, data = post("/item/public_token/exchange", {"public_token": json.loads(data)["public_token"]})
tok = {"access_token": json.loads(data)["access_token"]}
save("parse_modern", "transactions-sync-not-ready-200", "/transactions/sync", tok)
save("parse_modern_error", "product-not-ready-400", "/transactions/get",
     {**tok, "start_date": "2020-01-01", "end_date": "2030-12-31"})
PY
