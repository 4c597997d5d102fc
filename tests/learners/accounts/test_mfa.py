import pytest
from allauth.mfa.totp.internal.auth import (
    TOTP,
    generate_totp_secret,
)
from django.core.management import call_command

from tests.factories import PASSWORD
from tests.learners.accounts.builders import current_code

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def enforce_staff_mfa(settings):
    settings.ACADEMY_STAFF_MFA_REQUIRED = True


def sign_in(client, user):
    return client.post(
        "/accounts/login/", {"login": user.username, "password": PASSWORD}
    )


@pytest.mark.parametrize("role", ["trainer", "coordinator"])
def test_staff_without_an_authenticator_must_set_one_up(client, role, request):
    user = request.getfixturevalue(role)
    sign_in(client, user)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/2fa/totp/activate/")
    # allauth asks for the password again before an authenticator is added.
    confirm = client.get(response["Location"])
    assert confirm["Location"].startswith("/accounts/reauthenticate/")
    client.post(confirm["Location"], {"password": PASSWORD})
    setup = client.get(response["Location"])
    assert setup.status_code == 200
    assert 'name="code"' in setup.content.decode()


def test_staff_with_an_authenticator_enter_a_code_to_reach_the_admin(client, trainer):
    secret = generate_totp_secret()
    TOTP.activate(trainer, secret)
    response = sign_in(client, trainer)
    assert response["Location"].startswith("/accounts/2fa/authenticate/")
    client.post(response["Location"], {"code": current_code(secret)})
    assert client.get("/admin/").status_code == 200


def test_residents_are_never_asked_for_a_second_factor(client, resident):
    sign_in(client, resident)
    assert client.get("/learning/profile/").status_code == 200


def test_anonymous_admin_visit_goes_to_the_sign_in_page(client, db):
    response = client.get("/admin/")
    assert response["Location"].startswith("/accounts/login/")


def test_deploy_check_fails_when_staff_mfa_is_switched_off(settings, capsys):
    settings.ACADEMY_STAFF_MFA_REQUIRED = False
    from django.core.management.base import SystemCheckError

    with pytest.raises(SystemCheckError, match="learners.E001"):
        call_command("check", "--deploy", "--tag", "security")
