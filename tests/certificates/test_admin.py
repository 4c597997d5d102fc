import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.shortcuts import resolve_url
from django.urls import reverse
from wagtail.models import ModelLogEntry

from certificates.models import Certificate, IssueBatch
from certificates.services import certificate_issue, issue_batch_run
from tests import factories
from tests.certificates import builders
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def login(client, user):
    client.login(username=user.username, password=PASSWORD)


def eligible_url(award):
    return reverse("certificates_award:eligible", args=[award.pk])


@pytest.fixture
def waiting(two_courses):
    learners = [
        factories.make_resident(first_name=name, last_name="Learner")
        for name in ("Ada", "Bo", "Cy")
    ]
    for learner in learners:
        for course in two_courses:
            builders.complete(learner, course)
    return learners


def admin_login_url():
    return resolve_url(
        getattr(settings, "WAGTAILADMIN_LOGIN_URL", "wagtailadmin_login")
    )


@pytest.mark.parametrize(
    ("role", "sent_to"),
    [
        ("resident", "sign in"),
        ("other_resident", "sign in"),
        # Wagtail turns PermissionDenied into a redirect to the dashboard.
        ("trainer", "/admin/"),
    ],
)
def test_only_coordinators_reach_the_issue_screens(
    request, client, award, role, sent_to
):
    login(client, request.getfixturevalue(role))
    sent_to = admin_login_url() if sent_to == "sign in" else sent_to

    for url in [eligible_url(award), reverse("certificates_certificate:list")]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].split("?")[0] == sent_to


def test_anonymous_visitors_are_sent_to_the_admin_sign_in(client, award):
    response = client.get(eligible_url(award))

    assert response.status_code == 302
    assert response["Location"].startswith(admin_login_url())


def test_coordinator_sees_who_is_waiting(client, award, waiting, coordinator):
    certificate_issue(learner=waiting[0], award=award, issued_by=coordinator)
    login(client, coordinator)

    page = client.get(eligible_url(award)).content.decode()

    assert "2 learners meet every requirement" in page
    assert "Bo Learner" in page
    assert "Ada Learner" not in page


def test_coordinator_issues_one_certificate(client, award, waiting, coordinator):
    login(client, coordinator)

    response = client.post(
        eligible_url(award), {"issue_one": str(waiting[1].pk)}, follow=True
    )

    certificate = Certificate.objects.get()
    assert certificate.learner == waiting[1]
    assert certificate.issued_by == coordinator
    assert f"Issued {certificate.serial} to Bo Learner" in response.content.decode()


def test_bulk_issue_shows_progress_then_the_certificates(
    client, award, waiting, coordinator, django_capture_on_commit_callbacks
):
    login(client, coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            eligible_url(award),
            {
                "learners": [str(waiting[0].pk), str(waiting[2].pk)],
                "issue_selected": "1",
            },
        )
    batch = IssueBatch.objects.get()
    assert response["Location"] == reverse(
        "certificates_certificate:batch", args=[batch.pk]
    )

    page = client.get(response["Location"]).content.decode()
    status = client.get(
        reverse("certificates_certificate:batch_status", args=[batch.pk])
    ).json()

    assert '<progress class="w-w-full" value="2" max="2"' in page
    assert "Finished: 2 of 2 certificates ready" in page
    assert status["done"] is True
    assert status["ready"] == 2
    assert sorted(
        Certificate.objects.values_list("learner__first_name", flat=True)
    ) == ["Ada", "Cy"]
    assert ModelLogEntry.objects.filter(action="certificates.bulk_issue").exists()


def test_bulk_issue_names_the_learners_it_could_not_issue_to(
    client, award, waiting, coordinator, resident
):
    batch = IssueBatch.objects.create(
        award=award,
        created_by=coordinator,
        learner_ids=[waiting[0].pk, resident.pk, 987654],
    )
    issue_batch_run(batch=batch)
    login(client, coordinator)

    page = client.get(
        reverse("certificates_certificate:batch", args=[batch.pk])
    ).content.decode()
    status = client.get(
        reverse("certificates_certificate:batch_status", args=[batch.pk])
    ).json()

    assert "<bdi>resident</bdi>: Has not met the requirements." in page
    assert "An account since deleted: This account no longer exists." in page
    assert f"Learner {resident.pk}" not in page
    assert status["problem_list"] == [
        {"name": "resident", "message": "Has not met the requirements."},
        {
            "name": "An account since deleted",
            "message": "This account no longer exists.",
        },
    ]


def test_issue_to_everyone_listed(client, award, waiting, coordinator):
    login(client, coordinator)

    client.post(eligible_url(award), {"issue_all": "1"})

    batch = IssueBatch.objects.get()
    assert sorted(batch.learner_ids) == sorted(learner.pk for learner in waiting)


def test_bulk_issue_with_nobody_selected_explains_itself(
    client, award, waiting, coordinator
):
    login(client, coordinator)

    response = client.post(eligible_url(award), {"issue_selected": "1"}, follow=True)

    assert "Choose at least one learner." in response.content.decode()
    assert not IssueBatch.objects.exists()


@pytest.mark.parametrize("role", ["resident", "trainer"])
def test_non_coordinators_cannot_post_an_issue(request, client, award, waiting, role):
    login(client, request.getfixturevalue(role))

    client.post(eligible_url(award), {"issue_one": str(waiting[0].pk)})
    client.post(eligible_url(award), {"issue_all": "1"})

    assert not Certificate.objects.exists()
    assert not IssueBatch.objects.exists()


def test_coordinator_revokes_with_a_reason(client, award, waiting, coordinator):
    certificate = certificate_issue(
        learner=waiting[0], award=award, issued_by=coordinator
    )
    login(client, coordinator)
    url = reverse("certificates_certificate:revoke", args=[certificate.pk])

    empty = client.post(url, {"reason": ""})
    assert empty.status_code == 400
    assert "This field is required" in empty.content.decode()

    client.post(url, {"reason": "Issued to the wrong person"})
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.REVOKED
    assert certificate.revocation_reason == "Issued to the wrong person"

    history = client.get(
        reverse("certificates_certificate:history", args=[certificate.pk])
    ).content.decode()
    assert f"Certificate {certificate.serial} revoked" in history
    assert "Issued to the wrong person" in history


@pytest.mark.parametrize("role", ["resident", "trainer"])
def test_non_coordinators_cannot_revoke(request, client, award, waiting, role):
    certificate = certificate_issue(
        learner=waiting[0], award=award, issued_by=factories.make_coordinator()
    )
    login(client, request.getfixturevalue(role))

    client.post(
        reverse("certificates_certificate:revoke", args=[certificate.pk]),
        {"reason": "Because"},
    )

    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.ACTIVE


def test_listing_shows_each_pdf_status_and_offers_retry(
    client, award, waiting, coordinator
):
    pending = certificate_issue(learner=waiting[0], award=award, issued_by=coordinator)
    Certificate.objects.filter(pk=pending.pk).update(
        render_status=Certificate.RenderStatus.FAILED, render_error="Disk full"
    )
    login(client, coordinator)

    page = client.get(reverse("certificates_certificate:list")).content.decode()
    retry_url = reverse("certificates_certificate:retry", args=[pending.pk])

    assert pending.serial in page
    assert "Failed" in page
    assert retry_url in page

    assert "Disk full" in client.get(retry_url).content.decode()
    client.post(retry_url)
    pending.refresh_from_db()
    assert pending.render_status == Certificate.RenderStatus.PENDING


def test_certificates_cannot_be_added_edited_or_deleted_in_the_admin(
    client, award, waiting, coordinator, admin_user
):
    certificate = certificate_issue(
        learner=waiting[0], award=award, issued_by=coordinator
    )
    client.force_login(admin_user)

    for url in [
        reverse("certificates_certificate:add"),
        reverse("certificates_certificate:edit", args=[certificate.pk]),
        reverse("certificates_certificate:delete", args=[certificate.pk]),
    ]:
        response = client.get(url)
        assert (response.status_code, response["Location"]) == (302, "/admin/")
    inspect = reverse("certificates_certificate:inspect", args=[certificate.pk])
    assert certificate.serial in client.get(inspect).content.decode()


def test_the_group_editor_offers_the_certificate_permissions(client, admin_user):
    client.force_login(admin_user)
    group = Group.objects.get(name="Coordinators")

    page = client.get(
        reverse("wagtailusers_groups:edit", args=[group.pk])
    ).content.decode()

    assert "Can issue certificates" in page
    assert "Can revoke certificates" in page


def test_coordinators_can_author_awards_in_the_admin(client, coordinator, course):
    login(client, coordinator)

    assert client.get(reverse("certificates_award:add")).status_code == 200
    assert client.get(reverse("certificates_template:add")).status_code == 200
