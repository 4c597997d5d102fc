"""A resident signs up, verifies, signs out and back in by code, on a phone.

Every allauth page on the way is checked with axe and at 320 px wide. The live
server runs in this process, so the emails it sends land in mail.outbox.
"""

import re

import pytest
from django.core import mail

from tests.factories import make_resident

pytestmark = pytest.mark.django_db(transaction=True)

NEW_PASSWORD = "fresh-kettle-lantern-42"


def last_link(message) -> str:
    return re.search(r"https?://\S+", message.body).group(0)


def last_code(message) -> str:
    return re.search(r"^([A-Z0-9]{4}-[A-Z0-9]{4})$", message.body, re.M).group(1)


def check(page, assert_accessible, assert_fits, heading):
    assert page.locator("h1").count() == 1
    assert page.locator("h1").inner_text().strip() == heading
    assert_accessible(page)
    assert_fits()


def sign_in_with_code(page, live_server, email, checks):
    page.goto(live_server.url + "/accounts/login/")
    checks(page, "Sign in")
    page.get_by_role("link", name="Email me a sign-in code").click()
    checks(page, "Send me a sign-in code")
    page.get_by_label("Email", exact=True).fill(email)
    page.get_by_role("button", name="Request Code").click()
    checks(page, "Enter Sign-In Code")
    page.get_by_label("Code", exact=True).fill(last_code(mail.outbox[-1]))
    page.get_by_role("button", name="Confirm").click()
    page.get_by_role("link", name="Profile").wait_for()


@pytest.fixture
def checks(assert_accessible, assert_fits):
    def run(page, heading):
        check(page, assert_accessible, assert_fits, heading)

    return run


def test_resident_signs_up_verifies_signs_out_and_back_in_with_a_code(
    page, live_server, site_tree, checks
):
    page.goto(live_server.url + "/accounts/signup/")
    checks(page, "Create an account")

    page.get_by_label("Email", exact=True).fill("amira@example.org")
    page.get_by_label("Password", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Password (again)").fill(NEW_PASSWORD)
    page.get_by_label("Name on your certificates").fill("Amira Khan")
    page.get_by_label("Preferred language").select_option("en-gb")
    page.get_by_label("Postcode district").fill("le3 5ab")
    page.get_by_label("I am happy to be contacted about the academy").check()
    page.get_by_role("button", name="Create account").click()
    checks(page, "Verify Your Email Address")

    (message,) = mail.outbox
    assert message.to == ["amira@example.org"]
    page.goto(last_link(message))
    checks(page, "Confirm Email Address")
    page.get_by_role("button", name="Confirm").click()

    page.get_by_role("link", name="Profile").click()
    checks(page, "Your profile")
    assert page.get_by_label("Name on your certificates").input_value() == (
        "Amira Khan"
    )
    assert page.get_by_label("Postcode district").input_value() == "LE3"

    page.get_by_role("button", name="Sign out").click()
    page.get_by_role("link", name="Sign in").wait_for()

    sign_in_with_code(page, live_server, "amira@example.org", checks)
    assert page.get_by_role("link", name="My learning").is_visible()


def test_profile_errors_and_account_management_pages_are_accessible(
    page, live_server, site_tree, checks
):
    make_resident(username="amira", email="amira@example.org")
    sign_in_with_code(page, live_server, "amira@example.org", checks)

    page.goto(live_server.url + "/learning/profile/")
    page.get_by_label("Postcode district").fill("NOT A POSTCODE")
    page.get_by_role("button", name="Save your profile").click()
    checks(page, "Your profile")
    assert page.get_by_text("Enter the first part of a postcode").is_visible()

    page.goto(live_server.url + "/accounts/email/")
    checks(page, "Email addresses")
    page.goto(live_server.url + "/accounts/password/change/")
    checks(page, "Change your password")
    page.goto(live_server.url + "/accounts/logout/")
    checks(page, "Sign Out")
    page.get_by_role("main").get_by_role("button", name="Sign Out").click()
    page.get_by_role("link", name="Sign in").wait_for()


def test_password_reset_pages_are_accessible_from_request_to_done(
    page, live_server, site_tree, checks
):
    user = make_resident(username="amira", email="amira@example.org")

    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Username or email").fill("amira")
    page.get_by_label("Password", exact=True).fill("not-my-password")
    page.get_by_role("button", name="Sign in", exact=True).click()
    checks(page, "Sign in")
    assert page.get_by_role("alert").is_visible()

    page.get_by_role("link", name="Forgot your password?").click()
    checks(page, "Password Reset")
    page.get_by_label("Email", exact=True).fill("amira@example.org")
    page.get_by_role("button", name="Reset My Password").click()
    checks(page, "Password Reset")

    (message,) = mail.outbox
    page.goto(last_link(message))
    checks(page, "Change Password")
    page.get_by_label("New Password", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("New Password (again)").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Change Password").click()
    checks(page, "Change Password")
    assert page.get_by_text("Your password is now changed.").is_visible()

    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


def test_an_account_without_a_password_can_set_one(
    page, live_server, site_tree, checks
):
    user = make_resident(username="staffmade", email="staffmade@example.org")
    user.set_unusable_password()
    user.save()
    sign_in_with_code(page, live_server, "staffmade@example.org", checks)

    page.goto(live_server.url + "/accounts/password/change/")
    checks(page, "Set a password")
