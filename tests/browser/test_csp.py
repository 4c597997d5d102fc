"""No page breaks the Content-Security-Policy: the public pages, a resident's
learning, certificate and account pages, a trainer's cohort pages, the
coordinator's staff pages and impact report, and the Wagtail admin.

An init script records every ``securitypolicyviolation`` event in every frame,
and the console is watched for the browser's own Content Security Policy
messages, so a blocked script, style, image, frame or form shows up here.
"""

import re

import pytest
from django.urls import reverse

from certificates.models import Certificate
from learners.models import TrainingSession
from tests import factories
from tests.browser.sessions import sign_in
from tests.factories import PASSWORD
from tests.impact.builders import build_impact_academy
from tests.learners.conftest import enrol, finish_lessons

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

RECORD_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.reportCspViolation(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"}`
    + ` at ${event.sourceFile || document.location.href}:${event.lineNumber}`
  );
}, true);
"""


@pytest.fixture
def violations(page):
    found = []
    page.context.expose_function(
        "reportCspViolation", lambda text: found.append(f"{page.url}: {text}")
    )
    page.context.add_init_script(RECORD_VIOLATIONS)
    page.on(
        "console",
        lambda message: (
            found.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text
            else None
        ),
    )
    return found


@pytest.fixture
def academy(course_index, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "certificates": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "certificates"},
        },
    }
    return build_impact_academy(course_index)


def visit(page, live_server, path):
    response = page.goto(live_server.url + path)
    assert response.ok, f"{path} gave {response.status}"
    page.wait_for_load_state("networkidle")


def test_no_page_breaks_the_content_security_policy(
    page, live_server, academy, violations
):
    fire = academy.fire
    lesson = fire.get_children().first()
    amira = academy.people["amira"]
    trainer = academy.people["trainer"]
    certificate = Certificate.objects.get(learner=amira, status="active")
    cohort = trainer.trained_cohorts.get(area=academy.braunstone)
    session = TrainingSession.objects.get(cohort=cohort)

    for path in [
        "/",
        "/courses/",
        fire.url,
        lesson.url,
        "/search/?q=fire",
        reverse("account_login"),
        reverse("account_signup"),
        reverse("account_reset_password"),
        reverse("certificates:verify"),
        certificate.get_absolute_url(),
        reverse("learners:assisted_code_sign_in"),
    ]:
        visit(page, live_server, path)
    assert page.goto(live_server.url + "/no-such-page/").status == 404

    # A resident learns, takes the assessment and reads the result.
    sam = factories.make_resident(username="sam", first_name="Sam")
    enrol(sam, fire)
    finish_lessons(sam, fire)
    sign_in(page, live_server, sam)
    for path in [reverse("learners:dashboard"), fire.url, lesson.url]:
        visit(page, live_server, path)
    visit(page, live_server, reverse("learners:assessment", args=[fire.pk]))
    page.get_by_role("button", name="Start the assessment").click()
    page.locator("fieldset.question").first.wait_for()
    for group in page.locator("fieldset.question").all():
        group.get_by_role("radio", name=re.compile(r"^Right ")).first.check()
    page.get_by_role("button", name="Submit answers").click()
    page.get_by_text("That is right.").first.wait_for()
    for path in [
        reverse("learners:profile"),
        reverse("account_email"),
        reverse("account_change_password"),
        reverse("mfa_index"),
    ]:
        visit(page, live_server, path)

    # A resident downloads their certificate from their dashboard, and is told
    # to wait while a new copy is made.
    sign_in(page, live_server, amira)
    visit(page, live_server, reverse("learners:dashboard"))
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("Download PDF")).click()
    assert download.value.suggested_filename == f"{certificate.serial}.pdf"
    Certificate.objects.filter(pk=certificate.pk).update(pdf_name="")
    visit(page, live_server, certificate.get_download_url())

    # A trainer's cohort pages.
    sign_in(page, live_server, trainer)
    for path in [
        reverse("learners:cohorts"),
        reverse("learners:cohort", args=[cohort.pk]),
        reverse("learners:cohort_progress", args=[cohort.pk]),
        reverse("learners:cohort_skills", args=[cohort.pk, academy.first_aid.pk]),
        reverse("learners:session_register", args=[session.pk]),
    ]:
        visit(page, live_server, path)

    # A coordinator's staff pages and the impact report, reached by signing in.
    coordinator = factories.make_coordinator(username="cora")
    page.context.clear_cookies()
    visit(page, live_server, reverse("account_login"))
    page.get_by_label("Username or email").fill(coordinator.username)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.get_by_role("link", name="Profile").wait_for()
    for path in [
        reverse("learners:assisted_residents"),
        reverse("learners:assisted_register"),
        reverse("learners:paper_result"),
        "/admin/impact-report/",
        "/admin/impact-report/?start=2026-01-01&end=2026-03-31",
        reverse("certificates_certificate:list"),
        reverse("certificates_award:list"),
        reverse("certificates_award:eligible", args=[academy.award.pk]),
    ]:
        visit(page, live_server, path)
    # Setting up an authenticator app asks for the password again first.
    visit(page, live_server, reverse("mfa_activate_totp"))
    if "reauthenticate" in page.url:
        page.get_by_label("Password", exact=True).fill(PASSWORD)
        page.get_by_role("button", name="Confirm").click()
    page.wait_for_url(re.compile("/accounts/2fa/totp/activate/$"))
    qr_code = page.locator("img[src^='data:']")
    assert qr_code.evaluate("img => img.complete && img.naturalWidth > 0")

    # The Wagtail admin, page editor and live preview included.
    admin = factories.make_user(username="root", is_superuser=True, is_staff=True)
    sign_in(page, live_server, admin)
    for path in [
        "/admin/",
        f"/admin/pages/{fire.pk}/",
        f"/admin/pages/{fire.pk}/edit/",
        f"/admin/pages/add/courses/lessonpage/{fire.pk}/",
        reverse("certificates_award:edit", args=[academy.award.pk]),
        reverse("certificates_template:add"),
        "/admin/cohorts/",
        "/admin/cohorts/new/",
        "/admin/areas/",
        "/admin/reports/site-history/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/users/",
        "/admin/groups/new/",
    ]:
        visit(page, live_server, path)
    visit(page, live_server, f"/admin/pages/{lesson.pk}/edit/")
    page.get_by_role("button", name="Toggle preview").click()
    # Wagtail loads the preview into a second iframe, then swaps it in.
    preview = page.frame_locator("iframe[title='Preview']").last
    preview.get_by_text("Lesson 1 text.").wait_for()

    assert violations == []
