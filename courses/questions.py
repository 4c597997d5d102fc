"""Plain question objects, taken from a course's question bank.

An attempt keeps a snapshot of the questions it drew (``Question.to_dict``), so
later edits to the bank never change how a past attempt was graded.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Option:
    id: str
    text: str
    correct: bool
    explanation: str
    image_id: int | None = None


@dataclass(frozen=True)
class Question:
    id: str
    kind: str
    prompt: str
    options: tuple[Option, ...] = field(default_factory=tuple)

    @property
    def allows_many(self) -> bool:
        return self.kind == "multiple_response"

    @property
    def correct_ids(self) -> frozenset[str]:
        return frozenset(option.id for option in self.options if option.correct)

    @property
    def option_ids(self) -> frozenset[str]:
        return frozenset(option.id for option in self.options)

    def score(self, selected: Iterable[str]) -> float:
        """Marks one answer from 0 to 1.

        Single-answer questions score all or nothing. A multiple-response
        question gives credit for each correct choice and takes it back for
        each wrong one, never going below zero, as Moodle does by default.
        """
        chosen = frozenset(selected) & self.option_ids
        if not self.allows_many:
            return 1.0 if chosen == self.correct_ids else 0.0
        right = len(chosen & self.correct_ids)
        wrong = len(chosen - self.correct_ids)
        return max(0.0, (right - wrong) / len(self.correct_ids))

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Question:
        options = tuple(Option(**option) for option in data["options"])
        return cls(
            id=data["id"], kind=data["kind"], prompt=data["prompt"], options=options
        )


def _choice_options(block_value) -> tuple[Option, ...]:
    options = []
    for child in block_value["options"].bound_blocks:
        value = child.value
        image = value.get("image")
        options.append(
            Option(
                id=child.id,
                text=value.get("text") or value.get("alt", ""),
                correct=bool(value["correct"]),
                explanation=value["explanation"],
                image_id=image.pk if image else None,
            )
        )
    return tuple(options)


def _true_false_options(block_value) -> tuple[Option, ...]:
    answer = bool(block_value["answer"])
    explanation = block_value["explanation"]
    return (
        Option(id="true", text=str(_("True")), correct=answer, explanation=explanation),
        Option(
            id="false",
            text=str(_("False")),
            correct=not answer,
            explanation=explanation,
        ),
    )


def questions_from_bank(bank) -> list[Question]:
    """Turns a ``QuestionBankBlock`` stream into ``Question`` objects."""
    questions = []
    for child in bank:
        if child.block_type == "true_false":
            options = _true_false_options(child.value)
        else:
            options = _choice_options(child.value)
        questions.append(
            Question(
                id=child.id,
                kind=child.block_type,
                prompt=child.value["prompt"],
                options=options,
            )
        )
    return questions
