#!/usr/bin/env python3
"""Verify webhooks the way Plaid's docs show, independently of plaid-rs.

Usage: verify_webhooks.py BASE_URL CASES_JSON

An independent check of the webhooks plaid-sandbox delivers: PyJWT with
cryptography verifies each one's `Plaid-Verification` header, with the key
fetched by the official client (plaid-python==46.0.0,
`webhook_verification_key_get`) from the emulator at BASE_URL, following
Plaid's webhook verification guide step by step:

1. read the JWT's header without verifying it; refuse unless `alg` is ES256;
2. fetch the key of its `kid` (cached by kid) and refuse an expired one;
3. verify the signature with that key, ES256 only;
4. refuse an `iat` older than five minutes;
5. compare the SHA-256 of the raw body, in hex, with `request_body_sha256`
   in constant time.

CASES_JSON is a file with a JSON list of cases, each
`{"name": ..., "headers": [[name, value], ...], "body_hex": ...}` (the body's
raw bytes in hex). The script prints one JSON line per case, in
order, to stdout:

    {"name": "...", "verified": true, "reason": null, "kid": "..."}

with `verified` false and a `reason` for a refused one. It exits 0 when it
could judge every case (whatever the verdicts), 1 on anything else.
"""

import hashlib
import hmac
import json
import sys
import time

import jwt
import plaid
from plaid.api import plaid_api
from plaid.model.webhook_verification_key_get_request import (
    WebhookVerificationKeyGetRequest,
)

MAX_AGE_SECONDS = 5 * 60
# Plaid's sample allows no future skew; a second covers clocks that read the
# same time a little differently.
LEEWAY_SECONDS = 1

KEY_CACHE = {}


class Refused(Exception):
    """A webhook that does not verify, with why."""


def header(headers, name):
    """The one header called `name`, case-insensitively."""
    values = [v for (n, v) in headers if n.lower() == name.lower()]
    if len(values) != 1:
        raise Refused(f"{len(values)} {name} headers")
    return values[0]


def fetch_key(client, kid):
    """The JWK of `kid` from /webhook_verification_key/get, cached."""
    if kid not in KEY_CACHE:
        try:
            response = client.webhook_verification_key_get(
                WebhookVerificationKeyGetRequest(key_id=kid))
        except plaid.ApiException as error:
            code = json.loads(error.body).get("error_code")
            raise Refused(f"no key for kid {kid!r}: {code}")
        KEY_CACHE[kid] = response.key
    return KEY_CACHE[kid]


def verify(client, headers, body):
    """The claims of a webhook that verifies; raises Refused otherwise."""
    signed_jwt = header(headers, "Plaid-Verification")
    try:
        unverified = jwt.get_unverified_header(signed_jwt)
    except jwt.InvalidTokenError as error:
        raise Refused(f"not a JWT: {error}")
    if unverified.get("alg") != "ES256":
        raise Refused(f"alg {unverified.get('alg')!r} is not ES256")
    key = fetch_key(client, unverified.get("kid"))
    if key.expired_at is not None:
        raise Refused("the key has expired")
    jwk = {"kty": key.kty, "crv": key.crv, "x": key.x, "y": key.y,
           "alg": key.alg, "kid": key.kid, "use": key.use}
    try:
        claims = jwt.decode(
            signed_jwt,
            key=jwt.PyJWK(jwk).key,
            algorithms=["ES256"],
            leeway=LEEWAY_SECONDS,
            options={"require": ["iat", "request_body_sha256"]},
        )
    except jwt.InvalidTokenError as error:
        raise Refused(f"{type(error).__name__}: {error}")
    if claims["iat"] < time.time() - MAX_AGE_SECONDS:
        raise Refused("issued more than five minutes ago")
    body_hash = hashlib.sha256(body).hexdigest()
    if not hmac.compare_digest(body_hash, str(claims["request_body_sha256"])):
        raise Refused("the body's SHA-256 is not the signed one")
    return claims, key.kid


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 1
    base_url, cases_path = sys.argv[1], sys.argv[2]
    configuration = plaid.Configuration(
        host=base_url, api_key={"clientId": "test_id", "secret": "test_secret"})
    client = plaid_api.PlaidApi(plaid.ApiClient(configuration))
    with open(cases_path, encoding="utf-8") as f:
        cases = json.load(f)
    for case in cases:
        body = bytes.fromhex(case["body_hex"])
        headers = [tuple(pair) for pair in case["headers"]]
        try:
            _claims, kid = verify(client, headers, body)
            verdict = {"verified": True, "reason": None, "kid": kid}
        except Refused as refusal:
            verdict = {"verified": False, "reason": str(refusal), "kid": None}
        print(json.dumps({"name": case["name"], **verdict}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
