"""The report's filter: a period and, optionally, an area."""

from __future__ import annotations

from datetime import date

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from academy_web.forms import DateInput
from learners.models import Area

from .periods import Period, current_quarter

EARLIEST = date(2000, 1, 1)
LATEST = date(2099, 12, 31)
# Ten years, leap days included: longer periods are a typing slip, and cost
# the database a long monthly trend for nothing.
MAX_PERIOD_DAYS = 3653
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]


class ImpactFilterForm(forms.Form):
    start = forms.DateField(
        label=gettext_lazy("First day"),
        input_formats=DATE_INPUT_FORMATS,
        widget=DateInput,
        error_messages={
            "required": gettext_lazy("Enter the first day of the period."),
            "invalid": gettext_lazy("Enter a real date, for example 2026-01-31."),
        },
    )
    end = forms.DateField(
        label=gettext_lazy("Last day"),
        input_formats=DATE_INPUT_FORMATS,
        widget=DateInput,
        error_messages={
            "required": gettext_lazy("Enter the last day of the period."),
            "invalid": gettext_lazy("Enter a real date, for example 2026-03-31."),
        },
    )
    area = forms.ModelChoiceField(
        label=gettext_lazy("Area"),
        queryset=Area.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label=gettext_lazy("All areas"),
        error_messages={
            "invalid_choice": gettext_lazy("Choose an area from the list."),
        },
    )

    def full_clean(self):
        super().full_clean()
        # Screen readers announce each field's error with the field.
        for name in self.errors:
            if name in self.fields:
                widget = self.fields[name].widget
                widget.attrs["aria-describedby"] = f"id_{name}-errors"

    def _within_range(self, day: date) -> date:
        if not EARLIEST <= day <= LATEST:
            raise forms.ValidationError(
                _("Choose a date between %(earliest)s and %(latest)s.")
                % {"earliest": EARLIEST.isoformat(), "latest": LATEST.isoformat()}
            )
        return day

    def clean_start(self) -> date:
        return self._within_range(self.cleaned_data["start"])

    def clean_end(self) -> date:
        return self._within_range(self.cleaned_data["end"])

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end:
            if end < start:
                self.add_error("end", _("The end date cannot be before the start."))
            elif (end - start).days >= MAX_PERIOD_DAYS:
                self.add_error("end", _("Choose a period of ten years or less."))
        return cleaned

    @property
    def period(self) -> Period:
        return Period(start=self.cleaned_data["start"], end=self.cleaned_data["end"])

    @property
    def chosen_area(self) -> Area | None:
        return self.cleaned_data.get("area")

    @property
    def query(self) -> dict[str, str]:
        """The cleaned filter as query parameters, for links that keep it."""
        area = self.chosen_area
        return {
            "start": self.period.start.isoformat(),
            "end": self.period.end.isoformat(),
            "area": area.slug if area else "",
        }


def filter_form(params) -> ImpactFilterForm:
    """A bound form: what the user asked for, the current quarter otherwise."""
    default = current_quarter()
    data = {"start": default.start.isoformat(), "end": default.end.isoformat()}
    data["area"] = ""
    data.update({name: params[name] for name in data if name in params})
    return ImpactFilterForm(data)
