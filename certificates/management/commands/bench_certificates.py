"""Benchmarks certificate rendering; ``make bench`` runs it.

Everything happens in a throwaway SQLite database and media directory, so
the configured database is never touched. Prints ``name=value`` lines:

- ``certificate_render_ms``: median of N renders of a seeded certificate
  (logo, two signatures, QR code), HTML building included;
- ``weasyprint_floor_ms``: median of N renders of a minimal one-page HTML in
  the same fonts, made the same way (PDF/A-3b), interleaved with the above;
- ``render_floor_ratio``: the first divided by the second;
- ``certificate_pdf_bytes``: size of the seeded certificate's PDF;
- ``bulk_1_worker_per_s`` and ``bulk_2_workers_per_s``: certificates rendered
  per second by a real ``qcluster`` with 1 and 2 workers working through a
  queue of M render jobs (first to last completion).
"""

from __future__ import annotations

import io
import os
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django_q.models import OrmQ
from django_q.tasks import async_task
from PIL import Image, ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Page

from certificates import rendering
from certificates.models import (
    Award,
    Certificate,
    CertificateSignatory,
    CertificateTemplate,
)
from certificates.services import certificate_issue
from certificates.storage import certificate_storage
from courses.models import CourseIndexPage, CoursePage
from learners.models import Enrolment

BENCH_AWARD = "Benchmark award"
BULK_AWARD = "Benchmark bulk award"
RENDER_TASK = "certificates.tasks.certificate_render"


class Command(BaseCommand):
    help = "Benchmarks certificate PDFs and bulk rendering through django-q2."

    def add_arguments(self, parser):
        parser.add_argument("--renders", type=int, default=50)
        parser.add_argument("--bulk", type=int, default=500)
        parser.add_argument("--workers", default="1,2")
        parser.add_argument(
            "--timeout",
            type=int,
            default=300,
            help="Seconds to wait for each bulk run before stopping it.",
        )
        parser.add_argument(
            "--keep",
            action="store_true",
            help="Keep the throwaway database and files, and say where they are.",
        )
        parser.add_argument("--step", choices=["prepare", "render", "enqueue"])

    def handle(self, *args, **options):
        step = options["step"]
        if step == "prepare":
            return self.prepare(options["bulk"])
        if step == "render":
            return self.render(options["renders"])
        if step == "enqueue":
            return self.enqueue()
        return self.orchestrate(options)

    # The orchestrator runs each step in a child process on a throwaway DB.

    def orchestrate(self, options):
        workdir = Path(tempfile.mkdtemp(prefix="academy-bench-"))
        database = workdir / "bench.sqlite3"
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": settings.SETTINGS_MODULE,
            "DATABASE_URL": f"sqlite:///{database}",
            "MEDIA_ROOT": str(workdir / "media"),
            "CERTIFICATES_ROOT": str(workdir / "certificates"),
            "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
            "REDIS_URL": "",
            "PYTHONUNBUFFERED": "1",
        }
        try:
            self.child(env, "migrate", "--no-input", "-v", "0")
            self.child(
                env,
                "bench_certificates",
                "--step",
                "prepare",
                "--bulk",
                str(options["bulk"]),
            )
            output = self.child(
                env,
                "bench_certificates",
                "--step",
                "render",
                "--renders",
                str(options["renders"]),
            )
            for line in output.splitlines():
                if "=" in line:
                    self.stdout.write(line.strip())
            for workers in [int(w) for w in options["workers"].split(",") if w]:
                rate = self.bulk(env, database, workers, options["timeout"])
                label = "worker" if workers == 1 else "workers"
                self.stdout.write(f"bulk_{workers}_{label}_per_s={rate:.2f}")
            self.stdout.write(f"bulk_certificates={options['bulk']}")
        finally:
            if options["keep"]:
                self.stderr.write(f"Kept {workdir}")
            else:
                shutil.rmtree(workdir, ignore_errors=True)

    def child(self, env, *arguments) -> str:
        result = subprocess.run(  # noqa: S603 - our own manage.py, fixed arguments
            [sys.executable, "manage.py", *arguments],
            env=env,
            cwd=_project_dir(),
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise CommandError(f"{' '.join(arguments)} failed:\n{result.stderr}")
        return result.stdout

    def bulk(self, env, database: Path, workers: int, timeout: int) -> float:
        self.child(env, "bench_certificates", "--step", "enqueue")
        total = self.bulk_counts(database)[0]
        cluster = subprocess.Popen(  # noqa: S603 - our own manage.py
            [sys.executable, "manage.py", "qcluster"],
            env={**env, "Q_WORKERS": str(workers)},
            cwd=_project_dir(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        started = time.monotonic()
        try:
            while time.monotonic() - started < timeout:
                time.sleep(1)
                if self.bulk_counts(database)[1] >= total:
                    break
        finally:
            self.stop(cluster)
        _, ready, first, last = self.bulk_counts(database)
        if ready < 2 or first is None or last is None or last <= first:
            return 0.0
        return (ready - 1) / (last - first).total_seconds()

    def stop(self, cluster: subprocess.Popen) -> None:
        """Stops the cluster we started, workers included (its own session)."""
        try:
            cluster.send_signal(signal.SIGTERM)
            cluster.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(cluster.pid, signal.SIGKILL)
            cluster.wait(timeout=30)
        except ProcessLookupError:
            pass

    def bulk_counts(self, database: Path):
        with sqlite3.connect(database, timeout=30) as connection:
            total, ready, first, last = connection.execute(
                "SELECT COUNT(*),"
                " SUM(CASE WHEN render_status = 'ready' THEN 1 ELSE 0 END),"
                " MIN(CASE WHEN render_status = 'ready' THEN rendered_at END),"
                " MAX(CASE WHEN render_status = 'ready' THEN rendered_at END)"
                " FROM certificates_certificate WHERE award_name = ?",
                (BULK_AWARD,),
            ).fetchone()
        parse = datetime.fromisoformat
        return (
            total,
            ready or 0,
            parse(first) if first else None,
            parse(last) if last else None,
        )

    # Steps run inside the throwaway database.

    def prepare(self, bulk: int) -> None:
        root = Page.get_first_root_node()
        index = CourseIndexPage(title="Courses", slug="bench-courses")
        root.add_child(instance=index)
        course = CoursePage(
            title="Fire safety at home", slug="bench-course", summary="."
        )
        index.add_child(instance=course)
        template = CertificateTemplate.objects.create(
            name="Benchmark", logo=_image("Logo", (600, 200), (138, 28, 0))
        )
        for position, name in enumerate(["Grace Okafor", "Dev Mistry"]):
            CertificateSignatory.objects.create(
                template=template,
                name=name,
                role="Academy coordinator",
                signature=_image(f"Signature {position}", (480, 140), (26, 26, 26)),
                sort_order=position,
            )
        requirements = [("course", {"course": course})]
        award = Award.objects.create(
            name=BENCH_AWARD, template=template, requirements=requirements
        )
        bulk_award = Award.objects.create(
            name=BULK_AWARD, template=template, requirements=requirements
        )
        User = get_user_model()
        User.objects.bulk_create(
            User(username=f"learner{n}", first_name="Amira", last_name=f"Khan {n}")
            for n in range(bulk)
        )
        learners = list(User.objects.filter(username__startswith="learner"))
        now = timezone.now()
        Enrolment.objects.bulk_create(
            Enrolment(user=learner, course=course, completed_at=now)
            for learner in learners
        )
        certificate_issue(learner=learners[0], award=award)
        for learner in learners:
            certificate_issue(learner=learner, award=bulk_award)
        OrmQ.objects.all().delete()

    def render(self, renders: int) -> None:
        certificate = Certificate.objects.select_related("award__template").get(
            award_name=BENCH_AWARD
        )
        pdf = rendering.certificate_pdf(certificate).pdf
        rendering.floor_pdf()
        certificate_times, floor_times = [], []
        for _ in range(renders):
            started = time.perf_counter()
            certificate.refresh_from_db()
            rendering.certificate_pdf(certificate)
            certificate_times.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            rendering.floor_pdf()
            floor_times.append((time.perf_counter() - started) * 1000)
        render_ms = statistics.median(certificate_times)
        floor_ms = statistics.median(floor_times)
        self.stdout.write(f"certificate_render_ms={render_ms:.1f}")
        self.stdout.write(f"weasyprint_floor_ms={floor_ms:.1f}")
        self.stdout.write(f"render_floor_ratio={render_ms / floor_ms:.2f}")
        self.stdout.write(f"certificate_pdf_bytes={len(pdf)}")

    def enqueue(self) -> None:
        bulk = Certificate.objects.filter(award_name=BULK_AWARD)
        storage = certificate_storage()
        for name in bulk.exclude(pdf_name="").values_list("pdf_name", flat=True):
            storage.delete(name)
        bulk.update(
            render_status=Certificate.RenderStatus.PENDING,
            pdf_name="",
            rendered_at=None,
            emailed_at=None,
        )
        OrmQ.objects.all().delete()
        for pk in bulk.order_by("pk").values_list("pk", flat=True):
            async_task(RENDER_TASK, pk)


def _image(title: str, size: tuple[int, int], colour: tuple[int, int, int]):
    picture = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(picture)
    draw.rectangle((10, 10, size[0] - 10, size[1] - 10), outline=colour, width=8)
    draw.line((20, size[1] - 30, size[0] - 20, 30), fill=colour, width=6)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    image = get_image_model()(title=title)
    image.file = ImageFile(io.BytesIO(buffer.getvalue()), name=f"{title}.png")
    image.save()
    return image


def _project_dir() -> Path:
    return Path(getattr(settings, "BASE_DIR", Path.cwd()))
