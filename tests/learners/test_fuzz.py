"""Whatever arrives at the attempt endpoint, the answer is never a 500."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from learners import services
from learners.models import Attempt
from tests.learners.conftest import enrol

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def fresh_attempt(client, resident, course):
    """A function that opens a new attempt, closing the previous one."""
    enrolment = enrol(resident, course)
    client.force_login(resident)

    def open_new() -> Attempt:
        enrolment.attempts.filter(status="in_progress").update(status="expired")
        return services.attempt_start(user=resident, course=course)

    return open_new


def real_names_and_ids(course):
    names, ids = [], []
    for question in course.get_questions():
        names.append(f"q-{question.id}")
        ids.extend(option.id for option in question.options)
    return names, ids


def form_bodies(course):
    names, ids = real_names_and_ids(course)
    keys = st.one_of(st.sampled_from(names), st.text(max_size=40))
    values = st.one_of(
        st.sampled_from(ids),
        st.text(max_size=200),
        st.sampled_from(["", "true", "false", "0", "-1", "null", "[]", "{}"]),
    )
    return st.dictionaries(keys, st.lists(values, max_size=6), max_size=12)


@FUZZ
@given(data=st.data())
def test_any_form_body_gets_a_page_not_a_crash(client, course, fresh_attempt, data):
    attempt = fresh_attempt()
    body = data.draw(form_bodies(course))
    response = client.post(f"/learning/attempts/{attempt.pk}/", body)
    assert response.status_code in (200, 302, 400)
    attempt.refresh_from_db()
    if attempt.status == Attempt.Status.SUBMITTED:
        assert 0 <= attempt.score <= 100


@FUZZ
@given(
    body=st.binary(max_size=2000),
    content_type=st.sampled_from(
        [
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=xyz",
            "multipart/form-data",
            "application/json",
            "text/plain",
        ]
    ),
)
def test_any_raw_body_gets_a_page_not_a_crash(
    client, fresh_attempt, body, content_type
):
    attempt = fresh_attempt()
    response = client.post(
        f"/learning/attempts/{attempt.pk}/", body, content_type=content_type
    )
    assert response.status_code in (200, 302, 400)
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.IN_PROGRESS
