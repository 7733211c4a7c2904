#!/usr/bin/env python3
"""A Standard Webhooks verifier, written from the specification (standardwebhooks.com,
spec/standard-webhooks.md), not from whitelabel's code:

- the signed content is "{webhook-id}.{webhook-timestamp}.{raw body}";
- the key is the base64 decoding of the secret after its "whsec_" prefix;
- a signature is base64(HMAC-SHA256(key, signed content)), sent in "webhook-signature" as
  "v1,<signature>", several of them separated by spaces;
- the timestamp is in Unix seconds and must be within five minutes of now.

Reads {"secret":..., "headers":{...}, "body":...} on stdin; exits 0 when the webhook verifies,
1 with the reason on stderr otherwise.
"""
import base64
import hashlib
import hmac
import json
import sys
import time

TOLERANCE_SECONDS = 5 * 60


def verify(secret, headers, body):
    headers = {name.lower(): value for name, value in headers.items()}
    msg_id = headers.get("webhook-id")
    timestamp = headers.get("webhook-timestamp")
    signatures = headers.get("webhook-signature")
    if not (msg_id and timestamp and signatures):
        return "missing webhook-id, webhook-timestamp or webhook-signature"
    if abs(time.time() - int(timestamp)) > TOLERANCE_SECONDS:
        return "timestamp outside the tolerance"
    if not secret.startswith("whsec_"):
        return "secret without the whsec_ prefix"
    key = base64.b64decode(secret[len("whsec_"):])
    content = f"{msg_id}.{timestamp}.{body}".encode("utf-8")
    expected = base64.b64encode(hmac.new(key, content, hashlib.sha256).digest()).decode("ascii")
    for candidate in signatures.split(" "):
        version, _, signature = candidate.partition(",")
        if version == "v1" and hmac.compare_digest(signature, expected):
            return None
    return "no v1 signature matches"


if __name__ == "__main__":
    webhook = json.load(sys.stdin)
    reason = verify(webhook["secret"], webhook["headers"], webhook["body"])
    if reason:
        print(reason, file=sys.stderr)
        sys.exit(1)
