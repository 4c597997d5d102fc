"""Every permission the apps check is one a group can be given.

Wagtail's group editor offers only the permissions that the
``register_permissions`` hooks return. A permission the code checks but no hook
offers can be held only by superusers, so no group could, say, take registers.
This test reads the apps' source for the permissions they check, adds those
their admin screens' permission policies check, and compares the two lists.
"""

import ast
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth import get_permission_codename, get_user_model
from django.contrib.auth.models import Permission
from django.urls import get_resolver, reverse
from wagtail import hooks
from wagtail.admin.viewsets import viewsets
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry

ROOT = Path(__file__).resolve().parents[2]
APP_PACKAGES = (
    "courses",
    "learners",
    "certificates",
    "cms_pages",
    "academy_web",
    "impact",
)
MODEL_ACTIONS = ("add", "change", "delete", "view")
# Calls whose string arguments name the permissions to check: has_perm,
# has_perms, the services' _require and _require_perms, and staff_only.
CHECKING_CALL = re.compile(r"perm|require|staff_only")
PERMISSION_NAME = re.compile(r"^[a-z_]+\.[a-z_]+$")
TEMPLATE_PERMISSION = re.compile(r"\bperms\.([a-z_]+)\.([a-z_]+)\b")

pytestmark = pytest.mark.django_db


def _source_files(suffix):
    for package in APP_PACKAGES:
        for path in sorted((ROOT / package).rglob(f"*{suffix}")):
            if "migrations" not in path.relative_to(ROOT).parts:
                yield path


def _strings(node):
    """The string constants in ``node``: itself, or a tuple, list or set of them."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        return [value for element in node.elts for value in _strings(element)]
    return []


def _callee_name(call):
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    if isinstance(call.func, ast.Name):
        return call.func.id
    return None


def _permission_constant(target):
    name = target.attr if isinstance(target, ast.Attribute) else None
    if isinstance(target, ast.Name):
        name = target.id
    return name is not None and name.isupper() and "PERM" in name


def _checked_in_python(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            if CHECKING_CALL.search(_callee_name(node) or ""):
                for argument in node.args:
                    yield from _strings(argument)
            for keyword in node.keywords:
                if keyword.arg == "permission":
                    yield from _strings(keyword.value)
        elif isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(_permission_constant(target) for target in targets):
                yield from _strings(node.value)


def permissions_checked_in_source():
    checked = set()
    for path in _source_files(".py"):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        checked.update(
            value for value in _checked_in_python(tree) if PERMISSION_NAME.match(value)
        )
    for path in _source_files(".html"):
        for app_label, codename in TEMPLATE_PERMISSION.findall(
            path.read_text(encoding="utf-8")
        ):
            checked.add(f"{app_label}.{codename}")
    return checked


def _apps_models():
    for app_config in apps.get_app_configs():
        if Path(app_config.path).resolve().parent == ROOT:
            yield from app_config.get_models()


def permissions_checked_by_policies():
    """The model permissions behind each action the admin's policies can grant.

    An action that a policy refuses to everyone, as certificates' add and edit
    are refused, checks no permission and needs none offered.
    """
    # Loading the URLs builds the admin, which registers its viewsets.
    get_resolver().url_patterns  # noqa: B018
    ours = set(_apps_models())
    models = {getattr(viewset, "model", None) for viewset in viewsets.viewsets}
    models.update(
        model
        for model in ours
        if policy_registry.get_by_type(model, fallback=False) is not None
    )
    superuser = get_user_model()(is_superuser=True, is_active=True)
    checked = set()
    for model in models & ours:
        policy = policy_registry.get_by_type(model)
        opts = model._meta
        if isinstance(policy, ModelPermissionPolicy):
            checked.update(
                f"{opts.app_label}.{get_permission_codename(action, opts)}"
                for action in MODEL_ACTIONS
                if policy.user_has_permission(superuser, action)
            )
    return checked


def permissions_offered():
    offered = set()
    for register_permissions in hooks.get_hooks("register_permissions"):
        offered.update(
            f"{permission.content_type.app_label}.{permission.codename}"
            for permission in register_permissions().select_related("content_type")
        )
    return offered


def test_scan_finds_the_permissions_the_code_checks():
    checked = permissions_checked_in_source() | permissions_checked_by_policies()

    assert {
        "learners.add_attendance",
        "learners.change_skillsignoff",
        "learners.register_assisted_resident",
        "certificates.issue_certificate",
        "certificates.change_award",
        "learners.view_area",
        "wagtailadmin.access_admin",
    } <= checked
    assert "certificates.add_certificate" not in checked


def test_every_permission_the_code_checks_is_offered_in_the_group_editor():
    checked = permissions_checked_in_source() | permissions_checked_by_policies()
    our_labels = {model._meta.app_label for model in _apps_models()}

    not_offered = {
        permission for permission in checked if permission.split(".")[0] in our_labels
    } - permissions_offered()

    assert sorted(not_offered) == []


def test_a_new_group_can_be_given_the_rights_to_take_registers_and_sign_off(
    client, admin_user
):
    client.force_login(admin_user)

    page = client.get(reverse("wagtailusers_groups:add")).content.decode()

    for codename in [
        "add_attendance",
        "change_attendance",
        "add_skillsignoff",
        "change_skillsignoff",
    ]:
        permission = Permission.objects.get(
            content_type__app_label="learners", codename=codename
        )
        assert f'name="permissions" value="{permission.pk}"' in page
