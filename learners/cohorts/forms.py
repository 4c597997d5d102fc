"""Forms for the trainer's pages and the cohort admin screens. They only
collect and tidy input; the services decide what is allowed."""

from __future__ import annotations

from collections.abc import Sequence

from django import forms
from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.forms.models import formfield_for_dbfield
from wagtail.permission_policies import ModelPermissionPolicy

from academy_web.forms import DateInput, IdChoiceField, IdMultipleChoiceField
from courses.models import CoursePage

from ..models import Attendance
from ..people import person_label
from .selectors import RegisterRow, cohorts_in_scope

MARK_PREFIX = "m-"


class AttendanceRegisterForm(forms.Form):
    """One optional choice of present, absent or excused per cohort member."""

    def __init__(self, *args, rows: Sequence[RegisterRow], **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = list(rows)
        for row in self.rows:
            self.fields[self.field_name(row.member.pk)] = forms.ChoiceField(
                label=row.member.name,
                choices=Attendance.Status.choices,
                widget=forms.RadioSelect,
                required=False,
                initial=row.status,
                error_messages={
                    "invalid_choice": _("Choose present, absent or excused.")
                },
            )

    @staticmethod
    def field_name(member_id: int) -> str:
        return f"{MARK_PREFIX}{member_id}"

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not self.marks():
            raise forms.ValidationError(
                _("Mark at least one person before saving."), code="empty"
            )
        return cleaned

    def marks(self) -> dict[int, str]:
        return {
            row.member.pk: value
            for row in self.rows
            if (value := self.cleaned_data.get(self.field_name(row.member.pk)))
        }

    def bound_rows(self) -> list[tuple[RegisterRow, forms.BoundField]]:
        return [(row, self[self.field_name(row.member.pk)]) for row in self.rows]


class SkillSignOffForm(forms.Form):
    """Signs off one skill for one member; ids arrive in hidden fields."""

    learner = forms.IntegerField(widget=forms.HiddenInput)
    skill = forms.IntegerField(widget=forms.HiddenInput)
    signed_off_on = forms.DateField(
        label=_("Date"),
        widget=DateInput,
        error_messages={
            "required": _("Enter the date the skill was signed off."),
            "invalid": _("Enter a real date, for example 14/03/2026."),
        },
    )
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={
            "max_length": _("Keep the note to %(limit_value)d characters or fewer.")
        },
    )


class SkillUndoForm(forms.Form):
    learner = forms.IntegerField(widget=forms.HiddenInput)
    skill = forms.IntegerField(widget=forms.HiddenInput)


def formfield_by_id(db_field, **kwargs):
    """Wagtail's form field for a model field, except that a related object
    is chosen by an id that must fit the database."""
    if isinstance(db_field, models.ForeignKey):
        kwargs.setdefault("form_class", IdChoiceField)
    elif isinstance(db_field, models.ManyToManyField):
        kwargs.setdefault("form_class", IdMultipleChoiceField)
    return formfield_for_dbfield(db_field, **kwargs)


class ChoiceByIdAdminForm(WagtailAdminModelForm):
    """An admin form whose choices of related objects refuse, as an invalid
    choice, an id no row could have."""

    class Meta:
        formfield_callback = formfield_by_id


class CohortAdminForm(ChoiceByIdAdminForm):
    """The admin form for a cohort: trainers are people who may take a
    register; members are listed by name."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "trainers" in self.fields:
            may_take_registers = ModelPermissionPolicy(
                Attendance
            ).users_with_permission("add")
            current = self.instance.trainers.values("pk") if self.instance.pk else []
            self.fields["trainers"].queryset = (
                get_user_model()
                .objects.filter(
                    Q(pk__in=may_take_registers.values("pk")) | Q(pk__in=current)
                )
                .order_by("first_name", "last_name", "username")
            )
            self.fields["trainers"].label_from_instance = person_label
        if "members" in self.fields:
            self.fields["members"].queryset = (
                get_user_model()
                .objects.filter(is_active=True)
                .order_by("first_name", "last_name", "username")
            )
            self.fields["members"].label_from_instance = person_label
            self.fields["members"].widget.attrs.setdefault("size", 12)


class TrainingSessionAdminForm(ChoiceByIdAdminForm):
    """The admin form for a session: the cohort is one the editor acts for,
    and the trainer is one of that cohort's trainers."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        scope = cohorts_in_scope(user=self.for_user)
        if "cohort" in self.fields:
            self.fields["cohort"].queryset = scope.select_related("area")
        if "course" in self.fields:
            self.fields["course"].queryset = CoursePage.objects.order_by("path")
        if "trainer" in self.fields:
            self.fields["trainer"].queryset = (
                get_user_model()
                .objects.filter(trained_cohorts__in=scope.values("pk"))
                .distinct()
                .order_by("first_name", "last_name", "username")
            )
            self.fields["trainer"].label_from_instance = person_label
            if self.instance.pk is None and self.for_user is not None:
                self.fields["trainer"].initial = self.for_user.pk

    def clean(self):
        cleaned = super().clean()
        cohort, trainer = cleaned.get("cohort"), cleaned.get("trainer")
        if cohort and trainer and not cohort.trainers.filter(pk=trainer.pk).exists():
            self.add_error(
                "trainer",
                _("Choose one of the trainers of %(cohort)s.") % {"cohort": cohort},
            )
        return cleaned
