"""Security headers: the Content-Security-Policy, the Permissions-Policy, no
caching of pages with personal data, and the language cookie's attributes."""

import ast
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.http import HttpResponse
from django.test import RequestFactory, override_settings
from django.urls import resolve, reverse

from academy_site.csp import AcademyCSPMiddleware
from certificates import tasks
from certificates.services import certificate_issue
from learners import services
from tests.certificates import builders
from tests.learners.cohorts.builders import build_cohort
from tests.learners.conftest import submit

pytestmark = pytest.mark.django_db

PRODUCTION_SETTINGS = (
    Path(__file__).resolve().parents[2] / "academy_site" / "settings" / "production.py"
)
PRIVATE = {"private", "no-store"}


def directives(header: str) -> dict[str, list[str]]:
    parts = (part.split() for part in header.split(";") if part.strip())
    return {name: values for name, *values in parts}


def cache_control(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",")}


@pytest.fixture
def production() -> dict:
    """The language cookie settings that the production settings module sets.

    They are read from its source: importing it checks the environment for
    what a real deployment needs.
    """
    tree = ast.parse(PRODUCTION_SETTINGS.read_text())
    cookie = {
        target.id: ast.literal_eval(node.value)
        for node in tree.body
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name) and target.id.startswith("LANGUAGE_COOKIE_")
    }
    assert cookie, "production.py sets no LANGUAGE_COOKIE_ setting"
    return cookie


@pytest.fixture
def certificate(settings, tmp_path, course, resident, coordinator):
    settings.STORAGES = {
        **settings.STORAGES,
        "certificates": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "certificates"},
        },
    }
    builders.complete(resident, course)
    award = builders.make_award([course], name="Expert Citizen")
    certificate = certificate_issue(
        learner=resident, award=award, issued_by=coordinator
    )
    tasks.certificate_render(certificate.pk)
    certificate.refresh_from_db()
    return certificate


# Content-Security-Policy ------------------------------------------------------


def test_public_and_learner_pages_allow_only_the_site_itself(client, course, resident):
    lesson = course.get_children().first()
    pages = ["/", course.url, lesson.url, reverse("account_login")]
    for url in pages:
        policy = directives(client.get(url)["Content-Security-Policy"])
        assert policy == {
            "default-src": ["'self'"],
            "object-src": ["'none'"],
            "base-uri": ["'self'"],
            "frame-ancestors": ["'none'"],
            "form-action": ["'self'"],
        }, url

    client.force_login(resident)
    for url in [reverse("learners:dashboard"), reverse("learners:profile")]:
        header = client.get(url)["Content-Security-Policy"]
        assert "unsafe-inline" not in header
        assert "unsafe-eval" not in header
        assert "script-src" not in directives(header)


def test_only_the_wagtail_admin_may_run_inline_script_and_style(client, coordinator):
    client.force_login(coordinator)

    policy = directives(client.get("/admin/")["Content-Security-Policy"])

    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert "unsafe-eval" not in " ".join(sum(policy.values(), []))


def through_policy(path: str, response: HttpResponse) -> dict[str, list[str]]:
    request = RequestFactory().get(path)
    request.resolver_match = resolve(path)
    response = AcademyCSPMiddleware(lambda request: response)(request)
    return directives(response["Content-Security-Policy"])


def test_only_the_authenticator_set_up_shows_a_data_image():
    policy = through_policy(reverse("mfa_activate_totp"), HttpResponse())

    assert policy["img-src"] == ["'self'", "data:"]
    assert "script-src" not in policy
    assert "img-src" not in through_policy(reverse("mfa_index"), HttpResponse())


def test_a_page_that_allows_same_origin_framing_may_be_framed_by_the_site():
    preview = HttpResponse("<p>Preview</p>")
    preview["X-Frame-Options"] = "SAMEORIGIN"

    policy = through_policy("/admin/pages/3/edit/preview/", preview)

    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]


def test_a_preview_keeps_the_pages_own_policy_apart_from_framing():
    # Wagtail's preview runs the page through the middleware, so the page's
    # policy is already set when the admin view allows framing.
    preview = HttpResponse("<p>Preview</p>")
    preview["Content-Security-Policy"] = (
        "default-src 'self'; frame-ancestors 'none'; form-action 'self'"
    )
    preview["X-Frame-Options"] = "SAMEORIGIN"

    policy = through_policy("/admin/pages/3/edit/preview/", preview)

    assert policy == {
        "default-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }


# Permissions-Policy -----------------------------------------------------------


def test_browser_features_are_off_except_location_for_the_site(client, home_page):
    header = client.get("/")["Permissions-Policy"]
    features = dict(item.split("=", 1) for item in header.split(", "))

    for feature in ("camera", "microphone", "payment", "usb", "serial", "hid"):
        assert features[feature] == "()", feature
    assert features["geolocation"] == "(self)"


# Cache-Control ----------------------------------------------------------------


def test_a_learners_pages_are_kept_out_of_every_cache(
    client, course, resident, certificate
):
    services.enrolment_create(user=resident, course=course)
    lesson = course.get_children().first()
    attempt = services.attempt_start(user=resident, course=course)
    client.force_login(resident)
    response = client.get(reverse("learners:attempt", args=[attempt.pk]))
    assert response.status_code == 200
    assert cache_control(response) >= PRIVATE
    submitted = submit(resident, attempt)

    urls = [
        reverse("learners:dashboard"),
        reverse("learners:profile"),
        course.url,
        lesson.url,
        reverse("learners:assessment", args=[course.pk]),
        reverse("learners:attempt_result", args=[submitted.pk]),
        certificate.get_download_url(),
        reverse("certificates:badge", args=[certificate.serial]),
        reverse("account_email"),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert cache_control(response) >= PRIVATE, url


def test_staff_pages_are_kept_out_of_every_cache(
    client, course_index, trainer, coordinator, resident
):
    cohort = build_cohort(trainers=[trainer], members=[resident])
    client.force_login(trainer)
    for url in [
        reverse("learners:cohorts"),
        reverse("learners:cohort", args=[cohort.pk]),
        reverse("learners:cohort_progress", args=[cohort.pk]),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert cache_control(response) >= PRIVATE, url

    client.force_login(coordinator)
    for url in [
        reverse("learners:assisted_residents"),
        reverse("learners:assisted_register"),
        "/admin/",
        "/admin/impact-report/",
        reverse("certificates_certificate:list"),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert cache_control(response) >= PRIVATE, url


def test_the_public_verification_page_stays_publicly_cached_when_signed_in(
    client, certificate
):
    client.force_login(certificate.learner)

    response = client.get(certificate.get_absolute_url())

    assert response.status_code == 200
    assert "public" in cache_control(response)
    assert "no-store" not in cache_control(response)
    assert "private" not in cache_control(response)


def test_public_pages_for_signed_out_visitors_are_left_cacheable(client, course):
    for url in ["/", course.url]:
        response = client.get(url)
        assert response.status_code == 200
        assert "no-store" not in cache_control(response), url


# The language cookie ----------------------------------------------------------


def test_the_language_switcher_sets_a_secure_lax_cookie_in_production(
    client, home_page, production
):
    with override_settings(**production):
        response = client.post(reverse("set_language"), {"language": "pl", "next": "/"})

    cookie = response.cookies[django_settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "pl"
    assert cookie["secure"] is True
    assert cookie["samesite"] == "Lax"
    assert cookie["httponly"] is True


def test_saving_a_profile_language_sets_a_secure_lax_cookie_in_production(
    client, resident, production
):
    client.force_login(resident)
    with override_settings(**production):
        response = client.post(
            reverse("learners:profile"),
            {"certificate_name": "Amira Khan", "preferred_language": "ar"},
        )

    assert response.status_code == 302
    cookie = response.cookies[django_settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "ar"
    assert cookie["secure"] is True
    assert cookie["samesite"] == "Lax"


def test_the_language_cookie_is_not_secure_outside_production(client, home_page):
    response = client.post(reverse("set_language"), {"language": "pl", "next": "/"})

    cookie = response.cookies[django_settings.LANGUAGE_COOKIE_NAME]
    assert cookie["secure"] == ""
    assert cookie["samesite"] == "Lax"
