"""Adds up an assessment attempt. Pure: reads questions and answers, writes nothing.

Scoring one answer stays on ``Question.score``; this module only totals the
marks and decides the result, so the same rule grades online and paper
attempts and can be checked with property tests.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal
from fractions import Fraction

from .questions import Question

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
