"""Writes for assisted access: registering residents without email, issuing
and redeeming printed sign-in codes, counting wrong codes and recording
results from assessments taken on paper.

A coordinator registers a resident who has no email address and prints a
sheet with a one-time code; the resident types it (or scans the sheet's QR
code) to sign in, then chooses how to sign in from then on. Paper results
count towards completion exactly as online passes do.

Only a keyed hash of each code is stored, so the printed sheet is the only
copy of the code. The code rules themselves are in ``codes``.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from academy_web import ratelimit
from courses.models import CoursePage
from learners import selectors as learning_selectors
from learners import services as learning_services
from learners.accounts.services import profile_create
from learners.models import AssistedSignInCode, Attempt, Cohort, Enrolment
from learners.people import is_resident

from .codes import (
    USERNAME_ALPHABET,
    USERNAME_PREFIX,
    code_display,
    code_hash,
    code_hashes,
    code_lifetime,
    code_new,
    code_normalise,
    code_sign_in_url,
    random_string,
)
from .selectors import (
    cohorts_for_registration,
    is_assisted_resident,
    learner_records,
)

REGISTER_PERMISSION = "learners.register_assisted_resident"
PAPER_RESULTS_PERMISSION = "learners.enter_paper_results"

# Failed codes allowed per client address: (attempts, seconds). A class at a
# community centre shares one address, so the first limit is generous.
DEFAULT_CODE_RATE_LIMITS = ((20, 60), (100, 60 * 60))


# Who may take part -------------------------------------------------------------


def can_use_codes(user: AbstractBaseUser) -> bool:
    """Printed codes are only for residents: never for anyone who can reach
    the admin, whose accounts need two-factor authentication."""
    return is_resident(user)


def _require(user: AbstractBaseUser | None, permission: str) -> None:
    if user is None or not user.is_authenticated or not user.has_perm(permission):
        raise PermissionDenied


# Issuing and redeeming codes ---------------------------------------------------


@dataclass(frozen=True)
class IssuedCode:
    """A code just issued: the only time it exists outside the printed sheet."""

    user: AbstractBaseUser
    code: str
    expires_at: datetime

    @property
    def display(self) -> str:
        return code_display(self.code)

    @property
    def sign_in_url(self) -> str:
        return code_sign_in_url(self.code)


def _lock_user(user: AbstractBaseUser) -> AbstractBaseUser:
    return get_user_model().objects.select_for_update().get(pk=user.pk)


def _issue(*, user: AbstractBaseUser, issued_by: AbstractBaseUser) -> IssuedCode:
    """Makes a new code and retires the resident's unused ones. Runs inside the
    caller's transaction, with the resident's row locked."""
    now = timezone.now()
    revoked = AssistedSignInCode.objects.filter(
        user=user, used_at__isnull=True, expires_at__gt=now
    ).update(expires_at=now)
    expires_at = now + code_lifetime()
    for _attempt in range(5):
        code = code_new()
        record = AssistedSignInCode(
            user=user,
            code_hash=code_hash(code),
            created_by=issued_by,
            expires_at=expires_at,
        )
        record.full_clean(validate_unique=False)
        try:
            with transaction.atomic():
                record.save()
        except IntegrityError:
            continue
        break
    else:  # pragma: no cover - five collisions in 31**8 codes
        raise RuntimeError("Could not make a unique sign-in code.")
    log(
        instance=user,
        action="learners.assisted_code_issue",
        user=issued_by,
        data={"expires_at": expires_at.isoformat(), "revoked": revoked},
    )
    return IssuedCode(user=user, code=code, expires_at=expires_at)


@transaction.atomic
def assisted_code_issue(
    *, user: AbstractBaseUser, issued_by: AbstractBaseUser
) -> IssuedCode:
    """Issues a new printed code for a resident registered without email.

    Their older unused codes stop working, so only the newest sheet does.
    """
    _require(issued_by, REGISTER_PERMISSION)
    user = _lock_user(user)
    if not can_use_codes(user) or not is_assisted_resident(user):
        raise PermissionDenied
    return _issue(user=user, issued_by=issued_by)


class CodeRefused(Exception):
    """A code that does not sign anyone in; ``reason`` says why."""

    INVALID = "invalid"
    UNKNOWN = "unknown"
    USED = "used"
    EXPIRED = "expired"

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def assisted_code_redeem(*, code: str, request: HttpRequest) -> AbstractBaseUser:
    """Signs the resident in with a printed code, which then stops working.

    The code is marked used by a conditional update, so two submissions of
    the same code (a double click, two phones) sign in at most once. Raises
    ``CodeRefused`` for a code that is malformed, unknown, used or expired.
    """
    normalised = code_normalise(code)
    if normalised is None:
        raise CodeRefused(CodeRefused.INVALID)
    with transaction.atomic():
        record = (
            AssistedSignInCode.objects.select_related("user")
            .filter(code_hash__in=code_hashes(normalised))
            .first()
        )
        if record is None or not can_use_codes(record.user):
            raise CodeRefused(CodeRefused.UNKNOWN)
        if record.used_at is not None:
            raise CodeRefused(CodeRefused.USED)
        now = timezone.now()
        if record.expires_at <= now:
            raise CodeRefused(CodeRefused.EXPIRED)
        claimed = AssistedSignInCode.objects.filter(
            pk=record.pk, used_at__isnull=True, expires_at__gt=now
        ).update(used_at=now)
        if not claimed:
            raise CodeRefused(CodeRefused.USED)
        log(
            instance=record.user,
            action="learners.assisted_code_redeem",
            user=record.user,
            data={"code_id": record.pk},
        )
    user = record.user
    # allauth's adapter signs in with allauth's authentication backend.
    get_adapter(request).login(request, user)
    return user


# Rate limit for the code sign-in page -----------------------------------------


CODE_RATE_SCOPE = "learners:assisted:code"


def _rate_limits() -> tuple[tuple[int, int], ...]:
    return tuple(
        getattr(
            settings, "LEARNERS_ASSISTED_CODE_RATE_LIMITS", DEFAULT_CODE_RATE_LIMITS
        )
    )


def code_attempts_exhausted(*, request: HttpRequest) -> bool:
    """Whether this client has tried too many wrong codes lately."""
    return ratelimit.exhausted(
        scope=CODE_RATE_SCOPE,
        key=ratelimit.client_address(request),
        limits=_rate_limits(),
    )


def code_attempt_failed(*, request: HttpRequest) -> None:
    """Counts one wrong code against this client's address."""
    ratelimit.count(
        scope=CODE_RATE_SCOPE,
        key=ratelimit.client_address(request),
        limits=_rate_limits(),
    )


# Registering a resident ------------------------------------------------------------


class Registration(NamedTuple):
    user: AbstractBaseUser
    code: IssuedCode
    created: bool


def _new_username() -> str:
    users = get_user_model().objects
    for length in (4, 4, 4, 5, 6, 8):
        username = USERNAME_PREFIX + random_string(USERNAME_ALPHABET, length)
        if not users.filter(username__iexact=username).exists():
            return username
    raise RuntimeError("Could not find a free username.")  # pragma: no cover


def _clean_name(value: str, field: str) -> str:
    value = " ".join((value or "").split())
    if not value:
        raise ValidationError({field: _("Enter the resident's name.")})
    return value


def new_submission_key() -> str:
    """A key for one filling-in of a form. Sending the same form twice (a
    double click, a reload) sends the same key, so it is acted on once."""
    return secrets.token_urlsafe(16)


def _earlier_submission(*, action: str, user: AbstractBaseUser, submission: str):
    """The id of what an earlier send of the same form made, if any.

    The key is kept in the audit log entry written in the same transaction,
    so a second send sees it as soon as the first has committed.
    """
    if not submission:
        return None
    return (
        ModelLogEntry.objects.filter(
            action=action, user_id=user.pk, data__submission=submission
        )
        .order_by("pk")
        .values_list("object_id", flat=True)
        .first()
    )


@transaction.atomic
def assisted_resident_register(
    *,
    registered_by: AbstractBaseUser,
    first_name: str,
    last_name: str,
    certificate_name: str,
    preferred_language: str,
    postcode_district: str,
    cohort: Cohort | None = None,
    submission: str = "",
) -> Registration:
    """Makes an account for a resident without email and their first code.

    The account has a generated username, no email address and no usable
    password; the resident signs in with the printed code and then chooses
    how to sign in from then on. Sending the same form again (same
    ``submission`` key: a double click, a reload) makes no second account but
    a new code for the first one, so the sheet on screen is the one that works.
    """
    _require(registered_by, REGISTER_PERMISSION)
    first_name = _clean_name(first_name, "first_name")
    last_name = _clean_name(last_name, "last_name")
    if (
        cohort is not None
        and not cohorts_for_registration(user=registered_by)
        .filter(pk=cohort.pk)
        .exists()
    ):
        raise ValidationError({"cohort": _("Choose one of the cohorts shown.")})
    # Serialises this coordinator's registrations, so a double click cannot
    # slip two accounts past the check for an earlier send.
    _lock_user(registered_by)
    earlier = _earlier_submission(
        action="learners.assisted_register", user=registered_by, submission=submission
    )
    existing = get_user_model().objects.filter(pk=earlier).first() if earlier else None
    if existing is not None:
        existing = _lock_user(existing)
        if not can_use_codes(existing):
            raise PermissionDenied
        return Registration(
            existing, _issue(user=existing, issued_by=registered_by), False
        )
    user = get_user_model()(
        username=_new_username(), first_name=first_name, last_name=last_name, email=""
    )
    user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    profile_create(
        user=user,
        created_by=registered_by,
        certificate_name=certificate_name or f"{first_name} {last_name}",
        preferred_language=preferred_language,
        postcode_district=postcode_district,
    )
    if cohort is not None:
        cohort.members.add(user)
    log(
        instance=user,
        action="learners.assisted_register",
        user=registered_by,
        data={"cohort_id": cohort.pk if cohort else None, "submission": submission},
    )
    return Registration(user, _issue(user=user, issued_by=registered_by), True)


# Paper assessment results ---------------------------------------------------------


class PaperResult(NamedTuple):
    attempt: Attempt
    recorded: bool


def _clean_score(score) -> Decimal:
    try:
        value = Decimal(str(score)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError, TypeError):
        value = None
    if value is None or not value.is_finite() or not 0 <= value <= 100:
        raise ValidationError({"score": _("Enter a score from 0 to 100.")})
    return value


def _taken_at(taken_on: date, now: datetime) -> datetime:
    """When a paper attempt counts as submitted: midday on the day it was
    taken, or now if that is still to come today."""
    midday = timezone.make_aware(datetime.combine(taken_on, time(12)))
    return min(midday, now)


@transaction.atomic
def paper_result_record(
    *,
    learner: AbstractBaseUser,
    course: CoursePage,
    score: Decimal | int | str,
    taken_on: date,
    entered_by: AbstractBaseUser,
    submission: str = "",
) -> PaperResult:
    """Records an assessment a resident took on paper, entered by staff.

    It is a submitted attempt with ``source=paper``, passed or not against the
    course's pass mark, and counts towards completion exactly as an online
    pass does. The resident is enrolled first if they were not. Sending the
    same form again (same ``submission`` key: a double click) records nothing
    and reports ``recorded=False``.
    """
    _require(entered_by, PAPER_RESULTS_PERMISSION)
    errors = {}
    if not learner_records().filter(pk=learner.pk).exists():
        errors["learner"] = _("Choose a resident from the list.")
    if not (course.live and course.has_assessment):
        errors["course"] = _("Choose a course that has an assessment.")
    try:
        score = _clean_score(score)
    except ValidationError as error:
        errors.update(error.message_dict)
    now = timezone.now()
    if not isinstance(taken_on, date) or taken_on > timezone.localdate(now):
        errors["taken_on"] = _("Enter a date that is today or in the past.")
    if errors:
        raise ValidationError(errors)
    try:
        enrolment = learning_services.enrolment_create(
            user=learner, course=course, enrolled_by=entered_by
        )
    except learning_services.PrerequisitesNotMet as refusal:
        raise ValidationError(
            {
                "course": _(
                    "This resident needs to complete %(courses)s before this course."
                )
                % {"courses": ", ".join(c.title for c in refusal.courses)}
            }
        ) from refusal
    enrolment = Enrolment.objects.select_for_update(of=("self",)).get(pk=enrolment.pk)
    earlier = _earlier_submission(
        action="learners.paper_result_record", user=entered_by, submission=submission
    )
    if earlier is not None:
        return PaperResult(Attempt.objects.get(pk=earlier), recorded=False)
    submitted_at = _taken_at(taken_on, now)
    number = learning_selectors.attempt_number_next(enrolment=enrolment)
    attempt = Attempt(
        enrolment=enrolment,
        number=number,
        status=Attempt.Status.SUBMITTED,
        source=Attempt.Source.PAPER,
        expires_at=submitted_at,
        submitted_at=submitted_at,
        questions=[],
        answers={},
        score=score,
        pass_mark=course.pass_mark,
        passed=score >= course.pass_mark,
        entered_by=entered_by,
    )
    # A paper attempt has no drawn questions; the model wants some online.
    attempt.full_clean(exclude=["questions"])
    attempt.save()
    log(
        instance=attempt,
        action="learners.paper_result_record",
        user=entered_by,
        data={
            "learner_id": learner.pk,
            "course_id": course.pk,
            "number": number,
            "score": str(score),
            "passed": attempt.passed,
            "taken_on": taken_on.isoformat(),
            "submission": submission,
        },
    )
    if attempt.passed:
        learning_services.enrolment_complete_if_done(
            enrolment=enrolment, passed_attempt=attempt
        )
    return PaperResult(attempt, recorded=True)
