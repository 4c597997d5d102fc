from django.conf import settings
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
