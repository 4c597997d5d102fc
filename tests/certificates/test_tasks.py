import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from wagtail.images.models import SourceImageIOError

from certificates import tasks
from certificates.models import Certificate, IssueBatch
from certificates.selectors import batch_progress
from certificates.services import certificate_issue, issue_batch_run
from certificates.storage import certificate_storage
from tests import factories
from tests.certificates import builders, pdfs

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(award, qualified, coordinator):
    return certificate_issue(learner=qualified, award=award, issued_by=coordinator)


def stored_files(root):
    return sorted(path.name for path in root.rglob("*") if path.is_file())


def test_rendering_twice_leaves_one_file_and_one_email(certificate, certificate_files):
    tasks.certificate_render(certificate.pk)
    certificate.refresh_from_db()
    first = (certificate.pdf_sha256, certificate.rendered_at)

    tasks.certificate_render(certificate.pk)
    certificate.refresh_from_db()

    assert certificate.render_status == Certificate.RenderStatus.READY
    assert (certificate.pdf_sha256, certificate.rendered_at) == first
    assert stored_files(certificate_files) == [f"{certificate.serial}.pdf"]
    assert len(mail.outbox) == 1


def test_forced_rerender_overwrites_the_same_file(certificate, certificate_files):
    tasks.certificate_render(certificate.pk)
    Certificate.objects.filter(pk=certificate.pk).update(
        render_status=Certificate.RenderStatus.PENDING
    )

    tasks.certificate_render(certificate.pk)

    assert stored_files(certificate_files) == [f"{certificate.serial}.pdf"]


def test_a_worker_killed_mid_write_is_repaired_by_the_retry(
    certificate, certificate_files
):
    # What a worker killed while writing leaves behind: half a file, and the
    # certificate still pending because the status is set only after the write.
    storage = certificate_storage()
    storage.save(certificate.storage_name, ContentFile(b"%PDF-1.7\n%trunc"))
    assert storage.exists(certificate.storage_name)

    tasks.certificate_render(certificate.pk)

    certificate.refresh_from_db()
    assert certificate.render_status == Certificate.RenderStatus.READY
    assert stored_files(certificate_files) == [f"{certificate.serial}.pdf"]
    with storage.open(certificate.pdf_name, "rb") as handle:
        pdf = handle.read()
    assert certificate.serial in pdfs.text(pdf)
    assert len(pdfs.read(pdf).pages) == 1


def test_a_failed_render_is_marked_failed_and_succeeds_on_retry(
    two_courses, qualified, coordinator, certificate_files
):
    template = builders.make_template(with_images=True)
    award = builders.make_award(two_courses, name="Broken", template=template)
    certificate = certificate_issue(
        learner=qualified, award=award, issued_by=coordinator
    )
    # The logo's file disappears from storage: a real failure mid-render.
    template.logo.file.storage.delete(template.logo.file.name)

    # The task re-raises so that django-q2 leaves the job unacknowledged and
    # runs it again after Q_CLUSTER["retry"] seconds.
    with pytest.raises(SourceImageIOError):
        tasks.certificate_render(certificate.pk)

    certificate.refresh_from_db()
    assert certificate.render_status == Certificate.RenderStatus.FAILED
    assert certificate.render_attempts == 1
    assert certificate.render_error
    assert stored_files(certificate_files) == []
    assert mail.outbox == []

    template.logo = builders.make_image("New logo")
    template.save()
    tasks.certificate_render(certificate.pk)

    certificate.refresh_from_db()
    assert certificate.render_status == Certificate.RenderStatus.READY
    assert certificate.render_error == ""
    assert certificate.render_attempts == 2
    assert stored_files(certificate_files) == [f"{certificate.serial}.pdf"]
    assert len(mail.outbox) == 1


class RenamingStorage(FileSystemStorage):
    """A store that never keeps the name it is given."""

    def get_available_name(self, name, max_length=None):
        return super().get_available_name(f"copy-{name}", max_length)


def test_a_store_that_renames_the_pdf_fails_with_a_readable_error(
    certificate, settings, certificate_files
):
    settings.STORAGES = {
        **settings.STORAGES,
        "certificates": {
            "BACKEND": f"{__name__}.RenamingStorage",
            "OPTIONS": {"location": certificate_files},
        },
    }

    with pytest.raises(RuntimeError):
        tasks.certificate_render(certificate.pk)

    certificate.refresh_from_db()
    assert certificate.render_status == Certificate.RenderStatus.FAILED
    name = certificate.storage_name
    assert (
        f"The file store saved the PDF as copy-{name} instead of {name}, "
        "so it was not kept." in certificate.render_error
    )
    assert stored_files(certificate_files) == []


def test_render_of_a_deleted_certificate_does_nothing():
    assert tasks.certificate_render(987654) == "gone"


def test_batch_issues_eligible_learners_and_reports_the_rest(
    award, two_courses, coordinator, resident
):
    ready = [factories.make_resident() for _ in range(3)]
    for learner in ready:
        for course in two_courses:
            builders.complete(learner, course)
    batch = IssueBatch.objects.create(
        award=award,
        created_by=coordinator,
        learner_ids=[learner.pk for learner in ready] + [resident.pk],
    )

    issue_batch_run(batch=batch)
    issue_batch_run(batch=batch)

    batch.refresh_from_db()
    assert Certificate.objects.count() == 3
    assert batch.processed == 4
    assert batch.problems == [
        {"learner": resident.pk, "message": "Has not met the requirements."}
    ]
    progress = batch_progress(batch=batch)
    assert progress["total"] == 4
    assert progress["problems"] == 1
