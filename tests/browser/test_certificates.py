"""A coordinator issues Expert Citizen certificates; a resident downloads
theirs; anyone checks it with the address in its QR code; it is revoked."""

import re

import pytest
from django.urls import reverse

from certificates.models import Certificate, IssueBatch
from certificates.services import issue_batch_run
from tests import factories
from tests.browser.sessions import sign_in
from tests.certificates import builders, pdfs

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def academy(course_index, settings, live_server, tmp_path):
    settings.CERTIFICATES_BASE_URL = live_server.url
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "certificates": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "certificates"},
        },
    }
    courses = [
        factories.build_course(course_index, title=title, lessons=1)
        for title in ("Fire safety at home", "First aid essentials")
    ]
    award = builders.make_award(courses, name="Expert Citizen")
    learner = factories.make_resident(
        username="amira", first_name="Amira", last_name="Khan"
    )
    waiting = factories.make_resident(
        username="tom", first_name="Tom", last_name="Hughes"
    )
    for person in (learner, waiting):
        for course in courses:
            builders.complete(person, course)
    coordinator = factories.make_coordinator(username="grace")
    return {"award": award, "learner": learner, "coordinator": coordinator}


def open_row_action(page, row_title, action):
    page.get_by_role("button", name=f"More options for '{row_title}'").click()
    page.get_by_role("link", name=action).click()


def test_bulk_issue_download_verify_and_revoke(
    page, live_server, academy, assert_accessible, assert_fits, tmp_path
):
    learner = academy["learner"]

    # A coordinator bulk-issues from the award's list of waiting learners.
    sign_in(page, live_server, academy["coordinator"])
    page.goto(live_server.url + reverse("certificates_award:list"))
    open_row_action(page, "Expert Citizen", "Issue certificates")
    page.get_by_text("2 learners meet every requirement").wait_for()
    page.get_by_label("Amira Khan").check()
    page.get_by_role("button", name="Issue to selected learners").click()
    page.get_by_text("Finished: 1 of 1 certificates ready").wait_for()
    progress = page.locator("progress")
    assert progress.get_attribute("value") == "1"
    assert progress.get_attribute("max") == "1"

    certificate = Certificate.objects.get()
    assert certificate.learner == learner
    assert certificate.render_status == Certificate.RenderStatus.READY

    # The resident downloads it from their dashboard.
    sign_in(page, live_server, learner)
    page.goto(live_server.url + reverse("learners:dashboard"))
    assert_accessible(page)
    assert_fits()
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("Download PDF")).click()
    pdf = download.value.path().read_bytes()
    assert download.value.suggested_filename == f"{certificate.serial}.pdf"

    # The QR code, read from a picture of the page, and the printed address
    # lead to the verification page.
    (verify_url,) = pdfs.qr_codes(pdf)
    assert verify_url == certificate.get_verify_url()
    assert verify_url.startswith(live_server.url)
    assert verify_url in pdfs.link_targets(pdf)
    assert verify_url in pdfs.squashed(pdfs.text(pdf))
    assert "Amira Khan" in pdfs.text(pdf)

    page.context.clear_cookies()
    page.goto(verify_url)
    outcome = page.locator(".verify-outcome")
    assert outcome.locator(".verify-standing").inner_text() == "Valid"
    assert "Amira Khan" in outcome.inner_text()
    assert "Expert Citizen" in outcome.inner_text()
    assert_accessible(page)
    assert_fits()

    # The coordinator revokes it with a reason.
    sign_in(page, live_server, academy["coordinator"])
    page.goto(live_server.url + reverse("certificates_certificate:list"))
    open_row_action(page, str(certificate), "Revoke")
    page.get_by_label("Reason").fill("Issued to the wrong person")
    page.get_by_role("button", name="Revoke certificate").click()
    page.get_by_text(f"Revoked {certificate.serial}.").wait_for()

    page.context.clear_cookies()
    page.goto(verify_url)
    page.reload()
    outcome = page.locator(".verify-outcome")
    assert outcome.locator(".verify-standing").inner_text() == "Revoked"
    assert "Issued to the wrong person" in outcome.inner_text()
    assert_accessible(page)
    assert_fits()


def test_the_public_verify_form_explains_typos_accessibly(
    page, live_server, academy, assert_accessible, assert_fits
):
    page.goto(live_server.url + reverse("certificates:verify"))
    assert page.locator("h1").inner_text() == "Check a certificate"
    assert_accessible(page)
    assert_fits()

    page.get_by_label("Certificate code").fill("7K2M-9QXA-4HTB-ZR8D-0")
    page.get_by_role("button", name="Check certificate").click()

    field = page.get_by_label("Certificate code")
    assert field.get_attribute("aria-invalid") == "true"
    assert "That code has a typing mistake" in page.locator("main").inner_text()
    assert_accessible(page)
    assert_fits()


def test_the_progress_page_follows_a_bulk_issue_as_it_runs(page, live_server, academy):
    not_ready = factories.make_resident(
        username="sam", first_name="Sam", last_name="Patel"
    )
    batch = IssueBatch.objects.create(
        award=academy["award"],
        created_by=academy["coordinator"],
        learner_ids=[academy["learner"].pk, not_ready.pk],
    )
    sign_in(page, live_server, academy["coordinator"])
    page.goto(
        live_server.url + reverse("certificates_certificate:batch", args=[batch.pk])
    )
    status = page.locator("[data-progress-text]")
    assert status.get_attribute("role") == "status"
    assert status.inner_text() == "0 of 2 certificates done (0 ready)."
    assert page.get_by_role("link", name="See the certificates").is_hidden()
    assert page.get_by_role("heading", name="Not issued").is_hidden()

    # A worker gets to it while the coordinator watches.
    issue_batch_run(batch=batch)

    page.get_by_role("link", name="See the certificates").wait_for()
    assert status.inner_text().startswith("Finished: 1 of 2 certificates ready")
    assert page.locator("progress").evaluate("bar => bar.value") == 2
    # Who was left out shows without reloading the page.
    assert page.get_by_role("heading", name="Not issued").is_visible()
    assert "Sam Patel: " in page.locator("[data-problem-list]").inner_text()
