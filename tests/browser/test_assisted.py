"""Assisted access on a phone: a coordinator registers a resident who has no
email and prints their sheet; the resident signs in with its code and sets a
password.

Every page on the way is checked with axe and at 320 px wide, and the sheet
is checked to print on one A4 page without the site's header and footer.
"""

import io

import pytest
from pypdf import PdfReader

from learners.models import AssistedSignInCode
from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)

NEW_PASSWORD = "fresh-kettle-lantern-42"
# A4 at 96 CSS pixels to the inch, less the sheet's 15 mm margins.
MM = 96 / 25.4
A4_PRINTABLE = {"width": round((210 - 30) * MM), "height": round((297 - 30) * MM)}
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def checks(assert_accessible, assert_fits):
    def run(page, heading):
        assert page.locator("h1").count() == 1
        assert page.locator("h1").inner_text().strip() == heading
        assert_accessible(page)
        assert_fits()

    return run


def sign_in_with_password(page, live_server, login, password):
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Username or email").fill(login)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.get_by_role("link", name="Profile").wait_for()


def sign_out(page):
    page.get_by_role("button", name="Sign out").click()
    page.get_by_role("link", name="Sign in").wait_for()


def assert_prints_on_one_a4_page(page):
    page.emulate_media(media="print")
    page.set_viewport_size(A4_PRINTABLE)
    try:
        assert not page.locator(".site-header").is_visible()
        assert not page.locator(".site-footer").is_visible()
        assert not page.get_by_role("button", name="Print this sheet").is_visible()
        height = page.evaluate("document.documentElement.scrollHeight")
        assert height <= A4_PRINTABLE["height"], f"sheet is {height}px tall"
        pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
        assert len(pdf.pages) == 1
    finally:
        page.emulate_media(media="screen")
        page.set_viewport_size(PHONE)


def test_coordinator_prints_a_sheet_and_the_resident_signs_in_with_its_code(
    page, live_server, site_tree, checks
):
    factories.make_coordinator(username="cora")
    sign_in_with_password(page, live_server, "cora", factories.PASSWORD)

    page.goto(live_server.url + "/learning/assisted/register/")
    checks(page, "Register a resident without email")
    page.get_by_label("First name").fill("Amira")
    page.get_by_label("Last name").fill("Khan")
    page.get_by_label("Name for certificates").fill("Amira Begum Khan")
    page.get_by_label("Preferred language").select_option("en-gb")
    page.get_by_label("Postcode district").fill("le3 5ab")
    page.get_by_role("button", name="Register and show sign-in sheet").click()

    checks(page, "How to sign in to Citizens' Academy")
    assert page.get_by_role("article").get_by_text("Amira Begum Khan").is_visible()
    code = page.locator(".sheet-code").inner_text().strip()
    username = page.locator(".sheet-username").inner_text().strip()
    assert username.startswith("resident-")
    assert page.get_by_role("img", name="QR code").is_visible()
    assert page.get_by_role("button", name="Print this sheet").is_visible()
    assert_prints_on_one_a4_page(page)
    assert code not in AssistedSignInCode.objects.get().code_hash
    sign_out(page)

    page.goto(live_server.url + "/learning/code/?code=" + code.replace("-", ""))
    checks(page, "Sign in with a code")
    assert page.get_by_label("Your sign-in code").input_value() == code

    page.goto(live_server.url + "/learning/code/")
    page.get_by_label("Your sign-in code").fill("wxyz 2345")
    page.get_by_role("button", name="Sign in", exact=True).click()
    checks(page, "Sign in with a code")
    assert page.get_by_text("We do not recognise that code").is_visible()

    page.get_by_label("Your sign-in code").fill(code.lower().replace("-", " "))
    page.get_by_role("button", name="Sign in", exact=True).click()
    checks(page, "How would you like to sign in next time?")
    assert page.get_by_text(username).first.is_visible()
    assert page.get_by_role("link", name="Add an email address").is_visible()
    assert page.get_by_role("link", name="Keep using printed codes").is_visible()

    page.get_by_role("link", name="Set a password").click()
    checks(page, "Set a password")
    page.get_by_label("Password", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Password (again)").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Set password").click()
    checks(page, "How would you like to sign in next time?")
    assert page.get_by_text("You have a password").is_visible()
    sign_out(page)

    sign_in_with_password(page, live_server, username, NEW_PASSWORD)
    assert page.get_by_role("link", name="My learning").is_visible()


def test_coordinator_pages_for_residents_and_paper_results_are_accessible(
    page, live_server, course, checks
):
    factories.make_coordinator(username="cora")
    factories.make_resident(username="sam", first_name="Sam", last_name="Patel")
    sign_in_with_password(page, live_server, "cora", factories.PASSWORD)

    page.goto(live_server.url + "/learning/assisted/register/")
    page.get_by_role("button", name="Register and show sign-in sheet").click()
    checks(page, "Register a resident without email")
    assert page.get_by_text("Enter the resident's first name.").is_visible()

    page.get_by_label("First name").fill("Amira")
    page.get_by_label("Last name").fill("Khan")
    page.get_by_role("button", name="Register and show sign-in sheet").click()
    page.get_by_role("link", name="Back to the resident").click()
    checks(page, "Amira Khan")
    page.get_by_role("button", name="Print a new sign-in sheet").click()
    checks(page, "How to sign in to Citizens' Academy")

    page.goto(live_server.url + "/learning/assisted/")
    checks(page, "Residents without email")

    page.goto(live_server.url + "/learning/assisted/paper-results/")
    checks(page, "Enter a paper assessment result")
    page.get_by_label("Name or username").fill("sam")
    page.get_by_role("button", name="Search").click()
    page.get_by_label("Sam Patel (sam)").check()
    page.get_by_label("Course").select_option(label="Fire safety at home")
    page.get_by_label("Score (%)").fill("150")
    page.get_by_role("button", name="Save result").click()
    checks(page, "Enter a paper assessment result")
    assert page.get_by_text("Enter a score from 0 to 100.").is_visible()
    page.get_by_label("Score (%)").fill("90")
    page.get_by_role("button", name="Save result").click()
    checks(page, "Enter a paper assessment result")
    assert page.get_by_text("Saved: Sam Patel passed Fire safety at home").is_visible()
