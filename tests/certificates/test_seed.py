import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from academy_site.demo.seed_certificates import seed_certificates
from certificates.eligibility import award_progress
from certificates.models import Award, Certificate, CertificateTemplate

pytestmark = pytest.mark.django_db


def counts():
    return (
        CertificateTemplate.objects.count(),
        Award.objects.count(),
        Certificate.objects.count(),
    )


def test_seed_gives_the_demo_resident_a_rendered_expert_citizen_certificate():
    call_command("seed_academy")

    seed_certificates()
    first = counts()
    seed_certificates()

    assert counts() == first
    assert first == (1, 5, 1)
    resident = get_user_model().objects.get(username="resident")
    certificate = Certificate.objects.get()
    assert certificate.learner == resident
    assert certificate.award_name == "Expert Citizen"
    assert certificate.name_on_certificate == "Amira Khan"
    assert certificate.render_status == Certificate.RenderStatus.READY
    first_aid = Award.objects.get(name="First aid essentials")
    assert first_aid.validity_months == 36
    assert first_aid.auto_issue
    expert = Award.objects.get(name="Expert Citizen")
    assert [
        (child.block_type, child.value["course"].title) for child in expert.requirements
    ] == [
        ("course", "Fire safety at home"),
        ("course", "First aid essentials"),
        ("course", "Crime prevention and staying safe"),
        ("course", "Signposting: finding the right help"),
        ("practical", "First aid essentials"),
    ]
    assert not expert.auto_issue


def test_demo_resident_meets_every_expert_citizen_requirement():
    call_command("seed_academy")
    resident = get_user_model().objects.get(username="resident")
    expert = Award.objects.get(name="Expert Citizen")

    progress = award_progress(award=expert, learner_ids=[resident.pk])

    assert progress.holds(resident.pk)
    assert progress.needs(resident.pk) == []


def test_seed_adds_the_practical_requirement_to_an_older_expert_citizen():
    call_command("seed_academy")
    expert = Award.objects.get(name="Expert Citizen")
    courses = [
        child.value["course"]
        for child in expert.requirements
        if child.block_type == "course"
    ]
    # As a database seeded before sign-offs were an award requirement has it.
    expert.requirements = [("course", {"course": course}) for course in courses]
    expert.save()
    before = counts()

    seed_certificates()
    expert.refresh_from_db()
    updated = expert.updated_at
    seed_certificates()

    expert.refresh_from_db()
    assert expert.updated_at == updated, "an award that matches is left alone"
    assert [child.block_type for child in expert.requirements] == [
        "course",
        "course",
        "course",
        "course",
        "practical",
    ]
    assert counts() == before
