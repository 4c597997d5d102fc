"""The assessment's review policy: what a result page reveals of the correct
answers, the pure rule behind it, and the setting in the Wagtail admin."""

import re

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from courses.grading import (
    ReviewPolicy,
    grade_attempt,
    review_options,
    shows_correct_answers,
)
from courses.models import CoursePage
from courses.questions import Option, Question
from learners import selectors, services
from tests import factories
from tests.factories import PASSWORD

REVEALS = {
    (ReviewPolicy.AFTER_EACH_ATTEMPT, False): True,
    (ReviewPolicy.AFTER_EACH_ATTEMPT, True): True,
    (ReviewPolicy.AFTER_PASSING, False): False,
    (ReviewPolicy.AFTER_PASSING, True): True,
    (ReviewPolicy.NEVER, False): False,
    (ReviewPolicy.NEVER, True): False,
}
OPTION_ITEM = re.compile(r'<li( class="is-correct")?>(.*?)</li>', re.S)


# The pure rule ----------------------------------------------------------------------


@pytest.mark.parametrize(("policy", "passed"), list(REVEALS))
def test_each_policy_reveals_correct_answers_exactly_as_the_trainer_chose(
    policy, passed
):
    assert shows_correct_answers(policy, passed=passed) is REVEALS[policy, passed]


def test_a_new_course_reveals_no_correct_answers():
    assert CoursePage().review_policy == ReviewPolicy.NEVER


@st.composite
def marked_questions(draw):
    count = draw(st.integers(min_value=2, max_value=5))
    correct = draw(st.sets(st.integers(0, count - 1), min_size=1).map(frozenset))
    explanations = st.sampled_from(["Yes.", "No.", "Because it is so.", ""])
    options = tuple(
        Option(
            id=f"o{index}",
            text=f"Option {index}",
            correct=index in correct,
            explanation=draw(explanations),
        )
        for index in range(count)
    )
    question = Question(
        id="q", kind="multiple_response", prompt="Which?", options=options
    )
    chosen = draw(st.sets(st.sampled_from([option.id for option in options])))
    (item,) = grade_attempt([question], {"q": chosen}, 50).feedback
    return item


@given(item=marked_questions(), show_correct=st.booleans())
def test_chosen_options_always_say_whether_they_were_right(item, show_correct):
    for review in review_options(item, show_correct=show_correct):
        if review.chosen:
            assert review.correct is review.option.correct


@given(item=marked_questions())
def test_hidden_answers_say_nothing_about_options_not_chosen(item):
    for review in review_options(item, show_correct=False):
        if not review.chosen:
            assert review.correct is None
            assert review.explanation == ""


@given(item=marked_questions())
def test_shown_answers_mark_every_correct_option_with_its_explanation(item):
    reviews = review_options(item, show_correct=True)
    explained = {review.explanation for review in reviews}

    for review in reviews:
        assert review.correct is review.option.correct
        if review.option.correct:
            assert review.option.explanation in explained


@given(item=marked_questions(), show_correct=st.booleans())
def test_a_shared_explanation_is_shown_once(item, show_correct):
    shown = [
        review.explanation
        for review in review_options(item, show_correct=show_correct)
        if review.explanation
    ]

    assert len(shown) == len(set(shown))


# The result page --------------------------------------------------------------------


def result_page(client, resident, course, *, passed: bool) -> str:
    """Takes an attempt through the pages, answering the first question wrong
    and, to pass, the rest right; returns the result page's HTML."""
    services.enrolment_create(user=resident, course=course)
    attempt = services.attempt_start(user=resident, course=course)
    data = {}
    for number, question in enumerate(selectors.attempt_questions(attempt)):
        right = passed and number > 0
        ids = (
            question.correct_ids
            if right
            else question.option_ids - question.correct_ids
        )
        data[f"q-{question.id}"] = sorted(ids)[:1]
    client.force_login(resident)
    client.post(reverse("learners:attempt", args=[attempt.pk]), data)
    attempt.refresh_from_db()
    assert attempt.passed is passed
    response = client.get(reverse("learners:attempt_result", args=[attempt.pk]))
    assert response.status_code == 200
    return response.content.decode()


def answers_on(page: str) -> str:
    """The part of a result page that shows the learner's answers."""
    return page.split("<h2>Your answers</h2>", 1)[1].split("All your attempts", 1)[0]


def option_items(page: str) -> list[tuple[bool, str]]:
    """Each option on the page: whether it is styled correct, and its markup."""
    return [(bool(styled), body) for styled, body in OPTION_ITEM.findall(page)]


def without_text(body: str) -> str:
    return re.sub(r"(Right|Wrong) \d+[ab]?", "OPTION", body)


@pytest.mark.django_db
@pytest.mark.parametrize(("policy", "passed"), list(REVEALS))
def test_the_result_page_reveals_correct_answers_only_as_the_policy_allows(
    client, resident, course_index, policy, passed
):
    course = factories.build_course(
        course_index, review_policy=policy, pass_mark=75, cooldown_minutes=0
    )
    page = result_page(client, resident, course, passed=passed)
    items = option_items(answers_on(page))
    chosen = [(styled, body) for styled, body in items if "Your answer" in body]
    missed = [
        (styled, body)
        for styled, body in items
        if "Your answer" not in body and re.search(r"Right \d", body)
    ]
    others = [
        body
        for _, body in items
        if "Your answer" not in body and not re.search(r"Right \d", body)
    ]

    assert len(items) == 12
    assert len(chosen) == 4
    for styled, body in chosen:
        right = bool(re.search(r"Right \d", body))
        assert styled is right
        assert ("Correct answer" in body) is right
        assert ("Not correct" in body) is not right
        assert ("That is right." if right else "Not quite.") in body
    assert len(missed) == (1 if passed else 4)
    if REVEALS[policy, passed]:
        for styled, body in missed:
            assert styled
            assert "Correct answer" in body
            assert "That is right." in body
        assert page.count("Correct answer") == 4
    else:
        for styled, body in missed:
            assert not styled
            assert without_text(body) == without_text(others[0])
        assert page.count("Correct answer") == (3 if passed else 0)
        assert page.count("That is right.") == (3 if passed else 0)
        assert page.count("is-correct") == (3 if passed else 0)


@pytest.mark.django_db
def test_a_course_made_without_choosing_shows_own_answers_but_no_correct_option(
    client, resident, course
):
    page = answers_on(result_page(client, resident, course, passed=False))

    assert page.count("Your answer") == 4
    assert page.count("Not correct") == 4
    assert page.count("Not quite.") == 4
    assert "Correct answer" not in page
    assert "That is right." not in page
    assert "is-correct" not in page


# The admin --------------------------------------------------------------------------


def edit_data(course: CoursePage, **fields) -> dict:
    return nested_form_data(
        {
            "title": course.title,
            "slug": course.slug,
            "topic": course.topic,
            "summary": course.summary,
            "learning_outcomes": streamfield([]),
            "estimated_minutes": course.estimated_minutes,
            "image_alt": "",
            "prerequisites": inline_formset([]),
            "practical_skills": inline_formset([]),
            "questions_per_attempt": 1,
            "pass_mark": course.pass_mark,
            "max_attempts": course.max_attempts,
            "cooldown_minutes": course.cooldown_minutes,
            "review_policy": course.review_policy,
            "question_bank": streamfield([]),
            **fields,
        }
    )


@pytest.mark.django_db
def test_a_trainer_sees_the_choice_on_the_assessment_tab(client, course, trainer):
    client.login(username=trainer.username, password=PASSWORD)

    page = client.get(reverse("wagtailadmin_pages:edit", args=[course.pk]))

    html = page.content.decode()
    assessment = html.split('id="tab-assessment"', 1)[1].split('id="tab-', 1)[0]
    assert 'name="review_policy"' in assessment
    for label in ("After each attempt", "Only after passing", "Never"):
        assert label in assessment


@pytest.mark.django_db
def test_a_trainer_sets_the_review_policy_in_the_admin(client, course, trainer):
    client.login(username=trainer.username, password=PASSWORD)

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[course.pk]),
        edit_data(course, review_policy=ReviewPolicy.AFTER_PASSING),
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    draft = CoursePage.objects.get(pk=course.pk).get_latest_revision_as_object()
    assert draft.review_policy == ReviewPolicy.AFTER_PASSING


@pytest.mark.django_db
def test_an_unknown_review_policy_is_refused(client, course, trainer):
    client.login(username=trainer.username, password=PASSWORD)
    revisions = course.revisions.count()

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[course.pk]),
        edit_data(course, review_policy="always_and_forever"),
    )

    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()
    assert course.revisions.count() == revisions
