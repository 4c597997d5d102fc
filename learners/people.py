"""Who counts as a resident, and what a person is called.

Every page, report and rule that tells residents from staff, or shows a
person's name, asks here.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Exists, OuterRef, QuerySet
from django.utils.html import format_html

ADMIN_PERMISSION = "wagtailadmin.access_admin"


def is_resident(user) -> bool:
    """An active account that is not staff and cannot reach the admin."""
    return bool(
        user.is_authenticated
        and user.is_active
        and not user.is_staff
        and not user.is_superuser
        and not user.has_perm(ADMIN_PERMISSION)
    )


def residents() -> QuerySet:
    """Every resident, as :func:`is_resident` says, in one query."""
    User = get_user_model()
    admin_access = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).values("pk")
    direct = User.user_permissions.through.objects.filter(
        user_id=OuterRef("pk"), permission_id__in=admin_access
    )
    through_group = User.groups.through.objects.filter(
        user_id=OuterRef("pk"), group__permissions__in=admin_access
    )
    return User.objects.filter(
        is_active=True, is_staff=False, is_superuser=False
    ).exclude(Exists(direct) | Exists(through_group))


_LOOK_UP = object()


def display_name(user, profile=_LOOK_UP) -> str:
    """The name the academy calls a person by and prints on certificates:
    the name they gave for certificates, else their full name, else their
    username. A caller that has already loaded the profile (or knows there is
    none) passes it as ``profile`` and saves a query."""
    if profile is _LOOK_UP:
        profile = getattr(user, "learner_profile", None)
    certificate_name = profile.certificate_name if profile is not None else ""
    return certificate_name or user.get_full_name() or user.get_username()


def person_label(user, *, html: bool = False) -> str:
    """How staff tell people apart when choosing one: the display name with
    the username after it. With ``html`` the name is isolated in ``<bdi>``,
    as it must be on a page."""
    name = display_name(user)
    username = user.get_username()
    if name == username:
        return username
    if html:
        return format_html("<bdi>{}</bdi> ({})", name, username)
    return f"{name} ({username})"
