"""A render worker that really dies mid-job, and the retry that follows.

The worker is a separate process that starts the render task against the test
database and is killed with SIGKILL while it writes the PDF: no exception
handler, ``finally`` or rollback in Python runs. What it leaves behind is
whatever a crashed worker leaves, and django-q2 redelivers the job, which is
the same task run again.
"""

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from django.core import mail
from django.db import connection

from certificates import tasks
from certificates.models import Certificate
from certificates.services import certificate_issue
from tests.certificates import pdfs

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="the worker process needs a database it can share: PostgreSQL",
    ),
]

ROOT = Path(__file__).resolve().parents[2]

# Runs the real render task in a new process, whose storage dies halfway
# through writing the file.
DYING_WORKER = """
import os, signal, sys

import django

django.setup()

from django.core.files.storage import FileSystemStorage
from django.test import override_settings


def write_half_then_die(self, name, content):
    data = content.read()
    path = self.path(name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data[: len(data) // 2])
        handle.flush()
        os.fsync(handle.fileno())
    os.kill(os.getpid(), signal.SIGKILL)


FileSystemStorage._save = write_half_then_die
storage = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": os.environ["CERTIFICATE_ROOT"]},
}
from django.conf import settings

with override_settings(STORAGES={**settings.STORAGES, "certificates": storage}):
    from certificates import tasks

    tasks.certificate_render(int(sys.argv[1]))
"""


def database_url() -> str:
    db = connection.settings_dict
    user = db["USER"] or "postgres"
    auth = f"{user}:{db['PASSWORD']}" if db["PASSWORD"] else user
    host = db["HOST"] or "127.0.0.1"
    port = db["PORT"] or 5432
    return f"postgres://{auth}@{host}:{port}/{db['NAME']}"


def test_a_worker_killed_mid_render_leaves_it_rerendered_on_retry(
    award, qualified, coordinator, certificate_files
):
    certificate = certificate_issue(
        learner=qualified, award=award, issued_by=coordinator
    )
    # Issuing rendered it already (jobs run inline in tests): queue it afresh.
    Certificate.objects.filter(pk=certificate.pk).update(
        render_status=Certificate.RenderStatus.PENDING, emailed_at=None, pdf_name=""
    )
    for path in certificate_files.rglob("*.pdf"):
        path.unlink()
    mail.outbox.clear()

    worker = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", DYING_WORKER, str(certificate.pk)],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "academy_site.settings.test",
            "DATABASE_URL": database_url(),
            "CERTIFICATE_ROOT": str(certificate_files),
        },
        capture_output=True,
        timeout=120,
    )

    assert worker.returncode == -signal.SIGKILL, worker.stderr.decode()
    leftover = certificate_files / certificate.storage_name
    assert leftover.exists()
    half_written = leftover.read_bytes()
    assert half_written.startswith(b"%PDF")
    assert b"%%EOF" not in half_written
    certificate.refresh_from_db()
    assert certificate.render_status == Certificate.RenderStatus.PENDING

    assert tasks.certificate_render(certificate.pk) == "ready"

    certificate.refresh_from_db()
    assert certificate.render_status == Certificate.RenderStatus.READY
    files = sorted(path.name for path in certificate_files.rglob("*") if path.is_file())
    assert files == [f"{certificate.serial}.pdf"]
    pdf = leftover.read_bytes()
    assert certificate.serial in pdfs.text(pdf)
    assert len(pdfs.read(pdf).pages) == 1
    assert len(pdf) > len(half_written)
    assert len(mail.outbox) == 1
