"""The rules of printed sign-in codes: their alphabet, making, reading,
showing and hashing them, and how long they last. Nothing here touches the
database.
"""

from __future__ import annotations

import re
import secrets
from datetime import timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse
from django.utils.crypto import salted_hmac

# No 0/O, 1/I/L: easy to read off paper and to type on a phone.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8
USERNAME_PREFIX = "resident-"
USERNAME_ALPHABET = CODE_ALPHABET.lower()
DEFAULT_CODE_DAYS = 14

_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u2212_.]+")
_CODE_SHAPE = re.compile(rf"[{CODE_ALPHABET}]{{{CODE_LENGTH}}}")
_HASH_SALT = "learners.assisted.AssistedSignInCode"


def code_normalise(value: str) -> str | None:
    """The code a resident meant, or ``None`` if it cannot be one.

    Case, spaces and hyphens are ignored, so "abcd 2345" and "ABCD-2345" are
    the same code.
    """
    candidate = _SEPARATORS.sub("", value or "").upper()
    if _CODE_SHAPE.fullmatch(candidate):
        return candidate
    return None


def code_display(code: str) -> str:
    """A code split in two halves for reading aloud and typing: ABCD-2345."""
    half = len(code) // 2
    return f"{code[:half]}-{code[half:]}"


def code_hash(code: str, *, secret: str | None = None) -> str:
    """HMAC-SHA256 of a normalised code, keyed with ``SECRET_KEY``."""
    return salted_hmac(_HASH_SALT, code, secret=secret, algorithm="sha256").hexdigest()


def code_hashes(code: str) -> list[str]:
    """The code's hash under every key in use."""
    # Codes printed before a key rotation still work until they expire.
    secrets_in_use = [
        settings.SECRET_KEY,
        *getattr(settings, "SECRET_KEY_FALLBACKS", []),
    ]
    return [code_hash(code, secret=secret) for secret in secrets_in_use]


def code_lifetime() -> timedelta:
    """How long a printed code works; ``LEARNERS_ASSISTED_CODE_DAYS`` overrides."""
    days = getattr(settings, "LEARNERS_ASSISTED_CODE_DAYS", DEFAULT_CODE_DAYS)
    return timedelta(days=int(days))


def code_sign_in_url(code: str | None = None) -> str:
    """The absolute address of the code sign-in page, with ``code`` filled in.

    Built from ``WAGTAILADMIN_BASE_URL`` when it is called, because the sheet
    is printed and read on another device.
    """
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    url = base + reverse("learners:assisted_code_sign_in")
    if code:
        url += "?" + urlencode({"code": code})
    return url


def random_string(alphabet: str, length: int) -> str:
    """``length`` characters drawn from ``alphabet`` by a secure generator."""
    return "".join(secrets.choice(alphabet) for _ in range(length))


def code_new() -> str:
    """A fresh random code, in normalised form."""
    return random_string(CODE_ALPHABET, CODE_LENGTH)
