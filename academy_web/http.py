"""Reading what a browser sent, which may be anything, and sending it on.

Views use these rather than ``int()``, ``request.POST`` or a ``next``
parameter directly, and routes take ids with the ``id`` converter, so that
hostile input gets a 4xx or a form error and never a server error.
"""

from __future__ import annotations

import unicodedata
from urllib.parse import urlsplit

from django.contrib.auth import REDIRECT_FIELD_NAME
from django.core.exceptions import (
    RequestDataTooBig,
    TooManyFieldsSent,
    TooManyFilesSent,
)
from django.http import HttpRequest, QueryDict
from django.http.multipartparser import MultiPartParserError
from django.urls import register_converter, reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode

# The largest primary key any supported database stores (a signed 64-bit
# integer); SQLite raises OverflowError for anything larger.
MAX_ID = 2**63 - 1
# The longest search query worth running: far longer than any name or serial
# it could match, and far shorter than the 50,000-byte LIKE pattern SQLite
# refuses.
MAX_SEARCH_LENGTH = 255


def parse_id(value) -> int | None:
    """``value`` as a primary key, or ``None`` if it cannot be one.

    Only ASCII digits count: ``str.isdigit`` also accepts "²" and "٣", which
    ``int()`` then refuses or reads as another number.
    """
    text = str(value).strip() if value is not None else ""
    if not text.isascii() or not text.isdecimal():
        return None
    number = int(text)
    return number if 0 < number <= MAX_ID else None


class IdConverter:
    """A primary key in a URL: 1 to 18 ASCII digits, so that every id it
    matches fits the database and an impossible one is "not found" rather
    than an overflow. Used as ``<id:name>`` in place of ``<int:name>``."""

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return str(value)


# Registered where it is defined, so any module that imports this one may
# name it in a route.
ID = "id"
register_converter(IdConverter, ID)


def has_control_characters(text: str) -> bool:
    return any(unicodedata.category(character) == "Cc" for character in text)


def safe_next(request: HttpRequest, fallback: str, *, from_get: bool = False) -> str:
    """The ``next`` address sent with the form when it is a path on this site,
    otherwise ``fallback``.

    A path must start with "/": ``redirect()`` would take anything else, such
    as "abc", for the name of a view.
    """
    candidate = request.POST.get("next", "")
    if not candidate and from_get:
        candidate = request.GET.get("next", "")
    if (
        candidate.startswith("/")
        and not has_control_characters(candidate)
        and url_has_allowed_host_and_scheme(
            candidate,
            allowed_hosts={request.get_host()},
            require_https=request.is_secure(),
        )
    ):
        return candidate
    return fallback


def read_post(request: HttpRequest) -> QueryDict | None:
    """The submitted fields, or ``None`` when the body is too big or too broken
    to read."""
    try:
        return request.POST
    except (
        MultiPartParserError,
        RequestDataTooBig,
        TooManyFieldsSent,
        TooManyFilesSent,
    ):
        return None


def return_path(request: HttpRequest) -> str:
    """Where to come back to after signing in or the second factor: this page,
    or for a form sent by post (whose address may take only posts) the page the
    form was on, when the browser says and it is on this site."""
    if request.method in ("GET", "HEAD"):
        return request.get_full_path()
    referer = request.headers.get("referer", "")
    if url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        parts = urlsplit(referer)
        return parts.path + (f"?{parts.query}" if parts.query else "")
    return request.get_full_path()


def with_next(url_name: str, next_url: str) -> str:
    """The address of ``url_name`` that comes back to ``next_url`` after."""
    if not next_url:
        return reverse(url_name)
    return f"{reverse(url_name)}?{urlencode({REDIRECT_FIELD_NAME: next_url})}"
