"""Demo awards and one rendered certificate for the demo resident.

Called by ``academy_site.demo.seed`` after the courses and accounts exist.
Every step finds what is already there first, so running it twice leaves the
same rows as running it once.
"""

from __future__ import annotations

import io
import math

from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from PIL import Image, ImageDraw, ImageFont
from wagtail.images import get_image_model

from certificates import tasks
from certificates.models import Award, CertificateSignatory, CertificateTemplate
from certificates.services import certificate_issue
from courses.models import CoursePage

from .content import COURSES
from .seed_cohorts import FIRST_AID, DemoResident, learn

IMAGE_TAG = "citizens-academy-demo"
TEMPLATE_NAME = "Citizens' Academy"
EXPERT_CITIZEN = "Expert Citizen"
EXPERT_DESCRIPTION = (
    "Completed the four core courses of the Citizens' Academy: fire safety, "
    "first aid, crime prevention and signposting, and had the first aid "
    "practical skills signed off in person."
)
# Months a course certificate stays valid; blank means it never expires.
COURSE_VALIDITY = {FIRST_AID: 36}
SIGNATORIES = [
    ("Grace Okafor", "Academy coordinator"),
    ("Station Manager Dev Mistry", "Leicestershire Fire and Rescue Service"),
]
BRAND = (138, 28, 0)
INK = (26, 26, 26)


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _logo() -> bytes:
    image = Image.new("RGB", (600, 200), "white")
    draw = ImageDraw.Draw(image)
    draw.ellipse((10, 10, 190, 190), fill=BRAND)
    draw.polygon([(100, 40), (150, 100), (100, 160), (50, 100)], fill="white")
    font = ImageFont.load_default(size=54)
    draw.text((215, 40), "Citizens'", fill=BRAND, font=font)
    draw.text((215, 105), "Academy", fill=INK, font=font)
    return _png(image)


def _signature(seed: int) -> bytes:
    image = Image.new("RGB", (480, 140), "white")
    draw = ImageDraw.Draw(image)
    points = [
        (30 + x, 80 + 30 * math.sin(x / (18 + seed * 4)) * math.cos(x / 61))
        for x in range(0, 420, 3)
    ]
    draw.line(points, fill=INK, width=5, joint="curve")
    draw.line([(60, 115), (400, 105)], fill=INK, width=3)
    return _png(image)


def _image(title: str, filename: str, content: bytes):
    Image_ = get_image_model()
    image = Image_.objects.filter(title=title, tags__name=IMAGE_TAG).first()
    if image is None:
        image = Image_(title=title)
        image.file = ImageFile(io.BytesIO(content), name=filename)
        image.save()
        image.tags.add(IMAGE_TAG)
    return image


def ensure_template() -> CertificateTemplate:
    template = CertificateTemplate.objects.filter(name=TEMPLATE_NAME).first()
    if template is not None:
        return template
    template = CertificateTemplate.objects.create(
        name=TEMPLATE_NAME,
        title="Certificate of achievement",
        preamble="This is to certify that",
        wording="has met every requirement of the Citizens' Academy award",
        issuer_name="Citizens' Academy",
        logo=_image("Citizens' Academy logo", "academy-logo.png", _logo()),
    )
    for position, (name, role) in enumerate(SIGNATORIES):
        CertificateSignatory.objects.create(
            template=template,
            name=name,
            role=role,
            signature=_image(
                f"Signature of {name}",
                f"signature-{position}.png",
                _signature(position),
            ),
            sort_order=position,
        )
    return template


def expert_requirements(courses: list[CoursePage]) -> list[tuple[str, dict]]:
    """Every core course completed, and the first aid skills signed off."""
    requirements = [("course", {"course": course}) for course in courses]
    requirements += [
        ("practical", {"course": course})
        for course in courses
        if course.slug == FIRST_AID
    ]
    return requirements


def _asks_for(award: Award) -> list[tuple]:
    """What an award's requirements ask for, in a form that compares."""
    return [
        (
            child.block_type,
            getattr(child.value.get("course"), "pk", None),
            child.value.get("minimum"),
        )
        for child in award.requirements
    ]


def ensure_awards(template: CertificateTemplate, courses: list[CoursePage]) -> Award:
    requirements = expert_requirements(courses)
    expert, created = Award.objects.get_or_create(
        name=EXPERT_CITIZEN,
        defaults={
            "template": template,
            "description": EXPERT_DESCRIPTION,
            "requirements": requirements,
        },
    )
    # A database seeded before the practical sign-off was required gets it
    # too, once every core course is there to require.
    complete = len(courses) == len(COURSES)
    if (
        not created
        and complete
        and _asks_for(expert) != _asks_for(Award(requirements=requirements))
    ):
        expert.requirements = requirements
        expert.description = EXPERT_DESCRIPTION
        expert.full_clean()
        expert.save()
    for course in courses:
        Award.objects.get_or_create(
            name=course.title,
            defaults={
                "template": template,
                "description": f"Completed the course {course.title}.",
                "requirements": [("course", {"course": course})],
                "validity_months": COURSE_VALIDITY.get(course.slug),
                "auto_issue": True,
            },
        )
    return expert


def ensure_resident_completed(resident, courses: list[CoursePage]) -> None:
    """Plays the demo resident through every lesson and assessment."""
    plan = DemoResident(
        resident.username,
        resident.first_name,
        resident.last_name,
        "LE3",
        completed=tuple(course.slug for course in courses),
    )
    learn(resident, plan, {course.slug: course for course in courses})


def seed_certificates() -> None:
    slugs = [course["slug"] for course in COURSES]
    by_slug = {page.slug: page for page in CoursePage.objects.filter(slug__in=slugs)}
    courses = [by_slug[slug] for slug in slugs if slug in by_slug]
    template = ensure_template()
    expert = ensure_awards(template, courses)

    User = get_user_model()
    resident = User.objects.filter(username="resident").first()
    if resident is None or len(courses) != len(slugs):
        return
    ensure_resident_completed(resident, courses)
    coordinator = User.objects.filter(username="coordinator").first()
    certificate = certificate_issue(
        learner=resident, award=expert, issued_by=coordinator
    )
    tasks.certificate_render(certificate.pk)
