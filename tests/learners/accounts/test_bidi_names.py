"""Names with direction controls: refused where they are typed, and isolated
wherever a name already stored is shown."""

import html

import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from learners.accounts.profiles import (
    BIDI_CONTROLS,
    isolate_name,
    validate_no_bidi_controls,
)
from learners.accounts.services import (
    profile_create,
    profile_get_or_create,
    profile_update,
)
from learners.assisted import services as assisted
from learners.models import LearnerProfile

SPOOF = "\u202eevil\u202c محمد علي"
REFUSED = "This name contains hidden characters that change the direction of the text."
CONTROLS = sorted(BIDI_CONTROLS)
names = st.text(
    st.characters(blacklist_categories=["Cs"]).filter(
        lambda character: character not in BIDI_CONTROLS
    )
)


def test_the_controls_refused_are_exactly_the_embeddings_isolates_and_marks():
    expected = {chr(code) for code in range(0x202A, 0x202F)}
    expected |= {chr(code) for code in range(0x2066, 0x206A)}
    expected |= {"\u200e", "\u200f", "\u061c"}

    assert expected == BIDI_CONTROLS


@given(before=names, control=st.sampled_from(CONTROLS), after=names)
def test_a_name_with_any_direction_control_anywhere_is_refused(before, control, after):
    with pytest.raises(ValidationError) as caught:
        validate_no_bidi_controls(before + control + after)

    assert caught.value.code == "bidi_control"


@given(name=names)
def test_a_name_without_direction_controls_is_accepted(name):
    validate_no_bidi_controls(name)


@given(name=names)
def test_an_isolated_name_is_wrapped_in_first_strong_and_pop_isolate(name):
    assert isolate_name(name) == f"\u2068{name}\u2069"


@pytest.mark.django_db
@pytest.mark.parametrize("control", CONTROLS)
def test_the_profile_service_refuses_each_control_and_keeps_the_old_name(
    resident, control
):
    profile = profile_get_or_create(user=resident)
    with pytest.raises(ValidationError) as caught:
        profile_update(
            user=resident,
            profile=profile,
            certificate_name=f"Amira{control} Khan",
            preferred_language="en-gb",
            postcode_district="",
            contact_consent=False,
        )

    assert list(caught.value.message_dict) == ["certificate_name"]
    assert LearnerProfile.objects.get(user=resident).certificate_name == ""


@pytest.mark.django_db
def test_the_profile_service_reports_the_name_and_other_mistakes_together(resident):
    profile = profile_get_or_create(user=resident)

    with pytest.raises(ValidationError) as caught:
        profile_update(
            user=resident,
            profile=profile,
            certificate_name=SPOOF,
            preferred_language="en-gb",
            postcode_district="nowhere",
            contact_consent=False,
        )

    assert set(caught.value.message_dict) == {"certificate_name", "postcode_district"}


@pytest.mark.django_db
def test_a_profile_made_by_staff_refuses_a_spoofing_name(resident, coordinator):
    with pytest.raises(ValidationError) as caught:
        profile_create(
            user=resident,
            created_by=coordinator,
            certificate_name=SPOOF,
            preferred_language="en-gb",
            postcode_district="",
        )

    assert list(caught.value.message_dict) == ["certificate_name"]
    assert not LearnerProfile.objects.filter(user=resident).exists()


@pytest.mark.django_db
def test_the_profile_page_shows_the_refusal_next_to_the_name(client, resident):
    client.force_login(resident)

    response = client.post(
        reverse("learners:profile"),
        {"certificate_name": SPOOF, "preferred_language": "en-gb"},
    )

    assert response.status_code == 200
    page = html.unescape(response.text)
    error = page.split('id="id_certificate_name_error"', 1)[1].split("</ul>", 1)[0]
    assert REFUSED in error
    assert "id_certificate_name_error" in page.split('name="certificate_name"')[1]
    assert LearnerProfile.objects.get(user=resident).certificate_name == ""


@pytest.mark.django_db
def test_sign_up_shows_the_refusal_next_to_the_name(client):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "amira@example.org",
            "password1": "a long and unusual passphrase 42",
            "password2": "a long and unusual passphrase 42",
            "certificate_name": SPOOF,
            "preferred_language": "en-gb",
        },
    )

    assert response.status_code == 200
    page = html.unescape(response.text)
    error = page.split('id="id_certificate_name_error"', 1)[1].split("</ul>", 1)[0]
    assert REFUSED in error
    assert not LearnerProfile.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("field", ["first_name", "last_name", "certificate_name"])
def test_assisted_registration_shows_the_refusal_next_to_each_name(
    client, coordinator, field
):
    client.force_login(coordinator)
    data = {
        "first_name": "Amira",
        "last_name": "Khan",
        "certificate_name": "",
        "preferred_language": "en-gb",
        "postcode_district": "",
        "cohort": "",
        field: SPOOF,
    }

    response = client.post(reverse("learners:assisted_register"), data)

    assert response.status_code == 200
    page = html.unescape(response.text)
    error = page.split(f'id="id_{field}_error"', 1)[1].split("</ul>", 1)[0]
    assert REFUSED in error
    assert not LearnerProfile.objects.exists()


# Names already stored -------------------------------------------------------------

# An override that is never closed would reverse everything printed after it.
STORED = "\u202eAmira"


@pytest.fixture
def stored_spoof(coordinator):
    """A resident whose names were set in the Wagtail user editor, where names
    are not checked."""
    resident = assisted.assisted_resident_register(
        registered_by=coordinator,
        first_name="Amira",
        last_name="Khan",
        certificate_name="",
        preferred_language="en-gb",
        postcode_district="",
    ).user
    resident.first_name = STORED
    resident.save()
    LearnerProfile.objects.filter(user=resident).update(certificate_name=STORED)
    return resident


@pytest.mark.django_db
def test_a_residents_page_isolates_their_stored_names(
    client, coordinator, stored_spoof
):
    client.force_login(coordinator)

    response = client.get(reverse("learners:assisted_resident", args=[stored_spoof.pk]))

    assert response.status_code == 200
    page = response.content.decode()
    assert f"<h1><bdi>{STORED} Khan</bdi></h1>" in page
    assert f"<dd><bdi>{STORED}</bdi></dd>" in page


@pytest.mark.django_db
def test_the_resident_list_isolates_each_name(client, coordinator, stored_spoof):
    client.force_login(coordinator)

    response = client.get(reverse("learners:assisted_residents"), {"q": "Khan"})

    assert f"<bdi>{STORED} Khan</bdi>" in response.content.decode()


@pytest.mark.django_db
def test_paper_results_isolate_the_name_from_the_username_after_it(
    client, coordinator, stored_spoof
):
    client.force_login(coordinator)

    response = client.get(reverse("learners:paper_result"), {"q": "Khan"})

    # The display name: the certificate name, which was set to STORED.
    username = stored_spoof.get_username()
    assert f"<bdi>{STORED}</bdi> ({username})" in response.content.decode()


def test_names_in_translated_sentences_are_isolated_in_html_and_in_text():
    html = Template(
        "{% load i18n learners_tags %}"
        "{% blocktranslate with name=name|isolate %}to {{ name }}"
        "{% endblocktranslate %}"
    )
    text = Template(
        "{% load i18n learners_tags %}{% autoescape off %}"
        "{% blocktranslate with name=name|isolate %}Hello {{ name }},"
        "{% endblocktranslate %}{% endautoescape %}"
    )
    context = Context({"name": f"<b>{STORED}</b>"})

    assert html.render(context) == f"to <bdi>&lt;b&gt;{STORED}&lt;/b&gt;</bdi>"
    assert text.render(context) == f"Hello \u2068<b>{STORED}</b>\u2069,"
