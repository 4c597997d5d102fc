from __future__ import annotations

from collections.abc import Sequence

from django import forms
from django.utils.translation import gettext_lazy as _

from courses.questions import Question

FIELD_PREFIX = "q-"

ERRORS = {
    "required": _("Choose an answer to this question."),
    "invalid_choice": _("Choose from the answers shown."),
    "invalid_list": _("Choose from the answers shown."),
}


class AttemptForm(forms.Form):
    """One field per drawn question, its options in the order they were shown.

    Only option ids and texts go into the page: nothing about which option is
    correct, and no explanations.
    """

    def __init__(self, *args, questions: Sequence[Question], **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            choices = [(option.id, option.text) for option in question.options]
            if question.allows_many:
                field = forms.MultipleChoiceField(
                    choices=choices,
                    widget=forms.CheckboxSelectMultiple,
                    error_messages={
                        **ERRORS,
                        "required": _("Choose at least one answer."),
                    },
                )
            else:
                field = forms.ChoiceField(
                    choices=choices,
                    widget=forms.RadioSelect,
                    error_messages=ERRORS,
                )
            field.label = question.prompt
            self.fields[self.field_name(question)] = field

    @staticmethod
    def field_name(question: Question) -> str:
        return f"{FIELD_PREFIX}{question.id}"

    def answers(self) -> dict[str, list[str]]:
        answers = {}
        for question in self.questions:
            value = self.cleaned_data[self.field_name(question)]
            answers[question.id] = value if isinstance(value, list) else [value]
        return answers
