"""Practical sign-offs and attendance as award requirements: eligibility
changes exactly as the award's requirements say, and the issuing screen
follows it with no special case."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from certificates.eligibility import (
    award_eligible_learners,
    award_learner_is_eligible,
)
from certificates.models import Award, Certificate
from learners.models import Attendance, SkillSignOff
from tests import factories
from tests.certificates import builders
from tests.factories import PASSWORD
from tests.learners.cohorts.builders import add_skills, build_cohort, build_session

pytestmark = pytest.mark.django_db

PRESENT = Attendance.Status.PRESENT
ABSENT = Attendance.Status.ABSENT
EXCUSED = Attendance.Status.EXCUSED


@pytest.fixture
def first_aid(course_index):
    return factories.build_course(course_index, title="First aid essentials")


@pytest.fixture
def skills(first_aid):
    return add_skills(first_aid)


@pytest.fixture
def fire(course_index):
    return factories.build_course(course_index, title="Fire safety at home")


@pytest.fixture
def cohort(trainer):
    return build_cohort(name="Braunstone Park", trainers=[trainer])


def make_award(*requirements, name: str = "Expert Citizen") -> Award:
    return Award.objects.create(
        name=name, template=builders.make_template(), requirements=list(requirements)
    )


def practical(course) -> tuple:
    return ("practical", {"course": course})


def attendance(minimum: int, course=None) -> tuple:
    return ("attendance", {"minimum": minimum, "course": course})


def sign_off(learner, *skills, trainer=None) -> None:
    for skill in skills:
        SkillSignOff.objects.create(
            learner=learner,
            skill=skill,
            signed_off_on=timezone.localdate(),
            signed_off_by=trainer,
        )


def attend(learner, cohort, course, *statuses) -> None:
    """One session of ``course`` per status, a week apart, with the mark."""
    cohort.members.add(learner)
    for weeks, status in enumerate(statuses, start=1):
        session = build_session(
            cohort, course, starts_at=timezone.now() - timedelta(weeks=weeks)
        )
        Attendance.objects.create(session=session, learner=learner, status=status)


def eligible(award) -> set[str]:
    return set(award_eligible_learners(award=award).values_list("username", flat=True))


# Practical sign-off ---------------------------------------------------------------


def test_practical_requirement_is_met_only_when_every_skill_is_signed_off(
    first_aid, skills
):
    everything = factories.make_resident(username="everything")
    two_of_three = factories.make_resident(username="two-of-three")
    factories.make_resident(username="nothing")
    sign_off(everything, *skills)
    sign_off(two_of_three, *skills[:2])
    award = make_award(practical(first_aid))

    assert eligible(award) == {"everything"}
    assert award_learner_is_eligible(award=award, learner=everything)
    assert not award_learner_is_eligible(award=award, learner=two_of_three)

    sign_off(two_of_three, skills[2])

    assert eligible(award) == {"everything", "two-of-three"}


def test_sign_offs_of_another_courses_skills_do_not_count(first_aid, skills, fire):
    fire_skills = add_skills(fire, titles=("Test a smoke alarm", "Plan an escape"))
    learner = factories.make_resident()
    sign_off(learner, *fire_skills)
    award = make_award(practical(first_aid))

    assert not award_learner_is_eligible(award=award, learner=learner)


def test_a_course_without_practical_skills_is_met_by_nobody(fire, first_aid, skills):
    learner = factories.make_resident()
    sign_off(learner, *skills)
    award = make_award(practical(fire))

    assert eligible(award) == set()
    assert not award_learner_is_eligible(award=award, learner=learner)


# Attendance -----------------------------------------------------------------------


def test_attendance_minimum_counts_only_sessions_marked_present(cohort, fire):
    came_twice = factories.make_resident(username="came-twice")
    came_once = factories.make_resident(username="came-once")
    attend(came_twice, cohort, fire, PRESENT, ABSENT, PRESENT)
    attend(came_once, cohort, fire, PRESENT, ABSENT, EXCUSED, EXCUSED)
    award = make_award(attendance(2))

    assert eligible(award) == {"came-twice"}
    assert not award_learner_is_eligible(award=award, learner=came_once)


def test_attendance_of_one_course_counts_only_that_courses_sessions(
    cohort, fire, first_aid
):
    fire_only = factories.make_resident(username="fire-only")
    both = factories.make_resident(username="both")
    attend(fire_only, cohort, fire, PRESENT, PRESENT)
    attend(both, cohort, fire, PRESENT)
    attend(both, cohort, first_aid, PRESENT, PRESENT)

    assert eligible(make_award(attendance(2, first_aid), name="First aid")) == {"both"}
    assert eligible(make_award(attendance(2), name="Any course")) == {
        "fire-only",
        "both",
    }
    assert eligible(make_award(attendance(3, fire), name="Fire")) == set()


# Everything together -----------------------------------------------------------


@pytest.fixture
def combined(fire, first_aid, skills, cohort):
    """An award asking for a course, the first aid skills and two sessions."""
    return make_award(("course", {"course": fire}), practical(first_aid), attendance(2))


def meet(learner, *, fire, skills, cohort, first_aid, leave_out: str = "") -> None:
    if leave_out != "course":
        builders.complete(learner, fire)
    sign_off(learner, *(skills[:-1] if leave_out == "practical" else skills))
    marks = (PRESENT, EXCUSED) if leave_out == "attendance" else (PRESENT, PRESENT)
    attend(learner, cohort, first_aid, *marks)


def test_combined_award_needs_every_requirement_met(
    combined, fire, first_aid, skills, cohort
):
    places = {"fire": fire, "skills": skills, "cohort": cohort, "first_aid": first_aid}
    everything = factories.make_resident(username="everything")
    meet(everything, **places)
    for missing in ("course", "practical", "attendance"):
        meet(
            factories.make_resident(username=f"no-{missing}"),
            **places,
            leave_out=missing,
        )

    assert eligible(combined) == {"everything"}
    assert award_learner_is_eligible(award=combined, learner=everything)


def test_issuing_screen_lists_and_issues_by_the_new_requirements(
    client, coordinator, combined, fire, first_aid, skills, cohort
):
    places = {"fire": fire, "skills": skills, "cohort": cohort, "first_aid": first_aid}
    ready = factories.make_resident(first_name="Ada", last_name="Ready")
    meet(ready, **places)
    waiting = factories.make_resident(first_name="Bo", last_name="Waiting")
    meet(waiting, **places, leave_out="practical")
    client.login(username=coordinator.username, password=PASSWORD)
    url = reverse("certificates_award:eligible", args=[combined.pk])

    page = client.get(url).content.decode()
    assert "1 learner meets every requirement" in page
    assert "Ada Ready" in page
    assert "Bo Waiting" not in page

    sign_off(waiting, skills[-1])
    page = client.get(url).content.decode()
    assert "2 learners meet every requirement" in page
    assert "Bo Waiting" in page

    client.post(url, {"issue_one": str(waiting.pk)})
    certificate = Certificate.objects.get()
    assert (certificate.learner, certificate.award) == (waiting, combined)
