"""What a learner's profile may hold, and how a name is shown: pure rules.

Names must not hold characters that reorder the text around them; names
shown beside other text are isolated; a postcode is kept only as its
district; a language must be one the site offers. Forms, the profile
services and certificates use these; none of them writes anything.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from ..models import LearnerProfile

# A whole postcode, such as "LE3 5AB" or "le35ab": only its district is kept.
_FULL_POSTCODE = re.compile(r"(?P<district>[A-Z]{1,2}[0-9][0-9A-Z]?) ?[0-9][A-Z]{2}")


# Characters that reorder the text around them without being seen: the
# embeddings and overrides, the isolates, and the right-to-left, left-to-right
# and Arabic letter marks. In a name they can make "evil" print as "live".
BIDI_CONTROLS = frozenset(
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
)

# First strong isolate and pop directional isolate: around a name in plain
# text, they keep its direction from running into the words beside it.
_ISOLATE = "\u2068%s\u2069"


def validate_no_bidi_controls(value: str) -> None:
    """Refuses a name holding a character that changes the order it prints in.

    Forms use it on every name a person types, and the profile services and
    certificates check it again when they save.
    """
    if any(character in BIDI_CONTROLS for character in value):
        raise ValidationError(
            _(
                "This name contains hidden characters that change the direction "
                "of the text. Type the name again without them."
            ),
            code="bidi_control",
        )


def without_bidi_controls(value: str) -> str:
    """``value`` with its direction controls taken out: what a name stored
    before the check above, or typed in the Wagtail user editor, shows."""
    return "".join(character for character in value if character not in BIDI_CONTROLS)


def isolate_name(value: str) -> str:
    """``value`` wrapped so it cannot reorder the plain text around it.

    For text that is not HTML, such as emails and the printed certificate;
    HTML pages use ``<bdi>``. Names saved before the check above, or typed in
    the Wagtail user editor, may still hold direction controls.
    """
    return _ISOLATE % value


def bdi(value: str) -> SafeString:
    """``value`` escaped and isolated for an HTML page."""
    return format_html("<bdi>{}</bdi>", value)


def html_message(message: str, values: dict) -> SafeString:
    """A translated ``message`` with ``%(name)s`` placeholders filled in as
    HTML: the message and every value are escaped unless already safe, so a
    name passed through :func:`bdi` stays isolated."""
    return mark_safe(  # noqa: S308
        conditional_escape(message)
        % {key: conditional_escape(value) for key, value in values.items()}
    )


def normalise_certificate_name(value: str) -> str:
    """A name as printed: its words with single spaces between them."""
    return " ".join(value.split())


def normalise_postcode_district(value: str) -> str:
    """Tidies what a learner typed into the form the model stores.

    Spaces are collapsed and letters uppercased; a complete postcode is cut
    down to its district, because the academy never keeps a full postcode.
    """
    value = " ".join(value.split()).upper()
    match = _FULL_POSTCODE.fullmatch(value)
    if match:
        return match.group("district")
    return value


def validate_postcode_district(value: str) -> None:
    """Runs the model's pattern check alone, so a learner sees one message.

    The model's length limit would otherwise add a second, less helpful error
    for the same mistake.
    """
    if not value:
        return
    field = LearnerProfile._meta.get_field("postcode_district")
    for validator in field.validators:
        if isinstance(validator, RegexValidator):
            validator(value)


def supported_language(code: str | None) -> str | None:
    """``code`` if the site offers that language, otherwise ``None``."""
    if code and code in dict(settings.LANGUAGES):
        return code
    return None
