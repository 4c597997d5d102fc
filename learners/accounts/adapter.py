"""allauth's adapter for the academy; ``ACCOUNT_ADAPTER`` points here."""

from __future__ import annotations

from types import SimpleNamespace

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.utils import translation
from django.utils.encoding import force_str
from wagtail.models import Site

from .profiles import supported_language
from .services import profile_preferred_language

ASSISTED_EMAIL_VERIFICATION_STAGE = (
    "learners.assisted.stages.AssistedEmailVerificationStage"
)


def remember_language(response: HttpResponseBase, language: str) -> None:
    """Switches the site to ``language`` for this response and the next ones.

    Sets the same cookie as Django's ``set_language`` view, which is what
    ``LocaleMiddleware`` reads on later requests.
    """
    translation.activate(language)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )


class AccountAdapter(DefaultAccountAdapter):
    """allauth's adapter, speaking as the academy rather than as a host name."""

    def _current_site(self, request: HttpRequest | None) -> SimpleNamespace:
        # Without django.contrib.sites allauth would call the site by its host
        # name ("Hello from 127.0.0.1:8000!"); Wagtail knows its real name.
        site = Site.find_for_request(request) if request is not None else None
        domain = request.get_host() if request is not None else ""
        name = (
            (site.site_name if site is not None else "")
            or getattr(settings, "WAGTAIL_SITE_NAME", "")
            or domain
        )
        return SimpleNamespace(name=name, domain=domain)

    def format_email_subject(self, subject: str) -> str:
        prefix = getattr(settings, "ACCOUNT_EMAIL_SUBJECT_PREFIX", None)
        if prefix is None:
            prefix = f"[{self._current_site(allauth_context.request).name}] "
        return prefix + force_str(subject)

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        request = allauth_context.request
        context = {"current_site": self._current_site(request), **context}
        super().send_mail(template_prefix, email, context)

    def get_login_stages(self) -> list[str]:
        # Residents registered without email sign in by username and password
        # or by printed code; there is no address to verify.
        return [
            ASSISTED_EMAIL_VERIFICATION_STAGE
            if path == "allauth.account.stages.EmailVerificationStage"
            else path
            for path in super().get_login_stages()
        ]

    def post_login(self, request: HttpRequest, user, **kwargs) -> HttpResponseBase:
        """Signs the learner in and shows the site in their chosen language."""
        language = supported_language(profile_preferred_language(user=user))
        if language:
            translation.activate(language)
        response = super().post_login(request, user, **kwargs)
        if language:
            remember_language(response, language)
        return response
