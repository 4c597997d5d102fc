"""Admin menu items that only those who may use them see."""

from __future__ import annotations

from django.http import HttpRequest
from wagtail.admin.menu import MenuItem


class PermissionMenuItem(MenuItem):
    """An admin menu link shown only to users with ``permission``."""

    def __init__(self, *args, permission: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request: HttpRequest) -> bool:
        return request.user.has_perm(self.permission)
