"""Form pieces every app's forms use."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from .http import parse_id


class DateInput(forms.DateInput):
    """A date field the browser shows as a date picker (ISO dates)."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class IdChoiceField(forms.ModelChoiceField):
    """A choice by primary key that refuses, as an invalid choice, a value
    that cannot be a key, rather than letting the database choke on it (a
    page's key is compared without Django's range check)."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if parse_id(value) is None:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class IdMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Choices by primary key; each value that cannot be a key is an invalid
    choice, as one that names nothing is, rather than a database error."""

    def clean(self, value):
        if isinstance(value, list | tuple):
            for pk in value:
                if parse_id(pk) is None:
                    raise forms.ValidationError(
                        self.error_messages["invalid_choice"],
                        code="invalid_choice",
                        params={"value": pk},
                    )
        return super().clean(value)


def add_validation_errors(form: forms.Form, error: ValidationError) -> None:
    """Shows a service's ``ValidationError`` on ``form``: next to the field it
    names where the form has that field, at the top otherwise."""
    for name, errors in getattr(error, "error_dict", {None: error.error_list}).items():
        form.add_error(name if name in form.fields else None, errors)
