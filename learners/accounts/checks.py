from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.checks import Error, Tags, register


@register(Tags.security, deploy=True)
def staff_mfa_enforced(app_configs, **kwargs):
    if getattr(settings, "ACADEMY_STAFF_MFA_REQUIRED", True):
        return []
    return [
        Error(
            "Staff two-factor authentication is switched off.",
            hint="Set ACADEMY_STAFF_MFA_REQUIRED = True outside development.",
            id="learners.E001",
        )
    ]


MFA_MIDDLEWARE = "learners.accounts.mfa.StaffMFAMiddleware"


@register(Tags.security)
def sign_in_middleware_installed(app_configs, **kwargs):
    if MFA_MIDDLEWARE in settings.MIDDLEWARE:
        return []
    return [
        Error(
            "Other sign-in views can skip allauth's rate limits, email "
            "verification and staff two-factor authentication.",
            hint=f"Add {MFA_MIDDLEWARE!r} to MIDDLEWARE, after "
            "'allauth.account.middleware.AccountMiddleware'.",
            id="learners.E002",
        )
    ]


@register(Tags.security, deploy=True)
def rate_limits_shared(app_configs, **kwargs):
    # allauth's limits, /verify/ and the sign-in code page all count in the
    # default cache (see academy_web/ratelimit.py).
    if not isinstance(caches["default"], (LocMemCache, DummyCache)):
        return []
    return [
        Error(
            "The default cache is local to each process, so every worker keeps "
            "its own rate-limit counts (or, with the dummy cache, none).",
            hint="Use Redis or Django's database cache as CACHES['default'].",
            id="learners.E003",
        )
    ]
