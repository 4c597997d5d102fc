"""Forms for assisted access. They tidy and check what was typed; the
services in ``learners.assisted.services`` decide and write."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from academy_web.forms import DateInput, IdChoiceField
from learners.accounts.forms import LanguageSelect, LearnerProfileForm
from learners.accounts.profiles import validate_no_bidi_controls
from learners.people import person_label

from .codes import code_display, code_normalise
from .selectors import (
    cohorts_for_registration,
    courses_with_assessment,
    learner_records,
)


class NoLabelSuffix:
    """Labels without a trailing colon, as on the account pages."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


def submission_field() -> forms.CharField:
    """The key of one filling-in of a form; see ``new_submission_key``."""
    return forms.CharField(
        required=False, max_length=64, widget=forms.HiddenInput, initial=""
    )


class ResidentRegistrationForm(LearnerProfileForm):
    """Who the resident is; a coordinator fills it in with them."""

    submission = submission_field()

    first_name = forms.CharField(
        label=_("First name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        validators=[validate_no_bidi_controls],
        error_messages={"required": _("Enter the resident's first name.")},
    )
    last_name = forms.CharField(
        label=_("Last name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        validators=[validate_no_bidi_controls],
        error_messages={"required": _("Enter the resident's last name.")},
    )
    postcode_district = forms.CharField(
        label=_("Postcode district"),
        required=False,
        help_text=_("Optional. Only the first part, for example LE3."),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters"}
        ),
    )
    cohort = forms.ModelChoiceField(
        label=_("Cohort"),
        queryset=None,
        required=False,
        empty_label=_("Do not add to a cohort"),
        help_text=_("Optional. The group they will learn with."),
        error_messages={"invalid_choice": _("Choose one of the cohorts shown.")},
    )

    field_order = [
        "first_name",
        "last_name",
        "certificate_name",
        "preferred_language",
        "postcode_district",
        "cohort",
        "submission",
    ]

    class Meta(LearnerProfileForm.Meta):
        fields = ("certificate_name", "preferred_language", "postcode_district")
        labels = {
            "certificate_name": _("Name for certificates"),
            "preferred_language": _("Preferred language"),
        }
        help_texts = {
            "certificate_name": _(
                "Optional. As they would like it printed. "
                "Leave it blank to use their first and last names."
            ),
            "preferred_language": _("The academy is shown in this language."),
        }
        widgets = {
            "certificate_name": forms.TextInput(attrs={"autocomplete": "off"}),
            "preferred_language": LanguageSelect,
        }

    def __init__(self, *args, registered_by, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["cohort"].queryset = cohorts_for_registration(user=registered_by)


NOT_A_CODE = _(
    "That is not a sign-in code. Type the 8 letters and numbers shown on "
    "your sheet, for example ABCD-2345."
)


class CodeSignInForm(NoLabelSuffix, forms.Form):
    code = forms.CharField(
        label=_("Your sign-in code"),
        max_length=64,
        help_text=_(
            "The 8 letters and numbers on your sheet, for example ABCD-2345. "
            "Small letters are fine."
        ),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "autocapitalize": "characters",
                "autocorrect": "off",
                "spellcheck": "false",
                "class": "code-input",
            }
        ),
        error_messages={
            "required": _("Enter the code from your sheet."),
            "max_length": NOT_A_CODE,
        },
    )

    def clean_code(self) -> str:
        code = code_normalise(self.cleaned_data["code"])
        if code is None:
            raise forms.ValidationError(NOT_A_CODE, code="invalid")
        return code

    @staticmethod
    def prefill(value: str) -> str:
        """A code from the QR link, shown the way it is printed."""
        code = code_normalise(value)
        return code_display(code) if code else ""


class ResidentChoiceField(IdChoiceField):
    def label_from_instance(self, user) -> str:
        return person_label(user, html=True)


class PaperResultForm(NoLabelSuffix, forms.Form):
    """A paper result. The resident is chosen among the matches of a search,
    but any resident's account is accepted, so a stale page still works."""

    submission = submission_field()

    learner = ResidentChoiceField(
        label=_("Resident"),
        queryset=get_user_model().objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={
            "required": _("Choose a resident from the list."),
            "invalid_choice": _("Choose a resident from the list."),
        },
    )
    course = IdChoiceField(
        label=_("Course"),
        queryset=None,
        empty_label=_("Choose a course"),
        error_messages={
            "required": _("Choose the course the assessment was for."),
            "invalid_choice": _("Choose a course that has an assessment."),
        },
    )
    score = forms.DecimalField(
        label=_("Score (%)"),
        min_value=0,
        max_value=100,
        max_digits=5,
        decimal_places=2,
        help_text=_("From 0 to 100, as worked out on the paper."),
        widget=forms.NumberInput(attrs={"inputmode": "decimal", "step": "any"}),
        error_messages={
            "required": _("Enter the score."),
            "invalid": _("Enter a score from 0 to 100."),
            "min_value": _("Enter a score from 0 to 100."),
            "max_value": _("Enter a score from 0 to 100."),
            "max_digits": _("Enter a score from 0 to 100."),
            "max_decimal_places": _("Use no more than 2 decimal places."),
            "max_whole_digits": _("Enter a score from 0 to 100."),
        },
    )
    taken_on = forms.DateField(
        label=_("Date taken"),
        widget=DateInput,
        error_messages={
            "required": _("Enter the date the assessment was taken."),
            "invalid": _("Enter a real date, for example 25/11/2026."),
        },
    )

    def __init__(self, *args, matches=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        learner = self.fields["learner"]
        learner.queryset = learner_records().select_related("learner_profile")
        learner.widget.choices = [
            (user.pk, learner.label_from_instance(user)) for user in matches
        ]
        self.fields["course"].queryset = courses_with_assessment()

    def clean_taken_on(self):
        taken_on = self.cleaned_data["taken_on"]
        if taken_on > timezone.localdate():
            raise forms.ValidationError(
                _("Enter a date that is today or in the past."), code="future"
            )
        return taken_on


class ResidentSearchForm(NoLabelSuffix, forms.Form):
    q = forms.CharField(
        label=_("Name or username"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
