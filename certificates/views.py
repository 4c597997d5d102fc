from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe

from academy_web import ratelimit

from . import codes, conf
from .forms import VerifyForm
from .models import Certificate
from .selectors import (
    certificate_for_code,
    certificate_for_download,
    learner_certificates,
)
from .storage import certificate_storage


def _public_verification(view):
    """Rate limit, noindex and a short public cache for the verify pages."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        limit, window = conf.verify_rate_limit()
        allowed = ratelimit.hit(
            scope="verify",
            key=ratelimit.client_address(request),
            limit=limit,
            window=window,
        )
        if not allowed:
            response = render(
                request,
                "certificates/verify_limited.html",
                {"minutes": max(1, window // 60)},
                status=429,
            )
            response["Retry-After"] = str(window)
            patch_cache_control(response, no_store=True)
        else:
            response = view(request, *args, **kwargs)
            if response.status_code in (200, 404):
                patch_cache_control(
                    response, public=True, max_age=conf.verify_cache_seconds()
                )
        response["X-Robots-Tag"] = "noindex"
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        return response

    return wrapped


@require_safe
@_public_verification
def verify(request):
    form = VerifyForm(request.GET if "code" in request.GET else None)
    if form.is_bound and form.is_valid():
        return redirect(
            "certificates:verify_code", code=codes.display(form.cleaned_data["code"])
        )
    return render(request, "certificates/verify.html", {"form": form})


@require_safe
@_public_verification
def verify_code(request, code: str):
    form = VerifyForm({"code": code})
    if not form.is_valid():
        return render(request, "certificates/verify.html", {"form": form}, status=404)
    canonical = codes.display(form.cleaned_data["code"])
    if code != canonical:
        return redirect("certificates:verify_code", code=canonical, permanent=True)
    certificate = certificate_for_code(code=canonical)
    if certificate is None:
        return render(
            request,
            "certificates/verify.html",
            {"form": VerifyForm(initial={"code": canonical}), "not_found": canonical},
            status=404,
        )
    return render(
        request,
        "certificates/verify_result.html",
        {
            "certificate": certificate,
            "standing": certificate.standing().value,
            "form": VerifyForm(),
        },
    )


@require_safe
def download(request, serial: str):
    """The PDF for its owner and for coordinators; a 404 for everyone else.

    Visitors who are not signed in are sent to sign in first, so the link in
    the learner's email works from a fresh browser.
    """
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    certificate = certificate_for_download(serial=serial, user=request.user)
    if certificate is None:
        raise Http404
    storage = certificate_storage()
    if not (
        certificate.is_ready
        and certificate.pdf_name
        and storage.exists(certificate.pdf_name)
    ):
        response = render(
            request, "certificates/download_pending.html", {"certificate": certificate}
        )
    else:
        response = FileResponse(
            storage.open(certificate.pdf_name, "rb"),
            as_attachment=True,
            filename=f"{certificate.serial}.pdf",
            content_type="application/pdf",
        )
    patch_cache_control(response, private=True, no_store=True)
    return response


def dashboard_certificates(context) -> str:
    """The learner dashboard's Certificates section (hook
    ``learners_dashboard_certificates``)."""
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    if user is None or not user.is_authenticated:
        return ""
    certificates = list(learner_certificates(learner=user))
    if not certificates:
        return ""
    html = render_to_string(
        "certificates/includes/dashboard_certificates.html",
        {
            "certificates": [
                {
                    "certificate": certificate,
                    "standing": certificate.standing().value,
                    "is_current": certificate.status != Certificate.Status.SUPERSEDED,
                }
                for certificate in certificates
            ]
        },
        request=request,
    )
    return mark_safe(html)  # noqa: S308 - rendered by the template engine
