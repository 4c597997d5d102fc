"""Double submits of assisted access forms, arriving at the same moment.

These need PostgreSQL: SQLite serialises every write, so it cannot show a race.
"""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from learners.assisted import services
from learners.models import AssistedSignInCode, Attempt, Enrolment
from tests.conftest import PARALLEL, post_at_once
from tests.learners.conftest import enrol, finish_lessons, postgres_only

pytestmark = [
    pytest.mark.postgres,
    postgres_only,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_one_code_submitted_from_several_phones_signs_in_once(coordinator):
    user, issued, _created = services.assisted_resident_register(
        registered_by=coordinator,
        first_name="Amira",
        last_name="Khan",
        certificate_name="",
        preferred_language="en-gb",
        postcode_district="",
    )
    results = post_at_once(
        reverse("learners:assisted_code_sign_in"), {"code": issued.display}
    )
    signed_in = [b for status, b in results if status == 302]
    assert len(signed_in) == 1
    assert signed_in[0].session["_auth_user_id"] == str(user.pk)
    assert sorted(status for status, _b in results) == [200] * 5 + [302]
    redeems = ModelLogEntry.objects.for_instance(user).filter(
        action="learners.assisted_code_redeem"
    )
    assert redeems.count() == 1
    assert AssistedSignInCode.objects.get().used_at is not None


def test_a_double_submitted_registration_makes_one_account(coordinator):
    results = post_at_once(
        reverse("learners:assisted_register"),
        {
            "first_name": "Amira",
            "last_name": "Khan",
            "certificate_name": "",
            "preferred_language": "en-gb",
            "postcode_district": "",
            "cohort": "",
            "submission": "one-filling-in",
        },
        user=coordinator,
    )
    assert [status for status, _b in results] == [200] * PARALLEL
    user = get_user_model().objects.get(first_name="Amira")
    usable = AssistedSignInCode.objects.filter(
        user=user, used_at=None, expires_at__gt=timezone.now()
    )
    assert usable.count() == 1


def test_a_double_submitted_paper_result_is_recorded_once(
    coordinator, resident, course, completions
):
    enrol(resident, course)
    finish_lessons(resident, course)
    post_at_once(
        reverse("learners:paper_result"),
        {
            "learner": resident.pk,
            "course": course.pk,
            "score": "90",
            "taken_on": timezone.localdate().isoformat(),
            "submission": "one-filling-in",
        },
        user=coordinator,
    )
    assert Attempt.objects.filter(source=Attempt.Source.PAPER).count() == 1
    enrolment = Enrolment.objects.get(user=resident, course=course)
    assert completions == [(Enrolment, enrolment.pk)]
