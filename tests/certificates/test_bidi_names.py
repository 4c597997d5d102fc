"""Printed names with direction controls: a new certificate refuses them, and
one stored before that check shows its name isolated on the page, in the
email and in the PDF."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from certificates import rendering, tasks
from certificates.models import Certificate
from certificates.services import certificate_issue
from tests.certificates import builders, pdfs

pytestmark = pytest.mark.django_db

# An override that is never closed would reverse everything printed after it.
STORED = "\u202eAmira Khan"


@pytest.fixture
def stored_spoof(award, qualified, coordinator):
    """A certificate whose printed name came in before names were checked."""
    certificate = certificate_issue(
        learner=qualified, award=award, issued_by=coordinator
    )
    Certificate.objects.filter(pk=certificate.pk).update(name_on_certificate=STORED)
    tasks.certificate_render(certificate.pk)
    certificate.refresh_from_db()
    return certificate


def test_a_name_set_with_direction_controls_is_printed_without_them(
    award, two_courses, coordinator
):
    learner = get_user_model().objects.create_user(
        username="spoofer", first_name="\u202eevil\u202c", last_name="محمد علي"
    )
    for course in two_courses:
        builders.complete(learner, course)

    certificate = certificate_issue(learner=learner, award=award, issued_by=coordinator)

    assert certificate.name_on_certificate == "evil محمد علي"


def test_a_printed_name_typed_with_direction_controls_is_refused(
    award, qualified, coordinator
):
    certificate = certificate_issue(
        learner=qualified, award=award, issued_by=coordinator
    )
    certificate.name_on_certificate = "\u202eevil\u202c محمد علي"

    with pytest.raises(ValidationError) as caught:
        certificate.full_clean()

    assert list(caught.value.message_dict) == ["name_on_certificate"]


def test_the_verification_page_isolates_a_stored_name(client, stored_spoof):
    response = client.get(
        reverse("certificates:verify_code", args=[stored_spoof.display_code])
    )

    assert response.status_code == 200
    assert f"<bdi>{STORED}</bdi>" in response.content.decode()


def test_the_certificate_email_isolates_a_stored_name(stored_spoof):
    (message,) = mail.outbox

    assert message.body.startswith(f"Hello \u2068{STORED}\u2069,")


def test_the_pdf_keeps_a_stored_name_from_reordering_the_words_after_it(stored_spoof):
    html = rendering.certificate_html(stored_spoof)
    result = rendering.certificate_pdf(stored_spoof)
    text = pdfs.text(result.pdf)
    lines = text.splitlines()
    name_line = lines.index("This is to certify that") + 1

    assert f">\u2068{STORED}\u2069</p>" in html
    assert "\u2068Grace Okafor\u2069" in html
    # The override still turns the name itself round, but nothing beyond it.
    assert lines[name_line] == "nahK arimA"
    assert lines[name_line + 1].startswith("has met every requirement")
    assert "Grace Okafor" in lines
    assert result.warning == ""
