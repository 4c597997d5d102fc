from django.contrib.auth.models import Permission
from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from .eligibility import cohort_member_needs
from .log_actions import register_certificate_actions
from .models import Certificate
from .permissions import CertificatePermissionPolicy
from .views import dashboard_certificates
from .viewsets import CertificatesGroup, PermissionCheckedDeleteBulkAction

# Registered before anything asks for the model's policy (see Wagtail 8 docs).
register_permission_policy(Certificate, CertificatePermissionPolicy(Certificate))

register_snippet(CertificatesGroup)

# After Wagtail's own snippet bulk delete, so this one replaces it for these models.
hooks.register("register_bulk_action", PermissionCheckedDeleteBulkAction, order=1)


@hooks.register("register_permissions")
def register_certificate_permissions():
    return Permission.objects.filter(
        content_type__app_label="certificates",
        codename__in=[
            "issue_certificate",
            "revoke_certificate",
            "view_certificate",
            "add_award",
            "change_award",
            "delete_award",
            "view_award",
            "add_certificatetemplate",
            "change_certificatetemplate",
            "delete_certificatetemplate",
            "view_certificatetemplate",
        ],
    )


@hooks.register("register_log_actions")
def register_certificate_log_actions(actions):
    register_certificate_actions(actions)


hooks.register("learners_dashboard_certificates", dashboard_certificates)

hooks.register("learners_cohort_member_needs", cohort_member_needs)
