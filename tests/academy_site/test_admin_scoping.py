"""What each role sees on every Wagtail admin screen of the apps' models.

Wagtail's generic screens (listings, inspect, history, usage, choosers, bulk
actions and the site-history report) are tried by a signed-out visitor, a
resident, a trainer of another cohort, a trainer with no cohort, the cohort's
own trainer and a coordinator. A refused screen is any answer but 200, and it
names nobody: not the learner, not their certificate's serial.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.utils import timezone
from wagtail.log_actions import log

from academy_web.clock import academy_today
from certificates.models import Certificate, CertificateTemplate
from learners import services
from learners.cohorts.services import attendance_record, skill_sign_off
from tests import factories
from tests.certificates import builders
from tests.learners.cohorts.builders import (
    add_skills,
    build_area,
    build_cohort,
    build_session,
)

pytestmark = pytest.mark.django_db

ROLES = (
    "anonymous",
    "resident",
    "trainer_elsewhere",
    "trainer_without_cohort",
    "own_trainer",
    "coordinator",
)
STAFF = frozenset(
    {"trainer_elsewhere", "trainer_without_cohort", "own_trainer", "coordinator"}
)
COHORT_STAFF = frozenset({"own_trainer", "coordinator"})
COORDINATOR = frozenset({"coordinator"})
NOBODY = frozenset()

SERIAL = "CA-2026-000417"
HOLDER = ("Zelda", "Quayle", "zelda-q")
MINE = (*HOLDER, SERIAL, "Braunstone Park Spring", "Braunstone Library")
THEIRS = ("Yannick", "Oduya", "yannick-o", "Beaumont Leys Spring", "Beaumont Hall")


@dataclass(frozen=True)
class Screen:
    path: str
    allowed: frozenset
    shows: tuple[str, ...] = ()  # what those allowed see

    def __str__(self):
        return self.path


def certificate_screens(base: str, key: str, shows: tuple[str, ...]) -> list:
    return [
        Screen(f"{base}/", COORDINATOR, shows),
        Screen(f"{base}/results/", COORDINATOR, shows),
        Screen(f"{base}/history/{{{key}}}/", COORDINATOR),
        Screen(f"{base}/history-results/{{{key}}}/", COORDINATOR),
    ]


def chooser_screens(model: str, key: str, shows: tuple[str, ...]) -> list:
    base = f"/admin/snippets/choose/certificates/{model}"
    return [
        Screen(f"{base}/", COORDINATOR, shows),
        Screen(f"{base}/results/?q={shows[0]}", COORDINATOR, shows),
        Screen(f"{base}/chosen/{{{key}}}/", COORDINATOR, shows),
        Screen(f"{base}/chosen-multiple/?id={{{key}}}", COORDINATOR, shows),
    ]


SCREENS = [
    # Certificates: read by coordinators, never added, edited or deleted here.
    *certificate_screens(
        "/admin/certificates/certificate", "certificate", (SERIAL, "Zelda Quayle")
    ),
    Screen("/admin/certificates/certificate/inspect/{certificate}/", COORDINATOR),
    Screen("/admin/certificates/certificate/usage/{certificate}/", NOBODY),
    Screen("/admin/certificates/certificate/add/", NOBODY),
    Screen("/admin/certificates/certificate/edit/{certificate}/", NOBODY),
    Screen("/admin/certificates/certificate/delete/{certificate}/", NOBODY),
    *chooser_screens("certificate", "certificate", (SERIAL, "Zelda Quayle")),
    Screen("/admin/snippets/choose/certificates/certificate/create/", NOBODY),
    Screen("/admin/bulk/certificates/certificate/delete/?id={certificate}", NOBODY),
    # Awards and templates: coordinators author them but do not delete them.
    *certificate_screens("/admin/certificates/award", "award", ("Fire safety award",)),
    Screen("/admin/certificates/award/add/", COORDINATOR),
    Screen("/admin/certificates/award/edit/{award}/", COORDINATOR),
    Screen("/admin/certificates/award/usage/{award}/", COORDINATOR),
    Screen("/admin/certificates/award/delete/{award}/", NOBODY),
    *chooser_screens("award", "award", ("Fire safety award",)),
    Screen("/admin/bulk/certificates/award/delete/?id={award}", NOBODY),
    *certificate_screens(
        "/admin/certificates/template", "template", ("Braunstone wording",)
    ),
    Screen("/admin/certificates/template/add/", COORDINATOR),
    Screen("/admin/certificates/template/edit/{template}/", COORDINATOR),
    Screen("/admin/certificates/template/copy/{template}/", COORDINATOR),
    Screen("/admin/certificates/template/usage/{template}/", COORDINATOR),
    Screen("/admin/certificates/template/delete/{template}/", NOBODY),
    *chooser_screens("certificatetemplate", "template", ("Braunstone wording",)),
    Screen(
        "/admin/bulk/certificates/certificatetemplate/delete/?id={template}", NOBODY
    ),
    # Learner records: read by coordinators only.
    *[
        Screen(path.format(kind=kind), COORDINATOR, shows)
        for kind in ("enrolments", "attempts")
        for path, shows in (
            ("/admin/{kind}/", ("zelda-q",)),
            ("/admin/{kind}/results/", ("zelda-q",)),
            ("/admin/{kind}/inspect/{{{kind}}}/", ("zelda-q",)),
            ("/admin/{kind}/history/{{{kind}}}/", ()),
            ("/admin/{kind}/history-results/{{{kind}}}/", ()),
            ("/admin/{kind}/usage/{{{kind}}}/", ()),
        )
    ],
    # Areas: every member of staff sees them; coordinators manage them.
    Screen("/admin/areas/", STAFF, ("Leicester West",)),
    Screen("/admin/areas/results/", STAFF, ("Leicester West",)),
    Screen("/admin/areas/new/", COORDINATOR),
    Screen("/admin/areas/edit/{area}/", COORDINATOR),
    Screen("/admin/areas/delete/{area}/", COORDINATOR),
    Screen("/admin/areas/history/{area}/", COORDINATOR),
    Screen("/admin/areas/history-results/{area}/", COORDINATOR),
    Screen("/admin/areas/usage/{area}/", COORDINATOR),
    # Cohorts and sessions: a trainer sees only the cohorts they train.
    Screen("/admin/cohorts/inspect/{cohort}/", COHORT_STAFF, ("Braunstone Park",)),
    Screen("/admin/cohorts/history/{cohort}/", COORDINATOR),
    Screen("/admin/cohorts/history-results/{cohort}/", COORDINATOR),
    Screen("/admin/cohorts/usage/{cohort}/", COORDINATOR),
    Screen("/admin/cohorts/new/", COORDINATOR),
    Screen("/admin/cohorts/edit/{cohort}/", COORDINATOR, ("Zelda Quayle",)),
    Screen("/admin/cohorts/delete/{cohort}/", COORDINATOR),
    Screen("/admin/training-sessions/edit/{session}/", COHORT_STAFF),
    Screen("/admin/training-sessions/copy/{session}/", COHORT_STAFF),
    Screen("/admin/training-sessions/history/{session}/", COHORT_STAFF),
    Screen("/admin/training-sessions/history-results/{session}/", COHORT_STAFF),
    Screen("/admin/training-sessions/usage/{session}/", COHORT_STAFF),
    Screen("/admin/training-sessions/delete/{session}/", COORDINATOR),
]

# Screens every member of staff opens, each listing only what they act for.
SCOPED_LISTINGS = [
    "/admin/cohorts/",
    "/admin/cohorts/results/",
    "/admin/cohorts/?q=Spring",
    "/admin/training-sessions/",
    "/admin/training-sessions/results/",
    "/admin/training-sessions/new/",
    "/admin/reports/site-history/",
    "/admin/reports/site-history/results/",
    "/admin/reports/site-history/?export=csv",
]
SEES = {
    "trainer_elsewhere": {"mine": False, "theirs": True},
    "trainer_without_cohort": {"mine": False, "theirs": False},
    "own_trainer": {"mine": True, "theirs": False},
    "coordinator": {"mine": True, "theirs": True},
}


@pytest.fixture
def people(db, resident, coordinator):
    return {
        "resident": resident,
        "coordinator": coordinator,
        "own_trainer": factories.make_trainer(username="own-trainer"),
        "trainer_elsewhere": factories.make_trainer(username="elsewhere-trainer"),
        "trainer_without_cohort": factories.make_trainer(username="lone-trainer"),
        "holder": factories.make_resident(
            username="zelda-q", first_name="Zelda", last_name="Quayle"
        ),
        "neighbour": factories.make_resident(
            username="yannick-o", first_name="Yannick", last_name="Oduya"
        ),
    }


@pytest.fixture
def scene(people, course):
    """Two cohorts in one area, each with a session, a register and a skill
    signed off; the holder in the first has an enrolment, an attempt and a
    certificate."""
    holder, neighbour = people["holder"], people["neighbour"]
    own, elsewhere = people["own_trainer"], people["trainer_elsewhere"]
    area = build_area("Leicester West")
    mine = build_cohort(
        name="Braunstone Park Spring", trainers=[own], members=[holder], area=area
    )
    theirs = build_cohort(
        name="Beaumont Leys Spring",
        trainers=[elsewhere],
        members=[neighbour],
        area=area,
    )
    my_session = build_session(mine, course, trainer=own)
    their_session = build_session(
        theirs, course, trainer=elsewhere, venue="Beaumont Hall"
    )
    skill = add_skills(course)[0]
    for session, member, trainer in (
        (my_session, holder, own),
        (their_session, neighbour, elsewhere),
    ):
        attendance_record(
            session=session, marks={member.pk: "present"}, recorded_by=trainer
        )
        skill_sign_off(
            learner=member,
            skill=skill,
            signed_off_on=academy_today(),
            note="",
            signed_off_by=trainer,
        )
    enrolment = services.enrolment_create(user=holder, course=course)
    attempt = services.attempt_start(user=holder, course=course)
    template = builders.make_template(name="Braunstone wording")
    award = builders.make_award([course], name="Fire safety award", template=template)
    certificate = Certificate.objects.create(
        learner=holder,
        award=award,
        serial=SERIAL,
        verification_code="A1B2C3D4E5F6G7H8J",
        status_list_index=417,
        name_on_certificate="Zelda Quayle",
        award_name=award.name,
        issued_at=timezone.now(),
        issued_by=people["coordinator"],
    )
    log(instance=certificate, action="certificates.issue", user=people["coordinator"])
    return {
        "certificate": certificate.pk,
        "award": award.pk,
        "template": template.pk,
        "enrolments": enrolment.pk,
        "attempts": attempt.pk,
        "area": area.pk,
        "cohort": mine.pk,
        "session": my_session.pk,
    }


def sign_in(client, people, role):
    client.logout()
    if role != "anonymous":
        client.force_login(people[role])


def text_of(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


@pytest.mark.parametrize("screen", SCREENS, ids=str)
def test_each_role_sees_only_what_it_may(client, people, scene, screen):
    path = screen.path.format(**scene)
    wrong = []
    for role in ROLES:
        sign_in(client, people, role)
        response = client.get(path)
        content = text_of(response)
        if role in screen.allowed:
            missing = [text for text in screen.shows if text not in content]
            if response.status_code != 200 or missing:
                wrong.append((role, response.status_code, "missing", missing))
        else:
            leaked = [text for text in MINE if text in content]
            if response.status_code == 200 or leaked:
                wrong.append((role, response.status_code, "leaked", leaked))
    assert wrong == [], wrong


@pytest.mark.parametrize("path", SCOPED_LISTINGS)
def test_staff_listings_show_only_the_cohorts_they_act_for(client, people, scene, path):
    wrong = []
    for role, sees in SEES.items():
        sign_in(client, people, role)
        response = client.get(path)
        content = text_of(response)
        if response.status_code != 200:
            wrong.append((role, response.status_code))
            continue
        for group, texts in (("mine", MINE[-2:]), ("theirs", THEIRS[-2:])):
            shown = any(text in content for text in texts)
            if shown != sees[group]:
                wrong.append((role, group, "shown" if shown else "hidden"))
    assert wrong == [], wrong


def test_site_history_names_only_the_learners_a_trainer_acts_for(client, people, scene):
    """The register and sign-off entries carry the member's username."""
    seen = {}
    for role in SEES:
        sign_in(client, people, role)
        content = client.get("/admin/reports/site-history/").content.decode()
        seen[role] = (
            "zelda-q" in content,
            "yannick-o" in content,
            SERIAL in content,
        )
    assert seen == {
        "trainer_elsewhere": (False, True, False),
        "trainer_without_cohort": (False, False, False),
        "own_trainer": (True, False, False),
        "coordinator": (True, True, True),
    }


@pytest.mark.parametrize("role", ["anonymous", "resident"])
@pytest.mark.parametrize(
    "path", ["/admin/reports/site-history/", "/admin/snippets/"], ids=str
)
def test_visitors_and_residents_are_sent_to_sign_in(client, people, role, path):
    sign_in(client, people, role)
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize(
    "model, shows",
    [
        ("certificate", SERIAL),
        ("award", "Fire safety award"),
        ("template", "Braunstone wording"),
    ],
)
def test_listings_offer_bulk_delete_only_to_those_who_may_delete(
    client, people, scene, model, shows
):
    """Coordinators revoke certificates and keep awards and templates, so
    their listings have no bulk delete; a superuser's awards listing does."""
    sign_in(client, people, "coordinator")
    content = client.get(f"/admin/certificates/{model}/").content.decode()
    assert shows in content
    assert "data-bulk-action-checkbox" not in content
    assert "/admin/bulk/certificates/" not in content

    client.force_login(factories.make_user(username="admin", is_superuser=True))
    content = client.get(f"/admin/certificates/{model}/").content.decode()
    offered = "data-bulk-action-checkbox" in content
    assert offered == (model != "certificate")


def test_those_who_may_delete_still_bulk_delete(client, db):
    unused = builders.make_template(name="Unused wording")
    client.force_login(factories.make_user(username="admin", is_superuser=True))
    path = f"/admin/bulk/certificates/certificatetemplate/delete/?id={unused.pk}"
    assert "Unused wording" in client.get(path).content.decode()
    response = client.post(path)
    assert response.status_code == 302
    assert not CertificateTemplate.objects.filter(pk=unused.pk).exists()
