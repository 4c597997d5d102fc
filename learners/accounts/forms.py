"""The learner's forms: allauth's sign-in, sign-up and sign-in code forms as
the academy uses them, and the profile form.

``ACCOUNT_FORMS`` in the settings points here. Writes go through
``learners.accounts.services``.
"""

from __future__ import annotations

from allauth.account.forms import LoginForm, RequestLoginCodeForm, SignupForm
from allauth.core import context
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.core.ratelimit import respond_429
from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from ..models import LearnerProfile
from .profiles import (
    normalise_postcode_district,
    supported_language,
    validate_no_bidi_controls,
    validate_postcode_district,
)
from .services import profile_get_or_create, profile_update

PROFILE_FIELDS = (
    "certificate_name",
    "preferred_language",
    "postcode_district",
    "contact_consent",
)


class LanguageSelect(forms.Select):
    """Marks each language's name with its own language for screen readers."""

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        if value:
            option["attrs"]["lang"] = value
        return option


class LearnerProfileForm(forms.ModelForm):
    """What a learner may tell the academy; used on sign-up and their profile."""

    postcode_district = forms.CharField(
        label=_("Postcode district"),
        required=False,
        help_text=_(
            "Optional. The first part of your postcode, for example LE3. "
            "We only keep this part."
        ),
        widget=forms.TextInput(
            attrs={"autocomplete": "postal-code", "autocapitalize": "characters"}
        ),
    )

    class Meta:
        model = LearnerProfile
        fields = PROFILE_FIELDS
        labels = {
            "certificate_name": _("Name on your certificates"),
            "preferred_language": _("Preferred language"),
            "contact_consent": _("I am happy to be contacted about the academy"),
        }
        help_texts = {
            "certificate_name": _(
                "Optional. Write your name as you would like it printed, "
                "for example Amira Khan."
            ),
            "preferred_language": _(
                "We show the academy in this language where we can."
            ),
            "contact_consent": _(
                "For example about new courses near you. "
                "You can change your mind at any time."
            ),
        }
        widgets = {
            "certificate_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "preferred_language": LanguageSelect,
        }

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def clean_certificate_name(self) -> str:
        value = self.cleaned_data["certificate_name"]
        validate_no_bidi_controls(value)
        return value

    def clean_postcode_district(self) -> str:
        value = normalise_postcode_district(self.cleaned_data["postcode_district"])
        validate_postcode_district(value)
        return value


class LearnerLoginForm(LoginForm):
    """allauth's sign-in form with a plainer label for the first field, which
    is no longer than the longest email address."""

    # No username or email address is longer (RFC 5321), and a much longer
    # value is too complex a pattern for SQLite's case-insensitive lookup.
    login_max_length = 254

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        login = self.fields["login"]
        if not isinstance(login, forms.EmailField):
            # The same words as allauth's placeholder, so its translations apply.
            login.label = _("Username or email")
        login.widget.attrs.setdefault("maxlength", str(self.login_max_length))

    def clean_login(self) -> str:
        login = super().clean_login()
        if len(login) > self.login_max_length:
            raise forms.ValidationError(
                _(
                    "That is longer than any username or email address: use at "
                    "most %(limit)d characters."
                ),
                code="max_length",
                params={"limit": self.login_max_length},
            )
        return login


class LearnerSignupForm(SignupForm):
    """allauth's sign-up form that also asks for the learner's profile.

    The profile questions belong to a ``LearnerProfileForm`` bound to the same
    data; its fields are shown as part of this form, its errors appear next to
    them, and the account and profile are saved in one transaction.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        language = supported_language(translation.get_language())
        self.profile_form = LearnerProfileForm(self.data if self.is_bound else None)
        self.fields.update(self.profile_form.fields)
        if language:
            self.initial.setdefault("preferred_language", language)

    def account_fields(self) -> list[forms.BoundField]:
        return [
            field for field in self.visible_fields() if field.name not in PROFILE_FIELDS
        ]

    def profile_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in PROFILE_FIELDS]

    def clean(self) -> dict:
        cleaned_data = super().clean()
        if not self.profile_form.is_valid():
            for name, errors in self.profile_form.errors.as_data().items():
                if name in self._errors:
                    continue
                for error in errors:
                    self.add_error(name if name in self.fields else None, error)
        return cleaned_data

    def save(self, request: HttpRequest):
        with transaction.atomic():
            user = super().save(request)
            profile = profile_get_or_create(user=user)
            profile_update(user=user, profile=profile, **self.profile_form.cleaned_data)
        return user


class RateLimitedRequestLoginCodeForm(RequestLoginCodeForm):
    """allauth's form for asking for a sign-in code by email.

    allauth spends the ``request_login_code`` limits (per address and per
    email) while cleaning the email, and reports running out as a form error
    with status 200. This answers 429 instead, so the refusal is a refusal to
    every client, as it is on allauth's other limited views.
    """

    def clean_email(self) -> str:
        try:
            return super().clean_email()
        except ValidationError as error:
            if error.code == "too_many_login_attempts":
                raise ImmediateHttpResponse(respond_429(context.request)) from error
            raise
