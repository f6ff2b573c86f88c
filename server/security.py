"""Secrets: tokens, passwords and enrolment codes.

Tokens are 256 random bits shown once; the server keeps their SHA-256 (a fast hash is right for a
secret that cannot be guessed) and compares hashes in constant time. Passwords are people's
choices, so they get a slow KDF (scrypt, salted). Enrolment codes are typed by hand: 12 letters and
digits from an alphabet without look-alikes (no 0/O, 1/I/L), shown as XXXX-XXXX-XXXX, kept hashed.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_GROUPS, CODE_GROUP_LEN = 3, 4
SCRYPT = {"n": 2**14, "r": 8, "p": 1, "dklen": 32}


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def same(a: str, b: str) -> bool:
    """Constant-time comparison of two secrets' hashes."""
    return hmac.compare_digest(a.encode("ascii"), b.encode("ascii"))


def new_enrolment_code() -> str:
    groups = [
        "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_GROUP_LEN)) for _ in range(CODE_GROUPS)
    ]
    return "-".join(groups)


def normalise_code(code: str) -> str:
    """What a person typed → the canonical code: case, spaces and dashes do not matter."""
    return "".join(ch for ch in code.upper() if ch.isalnum())


def code_hash(code: str) -> str:
    return token_hash("enrol:" + normalise_code(code))


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, **SCRYPT)
    encode = base64.b64encode
    return (
        f"scrypt${SCRYPT['n']}${SCRYPT['r']}${SCRYPT['p']}${encode(salt).decode()}${encode(digest).decode()}"
    )


def check_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    expected = base64.b64decode(digest)
    actual = hashlib.scrypt(
        password.encode("utf-8"),
        salt=base64.b64decode(salt),
        n=int(n),
        r=int(r),
        p=int(p),
        dklen=len(expected),
    )
    return hmac.compare_digest(actual, expected)
