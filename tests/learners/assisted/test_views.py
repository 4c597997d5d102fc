"""Assisted access pages: who may use them, what they show, and that no input
gets a 500."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from learners.assisted import codes, services
from learners.models import AssistedSignInCode, LearnerProfile
from tests.conftest import assert_sent_to_sign_in

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
VISITORS = ["anonymous", "resident", "other_resident", "trainer", "coordinator"]
REGISTRATION = {
    "first_name": "Amira",
    "last_name": "Khan",
    "certificate_name": "Amira B. Khan",
    "preferred_language": "en-gb",
    "postcode_district": "LE3",
    "cohort": "",
}


def register(coordinator, **fields):
    values = {
        "first_name": "Amira",
        "last_name": "Khan",
        "certificate_name": "",
        "preferred_language": "en-gb",
        "postcode_district": "",
    }
    values.update(fields)
    return services.assisted_resident_register(registered_by=coordinator, **values)


def code_on(response) -> str:
    match = re.search(
        r'class="sheet-code"[^>]*>([A-Z0-9]{4}-[A-Z0-9]{4})<', response.content.decode()
    )
    return match.group(1)


def errors_in(response) -> str:
    return " ".join(
        re.findall(
            r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>',
            response.content.decode(),
            re.S,
        )
    )


@pytest.fixture
def assisted_resident(coordinator):
    return register(coordinator).user


def staff_pages(assisted_resident):
    return [
        ("get", reverse("learners:assisted_residents"), {}),
        ("get", reverse("learners:assisted_register"), {}),
        ("post", reverse("learners:assisted_register"), REGISTRATION),
        ("get", reverse("learners:assisted_resident", args=[assisted_resident.pk]), {}),
        ("post", reverse("learners:assisted_sheet", args=[assisted_resident.pk]), {}),
        ("get", reverse("learners:paper_result") + "?q=Amira", {}),
        ("post", reverse("learners:paper_result"), {"learner": assisted_resident.pk}),
    ]


# Permissions ------------------------------------------------------------------------


@pytest.mark.parametrize("visitor", VISITORS, indirect=True)
def test_staff_pages_are_only_for_users_with_the_permissions(
    client, visitor, assisted_resident
):
    users_before = get_user_model().objects.count()
    codes_before = AssistedSignInCode.objects.count()
    for method, url, data in staff_pages(assisted_resident):
        response = getattr(client, method)(url, data)
        if visitor is None:
            assert_sent_to_sign_in(response)
        elif visitor.username == "coordinator":
            assert response.status_code == 200, url
        else:
            assert response.status_code == 403, url
            assert "sheet-code" not in response.content.decode()
    if visitor is None or visitor.username != "coordinator":
        assert get_user_model().objects.count() == users_before
        assert AssistedSignInCode.objects.count() == codes_before


@pytest.mark.parametrize("visitor", VISITORS, indirect=True)
def test_code_sign_in_page_is_open_to_everyone(client, visitor):
    response = client.get(reverse("learners:assisted_code_sign_in"))
    assert response.status_code == 200
    assert "Sign in with a code" in response.content.decode()


@pytest.mark.parametrize("visitor", VISITORS, indirect=True)
def test_sign_in_options_page_shows_each_user_their_own_options(client, visitor):
    response = client.get(reverse("learners:sign_in_options"))
    if visitor is None:
        assert_sent_to_sign_in(response)
    else:
        assert response.status_code == 200
        assert visitor.username in response.content.decode()


@pytest.mark.parametrize("who", ["resident", "other_resident", "coordinator"])
def test_sheets_are_not_printed_for_accounts_that_did_not_register_for_them(
    client, coordinator, request, who
):
    target = request.getfixturevalue(who)
    client.force_login(coordinator)
    for url in (
        reverse("learners:assisted_resident", args=[target.pk]),
        reverse("learners:assisted_sheet", args=[target.pk]),
    ):
        method = client.post if url.endswith("sheet/") else client.get
        assert method(url).status_code == 404
    assert not AssistedSignInCode.objects.filter(user=target).exists()


def test_staff_pages_ask_for_two_factor_authentication_where_required(
    client, coordinator, settings
):
    settings.ACADEMY_STAFF_MFA_REQUIRED = True
    client.force_login(coordinator)
    response = client.get(reverse("learners:assisted_register"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("mfa_activate_totp"))


def test_admin_menu_shows_assisted_access_only_to_coordinators(
    client, coordinator, trainer
):
    client.force_login(coordinator)
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Register a resident" in menu
    assert "Enter paper results" in menu
    client.force_login(trainer)
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Register a resident" not in menu
    assert "Enter paper results" not in menu


# Registering and printing --------------------------------------------------------


def test_coordinator_registers_a_resident_and_sees_their_sheet(client, coordinator):
    client.force_login(coordinator)
    response = client.post(reverse("learners:assisted_register"), REGISTRATION)
    assert response.status_code == 200
    user = get_user_model().objects.get(first_name="Amira")
    page = response.content.decode()
    code = code_on(response)
    assert user.username in page
    assert "Amira B. Khan" in page
    assert AssistedSignInCode.objects.get(user=user).code_hash == codes.code_hash(
        code.replace("-", "")
    )
    assert "no-store" in response["Cache-Control"]
    assert 'role="img"' in page
    assert "QR code: opens the sign-in page with your code filled in" in page
    assert "/learning/code/" in page


def test_sheet_shows_when_the_code_runs_out_in_uk_time(client, coordinator):
    client.force_login(coordinator)
    response = client.post(reverse("learners:assisted_register"), REGISTRATION)
    expires = timezone.localtime(AssistedSignInCode.objects.get().expires_at)
    assert f"until {expires:%H:%M} on {expires:%A} {expires.day} {expires:%B %Y}" in (
        response.content.decode()
    )


def test_sending_the_registration_form_twice_shows_the_sheet_that_works(
    client, coordinator
):
    client.force_login(coordinator)
    form = client.get(reverse("learners:assisted_register")).content.decode()
    key = re.search(r'name="submission" value="([^"]+)"', form).group(1)
    data = {**REGISTRATION, "submission": key}
    first = client.post(reverse("learners:assisted_register"), data)
    second = client.post(reverse("learners:assisted_register"), data)
    assert "registered a moment ago" in second.content.decode()
    assert get_user_model().objects.filter(first_name="Amira").count() == 1
    client.logout()
    response = client.post(
        reverse("learners:assisted_code_sign_in"), {"code": code_on(first)}
    )
    assert response.status_code == 200
    response = client.post(
        reverse("learners:assisted_code_sign_in"), {"code": code_on(second)}
    )
    assert response.status_code == 302


def test_registration_errors_appear_next_to_the_fields(client, coordinator):
    client.force_login(coordinator)
    data = {**REGISTRATION, "first_name": "", "postcode_district": "nowhere"}
    response = client.post(reverse("learners:assisted_register"), data)
    assert response.status_code == 200
    assert "Enter the resident&#x27;s first name." in errors_in(response)
    assert "Enter the first part of a postcode" in errors_in(response)
    assert not get_user_model().objects.filter(last_name="Khan").exists()


def test_unknown_cohort_is_an_error_not_a_crash(client, coordinator):
    client.force_login(coordinator)
    response = client.post(
        reverse("learners:assisted_register"), {**REGISTRATION, "cohort": "99999"}
    )
    assert response.status_code == 200
    assert "Choose one of the cohorts shown." in errors_in(response)


def test_printing_a_new_sheet_retires_the_old_code(
    client, coordinator, assisted_resident
):
    client.force_login(coordinator)
    first = code_on(
        client.post(reverse("learners:assisted_sheet", args=[assisted_resident.pk]))
    )
    second = code_on(
        client.post(reverse("learners:assisted_sheet", args=[assisted_resident.pk]))
    )
    assert first != second
    client.logout()
    response = client.post(reverse("learners:assisted_code_sign_in"), {"code": first})
    assert "a newer sheet has replaced it" in errors_in(response)
    response = client.post(reverse("learners:assisted_code_sign_in"), {"code": second})
    assert response.status_code == 302


def test_resident_page_lists_the_sheets_printed(client, coordinator, assisted_resident):
    client.force_login(coordinator)
    response = client.get(
        reverse("learners:assisted_resident", args=[assisted_resident.pk])
    )
    page = response.content.decode()
    assert assisted_resident.username in page
    assert "Print a new sign-in sheet" in page
    assert "works until" in page


def test_resident_list_searches_by_name(client, coordinator):
    register(coordinator, first_name="Amira")
    register(coordinator, first_name="Bilal", last_name="Ahmed")
    client.force_login(coordinator)
    page = client.get(reverse("learners:assisted_residents"), {"q": "bil"})
    assert "Bilal Ahmed" in page.content.decode()
    assert "Amira Khan" not in page.content.decode()


@pytest.mark.parametrize("count", [1, 6])
def test_resident_list_makes_the_same_queries_for_any_number(
    client, coordinator, django_assert_max_num_queries, count
):
    for number in range(count):
        register(coordinator, first_name=f"Person{number}")
    client.force_login(coordinator)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("learners:assisted_residents"))
    assert response.content.decode().count('class="card"') == count


# Signing in with a code -------------------------------------------------------------


def test_qr_link_fills_in_the_code(client):
    response = client.get(
        reverse("learners:assisted_code_sign_in"), {"code": "abcd2345"}
    )
    assert 'value="ABCD-2345"' in response.content.decode()


def test_qr_link_with_rubbish_fills_in_nothing(client):
    response = client.get(
        reverse("learners:assisted_code_sign_in"), {"code": '"><script>'}
    )
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("</header>")[1]


def test_resident_signs_in_with_a_code_and_chooses_how_to_sign_in(client, coordinator):
    user, issued, _created = register(coordinator, preferred_language="pl")
    response = client.post(
        reverse("learners:assisted_code_sign_in"), {"code": issued.code.lower()}
    )
    assert response.status_code == 302
    assert response.url == reverse("learners:sign_in_options")
    assert response.cookies["django_language"].value == "pl"
    page = client.get(response.url).content.decode()
    assert user.username in page
    assert "/accounts/password/set/?next=%2Flearning%2Fsign-in-options%2F" in page
    assert reverse("account_email") in page
    assert "Keep using printed codes" in page


def test_used_code_gets_a_message_next_to_the_field(client, coordinator):
    _user, issued, _created = register(coordinator)
    client.post(reverse("learners:assisted_code_sign_in"), {"code": issued.code})
    client.logout()
    response = client.post(
        reverse("learners:assisted_code_sign_in"), {"code": issued.code}
    )
    assert response.status_code == 200
    assert "already been used" in errors_in(response)
    assert "_auth_user_id" not in client.session


def test_expired_code_gets_a_message_next_to_the_field(client, coordinator):
    _user, issued, _created = register(coordinator)
    AssistedSignInCode.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    response = client.post(
        reverse("learners:assisted_code_sign_in"), {"code": issued.code}
    )
    assert "has run out" in errors_in(response)
    assert "_auth_user_id" not in client.session


def test_too_many_wrong_codes_get_a_friendly_429(client, coordinator, settings):
    settings.LEARNERS_ASSISTED_CODE_RATE_LIMITS = ((3, 60),)
    _user, issued, _created = register(coordinator)
    for _ in range(3):
        response = client.post(
            reverse("learners:assisted_code_sign_in"), {"code": "ZZZZ-ZZZZ"}
        )
        assert response.status_code == 200
    response = client.post(
        reverse("learners:assisted_code_sign_in"), {"code": issued.code}
    )
    assert response.status_code == 429
    assert "Wait a little, then try again" in errors_in(response)
    assert AssistedSignInCode.objects.get().used_at is None


def test_profile_page_links_to_the_sign_in_choices(client, resident):
    client.force_login(resident)
    page = client.get(reverse("learners:profile")).content.decode()
    assert reverse("learners:sign_in_options") in page


def test_sign_in_options_for_a_resident_with_email_hide_printed_codes(client, resident):
    client.force_login(resident)
    page = client.get(reverse("learners:sign_in_options")).content.decode()
    assert "resident@example.org" in page
    assert "Change your password" in page
    assert "Keep using printed codes" not in page


@FUZZ
@given(
    layout=st.lists(
        st.tuples(st.sampled_from(["", " ", "-", "  "]), st.booleans()),
        min_size=8,
        max_size=8,
    )
)
def test_any_case_and_spacing_of_a_valid_code_signs_in(client, coordinator, layout):
    cache.clear()
    client.logout()
    user, issued, _created = register(coordinator, first_name="Sam")
    typed = "".join(
        gap + (char.lower() if lower else char)
        for (gap, lower), char in zip(layout, issued.code, strict=True)
    )
    response = client.post(reverse("learners:assisted_code_sign_in"), {"code": typed})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


@FUZZ
@given(typed=st.text(max_size=80))
def test_random_text_as_a_code_gets_a_page_not_a_crash(client, coordinator, typed):
    cache.clear()
    register(coordinator)
    response = client.post(reverse("learners:assisted_code_sign_in"), {"code": typed})
    assert response.status_code == 200
    assert errors_in(response)
    assert "_auth_user_id" not in client.session


def test_profile_was_made_by_the_registration_form(client, coordinator):
    client.force_login(coordinator)
    client.post(reverse("learners:assisted_register"), REGISTRATION)
    profile = LearnerProfile.objects.get(user__first_name="Amira")
    assert profile.certificate_name == "Amira B. Khan"
    assert profile.postcode_district == "LE3"
