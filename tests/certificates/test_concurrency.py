"""Parallel issue and render against real PostgreSQL row locks."""

import threading

import pytest
from django.core import mail
from django.db import connection

from certificates import tasks
from certificates.models import Certificate
from certificates.services import certificate_issue
from tests import factories
from tests.certificates import builders
from tests.conftest import PARALLEL as THREADS
from tests.conftest import at_once

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL for real concurrency: set DATABASE_URL=postgres://…",
    ),
]


def test_parallel_issues_leave_exactly_one_certificate(award, qualified, coordinator):
    results, errors = at_once(
        lambda: (
            certificate_issue(learner=qualified, award=award, issued_by=coordinator).pk
        )
    )

    assert errors == []
    assert len(set(results)) == 1
    assert Certificate.objects.filter(learner=qualified, award=award).count() == 1


def qualified_learner(index, courses):
    learner = factories.make_resident(username=f"parallel{index}")
    for course in courses:
        builders.complete(learner, course)
    return learner


def test_parallel_issues_to_different_learners_get_distinct_serials(
    award, two_courses, coordinator
):
    learners = [qualified_learner(index, two_courses) for index in range(THREADS)]
    queue = list(learners)
    lock = threading.Lock()

    def issue_next():
        with lock:
            learner = queue.pop()
        return certificate_issue(learner=learner, award=award, issued_by=coordinator)

    results, errors = at_once(issue_next)

    assert errors == []
    assert len({certificate.serial for certificate in results}) == THREADS
    assert sorted(c.status_list_index for c in results) == list(range(THREADS))


def test_parallel_renders_write_one_file_and_send_one_email(
    award, qualified, coordinator, certificate_files
):
    certificate = certificate_issue(
        learner=qualified, award=award, issued_by=coordinator
    )
    # Issuing rendered it already (jobs run inline in tests): start again.
    Certificate.objects.filter(pk=certificate.pk).update(
        render_status=Certificate.RenderStatus.PENDING, emailed_at=None
    )
    mail.outbox.clear()
    for path in certificate_files.rglob("*.pdf"):
        path.unlink()

    results, errors = at_once(lambda: tasks.certificate_render(certificate.pk))

    certificate.refresh_from_db()
    assert errors == []
    assert results == ["ready"] * THREADS
    assert certificate.render_status == Certificate.RenderStatus.READY
    files = sorted(path.name for path in certificate_files.rglob("*") if path.is_file())
    assert files == [f"{certificate.serial}.pdf"]
    assert len(mail.outbox) == 1
