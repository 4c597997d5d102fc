"""Small builders for test data: a site tree, courses with lessons and banks."""

from __future__ import annotations

import itertools

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page, Site

from cms_pages.models import HomePage
from courses import roles
from courses.models import CourseIndexPage, CoursePage, LessonPage

_counter = itertools.count(1)

PASSWORD = "correct-horse-battery"  # noqa: S105


def make_user(*, username: str | None = None, groups=(), **fields):
    username = username or f"user{next(_counter)}"
    fields.setdefault("email", f"{username}@example.org")
    user = get_user_model().objects.create_user(
        username=username, password=PASSWORD, **fields
    )
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    if user.email:
        EmailAddress.objects.create(
            user=user, email=user.email, verified=True, primary=True
        )
    return user


def make_resident(**fields):
    return make_user(**fields)


def make_trainer(**fields):
    return make_user(groups=[roles.TRAINERS], **fields)


def make_coordinator(**fields):
    return make_user(groups=[roles.COORDINATORS], **fields)


def build_site() -> tuple[HomePage, CourseIndexPage]:
    """A home page at the site root with a course index at /courses/."""
    root = Page.get_first_root_node()
    home = HomePage(
        title="Citizens' Academy", slug="academy-home", intro="<p>Learn to help.</p>"
    )
    root.add_child(instance=home)
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    index = CourseIndexPage(title="Courses", slug="courses")
    home.add_child(instance=index)
    return home, index


def single_choice(prompt: str, correct: str, wrong: list[str]) -> tuple:
    options = [{"text": correct, "correct": True, "explanation": "That is right."}]
    options += [
        {"text": text, "correct": False, "explanation": "Not quite."} for text in wrong
    ]
    return ("single_choice", {"prompt": prompt, "options": options})


def true_false(prompt: str, answer: bool) -> tuple:
    return (
        "true_false",
        {"prompt": prompt, "answer": answer, "explanation": "Because it is so."},
    )


def multiple_response(prompt: str, correct: list[str], wrong: list[str]) -> tuple:
    options = [
        {"text": text, "correct": True, "explanation": "Yes."} for text in correct
    ] + [{"text": text, "correct": False, "explanation": "No."} for text in wrong]
    return ("multiple_response", {"prompt": prompt, "options": options})


def build_course(
    index: CourseIndexPage,
    *,
    title: str | None = None,
    lessons: int = 3,
    questions: int = 4,
    questions_per_attempt: int | None = None,
    **fields,
) -> CoursePage:
    number = next(_counter)
    title = title or f"Course {number}"
    bank = [
        single_choice(f"Question {i}?", f"Right {i}", [f"Wrong {i}a", f"Wrong {i}b"])
        for i in range(questions)
    ]
    course = CoursePage(
        title=title,
        slug=f"course-{number}",
        summary=f"What {title} is about.",
        question_bank=bank,
        questions_per_attempt=questions_per_attempt or max(1, questions),
        **fields,
    )
    index.add_child(instance=course)
    for position in range(1, lessons + 1):
        course.add_child(
            instance=LessonPage(
                title=f"Lesson {position}",
                slug=f"lesson-{position}",
                body=[
                    ("heading", f"Part {position}"),
                    ("text", f"<p>Lesson {position} text.</p>"),
                ],
            )
        )
    return course
