"""Adds up an assessment attempt and decides what its result page reveals.
Pure: reads questions and answers, writes nothing.

Scoring one answer stays on ``Question.score``; this module only totals the
marks and decides the result, so the same rule grades online and paper
attempts and can be checked with property tests.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal
from fractions import Fraction

from django.db import models
from django.utils.translation import gettext_lazy as _

from .questions import Option, Question

# Question.score returns floats such as 1/3; their exact ratio has a small
# denominator (the number of correct options), which this recovers.
_MAX_DENOMINATOR = 10_000
_HUNDREDTHS = Decimal("0.01")


@dataclass(frozen=True)
class QuestionFeedback:
    question: Question
    selected: frozenset[str]
    mark: Fraction

    @property
    def is_correct(self) -> bool:
        return self.mark == 1

    @property
    def is_partly_correct(self) -> bool:
        return 0 < self.mark < 1


@dataclass(frozen=True)
class Result:
    score_percent: Decimal
    passed: bool
    feedback: tuple[QuestionFeedback, ...]


class ReviewPolicy(models.TextChoices):
    """When learners see the correct options of the questions they answered,
    as in Moodle's quiz review options. Whatever the policy, they see which of
    their own answers were right or wrong, with the explanation."""

    AFTER_EACH_ATTEMPT = "after_each_attempt", _("After each attempt")
    AFTER_PASSING = "after_passing", _("Only after passing")
    NEVER = "never", _("Never")


@dataclass(frozen=True)
class OptionReview:
    """One option as the result page may show it. ``correct`` is ``None``
    when the page must not say whether the option is correct."""

    option: Option
    chosen: bool
    correct: bool | None
    explanation: str


def _percent(total: Fraction, count: int) -> Decimal:
    exact = total * 100 / count
    # Rounded down so that a score just short of the pass mark never passes.
    return (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(
        _HUNDREDTHS, rounding=ROUND_DOWN
    )


def grade_attempt(
    questions: Sequence[Question],
    answers: Mapping[str, Collection[str]],
    pass_mark: int,
) -> Result:
    """Marks every question and gives the score out of 100 and whether it passes.

    ``answers`` maps a question id to the option ids chosen; a question with
    no entry scores nothing, and option ids that the question does not have
    are ignored. The attempt passes exactly when the score, to two decimal
    places, is at least ``pass_mark``.
    """
    if not questions:
        raise ValueError("An attempt needs at least one question to grade.")
    feedback = []
    for question in questions:
        selected = frozenset(answers.get(question.id, ())) & question.option_ids
        mark = Fraction(question.score(selected)).limit_denominator(_MAX_DENOMINATOR)
        feedback.append(QuestionFeedback(question, selected, mark))
    score = _percent(sum((item.mark for item in feedback), Fraction(0)), len(feedback))
    return Result(
        score_percent=score, passed=score >= pass_mark, feedback=tuple(feedback)
    )


def shows_correct_answers(policy: str, *, passed: bool) -> bool:
    """Whether the result of an attempt, passed or not, reveals the correct
    options of its questions."""
    if policy == ReviewPolicy.AFTER_EACH_ATTEMPT:
        return True
    return policy == ReviewPolicy.AFTER_PASSING and passed


def review_options(
    item: QuestionFeedback, *, show_correct: bool
) -> tuple[OptionReview, ...]:
    """What the result page shows of each option of one marked question.

    An option the learner chose says whether it was right, with its
    explanation. Other options say so, with theirs, only when correct options
    are shown and the option is correct; otherwise nothing about them, so the
    page gives away no answer the learner did not choose. An explanation that
    several options share, as in true-or-false questions, is shown once.
    """
    shown: set[str] = set()
    reviews = []
    for option in item.question.options:
        chosen = option.id in item.selected
        revealed = chosen or (show_correct and option.correct)
        explanation = ""
        if revealed and option.explanation not in shown:
            explanation = option.explanation
            shown.add(explanation)
        reviews.append(
            OptionReview(
                option=option,
                chosen=chosen,
                correct=option.correct if chosen or show_correct else None,
                explanation=explanation,
            )
        )
    return tuple(reviews)
