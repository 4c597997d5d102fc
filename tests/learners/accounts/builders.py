"""Builders for the accounts tests."""

from __future__ import annotations

import time

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value


def current_code(secret: str) -> str:
    """The code an authenticator app set up with ``secret`` shows now."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))
