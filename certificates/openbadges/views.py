"""Open Badges 3.0: a certificate's signed credential and what verifiers fetch.

The credential download follows the PDF download's rule (its owner and
holders of ``certificates.issue_certificate``; a 404 for everyone else). The
issuer profile, achievements, public keys and revocation status list are
public, may be cached and may be read from other sites' scripts, as badge
wallets and verifiers do.
"""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse, JsonResponse
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe

from ..selectors import certificate_for_download
from . import credentials

VC_JWT_CONTENT_TYPE = "application/vc+jwt"
KEYS_CACHE_SECONDS = 3600
DOCUMENT_CACHE_SECONDS = 600
STATUS_LIST_CACHE_SECONDS = 60


def _public(response: HttpResponse, *, max_age: int) -> HttpResponse:
    patch_cache_control(response, public=True, max_age=max_age)
    response["Access-Control-Allow-Origin"] = "*"
    response["X-Robots-Tag"] = "noindex"
    return response


@require_safe
def badge_download(request, serial: str):
    """The certificate as a signed OB3 ``OpenBadgeCredential`` (a VC-JWT).

    Visitors who are not signed in are sent to sign in first, as for the PDF.
    """
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    certificate = certificate_for_download(serial=serial, user=request.user)
    if certificate is None:
        raise Http404
    response = HttpResponse(
        credentials.certificate_signed_credential(certificate),
        content_type=VC_JWT_CONTENT_TYPE,
    )
    response["Content-Disposition"] = content_disposition_header(
        True, f"{certificate.serial}.jwt"
    )
    patch_cache_control(response, private=True, no_store=True)
    return response


@require_safe
def jwks(request):
    """The issuer's public keys, which verifiers pick by the JWT's ``kid``."""
    return _public(JsonResponse(credentials.issuer_jwks()), max_age=KEYS_CACHE_SECONDS)


@require_safe
def issuer_profile(request):
    return _public(
        JsonResponse(credentials.issuer_profile_document()),
        max_age=DOCUMENT_CACHE_SECONDS,
    )


@require_safe
def achievement(request, award_id: int):
    award = credentials.published_award(award_id)
    if award is None:
        raise Http404
    return _public(
        JsonResponse(credentials.achievement_document(award)),
        max_age=DOCUMENT_CACHE_SECONDS,
    )


@require_safe
def revocation_list(request):
    """The signed ``BitstringStatusListCredential``, briefly cacheable so a
    revocation reaches verifiers within a minute or two."""
    response = HttpResponse(
        credentials.revocation_list_signed_credential(),
        content_type=VC_JWT_CONTENT_TYPE,
    )
    return _public(response, max_age=STATUS_LIST_CACHE_SECONDS)
