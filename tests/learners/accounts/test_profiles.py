"""The profile services and the pure postcode rule."""

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied, ValidationError
from hypothesis import given
from hypothesis import strategies as st
from wagtail.models import ModelLogEntry

from learners.accounts.profiles import normalise_postcode_district
from learners.accounts.services import profile_get_or_create, profile_update
from learners.models import LearnerProfile

DETAILS = {
    "certificate_name": "Amira Khan",
    "preferred_language": "pl",
    "postcode_district": "le3",
    "contact_consent": True,
}

districts = st.from_regex(r"\A[A-Z]{1,2}[0-9][0-9A-Z]?\Z")
inward_codes = st.from_regex(r"\A[0-9][A-Z]{2}\Z")


@given(district=districts, inward=inward_codes, space=st.sampled_from(["", " ", "  "]))
def test_a_whole_postcode_in_any_case_is_cut_to_its_district(district, inward, space):
    typed = f" {district.lower()}{space}{inward.lower()} "

    assert normalise_postcode_district(typed) == district


@given(district=districts)
def test_a_district_alone_is_kept_uppercased(district):
    assert normalise_postcode_district(district.lower()) == district


@given(st.text())
def test_normalising_twice_changes_nothing_more(value):
    once = normalise_postcode_district(value)

    assert normalise_postcode_district(once) == once


@pytest.mark.django_db
def test_get_or_create_makes_one_profile_and_then_returns_it(resident):
    first = profile_get_or_create(user=resident, preferred_language="so")
    second = profile_get_or_create(user=resident, preferred_language="pl")

    assert first.pk == second.pk
    assert second.preferred_language == "so"
    assert LearnerProfile.objects.filter(user=resident).count() == 1
    assert ModelLogEntry.objects.filter(
        object_id=str(first.pk), action="wagtail.create"
    ).exists()


@pytest.mark.django_db
def test_get_or_create_ignores_a_language_the_site_does_not_offer(resident):
    profile = profile_get_or_create(user=resident, preferred_language="xx")

    assert profile.preferred_language == "en-gb"


@pytest.mark.django_db
def test_a_learner_updates_their_own_profile(resident):
    profile = profile_get_or_create(user=resident)

    profile_update(user=resident, profile=profile, **DETAILS)

    profile.refresh_from_db()
    assert profile.certificate_name == "Amira Khan"
    assert profile.preferred_language == "pl"
    assert profile.postcode_district == "LE3"
    assert profile.contact_consent is True
    entry = ModelLogEntry.objects.get(object_id=str(profile.pk), action="wagtail.edit")
    assert entry.user == resident


@pytest.mark.django_db
def test_another_resident_cannot_update_a_profile(resident, other_resident):
    profile = profile_get_or_create(user=resident)

    with pytest.raises(PermissionDenied):
        profile_update(user=other_resident, profile=profile, **DETAILS)

    profile.refresh_from_db()
    assert profile.certificate_name == ""


@pytest.mark.django_db
def test_someone_allowed_to_change_profiles_can_update_anyones(resident, coordinator):
    coordinator.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="learners", codename="change_learnerprofile"
        )
    )
    profile = profile_get_or_create(user=resident)

    profile_update(user=coordinator, profile=profile, **DETAILS)

    profile.refresh_from_db()
    assert profile.certificate_name == "Amira Khan"


@pytest.mark.django_db
def test_an_invalid_postcode_is_refused_and_nothing_is_saved(resident):
    profile = profile_get_or_create(user=resident)

    with pytest.raises(ValidationError) as error:
        profile_update(
            user=resident,
            profile=profile,
            **{**DETAILS, "postcode_district": "NOT A POSTCODE"},
        )

    assert "postcode_district" in error.value.message_dict
    stored = LearnerProfile.objects.get(pk=profile.pk)
    assert stored.certificate_name == ""
    assert stored.postcode_district == ""
