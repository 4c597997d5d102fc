"""Builders for the learning journey's tests."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from courses.models import CoursePage, CoursePrerequisite
from learners import selectors, services
from learners.models import Attempt, Enrolment
from learners.signals import course_completed
from tests import factories

ON_POSTGRES = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
postgres_only = pytest.mark.skipif(
    not ON_POSTGRES,
    reason="needs PostgreSQL for real row locks; set DATABASE_URL to run it",
)


def enrol(user, course: CoursePage) -> Enrolment:
    return services.enrolment_create(user=user, course=course)


def finish_lessons(user, course: CoursePage) -> None:
    for lesson in course.get_children().live().specific():
        services.lesson_mark_done(user=user, lesson=lesson)


def answers_for(attempt: Attempt, *, correct: bool = True) -> dict[str, list[str]]:
    """Answers to every drawn question: all right, or all wrong."""
    answers = {}
    for question in selectors.attempt_questions(attempt):
        if correct:
            answers[question.id] = sorted(question.correct_ids)
        else:
            wrong = sorted(question.option_ids - question.correct_ids)
            answers[question.id] = wrong[:1]
    return answers


def form_data(attempt: Attempt, *, correct: bool = True) -> dict[str, list[str]]:
    return {
        f"q-{qid}": ids for qid, ids in answers_for(attempt, correct=correct).items()
    }


def submit(user, attempt: Attempt, *, correct: bool = True) -> Attempt:
    return services.attempt_submit(
        attempt=attempt, answers=answers_for(attempt, correct=correct), user=user
    ).attempt


def fail_attempt(user, course: CoursePage) -> Attempt:
    attempt = services.attempt_start(user=user, course=course)
    return submit(user, attempt, correct=False)


def age_submissions(enrolment: Enrolment, minutes: int) -> None:
    """Moves every submission back in time, as if the learner had waited."""
    for attempt in enrolment.attempts.exclude(submitted_at=None):
        attempt.submitted_at -= timedelta(minutes=minutes)
        attempt.save(update_fields=["submitted_at"])


def require(course: CoursePage, prerequisite: CoursePage) -> None:
    CoursePrerequisite.objects.create(course=course, prerequisite=prerequisite)


def make_image(title: str = "A picture"):
    return get_image_model().objects.create(
        title=title, file=get_test_image_file(f"{title.replace(' ', '-')}.png")
    )


def build_image_course(index, images) -> CoursePage:
    """A course whose bank holds one image-choice question and nothing else."""
    course = factories.build_course(index, title="Spot the hazard", questions=0)
    course.question_bank = [
        (
            "image_choice",
            {
                "prompt": "Which picture shows a safe socket?",
                "options": [
                    {
                        "image": images[0],
                        "alt": "A socket with one plug",
                        "correct": True,
                        "explanation": "One plug per socket is safe.",
                    },
                    {
                        "image": images[1],
                        "alt": "A socket overloaded with adaptors",
                        "correct": False,
                        "explanation": "Adaptors overload the socket.",
                    },
                ],
            },
        )
    ]
    course.questions_per_attempt = 1
    course.save()
    return CoursePage.objects.get(pk=course.pk)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def completions():
    """Every ``course_completed`` signal sent while the test runs."""
    received = []

    def receiver(sender, enrolment, **kwargs):
        received.append((sender, enrolment.pk))

    course_completed.connect(receiver, weak=False)
    yield received
    course_completed.disconnect(receiver)


@pytest.fixture
def enrolled(resident, course) -> Enrolment:
    return enrol(resident, course)


@pytest.fixture
def open_attempt(resident, enrolled, course) -> Attempt:
    return services.attempt_start(user=resident, course=course)


@pytest.fixture
def now():
    return timezone.now()
