"""An academy from before the impact app upgrades with ``migrate`` alone, and
whoever could view the impact report still can."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from tests import factories
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE = [
    ("impact", None),
    ("certificates", "0005_printed_name_refuses_bidi_controls"),
]
CODENAME = "view_impact_report"


def migrate(targets) -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


def latest() -> list[tuple[str, str]]:
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def holds(group: Group, app_label: str) -> bool:
    return group.permissions.filter(
        content_type__app_label=app_label, codename=CODENAME
    ).exists()


def test_groups_holding_the_old_permission_hold_the_new_one_after_migrate():
    migrate(BEFORE)
    old = Permission.objects.get(
        content_type__app_label="certificates", codename=CODENAME
    )
    liaison = Group.objects.create(name="Funder liaison")
    liaison.permissions.add(old)

    migrate(latest())

    liaison.refresh_from_db()
    assert holds(liaison, "impact")
    assert holds(Group.objects.get(name="Coordinators"), "impact")
    assert not Permission.objects.filter(
        content_type__app_label="certificates", codename=CODENAME
    ).exists()


def test_a_coordinator_opens_the_report_after_migrate(client):
    migrate(BEFORE)
    assert holds(Group.objects.get(name="Coordinators"), "certificates")

    migrate(latest())

    coordinator = factories.make_coordinator(username="coordinator")
    client.login(username=coordinator.username, password=PASSWORD)
    assert client.get(reverse("certificates_impact:dashboard")).status_code == 200
