"""The trainer's view of a cohort, checked against hand-counted figures, and
which cohorts and sessions each person may see."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from academy_web.clock import academy_today
from learners import services
from learners.cohorts import selectors
from learners.cohorts.services import attendance_record, skill_sign_off
from learners.models import Attempt, Enrolment, LessonProgress
from tests import factories
from tests.learners.cohorts.builders import (
    add_skills,
    build_cohort,
    build_session,
    make_members,
)
from tests.learners.conftest import (
    age_submissions,
    enrol,
    fail_attempt,
    finish_lessons,
    submit,
)

pytestmark = pytest.mark.django_db


def set_last_activity(user, when):
    """Moves every trace of the member's learning back to ``when``."""
    enrolments = Enrolment.objects.filter(user=user)
    enrolments.update(enrolled_at=when)
    LessonProgress.objects.filter(enrolment__in=enrolments).update(completed_at=when)
    Attempt.objects.filter(enrolment__in=enrolments).update(
        started_at=when, submitted_at=when
    )


def partly_right(attempt, right: int) -> dict:
    answers = {}
    for number, question in enumerate(selectors_questions(attempt)):
        ids = (
            question.correct_ids
            if number < right
            else (question.option_ids - question.correct_ids)
        )
        answers[question.id] = sorted(ids)[:1]
    return answers


def selectors_questions(attempt):
    from learners.selectors import attempt_questions

    return attempt_questions(attempt)


@pytest.fixture
def first_aid(course_index):
    return factories.build_course(
        course_index, title="First aid essentials", lessons=3, questions=4
    )


@pytest.fixture
def signposting(course_index):
    return factories.build_course(
        course_index, title="Signposting", lessons=2, questions=2
    )


@pytest.fixture
def skills(first_aid):
    return add_skills(first_aid)


@pytest.fixture
def people():
    return {
        name: factories.make_resident(username=name, first_name=name.title())
        for name in ("alice", "bob", "carol")
    }


@pytest.fixture
def small_cohort(trainer, people, first_aid, signposting, skills):
    """Three members whose figures are counted by hand in the tests below."""
    alice, bob, carol = people["alice"], people["bob"], people["carol"]
    cohort = build_cohort(trainers=[trainer], members=[alice, bob, carol])
    now = timezone.now()
    first = build_session(cohort, first_aid, starts_at=now - timedelta(days=2))
    second = build_session(cohort, signposting, starts_at=now - timedelta(hours=1))
    build_session(cohort, first_aid, starts_at=now + timedelta(days=2))

    # Alice completes first aid and does one of two signposting lessons.
    enrol(alice, first_aid)
    finish_lessons(alice, first_aid)
    submit(alice, services.attempt_start(user=alice, course=first_aid))
    enrol(alice, signposting)
    lesson = signposting.get_children().first().specific
    services.lesson_mark_done(user=alice, lesson=lesson)

    # Bob does one lesson and fails first aid twice, once scoring 50%.
    enrolment = enrol(bob, first_aid)
    services.lesson_mark_done(
        user=bob, lesson=first_aid.get_children().first().specific
    )
    fail_attempt(bob, first_aid)
    age_submissions(enrolment, minutes=10)
    attempt = services.attempt_start(user=bob, course=first_aid)
    services.attempt_submit(attempt=attempt, answers=partly_right(attempt, 2), user=bob)

    # Carol enrolled on signposting a month ago and has done nothing since.
    enrol(carol, signposting)
    set_last_activity(carol, now - timedelta(days=30))

    attendance_record(
        session=first,
        marks={alice.pk: "present", bob.pk: "absent", carol.pk: "excused"},
        recorded_by=trainer,
    )
    attendance_record(
        session=second,
        marks={alice.pk: "present", bob.pk: "present"},
        recorded_by=trainer,
    )
    for skill in skills[:2]:
        skill_sign_off(
            learner=alice,
            skill=skill,
            signed_off_on=academy_today(),
            note="",
            signed_off_by=trainer,
        )
    return cohort


def by_name(overview):
    return {summary.member.name: summary for summary in overview.members}


def test_overview_counts_sessions_held_and_skills(small_cohort):
    overview = selectors.cohort_overview(cohort=small_cohort)
    assert [c.title for c in overview.courses] == [
        "First aid essentials",
        "Signposting",
    ]
    assert overview.sessions_held == 2
    assert overview.skills_total == 3
    assert [s.member.name for s in overview.members] == ["Alice", "Bob", "Carol"]


def test_overview_figures_for_a_member_who_is_doing_well(small_cohort, skills):
    alice = by_name(selectors.cohort_overview(cohort=small_cohort))["Alice"]
    assert (alice.courses_enrolled, alice.courses_completed) == (2, 1)
    first_aid, signposting = alice.courses
    assert (first_aid.lessons_done, first_aid.lessons_total) == (3, 3)
    assert first_aid.best_score == Decimal("100.00")
    assert first_aid.is_complete
    assert (signposting.lessons_done, signposting.lessons_total) == (1, 2)
    assert signposting.best_score is None
    assert alice.sessions_attended == 2
    assert alice.skills_signed_off == skills[:2]
    assert alice.skills_missing == skills[2:]
    assert [c.title for c in alice.courses_not_complete] == ["Signposting"]
    assert not alice.is_stuck


def test_two_failed_attempts_make_a_member_stuck_with_the_reason(small_cohort):
    bob = by_name(selectors.cohort_overview(cohort=small_cohort))["Bob"]
    assert (bob.courses_enrolled, bob.courses_completed) == (1, 0)
    first_aid, signposting = bob.courses
    assert (first_aid.lessons_done, first_aid.lessons_total) == (1, 3)
    assert (first_aid.failed_attempts, first_aid.best_score) == (2, Decimal("50.00"))
    assert not signposting.is_enrolled
    assert bob.sessions_attended == 1
    assert bob.skills_signed_off == []
    (reason,) = bob.stuck
    assert reason.kind == "failing"
    assert (reason.course.title, reason.failed, reason.best_score) == (
        "First aid essentials",
        2,
        Decimal("50.00"),
    )


def test_fourteen_quiet_days_make_a_member_stuck(small_cohort):
    carol = by_name(selectors.cohort_overview(cohort=small_cohort))["Carol"]
    assert (carol.courses_enrolled, carol.sessions_attended) == (1, 0)
    (reason,) = carol.stuck
    assert reason.kind == "inactive"
    assert timezone.now() - reason.since > timedelta(days=29)


def test_a_member_quiet_for_thirteen_days_is_not_yet_stuck(trainer, course, resident):
    cohort = build_cohort(trainers=[trainer], members=[resident])
    build_session(cohort, course)
    enrol(resident, course)
    set_last_activity(resident, timezone.now() - timedelta(days=13))
    (summary,) = selectors.cohort_overview(cohort=cohort).members
    assert not summary.is_stuck
    set_last_activity(resident, timezone.now() - timedelta(days=15))
    (summary,) = selectors.cohort_overview(cohort=cohort).members
    assert [reason.kind for reason in summary.stuck] == ["inactive"]


def test_recent_lesson_progress_keeps_a_member_from_being_stuck(
    trainer, course, resident
):
    cohort = build_cohort(trainers=[trainer], members=[resident])
    build_session(cohort, course)
    enrol(resident, course)
    set_last_activity(resident, timezone.now() - timedelta(days=40))
    services.lesson_mark_done(
        user=resident, lesson=course.get_children().first().specific
    )
    (summary,) = selectors.cohort_overview(cohort=cohort).members
    assert not summary.is_stuck


def test_a_member_who_passes_after_failing_twice_is_not_stuck(
    trainer, course, resident
):
    cohort = build_cohort(trainers=[trainer], members=[resident])
    build_session(cohort, course)
    enrolment = enrol(resident, course)
    for _ in range(2):
        fail_attempt(resident, course)
        age_submissions(enrolment, minutes=10)
    submit(resident, services.attempt_start(user=resident, course=course))
    (summary,) = selectors.cohort_overview(cohort=cohort).members
    assert summary.courses[0].failed_attempts == 2
    assert not summary.is_stuck


def test_finished_members_are_never_stuck_for_being_quiet(trainer, course, resident):
    cohort = build_cohort(trainers=[trainer], members=[resident])
    build_session(cohort, course)
    enrol(resident, course)
    finish_lessons(resident, course)
    submit(resident, services.attempt_start(user=resident, course=course))
    set_last_activity(resident, timezone.now() - timedelta(days=60))
    (summary,) = selectors.cohort_overview(cohort=cohort).members
    assert summary.courses_completed == 1
    assert not summary.is_stuck


def test_members_who_never_start_are_stuck_two_weeks_into_the_cohort(
    trainer, course, resident, other_resident
):
    started = timezone.localdate() - timedelta(days=20)
    old = build_cohort(trainers=[trainer], members=[resident], start_date=started)
    new = build_cohort(trainers=[trainer], members=[other_resident])
    for cohort in (old, new):
        build_session(cohort, course)
    (waiting,) = selectors.cohort_overview(cohort=old).members
    assert [reason.kind for reason in waiting.stuck] == ["not_started"]
    (fresh,) = selectors.cohort_overview(cohort=new).members
    assert not fresh.is_stuck


def test_progress_page_shows_the_hand_counted_figures(client, trainer, small_cohort):
    client.force_login(trainer)
    html = client.get(
        reverse("learners:cohort_progress", args=[small_cohort.pk])
    ).content.decode()
    assert (
        "Failed the First aid essentials assessment 2 times (best score 50%)." in html
    )
    assert "No lessons or attempts since" in html
    assert "Attended 2 of 2" in html
    assert "2 of 3 signed off" in html
    assert "1 completed, 2 started, of 2" in html
    assert "3 of 3 lessons; best score 100%" in html


# Query counts -----------------------------------------------------------------


def populate(cohort, course, skills, trainer, *, members: int):
    """A cohort whose members have each enrolled, learnt, tried, attended and
    had a skill signed off."""
    people = make_members(members)
    cohort.members.add(*people)
    session = build_session(cohort, course)
    for person in people:
        enrolment = enrol(person, course)
        services.lesson_mark_done(
            user=person, lesson=course.get_children().first().specific
        )
        fail_attempt(person, course)
        age_submissions(enrolment, minutes=10)
        skill_sign_off(
            learner=person,
            skill=skills[0],
            signed_off_on=academy_today(),
            note="",
            signed_off_by=trainer,
        )
    attendance_record(
        session=session,
        marks={person.pk: "present" for person in people},
        recorded_by=trainer,
    )


def count_queries(fn) -> int:
    with CaptureQueriesContext(connection) as captured:
        fn()
    return len(captured)


@pytest.fixture
def small_and_large(trainer, course, course_index):
    skills = add_skills(course)
    small = build_cohort(trainers=[trainer])
    large = build_cohort(trainers=[trainer])
    populate(small, course, skills, trainer, members=3)
    populate(large, course, skills, trainer, members=20)
    return small, large


def test_overview_queries_do_not_grow_with_members(
    small_and_large, django_assert_max_num_queries
):
    small, large = small_and_large
    few = count_queries(lambda: selectors.cohort_overview(cohort=small))
    many = count_queries(lambda: selectors.cohort_overview(cohort=large))
    assert few == many
    with django_assert_max_num_queries(12):
        selectors.cohort_overview(cohort=large)


@pytest.mark.parametrize("page", ["cohort_progress", "cohort", "cohort_skills"])
def test_cohort_pages_queries_do_not_grow_with_members(
    client, trainer, course, small_and_large, page
):
    client.force_login(trainer)

    def url(cohort):
        args = [cohort.pk, course.pk] if page == "cohort_skills" else [cohort.pk]
        return reverse(f"learners:{page}", args=args)

    def load(cohort):
        response = client.get(url(cohort))
        assert response.status_code == 200

    small, large = small_and_large
    load(small)
    assert count_queries(lambda: load(small)) == count_queries(lambda: load(large))


def test_register_queries_do_not_grow_with_members(client, trainer, small_and_large):
    client.force_login(trainer)
    small, large = (cohort.sessions.get() for cohort in small_and_large)

    def load(session):
        url = reverse("learners:session_register", args=[session.pk])
        assert client.get(url).status_code == 200

    load(small)
    assert count_queries(lambda: load(small)) == count_queries(lambda: load(large))


# Who sees what ----------------------------------------------------------------


def test_trainer_sees_only_their_cohorts_and_sessions(trainer, course):
    other = factories.make_trainer(username="other-trainer")
    mine = build_cohort(trainers=[trainer])
    theirs = build_cohort(trainers=[other])
    my_session = build_session(mine, course)
    build_session(theirs, course)
    assert list(selectors.cohorts_for(user=trainer)) == [mine]
    assert list(selectors.sessions_for(user=trainer)) == [my_session]


def test_coordinator_sees_every_cohort(coordinator, trainer):
    cohorts = {build_cohort(trainers=[trainer]), build_cohort()}
    assert set(selectors.cohorts_for(user=coordinator)) == cohorts


def test_resident_sees_no_cohort_even_their_own(resident, trainer):
    build_cohort(trainers=[trainer], members=[resident])
    assert not selectors.cohorts_for(user=resident).exists()


def test_trainer_without_the_view_permission_sees_nothing(resident):
    build_cohort(trainers=[resident])
    assert not selectors.cohorts_for(user=resident).exists()
