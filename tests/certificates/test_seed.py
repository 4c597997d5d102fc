import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from academy_site.demo.seed_certificates import seed_certificates
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
    assert len(expert.requirements) == 4
    assert not expert.auto_issue
