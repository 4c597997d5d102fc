"""Background jobs (django-q2). Each takes primary keys and is idempotent.

A job that raises is not acknowledged, so django-q2 runs it again after
``Q_CLUSTER["retry"]`` seconds, up to ``max_attempts`` times; the same happens
when a worker dies mid-job. Running any of these twice has the effect of
running it once.
"""

from __future__ import annotations

import logging

from django.contrib.auth import get_user_model

from . import rendering
from .models import Certificate, IssueBatch
from .services import (
    certificate_mark_render_failed,
    certificate_notify_learner,
    certificate_store_pdf,
    certificates_auto_issue,
    certificates_send_expiry_reminders,
    issue_batch_run,
)

logger = logging.getLogger(__name__)


def certificate_render(certificate_pk: int) -> str:
    """Renders a certificate's PDF, stores it and emails the learner."""
    certificate = (
        Certificate.objects.select_related("award__template", "learner")
        .filter(pk=certificate_pk)
        .first()
    )
    if certificate is None:
        return "gone"
    if not certificate.is_ready:
        try:
            result = rendering.certificate_pdf(certificate)
            certificate_store_pdf(
                certificate=certificate, pdf=result.pdf, warning=result.warning
            )
        except Exception as error:
            certificate_mark_render_failed(
                certificate_pk=certificate.pk, error=f"{type(error).__name__}: {error}"
            )
            raise
        certificate.refresh_from_db()
    certificate_notify_learner(certificate=certificate)
    return "ready"


def certificate_auto_issue(learner_pk: int) -> int:
    """Issues the automatic awards a learner now qualifies for."""
    learner = get_user_model().objects.filter(pk=learner_pk, is_active=True).first()
    if learner is None:
        return 0
    return len(certificates_auto_issue(learner=learner))


def issue_batch(batch_pk: int) -> str:
    batch = (
        IssueBatch.objects.select_related("award", "created_by")
        .filter(pk=batch_pk)
        .first()
    )
    if batch is None:
        return "gone"
    issue_batch_run(batch=batch)
    return "done"


def send_expiry_reminders() -> int:
    return certificates_send_expiry_reminders()
