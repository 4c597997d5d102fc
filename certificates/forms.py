from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from . import codes

CODE_EXAMPLE = "7K2M-9QXA-4HTB-ZR8D-4"


class VerifyForm(forms.Form):
    code = forms.CharField(
        label=_("Certificate code"),
        max_length=40,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "spellcheck": "false",
                "autocapitalize": "characters",
            }
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].help_text = _(
            "The verification code printed on the certificate, for example "
            "%(example)s. "
            "Capital letters, spaces and dashes do not matter."
        ) % {"example": CODE_EXAMPLE}

    def clean_code(self) -> str:
        value = self.cleaned_data["code"]
        problem = codes.problem_with(value)
        if problem is codes.CodeProblem.MALFORMED:
            raise ValidationError(
                _(
                    "That is not a certificate code. A code has 16 letters and "
                    "numbers, then a check character that may also be *, ~, $ "
                    "or =, for example %(example)s."
                ),
                code="malformed",
                params={"example": CODE_EXAMPLE},
            )
        if problem is codes.CodeProblem.TYPO:
            raise ValidationError(
                _(
                    "That code has a typing mistake. Check it against the "
                    "certificate and try again."
                ),
                code="typo",
            )
        return codes.normalise(value)


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Shown to anyone who checks the certificate."),
    )
