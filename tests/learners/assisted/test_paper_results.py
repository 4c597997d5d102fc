"""Results of assessments taken on paper, entered by a coordinator."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from learners.assisted import services
from learners.models import Attempt, Enrolment
from tests import factories
from tests.learners.conftest import enrol, fail_attempt, finish_lessons, require

pytestmark = pytest.mark.django_db


def record(coordinator, learner, course, score, taken_on=None, submission=""):
    return services.paper_result_record(
        learner=learner,
        course=course,
        score=score,
        taken_on=taken_on or timezone.localdate(),
        entered_by=coordinator,
        submission=submission,
    )


def errors_in(response) -> str:
    return " ".join(
        re.findall(
            r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>',
            response.content.decode(),
            re.S,
        )
    )


@pytest.fixture
def pass_mark_course(course):
    course.pass_mark = 70
    course.save_revision().publish()
    course.refresh_from_db()
    return course


# Service --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("score", "passed"), [("70", True), ("69.99", False), ("100", True), ("0", False)]
)
def test_paper_result_passes_against_the_course_pass_mark(
    coordinator, resident, pass_mark_course, score, passed
):
    attempt = record(coordinator, resident, pass_mark_course, score).attempt
    attempt.refresh_from_db()
    assert attempt.passed is passed
    assert attempt.score == Decimal(score)
    assert attempt.pass_mark == 70
    assert attempt.source == Attempt.Source.PAPER
    assert attempt.status == Attempt.Status.SUBMITTED
    assert attempt.entered_by == coordinator


def test_paper_result_enrols_a_resident_who_was_not_enrolled(
    coordinator, resident, course
):
    record(coordinator, resident, course, 90)
    enrolment = Enrolment.objects.get(user=resident, course=course)
    entries = ModelLogEntry.objects.for_instance(enrolment)
    assert [(e.action, e.user_id) for e in entries] == [
        ("learners.enrol", coordinator.pk)
    ]


def test_paper_pass_completes_the_course_once(
    coordinator, resident, course, completions
):
    enrol(resident, course)
    finish_lessons(resident, course)
    assert completions == []
    record(coordinator, resident, course, 95)
    record(coordinator, resident, course, 99)
    enrolment = Enrolment.objects.get(user=resident, course=course)
    assert enrolment.completed_at is not None
    assert completions == [(Enrolment, enrolment.pk)]


def test_paper_pass_before_the_lessons_completes_when_they_are_done(
    coordinator, resident, course, completions
):
    record(coordinator, resident, course, 95)
    assert completions == []
    finish_lessons(resident, course)
    assert len(completions) == 1


def test_paper_fail_does_not_complete_the_course(
    coordinator, resident, course, completions
):
    enrol(resident, course)
    finish_lessons(resident, course)
    record(coordinator, resident, course, 10)
    assert completions == []
    assert Enrolment.objects.get(user=resident).completed_at is None


def test_paper_attempts_are_numbered_after_online_ones(
    coordinator, resident, course, enrolled
):
    fail_attempt(resident, course)
    attempt = record(coordinator, resident, course, 50).attempt
    assert attempt.number == 2


def test_audit_log_names_the_coordinator_who_entered_the_result(
    coordinator, resident, course
):
    attempt = record(coordinator, resident, course, "82.5").attempt
    (entry,) = ModelLogEntry.objects.for_instance(attempt)
    assert entry.action == "learners.paper_result_record"
    assert entry.user == coordinator
    assert entry.data["score"] == "82.50"
    assert entry.data["learner_id"] == resident.pk


def test_sending_the_same_result_form_twice_records_it_once(
    coordinator, resident, course
):
    key = services.new_submission_key()
    first = record(coordinator, resident, course, 82, submission=key)
    second = record(coordinator, resident, course, 82, submission=key)
    assert first.recorded
    assert not second.recorded
    assert second.attempt == first.attempt
    assert Attempt.objects.count() == 1


def test_two_attempts_with_the_same_score_on_one_day_are_both_recorded(
    coordinator, resident, course
):
    record(coordinator, resident, course, 40, submission="first")
    record(coordinator, resident, course, 40, submission="second")
    assert list(Attempt.objects.values_list("number", flat=True)) == [1, 2]


def test_a_result_taken_on_an_earlier_day_is_dated_that_day(
    coordinator, resident, course
):
    taken_on = timezone.localdate() - timedelta(days=3)
    attempt = record(coordinator, resident, course, 82, taken_on=taken_on).attempt
    assert timezone.localtime(attempt.submitted_at).date() == taken_on


@pytest.mark.parametrize(
    ("score", "taken_days_ago", "field"),
    [
        ("150", 0, "score"),
        ("-1", 0, "score"),
        ("NaN", 0, "score"),
        ("abc", 0, "score"),
        ("80", -1, "taken_on"),
    ],
)
def test_bad_results_are_refused_and_nothing_is_saved(
    coordinator, resident, course, score, taken_days_ago, field
):
    taken_on = timezone.localdate() - timedelta(days=taken_days_ago)
    with pytest.raises(ValidationError) as error:
        record(coordinator, resident, course, score, taken_on=taken_on)
    assert field in error.value.message_dict
    assert not Attempt.objects.exists()
    assert not Enrolment.objects.exists()


def test_results_are_not_entered_for_staff(coordinator, trainer, course):
    with pytest.raises(ValidationError) as error:
        record(coordinator, trainer, course, 80)
    assert "learner" in error.value.message_dict


def test_courses_without_an_assessment_are_refused(coordinator, resident, course_index):
    no_test = factories.build_course(course_index, title="No test", questions=0)
    with pytest.raises(ValidationError) as error:
        record(coordinator, resident, no_test, 80)
    assert "course" in error.value.message_dict


def test_missing_prerequisites_are_explained_on_the_course(
    coordinator, resident, course, course_index
):
    advanced = factories.build_course(course_index, title="Advanced")
    require(advanced, course)
    with pytest.raises(ValidationError) as error:
        record(coordinator, resident, advanced, 80)
    assert "Fire safety at home" in str(error.value.message_dict["course"])
    assert not Attempt.objects.exists()


@pytest.mark.parametrize("who", ["resident", "other_resident", "trainer"])
def test_only_users_with_the_permission_enter_results(request, resident, course, who):
    with pytest.raises(PermissionDenied):
        record(request.getfixturevalue(who), resident, course, 80)
    assert not Attempt.objects.exists()


# Page ------------------------------------------------------------------------------


def form_data(resident, course, /, **fields):
    data = {
        "q": "",
        "learner": resident.pk,
        "course": course.pk,
        "score": "85",
        "taken_on": timezone.localdate().isoformat(),
    }
    data.update(fields)
    return data


def test_coordinator_finds_a_resident_by_name(client, coordinator, resident, course):
    resident.first_name, resident.last_name = "Amira", "Khan"
    resident.save()
    client.force_login(coordinator)
    response = client.get(reverse("learners:paper_result"), {"q": "amira kh"})
    page = response.content.decode()
    assert "<bdi>Amira Khan</bdi> (resident)" in page
    assert 'name="learner"' in page
    assert course.title in page


def test_search_does_not_offer_staff(client, coordinator, trainer):
    client.force_login(coordinator)
    response = client.get(reverse("learners:paper_result"), {"q": "trainer"})
    assert "No residents match" in response.content.decode()


def test_search_shows_at_most_twenty_residents(client, coordinator):
    for number in range(25):
        factories.make_resident(username=f"sam{number}", first_name="Sam")
    client.force_login(coordinator)
    page = client.get(reverse("learners:paper_result"), {"q": "sam"}).content.decode()
    assert page.count('name="learner"') == 20
    assert "Showing the first 20 matches" in page


def test_coordinator_saves_a_paper_pass(client, coordinator, resident, course):
    client.force_login(coordinator)
    response = client.post(
        reverse("learners:paper_result"), form_data(resident, course), follow=True
    )
    assert "passed Fire safety at home with 85%" in response.content.decode()
    attempt = Attempt.objects.get()
    assert attempt.source == Attempt.Source.PAPER
    assert attempt.entered_by == coordinator


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"score": "150"}, "Enter a score from 0 to 100."),
        ({"score": "12.345"}, "Use no more than 2 decimal places."),
        ({"score": ""}, "Enter the score."),
        (
            {"taken_on": (timezone.localdate() + timedelta(days=1)).isoformat()},
            "Enter a date that is today or in the past.",
        ),
        ({"taken_on": "31/02/2026"}, "Enter a real date"),
        ({"learner": "999999"}, "Choose a resident from the list."),
        ({"learner": "not-a-number"}, "Choose a resident from the list."),
        ({"course": "999999"}, "Choose a course that has an assessment."),
    ],
)
def test_bad_input_is_shown_next_to_the_field_and_nothing_is_saved(
    client, coordinator, resident, course, fields, message
):
    client.force_login(coordinator)
    response = client.post(
        reverse("learners:paper_result"), form_data(resident, course, **fields)
    )
    assert response.status_code == 200
    assert message in errors_in(response)
    assert not Attempt.objects.exists()


def test_staff_member_cannot_be_chosen_by_posting_their_id(
    client, coordinator, trainer, course
):
    client.force_login(coordinator)
    response = client.post(reverse("learners:paper_result"), form_data(trainer, course))
    assert "Choose a resident from the list." in errors_in(response)
    assert not Attempt.objects.exists()


def test_resident_page_link_preselects_the_resident(client, coordinator, resident):
    client.force_login(coordinator)
    response = client.get(reverse("learners:paper_result"), {"resident": resident.pk})
    assert re.search(rf'value="{resident.pk}"[^>]*checked', response.content.decode())


@pytest.mark.parametrize("count", [2, 12])
def test_search_makes_the_same_queries_for_any_number_of_matches(
    client, coordinator, course, django_assert_max_num_queries, count
):
    for number in range(count):
        factories.make_resident(username=f"sam{number}", first_name="Sam")
    client.force_login(coordinator)
    with django_assert_max_num_queries(14):
        response = client.get(reverse("learners:paper_result"), {"q": "sam"})
    assert response.content.decode().count('name="learner"') == count
