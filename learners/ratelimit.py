"""What every rate limit in the apps counts by, and allauth's login-by-code
request made to answer 429 as allauth's other limited views do.

The counts live in the default cache, so they hold across processes only if
that cache is shared: ``learners.E003`` fails ``check --deploy`` if it is not.
"""

from __future__ import annotations

import ipaddress

from allauth import app_settings as allauth_settings
from allauth.account.adapter import get_adapter
from allauth.account.forms import RequestLoginCodeForm
from allauth.core import context
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.core.ratelimit import respond_429
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest

UNKNOWN_ADDRESS = "unknown"


def client_address(request: HttpRequest) -> str:
    """The visitor's address as allauth's own rate limits count it.

    Behind ``ALLAUTH_TRUSTED_PROXY_COUNT`` proxies it is the entry that many
    from the end of X-Forwarded-For, which the nearest trusted proxy wrote;
    whatever the client put before it is ignored. An IPv6 address stands for
    its whole ``ALLAUTH_RATE_LIMIT_IPV6_PREFIX`` network, since one host can
    hold millions of them.
    """
    try:
        address = get_adapter(request).get_client_ip(request)
    except PermissionDenied:
        return UNKNOWN_ADDRESS
    parsed = ipaddress.ip_address(address)
    if isinstance(parsed, ipaddress.IPv6Address):
        prefix = allauth_settings.RATE_LIMIT_IPV6_PREFIX
        network = ipaddress.IPv6Network(f"{parsed}/{prefix}", strict=False)
        return str(network.network_address)
    return str(parsed)


class RateLimitedRequestLoginCodeForm(RequestLoginCodeForm):
    """allauth's form for asking for a sign-in code by email.

    allauth spends the ``request_login_code`` limits (per address and per
    email) while cleaning the email, and reports running out as a form error
    with status 200. This answers 429 instead, so the refusal is a refusal to
    every client, as it is on allauth's other limited views.
    """

    def clean_email(self) -> str:
        try:
            return super().clean_email()
        except ValidationError as error:
            if error.code == "too_many_login_attempts":
                raise ImmediateHttpResponse(respond_429(context.request)) from error
            raise
