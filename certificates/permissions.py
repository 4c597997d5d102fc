from django.contrib.auth import get_user_model
from wagtail.permission_policies import ModelPermissionPolicy


class CertificatePermissionPolicy(ModelPermissionPolicy):
    """Certificates are made only by issuing and never edited or deleted.

    The admin's add, edit and delete screens are closed to everyone,
    superusers included; ``issue`` and ``revoke`` map to the custom
    permissions ``certificates.issue_certificate`` and ``revoke_certificate``.
    """

    CLOSED_ACTIONS = frozenset({"add", "change", "delete"})

    def user_has_permission(self, user, action):
        if action in self.CLOSED_ACTIONS:
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        open_actions = [
            action for action in actions if action not in self.CLOSED_ACTIONS
        ]
        if not open_actions:
            return get_user_model().objects.none()
        return super().users_with_any_permission(open_actions)
