"""Who reaches each coordinator screen of the certificates admin.

Every screen is tried by a signed-out visitor, the certificate's owner,
another resident, a trainer and a coordinator. Wagtail sends visitors without
admin access to its sign-in page and turns a refusal for staff without the
permission into a redirect to the admin dashboard.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import reverse

from certificates.models import Certificate, IssueBatch
from certificates.services import certificate_issue
from tests import factories
from tests.certificates import builders

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "resident", "other_resident", "trainer", "coordinator"]


def admin_login_url() -> str:
    return resolve_url(
        getattr(settings, "WAGTAILADMIN_LOGIN_URL", "wagtailadmin_login")
    )


@dataclass(frozen=True)
class Screen:
    name: str
    url_name: str
    method: str = "get"
    target: str = "certificate"  # what the URL's primary key names
    data: dict | None = None
    coordinator_status: int = 200


SCREENS = [
    Screen("certificate list", "certificates_certificate:list", target=""),
    Screen("history", "certificates_certificate:history"),
    Screen("inspect", "certificates_certificate:inspect"),
    Screen("revoke form", "certificates_certificate:revoke"),
    Screen(
        "revoke",
        "certificates_certificate:revoke",
        method="post",
        data={"reason": "Issued to the wrong person"},
        coordinator_status=302,
    ),
    Screen("retry form", "certificates_certificate:retry"),
    Screen(
        "retry", "certificates_certificate:retry", method="post", coordinator_status=302
    ),
    Screen("bulk issue progress", "certificates_certificate:batch", target="batch"),
    Screen(
        "bulk issue status", "certificates_certificate:batch_status", target="batch"
    ),
    Screen("eligible list", "certificates_award:eligible", target="award"),
    Screen(
        "eligible list issue all",
        "certificates_award:eligible",
        method="post",
        target="award",
        data={"issue_all": "1"},
        coordinator_status=302,
    ),
]


@pytest.fixture
def scene(award, two_courses, qualified, coordinator):
    """A certificate held by ``resident`` whose PDF failed, a bulk issue, and
    a learner waiting for the award."""
    waiting = factories.make_resident(first_name="Ada", last_name="Waiting")
    for course in two_courses:
        builders.complete(waiting, course)
    certificate = certificate_issue(
        learner=qualified, award=award, issued_by=coordinator
    )
    Certificate.objects.filter(pk=certificate.pk).update(
        render_status=Certificate.RenderStatus.FAILED, render_error="Disk full"
    )
    batch = IssueBatch.objects.create(
        award=award, created_by=coordinator, learner_ids=[qualified.pk]
    )
    return {"certificate": certificate, "batch": batch, "award": award}


def url_for(screen: Screen, scene: dict) -> str:
    args = [scene[screen.target].pk] if screen.target else []
    return reverse(screen.url_name, args=args)


def sign_in(request, client, role: str) -> None:
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))


def state(scene: dict) -> tuple:
    certificate = Certificate.objects.get(pk=scene["certificate"].pk)
    return (
        certificate.status,
        certificate.render_status,
        IssueBatch.objects.count(),
        Certificate.objects.count(),
    )


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("screen", SCREENS, ids=lambda screen: screen.name)
def test_only_coordinators_use_the_certificate_screens(
    request, client, scene, screen, role
):
    sign_in(request, client, role)
    before = state(scene)
    url = url_for(screen, scene)

    response = getattr(client, screen.method)(url, screen.data or {})

    if role == "coordinator":
        assert response.status_code == screen.coordinator_status
        return
    assert response.status_code == 302
    location = response["Location"].split("?")[0]
    if role == "trainer":
        assert location == reverse("wagtailadmin_home")
    else:
        assert location == admin_login_url()
    assert state(scene) == before


def test_coordinator_actions_take_effect(client, scene, coordinator):
    """The same requests that others are refused do their job for a
    coordinator, so the refusals above are not just broken screens."""
    client.force_login(coordinator)
    certificate = scene["certificate"]

    client.post(reverse("certificates_certificate:retry", args=[certificate.pk]))
    certificate.refresh_from_db()
    assert certificate.render_status != Certificate.RenderStatus.FAILED

    client.post(
        reverse("certificates_award:eligible", args=[scene["award"].pk]),
        {"issue_all": "1"},
    )
    assert IssueBatch.objects.count() == 2

    client.post(
        reverse("certificates_certificate:revoke", args=[certificate.pk]),
        {"reason": "Issued to the wrong person"},
    )
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.REVOKED


@pytest.mark.parametrize(
    "url",
    [
        "/admin/certificates/certificate/batch/999999/",
        "/admin/certificates/certificate/batch/999999/status/",
        "/admin/certificates/certificate/retry/999999/",
        "/admin/certificates/certificate/revoke/999999/",
        "/admin/certificates/certificate/history/999999/",
        "/admin/certificates/award/eligible/999999/",
    ],
)
def test_unknown_objects_are_a_404_for_coordinators(client, coordinator, url):
    client.force_login(coordinator)

    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    "data",
    [
        {"issue_one": "not-a-number"},
        {"issue_one": "999999"},
        {"learners": ["abc", "1"]},
        {"learners": ["99999999999999999999999"]},
        {},
    ],
)
def test_bad_input_to_the_eligible_list_is_explained_not_a_500(
    client, scene, coordinator, data
):
    client.force_login(coordinator)
    url = reverse("certificates_award:eligible", args=[scene["award"].pk])

    response = client.post(url, data, follow=True)

    assert response.status_code == 200
    assert IssueBatch.objects.count() == 1
