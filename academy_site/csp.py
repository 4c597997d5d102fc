from csp.constants import HEADER, SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.urls import NoReverseMatch, reverse

# Wagtail's admin writes inline <script> blocks into its own templates (the
# page explorer, choosers, date fields, inline panels) and its page editor's
# script adds <style> elements. Neither carries a nonce, so the admin alone
# may run inline script and style; everywhere else the site's policy holds.
ADMIN_RELAXATION = {
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
}
# allauth shows the QR code for setting up an authenticator app as a data: URI.
VIEW_RELAXATIONS = {
    "mfa_activate_totp": {"img-src": [SELF, "data:"]},
}


def allow_same_origin_framing(policy: str) -> str:
    directives = [part.strip() for part in policy.split(";") if part.strip()]
    kept = [part for part in directives if part.split()[0] != "frame-ancestors"]
    return "; ".join([*kept, f"frame-ancestors {SELF}"])


def admin_prefix() -> str | None:
    try:
        return reverse("wagtailadmin_home")
    except NoReverseMatch:
        return None


class AcademyCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, relaxed only where Wagtail's admin and allauth's
    authenticator set-up need it.

    A response that allows same-origin framing with ``X-Frame-Options:
    SAMEORIGIN`` (Wagtail's live preview in the page editor) gets
    ``frame-ancestors 'self'``, since browsers obey the CSP directive over
    that header. Wagtail renders a preview through the whole middleware stack
    as if the page were being served, so its response arrives with the page's
    policy already set, which is kept apart from that one directive.
    """

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if (
            response.get("X-Frame-Options", "").upper() == "SAMEORIGIN"
            and HEADER in response
        ):
            response[HEADER] = allow_same_origin_framing(response[HEADER])
        return response

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        replace = dict(parts.replace or {})
        prefix = admin_prefix()
        if prefix and request.path_info.startswith(prefix):
            replace = {**ADMIN_RELAXATION, **replace}
        match = getattr(request, "resolver_match", None)
        if match is not None and match.url_name in VIEW_RELAXATIONS:
            replace = {**VIEW_RELAXATIONS[match.url_name], **replace}
        parts.replace = replace or None
        return parts
