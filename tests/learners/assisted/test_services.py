"""Assisted access services: registering residents without email, printed
codes, and signing in with them."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser, Permission
from django.contrib.sessions.backends.db import SessionStore
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import RequestFactory
from django.utils import timezone
from wagtail.models import ModelLogEntry

from learners.assisted import codes, services
from learners.models import Area, AssistedSignInCode, Cohort, LearnerProfile
from tests import factories

pytestmark = pytest.mark.django_db


def register(coordinator, **fields):
    values = {
        "first_name": "Amira",
        "last_name": "Khan",
        "certificate_name": "",
        "preferred_language": "pl",
        "postcode_district": "le3 5ab",
    }
    values.update(fields)
    return services.assisted_resident_register(registered_by=coordinator, **values)


def sign_in_request():
    """A request with a session, as the code sign-in page receives."""
    request = RequestFactory().post("/learning/code/")
    request.session = SessionStore()
    request.user = AnonymousUser()
    return request


def log_entries(instance):
    return list(
        ModelLogEntry.objects.for_instance(instance)
        .order_by("timestamp", "pk")
        .values_list("action", "user_id")
    )


@pytest.fixture
def cohort(coordinator):
    area = Area.objects.create(name="Braunstone Park", slug="braunstone")
    today = timezone.localdate()
    return Cohort.objects.create(
        name="Spring group",
        area=area,
        start_date=today,
        end_date=today + timedelta(days=60),
    )


# Registration ---------------------------------------------------------------------


def test_registration_makes_an_account_without_email_or_password(coordinator):
    user, issued, created = register(coordinator)
    user.refresh_from_db()
    assert created
    assert user.username.startswith("resident-")
    assert user.email == ""
    assert not user.has_usable_password()
    assert (user.first_name, user.last_name) == ("Amira", "Khan")
    assert not user.emailaddress_set.exists()
    profile = LearnerProfile.objects.get(user=user)
    assert profile.certificate_name == "Amira Khan"
    assert profile.preferred_language == "pl"
    assert profile.postcode_district == "LE3"
    assert issued.user == user


def test_registration_is_logged_with_who_registered_the_resident(coordinator):
    user, _issued, _created = register(coordinator)
    assert log_entries(user) == [
        ("learners.assisted_register", coordinator.pk),
        ("learners.assisted_code_issue", coordinator.pk),
    ]
    profile = LearnerProfile.objects.get(user=user)
    assert log_entries(profile) == [("wagtail.create", coordinator.pk)]


def test_registration_adds_the_resident_to_the_chosen_cohort(coordinator, cohort):
    user, _issued, _created = register(coordinator, cohort=cohort)
    assert list(cohort.members.all()) == [user]


def test_registration_refuses_a_cohort_that_has_ended(coordinator, cohort):
    cohort.end_date = timezone.localdate() - timedelta(days=1)
    cohort.save()
    with pytest.raises(ValidationError) as error:
        register(coordinator, cohort=cohort)
    assert "cohort" in error.value.message_dict
    assert not get_user_model().objects.filter(first_name="Amira").exists()


def test_generated_usernames_are_unique(coordinator):
    names = {
        register(coordinator, first_name=f"Person{i}").user.username for i in range(8)
    }
    assert len(names) == 8


def test_sending_the_same_registration_twice_makes_one_account(coordinator):
    key = services.new_submission_key()
    first = register(coordinator, submission=key)
    second = register(coordinator, submission=key)
    assert first.created
    assert not second.created
    assert second.user == first.user
    assert get_user_model().objects.filter(last_name__iexact="khan").count() == 1
    assert codes.code_hash(first.code.code) != codes.code_hash(second.code.code)
    assert (
        AssistedSignInCode.objects.get(
            code_hash=codes.code_hash(first.code.code)
        ).expires_at
        <= timezone.now()
    )


def test_two_residents_with_the_same_name_get_two_accounts(coordinator):
    first = register(coordinator, submission=services.new_submission_key())
    second = register(coordinator, submission=services.new_submission_key())
    assert second.created
    assert first.user != second.user


def test_a_bad_postcode_saves_nothing(coordinator):
    with pytest.raises(ValidationError) as error:
        register(coordinator, postcode_district="not a postcode")
    assert "postcode_district" in error.value.message_dict
    assert not get_user_model().objects.filter(first_name="Amira").exists()
    assert not AssistedSignInCode.objects.exists()


def test_a_blank_name_is_refused(coordinator):
    with pytest.raises(ValidationError) as error:
        register(coordinator, first_name="  ")
    assert "first_name" in error.value.message_dict


@pytest.mark.parametrize("who", ["resident", "trainer"])
def test_only_users_with_the_permission_register_residents(request, who):
    with pytest.raises(PermissionDenied):
        register(request.getfixturevalue(who))
    assert not get_user_model().objects.filter(first_name="Amira").exists()


def test_a_user_granted_the_permission_alone_may_register(db):
    helper = factories.make_resident(username="helper")
    helper.user_permissions.add(
        Permission.objects.get(codename="register_assisted_resident")
    )
    helper = get_user_model().objects.get(pk=helper.pk)
    assert register(helper).created


# Codes ----------------------------------------------------------------------


def test_only_a_keyed_hash_of_the_code_is_stored(coordinator):
    _user, issued, _created = register(coordinator)
    record = AssistedSignInCode.objects.get()
    assert record.code_hash == codes.code_hash(issued.code)
    assert issued.code not in record.code_hash
    assert len(record.code_hash) == 64
    assert record.code_hash != codes.code_hash(issued.code, secret="another-key")


def test_codes_expire_after_fourteen_days_by_default(coordinator):
    before = timezone.now()
    _user, issued, _created = register(coordinator)
    assert before + timedelta(days=14) <= issued.expires_at
    assert issued.expires_at <= timezone.now() + timedelta(days=14)


def test_code_lifetime_follows_the_setting(coordinator, settings):
    settings.LEARNERS_ASSISTED_CODE_DAYS = 3
    _user, issued, _created = register(coordinator)
    assert issued.expires_at <= timezone.now() + timedelta(days=3)


def test_sign_in_url_is_built_from_the_base_url_at_call_time(coordinator, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://academy.example.org/"
    _user, issued, _created = register(coordinator)
    assert issued.sign_in_url == (
        f"https://academy.example.org/learning/code/?code={issued.code}"
    )


def test_a_code_signs_the_resident_in_once(coordinator):
    user, issued, _created = register(coordinator)
    request = sign_in_request()
    assert services.assisted_code_redeem(code=issued.display, request=request) == user
    assert request.user == user
    assert request.session["_auth_user_backend"] == (
        "allauth.account.auth_backends.AuthenticationBackend"
    )
    assert AssistedSignInCode.objects.get().used_at is not None
    with pytest.raises(services.CodeRefused) as refusal:
        services.assisted_code_redeem(code=issued.code, request=sign_in_request())
    assert refusal.value.reason == services.CodeRefused.USED
    assert ("learners.assisted_code_redeem", user.pk) in log_entries(user)


def test_a_code_is_accepted_in_small_letters_with_spaces(coordinator):
    user, issued, _created = register(coordinator)
    typed = " ".join(issued.code.lower())
    assert services.assisted_code_redeem(code=typed, request=sign_in_request()) == user


def test_an_expired_code_is_refused(coordinator):
    _user, issued, _created = register(coordinator)
    AssistedSignInCode.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    with pytest.raises(services.CodeRefused) as refusal:
        services.assisted_code_redeem(code=issued.code, request=sign_in_request())
    assert refusal.value.reason == services.CodeRefused.EXPIRED
    assert AssistedSignInCode.objects.get().used_at is None


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("", services.CodeRefused.INVALID),
        ("ABCD-234", services.CodeRefused.INVALID),
        ("ABCD-O0I1", services.CodeRefused.INVALID),
        ("ZZZZ-ZZZZ", services.CodeRefused.UNKNOWN),
    ],
)
def test_malformed_and_unknown_codes_are_refused(coordinator, typed, reason):
    register(coordinator)
    with pytest.raises(services.CodeRefused) as refusal:
        services.assisted_code_redeem(code=typed, request=sign_in_request())
    assert refusal.value.reason == reason


def test_a_new_sheet_retires_the_older_unused_codes(coordinator):
    user, first, _created = register(coordinator)
    second = services.assisted_code_issue(user=user, issued_by=coordinator)
    with pytest.raises(services.CodeRefused) as refusal:
        services.assisted_code_redeem(code=first.code, request=sign_in_request())
    assert refusal.value.reason == services.CodeRefused.EXPIRED
    assert (
        services.assisted_code_redeem(code=second.code, request=sign_in_request())
        == user
    )
    assert AssistedSignInCode.objects.filter(user=user).count() == 2


def test_a_used_code_stays_used_when_a_new_sheet_is_printed(coordinator):
    user, first, _created = register(coordinator)
    services.assisted_code_redeem(code=first.code, request=sign_in_request())
    used_at = AssistedSignInCode.objects.get().used_at
    services.assisted_code_issue(user=user, issued_by=coordinator)
    assert AssistedSignInCode.objects.order_by("pk").first().used_at == used_at


def test_sheets_are_only_printed_for_residents_registered_without_email(
    coordinator, resident
):
    with pytest.raises(PermissionDenied):
        services.assisted_code_issue(user=resident, issued_by=coordinator)
    assert not AssistedSignInCode.objects.exists()


def test_staff_accounts_never_sign_in_with_a_printed_code(coordinator):
    user, issued, _created = register(coordinator)
    user.is_staff = True
    user.save()
    with pytest.raises(services.CodeRefused):
        services.assisted_code_redeem(code=issued.code, request=sign_in_request())
    with pytest.raises(PermissionDenied):
        services.assisted_code_issue(user=user, issued_by=coordinator)


def test_a_deactivated_resident_cannot_sign_in_with_a_code(coordinator):
    user, issued, _created = register(coordinator)
    user.is_active = False
    user.save()
    with pytest.raises(services.CodeRefused):
        services.assisted_code_redeem(code=issued.code, request=sign_in_request())


@pytest.mark.parametrize("who", ["resident", "trainer"])
def test_only_users_with_the_permission_print_sheets(request, coordinator, who):
    user, _issued, _created = register(coordinator)
    with pytest.raises(PermissionDenied):
        services.assisted_code_issue(user=user, issued_by=request.getfixturevalue(who))
    assert AssistedSignInCode.objects.count() == 1


def test_codes_printed_before_a_key_rotation_still_work(coordinator, settings):
    user, issued, _created = register(coordinator)
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a-new-secret-key-for-the-academy"  # noqa: S105
    assert (
        services.assisted_code_redeem(code=issued.code, request=sign_in_request())
        == user
    )


# Signing in by password afterwards ------------------------------------------


def test_resident_with_a_password_signs_in_by_username_without_email(
    coordinator, client
):
    user, _issued, _created = register(coordinator)
    user.set_password(factories.PASSWORD)
    user.save()
    response = client.post(
        "/accounts/login/", {"login": user.username, "password": factories.PASSWORD}
    )
    assert response.status_code == 302
    assert "confirm-email" not in response.url
    assert client.get("/learning/profile/").status_code == 200


def test_residents_who_signed_up_still_verify_their_email(client, db):
    user = factories.make_user(username="unverified", email="")
    user.emailaddress_set.create(email="new@example.org", verified=False, primary=True)
    user.email = "new@example.org"
    user.save()
    response = client.post(
        "/accounts/login/", {"login": "unverified", "password": factories.PASSWORD}
    )
    assert response.status_code == 302
    assert "confirm-email" in response.url


# Rate limit ---------------------------------------------------------------------------


def test_wrong_codes_from_one_address_are_limited(settings):
    settings.LEARNERS_ASSISTED_CODE_RATE_LIMITS = ((3, 60),)
    request = RequestFactory().post("/learning/code/", REMOTE_ADDR="10.0.0.1")
    elsewhere = RequestFactory().post("/learning/code/", REMOTE_ADDR="10.0.0.2")
    for _ in range(3):
        assert not services.code_attempts_exhausted(request=request)
        services.code_attempt_failed(request=request)
    assert services.code_attempts_exhausted(request=request)
    assert not services.code_attempts_exhausted(request=elsewhere)
