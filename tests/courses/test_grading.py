from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from courses.grading import grade_attempt
from courses.questions import Option, Question


def option(id_, correct, explanation="Why."):
    return Option(
        id=id_, text=f"Answer {id_}", correct=correct, explanation=explanation
    )


SINGLE = Question(
    id="single",
    kind="single_choice",
    prompt="Which number do you ring in a fire?",
    options=(option("a", True), option("b", False), option("c", False)),
)
TRUE_FALSE = Question(
    id="tf",
    kind="true_false",
    prompt="A smoke alarm should be tested monthly.",
    options=(option("true", True), option("false", False)),
)
MULTIPLE = Question(
    id="multi",
    kind="multiple_response",
    prompt="Which of these are fire hazards?",
    options=(
        option("a", True),
        option("b", True),
        option("c", False),
        option("d", False),
    ),
)
IMAGE = Question(
    id="image",
    kind="image_choice",
    prompt="Which picture shows a safe socket?",
    options=(
        Option("p1", "One plug", True, "Safe.", image_id=1),
        Option("p2", "Many adaptors", False, "Overloaded.", image_id=2),
    ),
)


@pytest.mark.parametrize(
    ("selected", "expected"),
    [(["a"], Decimal("100")), (["b"], Decimal("0")), ([], Decimal("0"))],
)
def test_single_choice_scores_all_or_nothing(selected, expected):
    result = grade_attempt([SINGLE], {"single": selected}, pass_mark=50)
    assert result.score_percent == expected


def test_single_choice_with_two_answers_scores_nothing():
    assert grade_attempt([SINGLE], {"single": ["a", "b"]}, 50).score_percent == 0


@pytest.mark.parametrize(("selected", "passed"), [(["true"], True), (["false"], False)])
def test_true_false_scores_the_chosen_statement(selected, passed):
    result = grade_attempt([TRUE_FALSE], {"tf": selected}, pass_mark=100)
    assert result.passed is passed
    assert result.feedback[0].is_correct is passed


@pytest.mark.parametrize(
    ("selected", "expected"),
    [
        (["a", "b"], Decimal("100")),
        (["a"], Decimal("50")),
        (["a", "c"], Decimal("0")),
        (["a", "b", "c"], Decimal("50")),
        (["c", "d"], Decimal("0")),
    ],
)
def test_multiple_response_gives_partial_credit_never_below_zero(selected, expected):
    result = grade_attempt([MULTIPLE], {"multi": selected}, pass_mark=80)
    assert result.score_percent == expected
    assert result.feedback[0].is_partly_correct == (0 < expected < 100)


@pytest.mark.parametrize(("selected", "expected"), [(["p1"], 100), (["p2"], 0)])
def test_image_choice_scores_the_chosen_picture(selected, expected):
    assert grade_attempt([IMAGE], {"image": selected}, 80).score_percent == expected


def test_attempt_score_is_the_average_of_its_questions():
    answers = {"single": ["a"], "tf": ["false"], "multi": ["a"], "image": ["p1"]}
    result = grade_attempt([SINGLE, TRUE_FALSE, MULTIPLE, IMAGE], answers, 62)
    assert result.score_percent == Decimal("62.50")
    assert result.passed


def test_pass_happens_exactly_at_the_pass_mark():
    questions = [SINGLE, TRUE_FALSE, IMAGE, MULTIPLE, SINGLE]
    answers = {"single": ["a"], "tf": ["true"], "image": ["p1"], "multi": ["c"]}
    assert grade_attempt(questions, answers, 80).passed
    assert not grade_attempt(questions, answers, 81).passed


def test_a_third_is_rounded_down_and_never_up_into_a_pass():
    questions = [SINGLE, TRUE_FALSE, IMAGE]
    result = grade_attempt(questions, {"single": ["a"], "tf": ["true"]}, 67)
    assert result.score_percent == Decimal("66.66")
    assert not result.passed


def test_unknown_options_and_unknown_questions_are_ignored():
    answers = {"single": ["zzz", "a"], "nope": ["a"]}
    result = grade_attempt([SINGLE], answers, 100)
    assert result.score_percent == 100
    assert result.feedback[0].selected == frozenset({"a"})


def test_missing_answers_score_nothing():
    result = grade_attempt([SINGLE, TRUE_FALSE], {}, 1)
    assert result.score_percent == 0
    assert not result.passed


def test_grading_needs_at_least_one_question():
    with pytest.raises(ValueError):
        grade_attempt([], {}, 80)


# Properties -----------------------------------------------------------------------

KINDS = ["single_choice", "multiple_response", "true_false", "image_choice"]


@st.composite
def questions(draw, index):
    kind = draw(st.sampled_from(KINDS))
    count = 2 if kind == "true_false" else draw(st.integers(2, 6))
    if kind == "multiple_response":
        flags = draw(st.lists(st.booleans(), min_size=count, max_size=count))
        if not any(flags):
            flags[draw(st.integers(0, count - 1))] = True
    else:
        right = draw(st.integers(0, count - 1))
        flags = [i == right for i in range(count)]
    options = tuple(option(f"{index}-{i}", flag) for i, flag in enumerate(flags))
    return Question(id=f"q{index}", kind=kind, prompt="?", options=options)


@st.composite
def attempts(draw):
    size = draw(st.integers(1, 12))
    drawn = [draw(questions(i)) for i in range(size)]
    answers = {}
    for question in drawn:
        ids = [o.id for o in question.options] + ["junk", "q0-0"]
        if draw(st.booleans()):
            answers[question.id] = draw(st.lists(st.sampled_from(ids), max_size=8))
    return drawn, answers


@given(attempts(), st.integers(1, 100))
def test_score_stays_between_0_and_100(attempt, pass_mark):
    drawn, answers = attempt
    result = grade_attempt(drawn, answers, pass_mark)
    assert Decimal(0) <= result.score_percent <= Decimal(100)
    assert len(result.feedback) == len(drawn)


@given(attempts(), st.integers(1, 100))
def test_pass_happens_exactly_when_score_reaches_pass_mark(attempt, pass_mark):
    drawn, answers = attempt
    result = grade_attempt(drawn, answers, pass_mark)
    assert result.passed == (result.score_percent >= pass_mark)


@given(attempts())
def test_all_correct_answers_always_score_100(attempt):
    drawn, _ = attempt
    answers = {q.id: list(q.correct_ids) for q in drawn}
    assert grade_attempt(drawn, answers, 100).score_percent == 100
