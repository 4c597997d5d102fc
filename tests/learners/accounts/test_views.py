"""The profile page at /learning/profile/: who may see it and what it saves."""

import pytest
from django.conf import settings as django_settings
from django.urls import reverse

from learners.models import LearnerProfile

pytestmark = pytest.mark.django_db

PROFILE_URL = "/learning/profile/"
DETAILS = {
    "certificate_name": "Amira Khan",
    "preferred_language": "en-gb",
    "postcode_district": "le3",
    "contact_consent": "on",
}


def test_the_profile_page_lives_at_learning_profile():
    assert reverse("learners:profile") == PROFILE_URL


def test_an_anonymous_visitor_is_sent_to_sign_in(client):
    response = client.get(PROFILE_URL)

    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next={PROFILE_URL}"


def test_an_anonymous_post_saves_nothing(client):
    response = client.post(PROFILE_URL, DETAILS)

    assert response.status_code == 302
    assert not LearnerProfile.objects.exists()


def test_a_resident_sees_and_saves_their_own_profile(client, resident):
    client.force_login(resident)
    page = client.get(PROFILE_URL)
    assert page.status_code == 200
    assert page.text.count("<h1>") == 1
    assert 'for="id_postcode_district"' in page.text

    response = client.post(PROFILE_URL, DETAILS)

    assert response.status_code == 302
    assert response.url == PROFILE_URL
    profile = LearnerProfile.objects.get(user=resident)
    assert profile.certificate_name == "Amira Khan"
    assert profile.postcode_district == "LE3"
    assert profile.contact_consent is True
    follow = client.get(PROFILE_URL)
    assert "Your profile has been saved." in follow.text
    assert 'value="Amira Khan"' in follow.text


def test_another_resident_only_ever_sees_and_changes_their_own(
    client, resident, other_resident
):
    LearnerProfile.objects.create(user=resident, certificate_name="Fatima Noor")
    client.force_login(other_resident)

    page = client.get(PROFILE_URL, {"user": resident.pk})
    assert "Fatima Noor" not in page.text

    client.post(
        PROFILE_URL, {**DETAILS, "certificate_name": "Sam Lee", "user": resident.pk}
    )

    assert LearnerProfile.objects.get(user=resident).certificate_name == "Fatima Noor"
    assert LearnerProfile.objects.get(user=other_resident).certificate_name == (
        "Sam Lee"
    )


@pytest.mark.parametrize("role", ["trainer", "coordinator"])
def test_staff_get_a_profile_made_for_them_on_first_visit(client, request, role):
    user = request.getfixturevalue(role)
    client.force_login(user)

    page = client.get(PROFILE_URL)

    assert page.status_code == 200
    assert LearnerProfile.objects.filter(user=user).count() == 1
    response = client.post(PROFILE_URL, {**DETAILS, "certificate_name": "Tom Hughes"})
    assert response.status_code == 302
    assert LearnerProfile.objects.get(user=user).certificate_name == "Tom Hughes"


def test_a_new_profile_starts_in_the_language_being_browsed(client, resident):
    client.force_login(resident)
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "pl"

    client.get(PROFILE_URL)

    assert LearnerProfile.objects.get(user=resident).preferred_language == "pl"


def test_a_bad_postcode_is_shown_next_to_the_field_and_other_input_is_kept(
    client, resident
):
    LearnerProfile.objects.create(user=resident, postcode_district="LE1")
    client.force_login(resident)

    response = client.post(
        PROFILE_URL, {**DETAILS, "postcode_district": "NOT A POSTCODE"}
    )

    assert response.status_code == 200
    html = response.text
    assert '<ul class="errorlist" id="id_postcode_district_error">' in html
    assert "Enter the first part of a postcode, for example LE3." in html
    assert (
        'aria-describedby="id_postcode_district_helptext id_postcode_district_error"'
        in html
    )
    assert 'value="NOT A POSTCODE"' in html
    assert 'value="Amira Khan"' in html
    stored = LearnerProfile.objects.get(user=resident)
    assert stored.postcode_district == "LE1"
    assert stored.certificate_name == ""


def test_an_unknown_language_is_refused_without_a_server_error(client, resident):
    client.force_login(resident)

    response = client.post(PROFILE_URL, {**DETAILS, "preferred_language": "xx"})

    assert response.status_code == 200
    assert 'id="id_preferred_language_error"' in response.text


def test_saving_a_preferred_language_switches_the_site_language(client, resident):
    client.force_login(resident)

    response = client.post(PROFILE_URL, {**DETAILS, "preferred_language": "pl"})

    assert response.cookies[django_settings.LANGUAGE_COOKIE_NAME].value == "pl"
    page = client.get(response.url)
    assert '<html lang="pl" dir="ltr">' in page.text
    assert LearnerProfile.objects.get(user=resident).preferred_language == "pl"


def test_the_profile_page_offers_the_sign_in_settings(client, resident):
    client.force_login(resident)

    html = client.get(PROFILE_URL).text

    assert f'href="{reverse("account_email")}"' in html
    assert f'href="{reverse("account_change_password")}"' in html


def test_the_profile_page_needs_a_fixed_number_of_queries(
    client, resident, django_assert_max_num_queries
):
    client.force_login(resident)
    client.get(PROFILE_URL)

    with django_assert_max_num_queries(8):
        client.get(PROFILE_URL)
