"""Bad input gets a clear 4xx or a form error, never a 500.

Each test reproduces one cause of a 500 found by fuzzing (issue 8).
"""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from certificates.models import Certificate
from certificates.services import certificate_issue
from learners.models import Attempt
from tests.certificates import builders

pytestmark = pytest.mark.django_db

NUL = "\x00"
HUGE_ID = "1" + "0" * 22


@pytest.fixture(autouse=True)
def certificate_files(settings, tmp_path):
    """PDFs and images go to a fresh directory for each test."""
    settings.STORAGES = {
        **settings.STORAGES,
        "certificates": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "certificates"},
        },
    }
    settings.MEDIA_ROOT = tmp_path / "media"


def client_for(user=None) -> Client:
    """A client that shows a server error as a 500 response, as a browser sees
    it, rather than raising it into the test."""
    client = Client(raise_request_exception=False)
    if user is not None:
        client.force_login(user)
    return client


def errors_in(response) -> str:
    return " ".join(
        re.findall(
            r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>',
            response.content.decode(),
            re.S,
        )
    )


@pytest.fixture
def award(course):
    return builders.make_award([course], name="Fire safety at home")


@pytest.fixture
def certificate(award, course, resident, coordinator) -> Certificate:
    builders.complete(resident, course)
    return certificate_issue(learner=resident, award=award, issued_by=coordinator)


# One test for each cause found by fuzzing -----------------------------------------


@pytest.mark.parametrize("query", ['"', 'a"b', '"""', 'fire "safety'])
def test_search_with_quotes_shows_a_results_page(course, query):
    response = client_for().get(reverse("search"), {"q": query})

    assert response.status_code == 200


@pytest.mark.parametrize("query", [NUL, f"fire{NUL}safety"])
def test_search_with_a_nul_byte_shows_a_results_page(course, query):
    response = client_for().get(reverse("search"), {"q": query})

    assert response.status_code == 200


def test_certificate_serial_with_a_nul_byte_is_not_found(certificate, coordinator):
    client = client_for(coordinator)
    serial = f"{certificate.serial}{NUL}"

    for name in ("certificates:download", "certificates:badge"):
        response = client.get(reverse(name, args=[serial]))
        assert response.status_code == 404, name


def test_a_login_of_100000_characters_is_a_form_error(resident):
    response = client_for().post(
        reverse("account_login"), {"login": "a" * 100_000, "password": "x"}
    )

    assert response.status_code == 200
    assert errors_in(response)
    assert "_auth_user_id" not in client_for().session


def test_enrol_with_a_next_that_is_not_a_path_goes_to_the_course(course, resident):
    response = client_for(resident).post(
        reverse("learners:enrol", args=[course.pk]), {"next": "abc"}
    )

    assert response.status_code == 302
    assert response["Location"] == course.url
    assert resident.enrolments.filter(course=course).exists()


def test_revoke_with_a_next_that_is_not_a_path_goes_to_the_list(
    certificate, coordinator
):
    response = client_for(coordinator).post(
        reverse("certificates_certificate:revoke", args=[certificate.pk]),
        {"reason": "Issued in error", "next": "abc"},
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("certificates_certificate:list")
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.REVOKED


@pytest.mark.parametrize("learner", ["²", "٣", HUGE_ID, "-1"])
def test_issuing_to_a_learner_id_that_is_not_a_number_says_so(
    award, course, resident, coordinator, learner
):
    builders.complete(resident, course)

    response = client_for(coordinator).post(
        reverse("certificates_award:eligible", args=[award.pk]),
        {"issue_one": learner},
        follow=True,
    )

    assert response.status_code == 200
    assert "no longer waiting" in response.content.decode()
    assert not Certificate.objects.exists()


@pytest.mark.parametrize("learner", ["²", "٣", HUGE_ID])
def test_paper_results_with_a_learner_that_is_not_a_number_shows_the_form(
    course, coordinator, learner
):
    client = client_for(coordinator)
    url = reverse("learners:paper_result")

    assert client.get(url, {"learner": learner}).status_code == 200
    response = client.post(url, {"learner": learner, "course": course.pk})
    assert response.status_code == 200
    assert "Choose a resident from the list." in errors_in(response)


def test_paper_results_with_a_23_digit_course_id_is_a_form_error(
    course, resident, coordinator
):
    response = client_for(coordinator).post(
        reverse("learners:paper_result"),
        {
            "learner": resident.pk,
            "course": HUGE_ID,
            "score": "80",
            "taken_on": timezone.localdate().isoformat(),
        },
    )

    assert response.status_code == 200
    assert "Choose a course that has an assessment." in errors_in(response)
    assert not Attempt.objects.exists()
