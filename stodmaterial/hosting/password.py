"""Passwords for the hosted service: generated, never chosen by people, and stored only as a hash.

Why a single salted SHA-1 ({SSHA}) and not bcrypt: nginx checks the password on EVERY request, and a
page view is some twenty requests (the page, its styles, scripts, images and the search index).
bcrypt at cost 10 costs tens of milliseconds per check, so an authenticated page view would cost
about a second of CPU, and anyone who sends requests with a wrong password could keep the server busy.
Key stretching (bcrypt, many rounds of SHA-512 crypt) only helps passwords that people choose and
that are guessable. These passwords are generated: 28 characters drawn at random from 31, about 138
bits, so even at a trillion guesses per second a stolen hash file would take around 10^22 years to
crack, stretched or not. A salt keeps equal passwords from giving equal hashes. SHA-1's known weakness
is collisions, which do not help anyone find a password from its hash.
`scripts/bench-hosting` measures the choice against bcrypt and SHA-512 crypt on real nginx (DRIFT.md).

nginx (all Debian versions) reads {SSHA} itself: base64(sha1(password + salt) + salt).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import math
import secrets

# Lower-case letters and digits without the look-alikes i, l, o, 0 and 1: easy to read out and type.
ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
GROUPS = 7
GROUP_SIZE = 4
ENTROPY_BITS = GROUPS * GROUP_SIZE * math.log2(len(ALPHABET))
SCHEME = "{SSHA}"
SALT_BYTES = 16


def generate_password() -> str:
    """A new random password like `k7mq-xr4t-…` (seven groups of four): about 138 bits."""
    return "-".join("".join(secrets.choice(ALPHABET) for _ in range(GROUP_SIZE)) for _ in range(GROUPS))


def hash_password(password: str, salt: bytes | None = None) -> str:
    """The {SSHA} hash of `password` with a fresh random salt (or `salt`, for tests)."""
    salt = secrets.token_bytes(SALT_BYTES) if salt is None else salt
    digest = hashlib.sha1(password.encode("utf-8") + salt).digest()
    return SCHEME + base64.b64encode(digest + salt).decode("ascii")


def verify_password(password: str, hashed: str) -> bool:
    """Whether `password` matches an {SSHA} hash, as nginx decides it."""
    if not hashed.startswith(SCHEME):
        return False
    try:
        raw = base64.b64decode(hashed[len(SCHEME):], validate=True)
    except ValueError:
        return False
    digest, salt = raw[:20], raw[20:]
    return len(digest) == 20 and hmac.compare_digest(digest, hashlib.sha1(password.encode("utf-8") + salt).digest())
