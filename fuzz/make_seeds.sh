#!/usr/bin/env bash
# Regenerates fuzz/seeds/<target>/ from the real responses of plaid-sandbox.
# Each seed is: 2 big-endian bytes (status - 100), then the response body.
# Usage: fuzz/make_seeds.sh   (from anywhere; needs cargo and python3)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
cd "$root"

cargo build -q -p plaid-sandbox
log="$(mktemp)"
cargo run -q -p plaid-sandbox -- --port 0 >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 100); do
  grep -q '^listening on ' "$log" && break
  sleep 0.1
done
base="$(sed -n 's/^listening on //p' "$log" | head -n1)"
[ -n "$base" ] || { echo "sandbox did not start:"; cat "$log"; exit 1; }

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
