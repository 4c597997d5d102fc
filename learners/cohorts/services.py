"""Writes for sessions in person: the attendance register and practical skill
sign-offs.

Each service runs in one transaction, checks the recorder's permissions and
that they act for the cohort (they train it, or may manage every cohort),
validates, saves and writes Wagtail's audit log. Saving the same thing twice
changes nothing the second time.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from academy_web.clock import academy_today
from courses.models import PracticalSkill

from ..models import Attendance, Cohort, SkillSignOff, TrainingSession
from .selectors import can_manage_all_cohorts, can_undo_sign_off


def _require_perms(user, *perms: str) -> None:
    if user is None or not user.is_authenticated or not user.is_active:
        raise PermissionDenied
    if not user.has_perms(perms):
        raise PermissionDenied


def _acts_for_cohort(user, cohort: Cohort) -> bool:
    return can_manage_all_cohorts(user) or cohort.trainers.filter(pk=user.pk).exists()


def _acts_for_learner(user, learner) -> bool:
    return (
        can_manage_all_cohorts(user)
        or Cohort.objects.filter(trainers=user, members=learner).exists()
    )


@dataclass(frozen=True)
class RegisterSaved:
    """What saving a register did, as counts of marks."""

    created: int
    updated: int
    unchanged: int
    totals: dict[str, int]


@transaction.atomic
def attendance_record(
    *, session: TrainingSession, marks: Mapping[int, str], recorded_by
) -> RegisterSaved:
    """Records the register of a session: ``marks`` maps each marked member's
    user id to ``present``, ``absent`` or ``excused``.

    Members left out keep any mark they had. Marking someone again updates
    their one row. Raises ``PermissionDenied`` unless the recorder may take
    registers for the session's cohort, and ``ValidationError`` for a mark
    that is not a status or a person who is not a member.
    """
    _require_perms(recorded_by, "learners.add_attendance", "learners.change_attendance")
    session = (
        TrainingSession.objects.select_for_update(of=("self",))
        .select_related("cohort")
        .get(pk=session.pk)
    )
    if not _acts_for_cohort(recorded_by, session.cohort):
        raise PermissionDenied
    if not marks:
        raise ValidationError(_("Mark at least one person before saving."))
    if any(status not in Attendance.Status.values for status in marks.values()):
        raise ValidationError(_("Choose present, absent or excused."))
    member_ids = set(session.cohort.members.values_list("pk", flat=True))
    if not set(marks) <= member_ids:
        raise ValidationError(_("Only members of the cohort can be marked."))

    existing = {
        attendance.learner_id: attendance
        for attendance in Attendance.objects.filter(
            session=session, learner_id__in=list(marks)
        )
    }
    created = updated = unchanged = 0
    changes = {}
    for learner_id, status in marks.items():
        attendance = existing.get(learner_id)
        if attendance is not None and attendance.status == status:
            unchanged += 1
            continue
        if attendance is None:
            attendance = Attendance(session=session, learner_id=learner_id)
            created += 1
        else:
            updated += 1
        attendance.status = status
        attendance.recorded_by = recorded_by
        attendance.full_clean(validate_constraints=False)
        attendance.save()
        changes[str(learner_id)] = status
    totals = dict.fromkeys(Attendance.Status.values, 0)
    for status in Attendance.objects.filter(session=session).values_list(
        "status", flat=True
    ):
        totals[status] += 1
    if changes:
        log(
            instance=session,
            action="learners.attendance_record",
            user=recorded_by,
            data={"marks": changes, "totals": totals},
        )
    return RegisterSaved(
        created=created, updated=updated, unchanged=unchanged, totals=totals
    )


def _check_sign_off(signed_off_on: date, note: str) -> None:
    errors = {}
    if signed_off_on > academy_today():
        errors["signed_off_on"] = _("The date cannot be in the future.")
    # A TextField's max_length is not checked by full_clean().
    limit = SkillSignOff._meta.get_field("note").max_length
    if len(note) > limit:
        errors["note"] = _("Keep the note to %(limit)d characters or fewer.") % {
            "limit": limit
        }
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def skill_sign_off(
    *,
    learner,
    skill: PracticalSkill,
    signed_off_on: date,
    note: str,
    signed_off_by,
) -> SkillSignOff:
    """Signs off a practical skill for a resident, or corrects the date or
    note of their sign-off. The resident has one sign-off per skill; signing
    off again with the same date and note changes nothing.

    Raises ``PermissionDenied`` unless the trainer trains a cohort the
    resident belongs to (or may manage every cohort), and ``ValidationError``
    for a date in the future or a note that is too long.
    """
    _require_perms(
        signed_off_by, "learners.add_skillsignoff", "learners.change_skillsignoff"
    )
    if not _acts_for_learner(signed_off_by, learner):
        raise PermissionDenied
    note = note.strip()
    _check_sign_off(signed_off_on, note)
    signoff = (
        SkillSignOff.objects.select_for_update()
        .filter(learner=learner, skill=skill)
        .first()
    )
    if signoff is None:
        signoff = SkillSignOff(learner=learner, skill=skill)
        signoff.signed_off_on = signed_off_on
        signoff.note = note
        signoff.signed_off_by = signed_off_by
        signoff.full_clean(validate_constraints=False)
        try:
            with transaction.atomic():
                signoff.save()
        except IntegrityError:
            # Someone signed it off at the same moment: correct theirs instead.
            signoff = SkillSignOff.objects.select_for_update().get(
                learner=learner, skill=skill
            )
        else:
            log(
                instance=signoff,
                action="learners.skill_sign_off",
                user=signed_off_by,
                data=_signoff_data(signoff),
            )
            return signoff
    if (signoff.signed_off_on, signoff.note) == (signed_off_on, note):
        return signoff
    signoff.signed_off_on = signed_off_on
    signoff.note = note
    signoff.signed_off_by = signed_off_by
    signoff.full_clean(validate_constraints=False)
    signoff.save()
    log(
        instance=signoff,
        action="learners.skill_sign_off_change",
        user=signed_off_by,
        data=_signoff_data(signoff),
    )
    return signoff


def _signoff_data(signoff: SkillSignOff) -> dict:
    return {
        "learner_id": signoff.learner_id,
        "skill_id": signoff.skill_id,
        "skill": signoff.skill.title,
        "signed_off_on": signoff.signed_off_on.isoformat(),
        "note": signoff.note,
    }


@transaction.atomic
def skill_sign_off_undo(*, learner, skill: PracticalSkill, undone_by) -> bool:
    """Removes a sign-off made in error; returns whether there was one.

    The trainer who made a sign-off may undo it; undoing anyone's needs
    ``learners.delete_skillsignoff``. Either way the person must act for a
    cohort the resident belongs to. The audit log keeps what was removed.
    """
    _require_perms(undone_by, "learners.change_skillsignoff")
    if not _acts_for_learner(undone_by, learner):
        raise PermissionDenied
    signoff = (
        SkillSignOff.objects.select_for_update()
        .select_related("skill")
        .filter(learner=learner, skill=skill)
        .first()
    )
    if signoff is None:
        return False
    if not can_undo_sign_off(user=undone_by, signoff=signoff):
        raise PermissionDenied
    log(
        instance=signoff,
        action="learners.skill_sign_off_undo",
        user=undone_by,
        data=_signoff_data(signoff),
        deleted=True,
    )
    signoff.delete()
    return True
