from __future__ import annotations

import hashlib
import logging
from datetime import datetime
from functools import partial

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_q.tasks import async_task
from wagtail.log_actions import log

from . import codes, conf
from .eligibility import (
    award_eligible_learners,
    award_learner_is_eligible,
    certificate_is_due_for_renewal,
    learner_automatic_awards,
)
from .models import Award, Certificate, Counter, ExpiryReminder, IssueBatch
from .selectors import certificates_due_reminder, learner_certificate_name
from .signals import certificate_issued, certificate_revoked
from .storage import certificate_storage

logger = logging.getLogger(__name__)

ISSUE_PERMISSION = "certificates.issue_certificate"
REVOKE_PERMISSION = "certificates.revoke_certificate"
RENDER_TASK = "certificates.tasks.certificate_render"


def _require(user, permission: str) -> None:
    if user is None or not user.has_perm(permission):
        raise PermissionDenied


def _enqueue(func: str, *args) -> None:
    """Queue a job once the surrounding transaction has committed.

    ``robust`` keeps a broker outage (or, in sync mode, a failing job) from
    turning an already-committed request into an error page.
    """
    transaction.on_commit(partial(async_task, func, *args), robust=True)


def _lock(model, pk, touch: str):
    """``SELECT … FOR UPDATE`` of one row, which also holds on SQLite.

    SQLite ignores ``FOR UPDATE``, and a transaction that reads before it
    writes fails with "database is locked" if another writer got in first.
    Writing the row first (setting ``touch`` to itself) takes the lock up
    front there; on PostgreSQL it is the same row lock ``FOR UPDATE`` takes.
    """
    rows = model.objects.filter(pk=pk)
    rows.update(**{touch: F(touch)})
    return rows.select_for_update().get()


def _next_number(name: str) -> int:
    """Increments and returns a named counter, holding its row lock."""
    updated = Counter.objects.filter(name=name).update(value=F("value") + 1)
    if not updated:
        try:
            with transaction.atomic():
                Counter.objects.create(name=name, value=1)
        except IntegrityError:
            Counter.objects.filter(name=name).update(value=F("value") + 1)
    return Counter.objects.select_for_update().get(name=name).value


def _serial_for(issued_at: datetime) -> str:
    year = timezone.localtime(issued_at).year
    return f"CA-{year}-{_next_number(f'serial-{year}'):06d}"


def certificate_issue(
    *, learner, award: Award, issued_by=None, eligible: bool | None = None
) -> Certificate:
    """Issues ``award`` to ``learner``, or returns the certificate they hold.

    ``issued_by`` is the coordinator, or ``None`` when the academy issues it
    by itself (an award with ``auto_issue``). A learner holds at most one
    active certificate per award: issuing again returns it, unless it is due
    for renewal and the learner has met the requirements again, in which case
    a new certificate with new dates replaces it and the old one is kept.

    ``eligible`` is what a caller has just read from
    ``certificates.eligibility`` for this learner, so that a path reads
    eligibility once; by default it is read here. Either way, a certificate
    another issue has just made is returned rather than replaced.
    """
    if issued_by is not None:
        _require(issued_by, ISSUE_PERMISSION)
    try:
        with transaction.atomic():
            return _issue(
                learner=learner, award=award, issued_by=issued_by, eligible=eligible
            )
    except IntegrityError:
        # A parallel request won the race to insert; theirs is the certificate.
        existing = Certificate.objects.filter(
            learner=learner, award=award, status=Certificate.Status.ACTIVE
        ).first()
        if existing is None:
            raise
        return existing


def _issue(*, learner, award: Award, issued_by, eligible: bool | None) -> Certificate:
    # Locking the learner's row queues parallel issues for the same learner,
    # so the second one sees the first one's certificate.
    User = get_user_model()
    _lock(User, learner.pk, User.USERNAME_FIELD)
    current = (
        Certificate.objects.select_for_update()
        .filter(learner=learner, award=award, status=Certificate.Status.ACTIVE)
        .first()
    )
    if eligible is None:
        eligible = award_learner_is_eligible(award=award, learner=learner)
    elif current is not None and not certificate_is_due_for_renewal(current):
        # Issued by a parallel request since the caller read eligibility.
        eligible = False
    if not eligible:
        if current is not None:
            return current
        raise ValidationError(
            _("%(name)s has not met the requirements for %(award)s.")
            % {"name": learner_certificate_name(learner), "award": award.name}
        )
    issued_at = timezone.now()
    if current is not None:
        current.status = Certificate.Status.SUPERSEDED
        current.save(update_fields=["status"])
    certificate = Certificate(
        learner=learner,
        award=award,
        serial=_serial_for(issued_at),
        verification_code=codes.generate_code(),
        status_list_index=_next_number("status-list") - 1,
        name_on_certificate=learner_certificate_name(learner)[:310],
        award_name=award.name,
        issued_at=issued_at,
        expires_at=award.expiry_for(issued_at),
        issued_by=issued_by,
        replaces=current,
    )
    certificate.full_clean(validate_constraints=False)
    certificate.save()
    data = {
        "serial": certificate.serial,
        "award": award.name,
        "learner": certificate.name_on_certificate,
    }
    if current is None:
        log(
            instance=certificate, action="certificates.issue", user=issued_by, data=data
        )
    else:
        data["renews"] = current.serial
        log(
            instance=certificate,
            action="certificates.reissue",
            user=issued_by,
            data=data,
        )
        log(
            instance=current,
            action="certificates.supersede",
            user=issued_by,
            data={"serial": current.serial, "replaced_by": certificate.serial},
        )
    certificate_issued.send(
        sender=Certificate, certificate=certificate, renewal_of=current
    )
    _enqueue(RENDER_TASK, certificate.pk)
    return certificate


@transaction.atomic
def certificate_revoke(*, certificate: Certificate, reason: str, revoked_by) -> None:
    _require(revoked_by, REVOKE_PERMISSION)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the certificate is revoked.")})
    locked = _lock(Certificate, certificate.pk, "status")
    if locked.status == Certificate.Status.REVOKED:
        return
    locked.status = Certificate.Status.REVOKED
    locked.revoked_at = timezone.now()
    locked.revoked_by = revoked_by
    locked.revocation_reason = reason
    locked.full_clean(validate_constraints=False)
    locked.save(
        update_fields=["status", "revoked_at", "revoked_by", "revocation_reason"]
    )
    log(
        instance=locked,
        action="certificates.revoke",
        user=revoked_by,
        data={"serial": locked.serial, "reason": reason},
    )
    certificate_revoked.send(sender=Certificate, certificate=locked)
    certificate.refresh_from_db()


@transaction.atomic
def certificate_render_retry(*, certificate: Certificate, user) -> None:
    """Queues the PDF again, after a failure or to pick up a new template."""
    _require(user, ISSUE_PERMISSION)
    Certificate.objects.filter(pk=certificate.pk).update(
        render_status=Certificate.RenderStatus.PENDING, render_error=""
    )
    log(
        instance=certificate,
        action="certificates.render_retry",
        user=user,
        data={"serial": certificate.serial},
    )
    _enqueue(RENDER_TASK, certificate.pk)
    certificate.refresh_from_db()


def certificate_store_pdf(
    *, certificate: Certificate, pdf: bytes, warning: str = ""
) -> bool:
    """Saves a rendered PDF under the certificate's one file name.

    Returns ``False`` when another worker stored it first. The row lock
    makes parallel renders write one file, never two.
    """
    storage = certificate_storage()
    with transaction.atomic():
        locked = _lock(Certificate, certificate.pk, "render_status")
        name = locked.storage_name
        if locked.is_ready and locked.pdf_name and storage.exists(locked.pdf_name):
            return False
        if storage.exists(name):
            storage.delete(name)
        saved = storage.save(name, ContentFile(pdf))
        if saved != name:
            storage.delete(saved)
            # Shown to coordinators as the render error.
            raise RuntimeError(
                _(
                    "The file store saved the PDF as %(saved)s instead of "
                    "%(name)s, so it was not kept. Make the PDF again."
                )
                % {"name": name, "saved": saved}
            )
        Certificate.objects.filter(pk=locked.pk).update(
            render_status=Certificate.RenderStatus.READY,
            render_error="",
            render_warning=warning[:300],
            render_attempts=F("render_attempts") + 1,
            pdf_name=name,
            pdf_sha256=hashlib.sha256(pdf).hexdigest(),
            rendered_at=timezone.now(),
        )
    return True


def certificate_mark_render_failed(*, certificate_pk: int, error: str) -> None:
    Certificate.objects.filter(pk=certificate_pk).exclude(
        render_status=Certificate.RenderStatus.READY
    ).update(
        render_status=Certificate.RenderStatus.FAILED,
        render_error=error[:2000],
        render_attempts=F("render_attempts") + 1,
    )


def _learner_language(learner) -> str:
    profile = getattr(learner, "learner_profile", None)
    return getattr(profile, "preferred_language", "") or translation.get_language()


def _send_to_learner(*, certificate: Certificate, template: str, **context) -> None:
    learner = certificate.learner
    if not learner.email:
        return
    context = {
        "certificate": certificate,
        "name": certificate.name_on_certificate,
        "download_url": conf.absolute_url(certificate.get_download_url()),
        "verify_url": certificate.get_verify_url(),
        "learning_url": conf.absolute_url(reverse("learners:dashboard")),
        **context,
    }
    with translation.override(_learner_language(learner)):
        subject = render_to_string(
            f"certificates/emails/{template}_subject.txt", context
        )
        body = render_to_string(f"certificates/emails/{template}_body.txt", context)
    send_mail(" ".join(subject.split()), body, None, [learner.email])


def certificate_notify_learner(*, certificate: Certificate) -> bool:
    """Emails the learner a link to their certificate, once."""
    with transaction.atomic():
        locked = _lock(Certificate, certificate.pk, "emailed_at")
        if locked.emailed_at is not None or not locked.is_ready:
            return False
        # Sending inside the transaction means a failed send is retried
        # rather than recorded as done.
        _send_to_learner(certificate=locked, template="ready")
        locked.emailed_at = timezone.now()
        locked.save(update_fields=["emailed_at"])
    return True


def certificates_auto_issue(*, learner) -> list[Certificate]:
    """Issues every automatic award the learner has just become eligible for.

    A learner whose latest certificate for an award was revoked is left for a
    coordinator to decide (see ``certificates.eligibility``).
    """
    return [
        certificate_issue(learner=learner, award=award, issued_by=None, eligible=True)
        for award in learner_automatic_awards(learner=learner)
    ]


@transaction.atomic
def issue_batch_start(
    *, award: Award, learner_ids: list[int] | None, issued_by
) -> IssueBatch:
    """Records a bulk issue of ``learner_ids`` and queues it; the page shows
    its progress. Keys that name no account (a tampered form) are dropped.
    ``None`` issues to every learner eligible now."""
    _require(issued_by, ISSUE_PERMISSION)
    if learner_ids is None:
        learner_ids = list(
            award_eligible_learners(award=award).values_list("pk", flat=True)
        )
    # Out-of-range keys would make PostgreSQL fail the query outright.
    keys = {int(pk) for pk in learner_ids if 0 < int(pk) < 2**63}
    wanted = sorted(
        get_user_model().objects.filter(pk__in=keys).values_list("pk", flat=True)
    )
    if not wanted:
        raise ValidationError(_("Choose at least one learner."))
    batch = IssueBatch(award=award, created_by=issued_by, learner_ids=wanted)
    batch.full_clean()
    batch.save()
    log(
        instance=award,
        action="certificates.bulk_issue",
        user=issued_by,
        data={"count": len(wanted), "batch": batch.pk},
    )
    _enqueue("certificates.tasks.issue_batch", batch.pk)
    return batch


def issue_batch_run(*, batch: IssueBatch) -> None:
    """Issues the batch's certificates one transaction at a time.

    Safe to run again: learners already handled are skipped, and issuing is
    idempotent anyway. Eligibility is read once for the whole batch.
    """
    User = get_user_model()
    learners = User.objects.in_bulk(batch.learner_ids)
    eligible = set(
        award_eligible_learners(
            award=batch.award, learner_ids=batch.learner_ids
        ).values_list("pk", flat=True)
    )
    holders = set(
        Certificate.objects.filter(
            learner_id__in=batch.learner_ids,
            award=batch.award,
            status=Certificate.Status.ACTIVE,
        ).values_list("learner_id", flat=True)
    )
    done = set(batch.certificates.values_list("learner_id", flat=True))
    done |= {problem["learner"] for problem in batch.problems}
    for learner_id in batch.learner_ids:
        if learner_id in done:
            continue
        learner = learners.get(learner_id)
        problem = None
        certificate = None
        if learner is None:
            problem = str(_("This account no longer exists."))
        elif learner_id not in eligible and learner_id not in holders:
            problem = str(_("Has not met the requirements."))
        else:
            try:
                certificate = certificate_issue(
                    learner=learner,
                    award=batch.award,
                    issued_by=batch.created_by,
                    eligible=learner_id in eligible,
                )
            except (ValidationError, PermissionDenied) as error:
                problem = "; ".join(getattr(error, "messages", [])) or str(
                    _("Not allowed to issue certificates.")
                )
        with transaction.atomic():
            locked = _lock(IssueBatch, batch.pk, "processed")
            if certificate is not None:
                locked.certificates.add(certificate)
            else:
                locked.problems = [
                    *locked.problems,
                    {"learner": learner_id, "message": problem},
                ]
            locked.processed = F("processed") + 1
            locked.save(update_fields=["processed", "problems"])
        batch.refresh_from_db()


def certificates_send_expiry_reminders(*, now: datetime | None = None) -> int:
    """Emails holders before their certificates expire, once per stage.

    Stages come from ``CERTIFICATES_REMINDER_DAYS`` (60 and 14 days). A
    certificate already inside a later stage gets only that stage's reminder.
    """
    now = now or timezone.now()
    sent = 0
    stages = conf.reminder_days()
    for position, days in enumerate(stages):
        later_than = stages[position - 1] if position else 0
        due = certificates_due_reminder(
            days_before=days, later_than_days=later_than, now=now
        )
        for certificate in due:
            try:
                with transaction.atomic():
                    _, created = ExpiryReminder.objects.get_or_create(
                        certificate=certificate, days_before=days
                    )
                    if not created:
                        continue
                    _send_to_learner(
                        certificate=certificate,
                        template="expiry",
                        days=days,
                        expires_at=certificate.expires_at,
                    )
            except Exception:
                logger.exception("Could not send the reminder for %s", certificate)
                continue
            sent += 1
    return sent


def certificates_queue_auto_issue(*, learner_id: int) -> None:
    """Checks the automatic awards in the background once a completion commits."""
    _enqueue("certificates.tasks.certificate_auto_issue", learner_id)
