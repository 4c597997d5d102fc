"""Staff must pass two-factor authentication before they use the admin.

Trainers and coordinators can see residents' records, so anyone with access to
the Wagtail admin needs an authenticator (allauth.mfa: TOTP with recovery
codes) and must have used it in this session. Residents are never asked.
"""

from __future__ import annotations

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

ADMIN_PERMISSION = "wagtailadmin.access_admin"


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


def _with_next(url_name: str, request: HttpRequest) -> str:
    return f"{reverse(url_name)}?{urlencode({'next': request.get_full_path()})}"


class StaffMFAMiddleware:
    """Sends staff to set up or use their authenticator before any admin page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.check(request)
        return response or self.get_response(request)

    def check(self, request: HttpRequest):
        if not staff_mfa_required():
            return None
        admin_home = reverse("wagtailadmin_home")
        if not request.path_info.startswith(admin_home):
            return None
        if request.path_info.startswith(reverse("wagtailadmin_login")):
            return None
        if not needs_mfa(request.user):
            return None
        if not has_authenticator(request.user):
            messages.info(
                request,
                _(
                    "Staff accounts need two-factor authentication. Set up an "
                    "authenticator app to continue to the admin."
                ),
            )
            return redirect(_with_next("mfa_activate_totp", request))
        if not used_mfa_this_session(request):
            return redirect(_with_next("mfa_reauthenticate", request))
        return None
