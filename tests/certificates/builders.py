"""Small builders for certificate tests."""

from __future__ import annotations

import io
from datetime import datetime

from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images import get_image_model

from certificates.models import Award, CertificateSignatory, CertificateTemplate
from learners.models import Enrolment


def make_image(title: str = "Logo", colour: str = "#8a1c00") -> object:
    buffer = io.BytesIO()
    PILImage.new("RGB", (240, 80), colour).save(buffer, format="PNG")
    image = get_image_model()(title=title)
    image.file = ImageFile(io.BytesIO(buffer.getvalue()), name=f"{title}.png")
    image.save()
    return image


def make_template(*, with_images: bool = False, **fields) -> CertificateTemplate:
    fields.setdefault("name", f"Template {CertificateTemplate.objects.count() + 1}")
    if with_images:
        fields.setdefault("logo", make_image("Logo"))
    template = CertificateTemplate.objects.create(**fields)
    CertificateSignatory.objects.create(
        template=template,
        name="Grace Okafor",
        role="Academy coordinator",
        signature=make_image("Signature", "#1a1a1a") if with_images else None,
        sort_order=0,
    )
    return template


def make_award(courses, *, name: str | None = None, template=None, **fields) -> Award:
    return Award.objects.create(
        name=name or f"Award {Award.objects.count() + 1}",
        template=template or make_template(),
        requirements=[("course", {"course": course}) for course in courses],
        **fields,
    )


def complete(user, course, *, when: datetime | None = None) -> Enrolment:
    enrolment, _ = Enrolment.objects.update_or_create(
        user=user, course=course, defaults={"completed_at": when or timezone.now()}
    )
    return enrolment
