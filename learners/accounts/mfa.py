"""Staff must pass two-factor authentication, and nobody signs in around it.

Trainers and coordinators can see residents' records, so anyone with access to
the Wagtail admin needs an authenticator (allauth.mfa: TOTP with recovery
codes) and must have used it in this session. Residents are never asked.

allauth's sign-in is the only one: its rate limits, email verification and
second-factor stage are what make the rule above hold. Django's, Wagtail's
admin and Wagtail's page-privacy sign-in and password-reset views would skip
all three, so :class:`StaffMFAMiddleware` sends them to allauth's.
"""

from __future__ import annotations

import time
from functools import wraps

from allauth.account import app_settings as account_settings
from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.views import (
    DownloadRecoveryCodesView,
    GenerateRecoveryCodesView,
    ViewRecoveryCodesView,
)
from allauth.mfa.totp.views import DeactivateTOTPView
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth import views as auth_views
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.i18n import JavaScriptCatalog, set_language

from academy_web.http import return_path, with_next

from ..people import ADMIN_PERMISSION

# Views that change or reveal a second factor: they need the second factor
# itself, recently, and never the password alone.
SECOND_FACTOR_VIEWS = (
    DeactivateTOTPView,
    GenerateRecoveryCodesView,
    ViewRecoveryCodesView,
    DownloadRecoveryCodesView,
)
# Sign-in views that are not allauth's, and where each is sent instead.
OTHER_SIGN_IN_VIEWS = (
    (auth_views.LoginView, "account_login"),
    (auth_views.PasswordResetView, "account_reset_password"),
    (auth_views.PasswordResetDoneView, "account_reset_password"),
    (auth_views.PasswordResetConfirmView, "account_reset_password"),
    (auth_views.PasswordResetCompleteView, "account_reset_password"),
)


def staff_mfa_required() -> bool:
    return getattr(settings, "ACADEMY_STAFF_MFA_REQUIRED", True)


def needs_mfa(user) -> bool:
    return user.is_authenticated and user.has_perm(ADMIN_PERMISSION)


def has_authenticator(user) -> bool:
    return Authenticator.objects.filter(
        user=user, type=Authenticator.Type.TOTP
    ).exists()


def used_mfa_this_session(request: HttpRequest) -> bool:
    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "mfa" for record in records)


def used_mfa_recently(request: HttpRequest) -> bool:
    """Whether the second factor was given within allauth's reauthentication
    window, as a password must be for allauth's own sensitive actions."""
    since = time.time() - account_settings.REAUTHENTICATION_TIMEOUT
    return any(
        record.get("method") == "mfa" and record.get("at", 0) >= since
        for record in get_authentication_records(request, request.user)
    )


def second_factor_redirect(request: HttpRequest):
    """Where the site requires it, the way to a staff member's second factor
    when they have not set it up or used it in this session; else ``None``."""
    if not staff_mfa_required() or not needs_mfa(request.user):
        return None
    if not has_authenticator(request.user):
        messages.info(
            request,
            _(
                "Staff accounts need two-factor authentication. Set up an "
                "authenticator app to continue."
            ),
        )
        return redirect(with_next("mfa_activate_totp", return_path(request)))
    if not used_mfa_this_session(request):
        return redirect(with_next("mfa_reauthenticate", return_path(request)))
    return None


def staff_only(permission: str):
    """Signed-in staff with ``permission`` who, where the site requires it,
    have passed two-factor authentication, as they must for the admin."""

    def decorator(view):
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            user = request.user
            if not user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not user.has_perm(permission):
                raise PermissionDenied
            return second_factor_redirect(request) or view(request, *args, **kwargs)

        return wrapped

    return decorator


def _view_class(view_func):
    return getattr(view_func, "view_class", None)


def _is_allauth_view(view_func) -> bool:
    owner = _view_class(view_func) or view_func
    return getattr(owner, "__module__", "").startswith("allauth.")


def _serves_everyone(view_func) -> bool:
    """Views a member of staff may use before their second factor: allauth's
    own (to sign in, set up or give the second factor, or sign out) and the
    language switch."""
    return (
        _is_allauth_view(view_func)
        or view_func is set_language
        or _view_class(view_func) is JavaScriptCatalog
    )


class StaffMFAMiddleware:
    """Keeps every sign-in on allauth's route and staff behind their second factor.

    - Django's and Wagtail's own sign-in and password-reset views redirect to
      allauth's, keeping ``next``, so nothing signs anyone in around allauth's
      rate limits, email verification and second-factor stage.
    - Removing a second factor or seeing or replacing recovery codes needs
      the second factor within allauth's reauthentication window.
    - Where the site requires it, staff who have not set up or used their
      authenticator in this session are sent to do so from every page but
      allauth's own, so no staff permission works without it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        view_class = _view_class(view_func)
        for other_view, allauth_url in OTHER_SIGN_IN_VIEWS:
            if view_class is not None and issubclass(view_class, other_view):
                next_url = request.GET.get(REDIRECT_FIELD_NAME, "")
                return redirect(with_next(allauth_url, next_url))
        user = request.user
        if not user.is_authenticated:
            return None
        if view_class is not None and issubclass(view_class, SECOND_FACTOR_VIEWS):
            if is_mfa_enabled(user) and not used_mfa_recently(request):
                messages.info(
                    request,
                    _(
                        "To change your two-factor authentication, first enter "
                        "a code from your authenticator app."
                    ),
                )
                return redirect(with_next("mfa_reauthenticate", return_path(request)))
            return None
        if _serves_everyone(view_func):
            return None
        return second_factor_redirect(request)
