"""Bad input gets a clear 4xx or a form error, never a 500.

The first tests each reproduce one cause of a 500 found by fuzzing (issue 8);
``test_no_view_of_the_apps_answers_hostile_input_with_a_500`` then sends
hostile values to every form and query parameter the apps own.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote, quote_plus, urlsplit

import pytest
from django.conf import settings
from django.core.cache import cache
from django.template import Template
from django.test import Client
from django.urls import URLResolver, get_resolver, resolve, reverse
from django.utils import timezone

from academy_web.http import MAX_ID, MAX_SEARCH_LENGTH
from certificates.models import Certificate, IssueBatch
from certificates.services import certificate_issue
from learners import selectors as learner_selectors
from learners import services as learner_services
from learners.assisted import services as assisted
from learners.models import Attempt, SkillSignOff
from tests import factories
from tests.certificates import builders
from tests.learners.cohorts import builders as cohort_builders

pytestmark = pytest.mark.django_db

NUL = "\x00"
HUGE_ID = "1" + "0" * 22
LONG = "x" * 100_000
# reverse() refuses an id its converter does not match, so a hostile id takes
# the place of this one after reversing.
PLACEHOLDER_ID = "987654321987654321"


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


def admin_errors(response) -> str:
    """The field errors of a Wagtail admin form."""
    return " ".join(
        re.findall(
            r'<p class="error-message">(.*?)</p>', response.content.decode(), re.S
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


@pytest.mark.parametrize(
    "name", ["learners:enrol", "learners:assessment", "learners:assessment_start"]
)
@pytest.mark.parametrize("course_id", [HUGE_ID, str(MAX_ID + 1)])
def test_a_course_id_no_row_could_have_is_not_found(resident, name, course_id):
    url = reverse(name, args=[PLACEHOLDER_ID]).replace(PLACEHOLDER_ID, course_id)

    for method in ("get", "post"):
        response = getattr(client_for(resident), method)(url)
        assert response.status_code == 404, method


def test_a_lesson_id_no_row_could_have_is_not_found(resident):
    url = reverse("learners:lesson_done", args=[PLACEHOLDER_ID])

    response = client_for(resident).post(url.replace(PLACEHOLDER_ID, HUGE_ID))

    assert response.status_code == 404


def test_learning_urls_still_name_real_ids(course):
    assert reverse("learners:enrol", args=[course.pk]) == (
        f"/learning/courses/{course.pk}/enrol/"
    )
    assert resolve(f"/learning/courses/{course.pk}/enrol/").kwargs == {
        "course_id": course.pk
    }


@pytest.fixture
def cohort(trainer, resident):
    return cohort_builders.build_cohort(trainers=[trainer], members=[resident])


@pytest.mark.parametrize("field", ["trainers", "members"])
def test_a_23_digit_cohort_trainer_or_member_is_an_invalid_choice(
    cohort, trainer, resident, coordinator, field
):
    data = {
        "name": cohort.name,
        "area": cohort.area_id,
        "start_date": cohort.start_date.isoformat(),
        "end_date": cohort.end_date.isoformat(),
        "trainers": [trainer.pk],
        "members": [resident.pk],
        field: [HUGE_ID],
    }

    response = client_for(coordinator).post(
        reverse("learners_cohorts:edit", args=[cohort.pk]), data
    )

    assert response.status_code == 200
    assert f"Select a valid choice. {HUGE_ID} is not one of" in admin_errors(response)
    assert set(cohort.members.all()) == {resident}


@pytest.mark.parametrize("field", ["cohort", "course", "trainer"])
def test_a_23_digit_session_cohort_course_or_trainer_is_an_invalid_choice(
    cohort, course, trainer, coordinator, field
):
    session = cohort_builders.build_session(cohort, course, trainer=trainer)
    data = {
        "cohort": cohort.pk,
        "course": course.pk,
        "starts_at": timezone.localtime().strftime("%Y-%m-%d %H:%M"),
        "venue": "Westcotes Library",
        "trainer": trainer.pk,
        field: HUGE_ID,
    }

    response = client_for(coordinator).post(
        reverse("learners_sessions:edit", args=[session.pk]), data
    )

    assert response.status_code == 200
    assert "Select a valid choice." in admin_errors(response)
    session.refresh_from_db()
    assert session.venue == "Braunstone Library"


@pytest.mark.parametrize(
    "name",
    [
        "certificates_certificate:list",
        "learners_areas:index",
        "learners_cohorts:index",
        "learners_sessions:index",
    ],
)
def test_an_over_long_admin_search_is_ignored(certificate, cohort, name):
    client = client_for(factories.make_user(is_superuser=True))
    url = reverse(name)

    for query in ([LONG], ["a", LONG]):
        response = client.get(url, {"q": query})
        assert response.status_code == 200, query
    response = client.get(url, {"q": "a" * MAX_SEARCH_LENGTH})
    assert response.status_code == 200
    assert f'maxlength="{MAX_SEARCH_LENGTH}"' in response.content.decode()


@pytest.mark.parametrize("model", ["award", "certificate", "certificatetemplate"])
@pytest.mark.parametrize("key", ["abc", "²", HUGE_ID])
def test_a_chooser_key_that_is_not_an_id_is_not_found(certificate, model, key):
    url = reverse(f"wagtailsnippetchoosers_certificates_{model}:chosen", args=[key])

    response = client_for(factories.make_user(is_superuser=True)).get(url)

    assert response.status_code == 404


# Every form and query parameter the apps own ---------------------------------------

# A lone surrogate cannot be encoded as UTF-8; it arrives as the bytes
# %ED%A0%80, which a broken client may send.
SURROGATE = "\ud800"
HOSTILE = (
    LONG,
    NUL,
    SURROGATE,
    "\u202eevil\u202c \u2067x\u2069",
    "{{7*7}} {% debug %}",
    "\"'><script>alert(1)</script>",
    "²",
    "٣",
    "-1",
    HUGE_ID,
    "1e309",
    "",
    "//evil.example/",
    "abc",
)
# A field nobody expects.
JUNK = (LONG, NUL)
# What every other role sends to every field, and what slow forms get.
FEW = (LONG, NUL, "²", HUGE_ID)
BLANK = ("", "   ")
ROLES = ("anonymous", "resident", "trainer", "coordinator")
MISSING = object()


@dataclass
class World:
    """One of everything the apps' pages show, made once for the fuzz test."""

    users: dict
    course: object
    lesson: object
    attempt: object
    submitted: object
    award: object
    certificate: object
    batch: object
    cohort: object
    session: object
    skill: object
    assisted: object
    area: object


@dataclass
class Target:
    """One form or query string of one URL pattern.

    ``fields`` are valid values; each request replaces one of them with a
    hostile value, sends it twice, or leaves it out. ``strict`` fields must
    refuse every hostile value that is not blank: ``accepted`` tells such a
    response apart from one that took the input. ``before`` puts the world
    back before each request, for forms that change what they accept.
    """

    name: str
    method: str
    role: str
    fields: Callable[[World], dict] = lambda world: {}
    args: Callable[[World], list] = lambda world: []
    strict: tuple[str, ...] = ()
    accepted: Callable = lambda response: response.status_code == 302
    before: Callable[[World], None] = lambda world: None
    values: tuple[str, ...] = HOSTILE


def _course(world):
    return [world.course.pk]


def _certificate(world):
    return [world.certificate.pk]


def _cohort_course(world):
    return [world.cohort.pk, world.course.pk]


def _reactivate(world):
    Certificate.objects.filter(pk=world.certificate.pk).update(
        status=Certificate.Status.ACTIVE
    )


def _shows_sheet(response):
    return b"sheet-code" in response.content


def _signed_in(response):
    return response.status_code == 302 and "_auth_user_id" in response.client.session


def _listing(role, name, args=lambda world: []):
    return Target(name, "get", role, lambda world: {"q": "a", "p": "1"}, args)


def _answers(world):
    return {
        f"q-{question.id}": [question.options[0].id]
        for question in learner_selectors.attempt_questions(world.attempt)
    }


def _today():
    return timezone.localdate().isoformat()


TARGETS = [
    Target("search", "get", "anonymous", lambda world: {"q": "fire", "page": "1"}),
    Target("learners:enrol", "post", "resident", lambda world: {"next": "/"}, _course),
    Target(
        "learners:attempt",
        "post",
        "resident",
        _answers,
        lambda world: [world.attempt.pk],
        strict=("*",),
        accepted=lambda response: response.status_code != 200,
    ),
    Target(
        "learners:profile",
        "post",
        "resident",
        lambda world: {
            "certificate_name": "Amira Khan",
            "preferred_language": "en-gb",
            "postcode_district": "LE3",
            "contact_consent": "on",
        },
        strict=("preferred_language",),
    ),
    Target(
        "learners:cohort_skills",
        "post",
        "trainer",
        lambda world: {
            "learner": world.users["resident"].pk,
            "skill": world.skill.pk,
            "signed_off_on": _today(),
            "note": "Well done",
        },
        _cohort_course,
        strict=("signed_off_on",),
        before=lambda world: SkillSignOff.objects.all().delete(),
    ),
    Target(
        "learners:cohort_skill_undo",
        "post",
        "trainer",
        lambda world: {
            "learner": world.users["resident"].pk,
            "skill": world.skill.pk,
        },
        _cohort_course,
    ),
    Target(
        "learners:session_register",
        "post",
        "trainer",
        lambda world: {f"m-{world.users['resident'].pk}": "present"},
        lambda world: [world.session.pk],
        strict=("*",),
    ),
    Target(
        "learners:assisted_code_sign_in", "get", "anonymous", lambda w: {"code": "A"}
    ),
    Target(
        "learners:assisted_code_sign_in",
        "post",
        "anonymous",
        lambda world: {"code": "ABCD-2345"},
        strict=("code",),
    ),
    Target("learners:assisted_residents", "get", "coordinator", lambda w: {"q": "a"}),
    Target(
        "learners:assisted_register",
        "post",
        "coordinator",
        lambda world: {
            "first_name": "Ayaan",
            "last_name": "Patel",
            "certificate_name": "",
            "preferred_language": "en-gb",
            "postcode_district": "",
            "cohort": world.cohort.pk,
            "submission": "",
        },
        strict=("preferred_language",),
        accepted=_shows_sheet,
    ),
    Target(
        "learners:paper_result",
        "get",
        "coordinator",
        lambda world: {"q": "a", "learner": world.users["resident"].pk, "resident": 1},
    ),
    Target(
        "learners:paper_result",
        "post",
        "coordinator",
        lambda world: {
            "q": "",
            "learner": world.users["resident"].pk,
            "course": world.course.pk,
            "score": "80",
            "taken_on": _today(),
            "submission": "",
        },
        strict=("learner", "course", "taken_on"),
    ),
    Target("certificates:verify", "get", "anonymous", lambda w: {"code": "A"}),
    Target(
        "certificates_impact:dashboard",
        "get",
        "coordinator",
        lambda world: {"start": "2026-01-01", "end": "2026-03-31", "area": ""},
    ),
    *(
        Target(
            f"certificates_impact:{name}",
            "get",
            "coordinator",
            lambda world: {
                "start": "2026-01-01",
                "end": "2026-03-31",
                "area": world.area.pk,
                "export": "csv",
            },
        )
        for name in ("summary", "courses", "skills", "months", "partners")
    ),
    _listing("coordinator", "certificates_certificate:list"),
    _listing("coordinator", "certificates_certificate:list_results"),
    _listing("coordinator", "certificates_certificate:history", _certificate),
    _listing("coordinator", "certificates_certificate:history_results", _certificate),
    Target(
        "certificates_certificate:revoke",
        "post",
        "coordinator",
        lambda world: {"reason": "Issued in error", "next": "/admin/"},
        _certificate,
        before=_reactivate,
    ),
    Target(
        "certificates_certificate:revoke",
        "get",
        "coordinator",
        lambda world: {"next": "/admin/"},
        _certificate,
    ),
    Target(
        "certificates_certificate:retry",
        "post",
        "coordinator",
        lambda world: {"next": "/admin/"},
        _certificate,
        values=FEW,
    ),
    _listing("coordinator", "certificates_award:list"),
    _listing("coordinator", "certificates_award:list_results"),
    Target(
        "certificates_award:eligible",
        "post",
        "coordinator",
        lambda world: {"issue_one": world.users["resident"].pk},
        lambda world: [world.award.pk],
    ),
    Target(
        "certificates_award:eligible",
        "post",
        "coordinator",
        lambda world: {"learners": [world.users["resident"].pk], "issue_all": ""},
        lambda world: [world.award.pk],
    ),
    *(
        _listing("coordinator", f"learners_{name}:{view}")
        for name in ("cohorts", "sessions")
        for view in ("index", "index_results")
    ),
    Target(
        "learners_cohorts:edit",
        "post",
        "coordinator",
        lambda world: {
            "name": world.cohort.name,
            "area": world.area.pk,
            "start_date": world.cohort.start_date.isoformat(),
            "end_date": world.cohort.end_date.isoformat(),
            "trainers": [world.users["trainer"].pk],
            "members": [world.users["resident"].pk],
        },
        lambda world: [world.cohort.pk],
        strict=("area", "start_date", "end_date"),
        values=FEW + BLANK,
    ),
    Target(
        "learners_sessions:edit",
        "post",
        "coordinator",
        lambda world: {
            "cohort": world.cohort.pk,
            "course": world.course.pk,
            "starts_at": timezone.localtime().strftime("%Y-%m-%d %H:%M"),
            "venue": "Braunstone Library",
            "trainer": world.users["trainer"].pk,
        },
        lambda world: [world.session.pk],
        strict=("cohort", "course", "starts_at"),
        values=FEW + BLANK,
    ),
    Target(
        "account_login",
        "post",
        "anonymous",
        lambda world: {"login": "resident", "password": "wrong", "remember": "on"},
        accepted=_signed_in,
        strict=("login",),
    ),
    Target(
        "account_signup",
        "post",
        "anonymous",
        lambda world: {
            "email": "new@example.org",
            "password1": "a-long-new-password-1",
            "password2": "a-long-new-password-2",
            "certificate_name": "",
            "preferred_language": "en-gb",
            "postcode_district": "",
        },
        strict=("email", "preferred_language"),
    ),
    Target("account_reauthenticate", "post", "resident", lambda w: {"password": "x"}),
    Target(
        "account_email",
        "post",
        "resident",
        lambda world: {"email": "resident@example.org", "action_add": ""},
    ),
    Target(
        "account_change_password",
        "post",
        "resident",
        lambda world: {
            "oldpassword": "wrong",
            "password1": "a-long-new-password-1",
            "password2": "a-long-new-password-1",
        },
    ),
    Target(
        "account_set_password",
        "post",
        "resident",
        lambda world: {"password1": "x", "password2": "x"},
    ),
    Target("account_reset_password", "post", "anonymous", lambda w: {"email": "a@b.c"}),
    Target(
        "account_request_login_code",
        "post",
        "anonymous",
        lambda world: {"email": "resident@example.org"},
        values=FEW + BLANK + ("abc",),
    ),
    Target("account_confirm_login_code", "post", "anonymous", lambda w: {"code": "A"}),
    Target("account_logout", "post", "resident", lambda world: {"next": "/"}),
    Target("mfa_reauthenticate", "post", "resident", lambda w: {"code": "123456"}),
    Target("mfa_authenticate", "post", "resident", lambda w: {"code": "123456"}),
    Target(
        "mfa_activate_totp",
        "post",
        "resident",
        lambda world: {"code": "123456"},
    ),
    Target("mfa_generate_recovery_codes", "post", "resident"),
    Target("mfa_deactivate_totp", "post", "resident"),
]

# Hostile values for each path parameter, by its converter.
PATH_VALUES = {
    "IntConverter": (HUGE_ID, "0"),
    "IdConverter": (HUGE_ID, str(MAX_ID + 1), "0", "²"),
    "str": (LONG[:2000], f"a{NUL}b", "\u202eevil", "²", "%"),
}

# URL patterns of the apps that read nothing from the request but the user
# and the path; each still gets junk query strings and out-of-range path ids.
NO_INPUT = {
    "learners:dashboard": "the learner's own courses",
    "learners:assessment": "the assessment's state for the learner",
    "learners:assessment_start": "starts an attempt; the body is not read",
    "learners:lesson_done": "marks the lesson; the body is not read",
    "learners:attempt_result": "the learner's own result",
    "learners:cohorts": "the trainer's cohorts",
    "learners:cohort": "one cohort",
    "learners:cohort_progress": "one cohort's progress",
    "learners:sign_in_options": "the user's own sign-in methods",
    "learners:assisted_resident": "one resident's codes",
    "learners:assisted_sheet": "prints a new sheet; the body is not read",
    "certificates:verify_code": "the code is in the path",
    "certificates:download": "the serial is in the path",
    "certificates:badge": "the serial is in the path",
    "certificates:openbadges_jwks": "public keys",
    "certificates:openbadges_issuer": "the issuer's profile",
    "certificates:openbadges_achievement": "the award is in the path",
    "certificates:openbadges_revocation_list": "the status list",
    "certificates_certificate:inspect": "one certificate",
    "certificates_certificate:batch": "one batch's progress",
    "certificates_certificate:batch_status": "one batch's progress as JSON",
    "learners_areas:delete": "Wagtail's delete confirmation",
    "learners_cohorts:delete": "Wagtail's delete confirmation",
    "learners_cohorts:inspect": "one cohort",
    "learners_sessions:delete": "Wagtail's delete confirmation",
    "account_inactive": "a notice",
    "account_email_verification_sent": "a notice",
    "account_confirm_email": "the key is in the path",
    "account_reset_password_done": "a notice",
    "account_reset_password_from_key": "the key is in the path",
    "account_reset_password_from_key_done": "a notice",
    "mfa_index": "the user's own authenticators",
    "mfa_view_recovery_codes": "the user's own recovery codes",
    "mfa_download_recovery_codes": "the user's own recovery codes",
}

APP_MODULES = ("cms_pages", "courses", "learners", "certificates", "impact")


def app_url_patterns() -> dict[str, tuple[str, list[str]]]:
    """Every URL pattern whose view the apps define, and allauth's, by name:
    its route and the converters of its path parameters."""
    found = {}

    def walk(resolver, route, namespace):
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else ""
                walk(pattern, route + str(pattern.pattern), inner or namespace)
                continue
            view = getattr(pattern.callback, "view_class", pattern.callback)
            full_route = route + str(pattern.pattern)
            if view.__module__.split(".")[0] in APP_MODULES or full_route.startswith(
                "accounts/"
            ):
                converters = [
                    type(converter).__name__
                    for converter in pattern.pattern.converters.values()
                ]
                found[namespace + pattern.name] = (full_route, converters)

    walk(get_resolver(), "", "")
    return found


def wagtail_generic_targets(patterns) -> tuple[list[Target], dict[str, str]]:
    """Wagtail's generic views for the apps' models, by the rule Wagtail
    names them: a listing is searched and paged; history and usage read only
    the item in the path; a snippet chooser is a listing and the chosen item."""
    targets, no_input = [], {}
    fuzzed = {target.name for target in TARGETS}
    for name in set(patterns) - fuzzed - set(NO_INPUT):
        if name.endswith((":history", ":history_results", ":usage")):
            no_input[name] = "Wagtail's history or usage of the item in the path"
        elif name.endswith((":list", ":list_results", ":index", ":index_results")):
            targets.append(_listing("coordinator", name))
        elif name.startswith("wagtailsnippetchoosers_"):
            if name.endswith((":choose", ":choose_results")):
                targets.append(_listing("coordinator", name))
            else:
                no_input[name] = "Wagtail's chooser: the item is in the path"
    return targets, no_input


def test_every_url_pattern_of_the_apps_is_fuzzed_or_has_no_input():
    patterns = set(app_url_patterns())
    choosers, chosen = wagtail_generic_targets(patterns)
    fuzzed = {target.name for target in TARGETS + choosers}
    no_input = NO_INPUT | chosen

    assert patterns - fuzzed - set(no_input) == set()
    assert (fuzzed | set(no_input)) - patterns == set()
    assert fuzzed.isdisjoint(no_input)


def build_world(tmp_path) -> World:
    _home, index = factories.build_site()
    course = factories.build_course(index, title="Fire safety at home")
    users = {
        "resident": factories.make_resident(username="resident"),
        "trainer": factories.make_trainer(username="trainer"),
        "coordinator": factories.make_coordinator(username="coordinator"),
    }
    resident, coordinator = users["resident"], users["coordinator"]
    enrolment = learner_services.enrolment_create(user=resident, course=course)
    other = factories.build_course(index, title="First aid essentials")
    learner_services.enrolment_create(user=resident, course=other)
    submitted = learner_services.attempt_start(user=resident, course=other)
    questions = learner_selectors.attempt_questions(submitted)
    learner_services.attempt_submit(
        attempt=submitted,
        answers={q.id: [q.options[0].id] for q in questions},
        user=resident,
    )
    attempt = learner_services.attempt_start(user=resident, course=course)
    award = builders.make_award([course], name="Fire safety at home")
    builders.complete(resident, course)
    certificate = certificate_issue(
        learner=resident, award=award, issued_by=coordinator
    )
    batch = IssueBatch.objects.create(
        award=award, created_by=coordinator, learner_ids=[resident.pk]
    )
    skill = cohort_builders.add_skills(course)[0]
    area = cohort_builders.build_area()
    cohort = cohort_builders.build_cohort(
        trainers=[users["trainer"]], members=[resident], area=area
    )
    session = cohort_builders.build_session(cohort, course, trainer=users["trainer"])
    assisted_resident = assisted.assisted_resident_register(
        registered_by=coordinator,
        first_name="Bilal",
        last_name="Hussain",
        certificate_name="",
        preferred_language="en-gb",
        postcode_district="",
    ).user
    assert enrolment.pk
    return World(
        users=users,
        course=course,
        lesson=course.get_children().live().first(),
        attempt=attempt,
        submitted=submitted,
        award=award,
        certificate=certificate,
        batch=batch,
        cohort=cohort,
        session=session,
        skill=skill,
        assisted=assisted_resident,
        area=area,
    )


def real_path_args(world: World) -> dict[str, list]:
    """Path arguments that name something real, for URLs with no fuzz target."""
    return {
        "learners:assessment": [world.course.pk],
        "learners:assessment_start": [world.course.pk],
        "learners:lesson_done": [world.lesson.pk],
        "learners:attempt_result": [world.submitted.pk],
        "learners:cohort": [world.cohort.pk],
        "learners:cohort_progress": [world.cohort.pk],
        "learners:assisted_resident": [world.assisted.pk],
        "learners:assisted_sheet": [world.assisted.pk],
        "certificates:verify_code": [world.certificate.verification_code],
        "certificates:download": [world.certificate.serial],
        "certificates:badge": [world.certificate.serial],
        "certificates:openbadges_achievement": [world.award.pk],
        "certificates_certificate:inspect": [world.certificate.pk],
        "certificates_certificate:batch": [world.batch.pk],
        "certificates_certificate:batch_status": [world.batch.pk],
        "learners_areas:delete": [world.area.pk],
        "learners_cohorts:delete": [world.cohort.pk],
        "learners_cohorts:history": [world.cohort.pk],
        "learners_cohorts:history_results": [world.cohort.pk],
        "learners_cohorts:usage": [world.cohort.pk],
        "learners_cohorts:inspect": [world.cohort.pk],
        "learners_sessions:delete": [world.session.pk],
        "learners_sessions:history": [world.session.pk],
        "learners_sessions:history_results": [world.session.pk],
        "learners_sessions:usage": [world.session.pk],
        "account_confirm_email": ["abc"],
        "account_reset_password_from_key": ["1", "abc"],
    }


@functools.cache
def quoted(value: str) -> str:
    """One key or value as a form encodes it; each hostile value is quoted
    once, not for every request, as a 100,000-character one takes a while."""
    return quote_plus(value, errors="surrogatepass")


def encode(pairs: list[tuple[str, object]]) -> str:
    """``urlencode(pairs, doseq=True)``, with lone surrogates passed through."""
    return "&".join(
        f"{quoted(str(key))}={quoted(str(item))}"
        for key, value in pairs
        for item in (value if isinstance(value, list | tuple) else [value])
    )


def send(client: Client, method: str, url: str, pairs: list[tuple[str, object]]):
    if method == "get":
        return client.get(f"{url}?{encode(pairs)}")
    return client.post(
        url, encode(pairs), content_type="application/x-www-form-urlencoded"
    )


def variants(target: Target, base: dict, values: tuple[str, ...], *, full: bool):
    """Each field with each hostile value and, in ``full``, sent twice (valid
    then hostile) and left out; then a field nobody expects."""
    for field in base:
        for value in values:
            yield (
                field,
                value,
                [(k, value if k == field else v) for k, v in base.items()],
            )
        if full:
            yield field, "twice", [*base.items(), (field, values[0])]
            yield field, MISSING, [(k, v) for k, v in base.items() if k != field]
    yield "", "extra", [*base.items(), JUNK]


def is_strict(target: Target, field: str, value) -> bool:
    if field == "" or (field not in target.strict and "*" not in target.strict):
        return False
    return value is MISSING or (isinstance(value, str) and value not in BLANK)


def turned_away(response, sign_in_paths: set[str]) -> bool:
    """Whether the view refused the user before reading the input: it forbade
    the request or sent them to sign in."""
    if response.status_code in (403, 405):
        return True
    return (
        response.status_code == 302
        and urlsplit(response["Location"]).path in sign_in_paths
    )


class Clients:
    """A signed-in client for each role, made again when a request (such as
    signing out) has changed its session; visitors get a fresh client each
    time. Signing in or out always gives a new session key, so the session
    cookie tells, without reading the session from the database."""

    def __init__(self, users):
        self.users = users
        self.made = {}

    @staticmethod
    def session_key(client: Client) -> str | None:
        cookie = client.cookies.get(settings.SESSION_COOKIE_NAME)
        return cookie.value if cookie else None

    def __call__(self, role: str) -> Client:
        user = self.users.get(role)
        if user is None:
            return client_for()
        client, key = self.made.get(role, (None, None))
        if client is None or self.session_key(client) != key:
            client = client_for(user)
            self.made[role] = client, self.session_key(client)
        return client


@pytest.fixture
def unrecorded_templates(monkeypatch):
    """Templates render without the test client recording each one and a
    copy of its context, which the fuzz test never reads and which costs a
    tenth of its time."""
    monkeypatch.setattr(Template, "_render", render_unrecorded)


def render_unrecorded(template: Template, context) -> str:
    """``Template._render`` as Django defines it, before the test runner
    replaces it with one that also reports each render."""
    return template.nodelist.render(context)


def test_no_view_of_the_apps_answers_hostile_input_with_a_500(
    tmp_path, unrecorded_templates
):
    world = build_world(tmp_path)
    clients = Clients(world.users)
    failures = []
    patterns = app_url_patterns()
    choosers, _chosen = wagtail_generic_targets(patterns)

    sign_in_paths = {reverse("account_login"), reverse("wagtailadmin_login")}
    # A request made again, such as a field's blank value that is also its
    # valid one, is not sent twice.
    sent = set()

    def check(response, label):
        if response.status_code >= 500:
            failures.append(f"{response.status_code} {label}")

    for target in TARGETS + choosers:
        url = reverse(target.name, args=target.args(world))
        base = target.fields(world)
        for role in ROLES:
            owner = role == target.role
            if owner:
                requests = variants(target, base, target.values, full=True)
            else:
                # Every field gets the same value, and a field nobody expects
                # comes too; a role turned away is not asked again.
                requests = (
                    ("*", value, [*((name, value) for name in base), JUNK])
                    for value in FEW
                )
            for field, value, pairs in requests:
                key = (role, target.method, url, encode(pairs))
                if key in sent:
                    continue
                sent.add(key)
                cache.clear()
                target.before(world)
                response = send(clients(role), target.method, url, pairs)
                label = f"{role} {target.method} {url} {field}={value!r:.40}"
                check(response, label)
                strict = owner and is_strict(target, field, value)
                if strict and target.accepted(response):
                    failures.append(f"accepted {label}")
                if not owner and turned_away(response, sign_in_paths):
                    break

    path_args = real_path_args(world)
    fuzzed_by_get = {
        target.name for target in TARGETS + choosers if target.method == "get"
    }
    for name, (_route, converters) in patterns.items():
        real = path_args.get(name)
        if real is None:
            real = next(
                (target.args(world) for target in TARGETS if target.name == name),
                [world.certificate.pk] if converters else [],
            )
        # A query string nobody expects; the fuzz targets above sent one to
        # their own URLs as every role.
        if name not in fuzzed_by_get:
            url = reverse(name, args=real)
            for role in ROLES:
                check(send(clients(role), "get", url, [JUNK]), f"{role} {url}")
        for position, converter in enumerate(converters):
            for value in PATH_VALUES.get(converter, PATH_VALUES["str"]):
                args = [str(arg) for arg in real]
                args[position] = PLACEHOLDER_ID if converter == "IdConverter" else value
                url = reverse(name, args=args).replace(PLACEHOLDER_ID, quote(value))
                for method in ("get", "post"):
                    response = send(clients("coordinator"), method, url, [])
                    check(response, f"coordinator {method} {url[:80]}")

    assert not failures, "\n".join(failures)
