"""allauth's login-by-code request, made to answer 429 as allauth's other
limited views do."""

from __future__ import annotations

from allauth.account.forms import RequestLoginCodeForm
from allauth.core import context
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.core.ratelimit import respond_429
from django.core.exceptions import ValidationError


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
