"""The demo cohorts: built once however often the seed runs, with figures
that give the trainer's view something to show."""

from datetime import date, timedelta
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st
from wagtail.models import ModelLogEntry, Revision

from academy_site.demo import seed_cohorts as seed_cohorts_module
from academy_site.demo.seed_cohorts import seed_cohorts, sign_off_day
from academy_web.clock import academy_today
from courses.models import CoursePage, PracticalSkill
from impact.periods import current_quarter
from learners.cohorts import selectors
from learners.models import (
    Area,
    Attempt,
    Attendance,
    Cohort,
    Enrolment,
    LearnerProfile,
    LessonProgress,
    SkillSignOff,
    TrainingSession,
)

pytestmark = pytest.mark.django_db

FIRST_AID_SKILLS = [
    "CPR on an adult manikin",
    "The recovery position",
    "The response to choking",
]


@pytest.fixture
def seeded(db):
    call_command("seed_academy")
    seed_cohorts()


def counts() -> dict:
    models = [
        Area,
        Cohort,
        TrainingSession,
        Attendance,
        SkillSignOff,
        PracticalSkill,
        Enrolment,
        LessonProgress,
        Attempt,
        LearnerProfile,
        Revision,
        ModelLogEntry,
        get_user_model(),
    ]
    return {model.__name__: model.objects.count() for model in models}


def test_seeding_cohorts_twice_leaves_the_same_counts(seeded):
    first = counts()
    seed_cohorts()
    assert counts() == first


def test_seed_builds_two_areas_and_their_cohorts(seeded):
    assert dict(Area.objects.values_list("name", "postcode_districts")) == {
        "Braunstone Park": "LE3",
        "Beaumont Leys": "LE4",
    }
    braunstone = Cohort.objects.get(name="Braunstone Park – Spring 2026")
    assert braunstone.area.slug == "braunstone-park"
    assert list(braunstone.trainers.values_list("username", flat=True)) == ["trainer"]
    members = set(braunstone.members.values_list("username", flat=True))
    assert "resident" in members
    assert {f"demo-resident-{n:02}" for n in range(1, 9)} <= members
    assert braunstone.sessions.count() == 4
    beaumont = Cohort.objects.get(area__slug="beaumont-leys")
    assert beaumont.members.count() < braunstone.members.count()
    assert not beaumont.trainers.filter(username="trainer").exists()


def test_first_aid_has_its_practical_skills_in_the_editor_too(seeded):
    course = CoursePage.objects.get(slug="first-aid-essentials")
    assert [s.title for s in course.practical_skills.all()] == FIRST_AID_SKILLS
    latest = course.get_latest_revision_as_object()
    assert [s.title for s in latest.practical_skills.all()] == FIRST_AID_SKILLS


def test_demo_resident_has_all_three_first_aid_skills_signed_off(seeded):
    signed = SkillSignOff.objects.filter(learner__username="resident")
    assert sorted(signed.values_list("skill__title", flat=True)) == sorted(
        FIRST_AID_SKILLS
    )
    assert set(signed.values_list("signed_off_by__username", flat=True)) == {"trainer"}


def test_extra_residents_cannot_sign_in_and_have_profiles(seeded):
    extra = get_user_model().objects.filter(username__startswith="demo-resident-")
    assert extra.count() == 11
    for user in extra:
        assert not user.has_usable_password()
        assert user.learner_profile.certificate_name
        assert user.learner_profile.postcode_district in {"LE3", "LE4"}


def test_every_session_has_its_register_taken(seeded):
    for session in TrainingSession.objects.all():
        assert session.attendance.count() == session.cohort.members.count()
    statuses = set(Attendance.objects.values_list("status", flat=True))
    assert statuses == {"present", "absent", "excused"}


def test_trainers_view_of_the_demo_cohort_varies(seeded):
    cohort = Cohort.objects.get(name="Braunstone Park – Spring 2026")
    overview = selectors.cohort_overview(cohort=cohort)
    by_name = {summary.member.name: summary for summary in overview.members}
    assert by_name["Priya Shah"].courses_completed == 4
    assert by_name["Tomasz Nowak"].courses_completed == 3
    assert [r.kind for r in by_name["Hodan Ali"].stuck] == ["failing"]
    assert [r.kind for r in by_name["Gary Pritchard"].stuck] == ["inactive"]
    assert [r.kind for r in by_name["Fatima Begum"].stuck] == ["not_started"]
    assert not by_name["Kieran Walsh"].is_stuck
    completed = {summary.courses_completed for summary in overview.members}
    assert len(completed) >= 4


# Dates ------------------------------------------------------------------------


def test_seeded_sessions_and_sign_offs_are_recent_and_never_in_the_future(seeded):
    today = academy_today()
    now = timezone.now()
    weeks_ago = now - timedelta(weeks=6)
    for session in TrainingSession.objects.all():
        assert weeks_ago <= session.starts_at <= now
    for signed_off_on in SkillSignOff.objects.values_list("signed_off_on", flat=True):
        assert today - timedelta(weeks=6) <= signed_off_on <= today
    for cohort in Cohort.objects.all():
        assert cohort.start_date < today < cohort.end_date


def test_seeding_on_a_later_day_finds_the_same_rows_and_dates(seeded, monkeypatch):
    first = counts()
    dates = (
        sorted(TrainingSession.objects.values_list("starts_at", flat=True)),
        sorted(SkillSignOff.objects.values_list("signed_off_on", flat=True)),
    )
    later = academy_today() + timedelta(days=40)
    monkeypatch.setattr(
        seed_cohorts_module,
        "timezone",
        SimpleNamespace(localdate=lambda timezone=None: later, now=timezone.now),
    )

    seed_cohorts()

    assert counts() == first
    assert (
        sorted(TrainingSession.objects.values_list("starts_at", flat=True)),
        sorted(SkillSignOff.objects.values_list("signed_off_on", flat=True)),
    ) == dates


def test_seeded_on_the_first_day_of_a_quarter_the_sign_offs_fall_in_it(db, monkeypatch):
    quarter = current_quarter()
    monkeypatch.setattr(seed_cohorts_module, "academy_today", lambda: quarter.start)

    call_command("seed_academy")

    assert TrainingSession.objects.filter(starts_at__lt=quarter.starts_at).exists()
    signed_off = set(SkillSignOff.objects.values_list("signed_off_on", flat=True))
    assert signed_off == {quarter.start}


@given(
    seeded_on=st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)),
    days_before=st.integers(min_value=0, max_value=400),
)
def test_sign_off_day_is_in_the_seeding_quarter_and_never_after_seeding(
    seeded_on, days_before
):
    session_day = seeded_on - timedelta(days=days_before)

    day = sign_off_day(session_day=session_day, seeded_on=seeded_on)

    assert current_quarter(seeded_on).start <= day <= seeded_on
    assert day >= session_day
