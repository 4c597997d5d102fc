"""Pages make the same number of queries however much a learner has done."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from learners import services
from tests import factories
from tests.learners.conftest import enrol, fail_attempt

pytestmark = pytest.mark.django_db


def queries_for(client, url) -> int:
    client.get(url)  # warms per-process caches such as site root paths
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def learner_with_courses(index, user, *, courses: int, lessons: int):
    built = []
    for _ in range(courses):
        course = factories.build_course(index, lessons=lessons, questions=2)
        enrol(user, course)
        for lesson in course.get_children().specific()[:2]:
            services.lesson_mark_done(user=user, lesson=lesson)
        fail_attempt(user, course)
        built.append(course)
    return built


def test_dashboard_queries_do_not_grow_with_enrolments(
    client, course_index, resident, other_resident, django_assert_max_num_queries
):
    learner_with_courses(course_index, resident, courses=1, lessons=3)
    learner_with_courses(course_index, other_resident, courses=20, lessons=3)
    url = reverse("learners:dashboard")
    client.force_login(resident)
    few = queries_for(client, url)
    client.force_login(other_resident)
    many = queries_for(client, url)
    assert few == many
    with django_assert_max_num_queries(20):
        client.get(url)


def test_dashboard_queries_do_not_grow_with_lessons(
    client, course_index, resident, other_resident
):
    learner_with_courses(course_index, resident, courses=2, lessons=3)
    learner_with_courses(course_index, other_resident, courses=2, lessons=40)
    url = reverse("learners:dashboard")
    client.force_login(resident)
    few = queries_for(client, url)
    client.force_login(other_resident)
    assert queries_for(client, url) == few


def test_lesson_page_queries_do_not_grow_with_lessons(
    client, course_index, resident, django_assert_max_num_queries
):
    short, long = (
        learner_with_courses(course_index, resident, courses=1, lessons=n)[0]
        for n in (3, 40)
    )
    client.force_login(resident)
    short_lesson = short.get_children().specific()[1]
    long_lesson = long.get_children().specific()[1]
    assert queries_for(client, short_lesson.url) == queries_for(client, long_lesson.url)
    with django_assert_max_num_queries(25):
        client.get(long_lesson.url)


def test_course_page_queries_do_not_grow_with_lessons(client, course_index, resident):
    short, long = (
        learner_with_courses(course_index, resident, courses=1, lessons=n)[0]
        for n in (3, 40)
    )
    client.force_login(resident)
    assert queries_for(client, short.url) == queries_for(client, long.url)
