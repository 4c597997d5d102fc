import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.models import ModelLogEntry

from learners import selectors, services
from learners.models import Attempt, Enrolment, LessonProgress
from tests import factories
from tests.learners.conftest import (
    age_submissions,
    build_image_course,
    enrol,
    fail_attempt,
    finish_lessons,
    form_data,
    make_image,
    require,
    submit,
)

pytestmark = pytest.mark.django_db


def lessons_of(course):
    return list(course.get_children().live().specific().order_by("path"))


def text(response) -> str:
    return response.content.decode()


def attempt_url(attempt) -> str:
    return reverse("learners:attempt", args=[attempt.pk])


# Reading and enrolling ----------------------------------------------------------


def test_signed_out_reader_is_invited_to_sign_in_on_course_and_lesson(client, course):
    lesson = lessons_of(course)[0]
    for url in (course.url, lesson.url):
        page = text(client.get(url))
        assert "Sign in</a> to save your progress" in page
        assert f'href="/accounts/login/?next={url}"' in page
        assert "Mark as done and continue" not in page
        assert ">Enrol<" not in page
    assert "Lesson 1 text." in text(client.get(lesson.url))


def test_signed_in_resident_enrols_with_one_click(client, resident, course):
    client.force_login(resident)
    assert ">Enrol</button>" in text(client.get(course.url))
    response = client.post(reverse("learners:enrol", args=[course.pk]))
    assert response.status_code == 302
    assert response.url == course.url
    page = text(client.get(course.url))
    assert "You are enrolled on Fire safety at home." in page
    assert "Continue where you left off" in page
    assert f'href="{lessons_of(course)[0].url}"' in page
    assert Enrolment.objects.filter(user=resident, course=course).exists()


def test_enrolling_from_a_lesson_returns_to_that_lesson(client, resident, course):
    client.force_login(resident)
    lesson = lessons_of(course)[1]
    assert ">Enrol</button>" in text(client.get(lesson.url))
    response = client.post(
        reverse("learners:enrol", args=[course.pk]), {"next": lesson.url}
    )
    assert response.url == lesson.url


def test_enrol_ignores_a_next_address_on_another_site(client, resident, course):
    client.force_login(resident)
    response = client.post(
        reverse("learners:enrol", args=[course.pk]), {"next": "https://evil.example/"}
    )
    assert response.url == course.url


def test_locked_course_lists_the_courses_to_finish_first(
    client, resident, course, course_index
):
    advanced = factories.build_course(course_index, title="Advanced fire safety")
    require(advanced, course)
    client.force_login(resident)
    page = text(client.get(advanced.url))
    assert "first complete this course" in page
    assert f'<a href="{course.url}">Fire safety at home</a>' in page
    assert ">Enrol</button>" not in page
    response = client.post(reverse("learners:enrol", args=[advanced.pk]), follow=True)
    assert "Finish Fire safety at home before you enrol" in text(response)
    assert not Enrolment.objects.filter(course=advanced).exists()


# Lessons ----------------------------------------------------------------------


def test_mark_as_done_records_progress_and_moves_to_the_next_lesson(
    client, resident, course
):
    enrol(resident, course)
    client.force_login(resident)
    first, second, _ = lessons_of(course)
    assert "Mark as done and continue" in text(client.get(first.url))
    response = client.post(reverse("learners:lesson_done", args=[first.pk]))
    assert response.url == second.url
    client.post(reverse("learners:lesson_done", args=[first.pk]))
    assert LessonProgress.objects.filter(lesson=first).count() == 1
    assert "You have finished this lesson." in text(client.get(first.url))


def test_last_lesson_leads_to_the_assessment(client, resident, course):
    enrol(resident, course)
    client.force_login(resident)
    lessons = lessons_of(course)
    for lesson in lessons:
        response = client.post(reverse("learners:lesson_done", args=[lesson.pk]))
    assert response.url == reverse("learners:assessment", args=[course.pk])
    page = text(client.get(course.url))
    assert f'href="{response.url}"' in page
    assert "Next: the assessment" in page


def test_last_lesson_of_a_course_without_assessment_completes_it(
    client, resident, course_index
):
    course = factories.build_course(course_index, questions=0, lessons=1)
    enrol(resident, course)
    client.force_login(resident)
    response = client.post(
        reverse("learners:lesson_done", args=[lessons_of(course)[0].pk]), follow=True
    )
    assert response.redirect_chain[-1][0] == course.url
    assert "you have completed" in text(response)
    assert "You completed this course on" in text(response)


def test_continue_link_points_to_the_first_lesson_not_done(client, resident, course):
    enrol(resident, course)
    first, second, third = lessons_of(course)
    services.lesson_mark_done(user=resident, lesson=first)
    services.lesson_mark_done(user=resident, lesson=third)
    client.force_login(resident)
    page = text(client.get(course.url))
    continue_link = re.search(r'<a class="button" href="([^"]+)">Continue', page)
    assert continue_link.group(1) == second.url


def test_marking_a_lesson_done_without_enrolling_explains_what_to_do(
    client, resident, course
):
    client.force_login(resident)
    lesson = lessons_of(course)[0]
    response = client.post(
        reverse("learners:lesson_done", args=[lesson.pk]), follow=True
    )
    assert "Enrol on the course to save your progress." in text(response)
    assert not LessonProgress.objects.exists()


# Dashboard --------------------------------------------------------------------


def test_dashboard_shows_progress_next_step_attempts_and_certificates(
    client, resident, course
):
    enrol(resident, course)
    services.lesson_mark_done(user=resident, lesson=lessons_of(course)[0])
    fail_attempt(resident, course)
    client.force_login(resident)
    page = text(client.get(reverse("learners:dashboard")))
    assert "1 of 3 lessons done" in page
    assert re.search(r'<progress[^>]*max="3" value="1"', page)
    assert "Continue where you left off" in page
    assert f'href="{lessons_of(course)[1].url}"' in page
    assert "Attempt 1" in page
    assert "0%" in page and "not passed" in page
    assert "<h2" in page and "Certificates" in page
    assert "You have no certificates yet." in page


def test_dashboard_without_enrolments_points_to_the_courses(
    client, resident, course_index
):
    client.force_login(resident)
    page = text(client.get(reverse("learners:dashboard")))
    assert "You have not enrolled on any courses yet." in page
    assert f'href="{course_index.url}"' in page


def test_certificates_slot_shows_what_a_later_app_renders(client, resident):
    client.force_login(resident)
    with hooks.register_temporarily(
        "learners_dashboard_certificates",
        lambda context: f"<p>Certificate for {context['user'].username}</p>",
    ):
        page = text(client.get(reverse("learners:dashboard")))
    assert "Certificate for resident" in page
    # The fallback text shows only when no app has anything to say.
    assert "You earn one when you complete a course." not in page


def test_completed_course_shows_as_completed_on_the_dashboard(client, resident, course):
    enrol(resident, course)
    finish_lessons(resident, course)
    submit(resident, services.attempt_start(user=resident, course=course))
    client.force_login(resident)
    page = text(client.get(reverse("learners:dashboard")))
    assert "Completed" in page
    assert "Continue where you left off" not in page
    assert "passed" in page


def pass_long_ago(resident, course) -> Enrolment:
    enrolment = enrol(resident, course)
    finish_lessons(resident, course)
    submit(resident, services.attempt_start(user=resident, course=course))
    age_submissions(enrolment, minutes=60 * 24 * 365)
    return enrolment


def test_a_retake_due_is_offered_on_the_dashboard_course_and_assessment_pages(
    client, resident, course
):
    pass_long_ago(resident, course)
    client.force_login(resident)
    assessment_url = reverse("learners:assessment", args=[course.pk])

    with hooks.register_temporarily(
        selectors.RETAKES_DUE_HOOK, lambda *, user, course_ids: course_ids
    ):
        dashboard = text(client.get(reverse("learners:dashboard")))
        course_page = text(client.get(course.url))
        assessment = text(client.get(assessment_url))
        started = client.post(reverse("learners:assessment_start", args=[course.pk]))

    for page in (dashboard, course_page):
        assert "Renew: take the assessment again" in page
        assert f'href="{assessment_url}"' in page
    assert "It is time to renew." in assessment
    assert ">Renew: take the assessment again</button>" in assessment
    assert "You have 3 attempts left." in assessment
    retake = Attempt.objects.get(number=2)
    assert started["Location"] == attempt_url(retake)


def test_passing_a_retake_says_it_renews(client, resident, course):
    enrolment = pass_long_ago(resident, course)
    client.force_login(resident)

    with hooks.register_temporarily(
        selectors.RETAKES_DUE_HOOK, lambda *, user, course_ids: course_ids
    ):
        retake = services.attempt_start(user=resident, course=course)
    response = client.post(attempt_url(retake), form_data(retake), follow=True)

    assert "You passed again." in text(response)
    assert enrolment.attempts.filter(passed=True).count() == 2


def test_a_passed_assessment_is_not_offered_again_when_no_retake_is_due(
    client, resident, course
):
    pass_long_ago(resident, course)
    client.force_login(resident)

    assert "Renew" not in text(client.get(reverse("learners:dashboard")))
    assert "Renew" not in text(client.get(course.url))
    response = client.post(
        reverse("learners:assessment_start", args=[course.pk]), follow=True
    )

    assert "You have already passed this assessment." in text(response)
    assert Attempt.objects.count() == 1


# Taking the assessment -----------------------------------------------------------


def test_starting_the_assessment_opens_an_attempt(client, resident, course):
    enrol(resident, course)
    client.force_login(resident)
    page = text(client.get(reverse("learners:assessment", args=[course.pk])))
    assert "Start the assessment" in page
    response = client.post(reverse("learners:assessment_start", args=[course.pk]))
    attempt = Attempt.objects.get()
    assert response.url == attempt_url(attempt)
    page = text(client.get(response.url))
    assert "Submit answers" in page
    for question in selectors.attempt_questions(attempt):
        assert question.prompt in page


def test_attempt_page_never_shows_the_answer_key(client, resident, course):
    enrol(resident, course)
    attempt = services.attempt_start(user=resident, course=course)
    client.force_login(resident)
    page = text(client.get(attempt_url(attempt)))
    assert "That is right." not in page
    assert "Not quite." not in page
    assert "correct" not in page.lower()
    assert "explanation" not in page.lower()
    for question in selectors.attempt_questions(attempt):
        for option in question.options:
            assert option.text in page


def test_options_appear_in_the_stored_shuffled_order(client, resident, course):
    enrol(resident, course)
    attempt = services.attempt_start(user=resident, course=course)
    client.force_login(resident)
    page = text(client.get(attempt_url(attempt)))
    shown = re.findall(r'name="q-[^"]+" value="([^"]+)"', page)
    stored = [o["id"] for q in attempt.questions for o in q["options"]]
    assert shown == stored


def test_submitting_shows_score_result_and_explanations(client, resident, course):
    enrol(resident, course)
    attempt = services.attempt_start(user=resident, course=course)
    client.force_login(resident)
    response = client.post(attempt_url(attempt), form_data(attempt), follow=True)
    page = text(response)
    assert response.redirect_chain[-1][0] == reverse(
        "learners:attempt_result", args=[attempt.pk]
    )
    assert "You passed." in page
    assert "You scored 100% on attempt 1. The pass mark is 80%." in page
    assert page.count("That is right.") == 4
    assert "Correct answer" in page


def test_failed_attempt_offers_try_again_after_the_cooldown(client, resident, course):
    enrolment = enrol(resident, course)
    attempt = services.attempt_start(user=resident, course=course)
    client.force_login(resident)
    response = client.post(
        attempt_url(attempt), form_data(attempt, correct=False), follow=True
    )
    page = text(response)
    assert "You did not pass this time." in page
    assert "Not quite." in page
    available = timezone.localtime(
        Attempt.objects.get().submitted_at + timedelta(minutes=5)
    )
    assert f"You can try again from {available:%H:%M} " in page
    assert available.tzname() in page
    age_submissions(enrolment, minutes=6)
    page = text(client.get(reverse("learners:attempt_result", args=[attempt.pk])))
    assert "Try again" in page


def test_refused_start_explains_why(client, resident, course):
    enrol(resident, course)
    fail_attempt(resident, course)
    client.force_login(resident)
    response = client.post(
        reverse("learners:assessment_start", args=[course.pk]), follow=True
    )
    page = text(response)
    assert "You cannot start a new attempt just now." in page
    assert "Take a short break before your next attempt." in page
    assert Attempt.objects.count() == 1


def test_used_up_attempts_are_explained(client, resident, course_index):
    course = factories.build_course(course_index, max_attempts=1)
    enrol(resident, course)
    fail_attempt(resident, course)
    client.force_login(resident)
    page = text(client.get(reverse("learners:assessment", args=[course.pk])))
    assert "You have used your 1 attempt, so you cannot try again online." in page
    assert "Try again" not in page


def test_second_post_of_the_same_answers_counts_once(client, resident, course):
    enrol(resident, course)
    attempt = services.attempt_start(user=resident, course=course)
    client.force_login(resident)
    data = form_data(attempt, correct=False)
    client.post(attempt_url(attempt), data)
    response = client.post(attempt_url(attempt), form_data(attempt), follow=True)
    assert "We already have your answers for this attempt." in text(response)
    attempt.refresh_from_db()
    assert attempt.passed is False
    assert Attempt.objects.filter(status="submitted").count() == 1


def test_expired_attempt_sends_the_resident_back_with_an_explanation(
    client, resident, course
):
    enrol(resident, course)
    attempt = services.attempt_start(user=resident, course=course)
    Attempt.objects.filter(pk=attempt.pk).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
    client.force_login(resident)
    response = client.post(attempt_url(attempt), form_data(attempt), follow=True)
    assert "Time ran out for attempt 1" in text(response)
    assert "Start the assessment" in text(response)
    assert Attempt.objects.get().status == Attempt.Status.EXPIRED


@pytest.fixture
def overdue(resident, course) -> Attempt:
    """A failed attempt, then a second one left open past its time."""
    enrolment = enrol(resident, course)
    fail_attempt(resident, course)
    age_submissions(enrolment, minutes=60)
    attempt = services.attempt_start(user=resident, course=course)
    Attempt.objects.filter(pk=attempt.pk).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
    return attempt


def learning_rows() -> dict:
    """Everything the learning journey stores, as the database holds it."""
    return {
        "attempts": list(Attempt.objects.order_by("pk").values()),
        "enrolments": list(Enrolment.objects.order_by("pk").values()),
        "progress": list(LessonProgress.objects.order_by("pk").values()),
        "log": list(ModelLogEntry.objects.order_by("pk").values_list("pk", "action")),
    }


def test_no_learner_page_writes_even_with_an_overdue_attempt(
    client, resident, course, overdue
):
    submitted = Attempt.objects.get(status=Attempt.Status.SUBMITTED)
    client.force_login(resident)
    urls = [
        reverse("learners:dashboard"),
        reverse("learners:assessment", args=[course.pk]),
        attempt_url(overdue),
        attempt_url(submitted),
        reverse("learners:attempt_result", args=[overdue.pk]),
        reverse("learners:attempt_result", args=[submitted.pk]),
        course.url,
        lessons_of(course)[0].url,
    ]
    before = learning_rows()
    for url in urls:
        assert client.get(url, follow=True).status_code == 200, url
    assert learning_rows() == before
    assert Attempt.objects.get(pk=overdue.pk).status == Attempt.Status.IN_PROGRESS


def test_overdue_attempt_shows_as_closed_without_being_saved(
    client, resident, course, overdue
):
    client.force_login(resident)
    page = text(client.get(attempt_url(overdue), follow=True))
    assert "Time ran out for attempt 2, so it was closed." in page
    assert "Try again" in page
    assert "Continue the assessment" not in page
    assert Attempt.objects.get(pk=overdue.pk).status == Attempt.Status.IN_PROGRESS


def test_next_start_expires_the_overdue_attempt_and_opens_another(
    client, resident, course, overdue
):
    client.force_login(resident)
    response = client.post(reverse("learners:assessment_start", args=[course.pk]))
    fresh = Attempt.objects.get(status=Attempt.Status.IN_PROGRESS)
    assert response.url == attempt_url(fresh)
    assert fresh.number == 3
    assert Attempt.objects.get(pk=overdue.pk).status == Attempt.Status.EXPIRED
    assert ModelLogEntry.objects.filter(action="learners.attempt_expire").count() == 1


def test_image_choice_questions_show_pictures_with_alt_text(
    client, resident, course_index, media
):
    course = build_image_course(
        course_index, [make_image("Safe socket"), make_image("Overloaded socket")]
    )
    enrol(resident, course)
    attempt = services.attempt_start(user=resident, course=course)
    client.force_login(resident)
    page = text(client.get(attempt_url(attempt)))
    assert re.search(
        r'<img src="[^"]+" width="\d+" height="\d+" alt="A socket with one plug"', page
    )
    assert 'alt="A socket overloaded with adaptors"' in page
    assert "One plug per socket" not in page
    page = text(client.post(attempt_url(attempt), form_data(attempt), follow=True))
    assert 'alt="A socket with one plug"' in page
    assert "One plug per socket is safe." in page


# Malformed submissions ---------------------------------------------------------------


@pytest.fixture
def taking(client, resident, course):
    enrol(resident, course)
    attempt = services.attempt_start(user=resident, course=course)
    client.force_login(resident)
    return attempt


def test_missing_answers_are_shown_next_to_their_questions(client, taking):
    data = form_data(taking)
    first_key = next(iter(data))
    del data[first_key]
    response = client.post(attempt_url(taking), data)
    page = text(response)
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "Choose an answer to this question." in page
    assert 'id="question-1-error"' in page
    assert Attempt.objects.get().status == "in_progress"
    # The answers already chosen are kept.
    for key, values in data.items():
        assert re.search(rf'name="{key}" value="{values[0]}" checked', page)


def test_unknown_option_is_refused_next_to_the_question(client, taking):
    data = form_data(taking)
    first_key = next(iter(data))
    data[first_key] = ["not-an-option"]
    page = text(client.post(attempt_url(taking), data))
    assert "Choose from the answers shown." in page
    assert Attempt.objects.get().status == "in_progress"


def test_answers_to_another_attempts_questions_do_not_count(
    client, taking, other_resident, course, course_index
):
    other_course = factories.build_course(course_index, title="Other course")
    enrol(other_resident, other_course)
    other = services.attempt_start(user=other_resident, course=other_course)
    response = client.post(attempt_url(taking), form_data(other))
    assert response.status_code == 200
    assert text(response).count('class="field-error"') == len(taking.questions)
    assert Attempt.objects.get(pk=taking.pk).status == "in_progress"


def test_too_many_fields_get_a_clear_400(client, taking, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 10
    data = {f"junk{i}": "x" for i in range(50)}
    response = client.post(attempt_url(taking), data)
    assert response.status_code == 400
    assert "We could not read your answers" in text(response)
    assert Attempt.objects.get().status == "in_progress"


def test_too_big_a_body_gets_a_clear_400(client, taking, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = client.post(attempt_url(taking), {"q": "x" * 5000})
    assert response.status_code == 400
    assert "Submit answers" in text(response)


def test_too_big_a_body_with_csrf_checks_is_a_400_not_a_500(resident, course, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    enrol(resident, course)
    attempt = services.attempt_start(user=resident, course=course)
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(resident)
    page = text(browser.get(attempt_url(attempt)))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    response = browser.post(
        attempt_url(attempt), {"csrfmiddlewaretoken": token, "q": "x" * 5000}
    )
    assert response.status_code == 400
    assert "We could not read that" in text(response)


def test_wrong_methods_are_refused_politely(client, taking, course):
    assert client.put(attempt_url(taking)).status_code == 405
    assert client.get(reverse("learners:enrol", args=[course.pk])).status_code == 405
    assert (
        client.get(reverse("learners:assessment_start", args=[course.pk])).status_code
        == 405
    )


def test_course_without_assessment_has_no_assessment_page(
    client, resident, course_index
):
    course = factories.build_course(course_index, questions=0)
    enrol(resident, course)
    client.force_login(resident)
    assert "Assessment" not in text(client.get(course.url))
    url = reverse("learners:assessment", args=[course.pk])
    assert client.get(url).status_code == 404
    start = reverse("learners:assessment_start", args=[course.pk])
    assert client.post(start).status_code == 404


def test_open_attempt_is_offered_again_from_the_course_page(client, resident, course):
    enrol(resident, course)
    attempt = services.attempt_start(user=resident, course=course)
    client.force_login(resident)
    page = text(client.get(course.url))
    assert "Continue the assessment" in page
    assert f'href="{attempt_url(attempt)}"' in page
