"""A coordinator on a phone opens the impact report, chooses a period and an
area, and reads the figures; a period that ends before it starts is explained
next to the field.

Every state of the page is checked with axe and at 320 px wide.
"""

import pytest

from tests import factories
from tests.factories import PASSWORD
from tests.impact.builders import build_impact_academy

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def checked(assert_accessible, assert_fits):
    def check(page):
        assert page.locator("h1").count() == 1
        assert "Impact report" in page.locator("h1").inner_text()
        assert_accessible(page)
        assert_fits()

    return check


def headline(page, measure: str) -> str:
    table = page.get_by_role("table", name="Headline figures for the period")
    row = table.get_by_role("row").filter(
        has=page.get_by_role("rowheader", name=measure)
    )
    return row.get_by_role("cell").inner_text().strip()


def test_coordinator_filters_the_impact_report_on_a_phone(
    page, live_server, course_index, checked
):
    build_impact_academy(course_index)
    coordinator = factories.make_coordinator(username="cora")
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Username or email").fill(coordinator.username)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.get_by_role("link", name="Profile").wait_for()

    page.goto(live_server.url + "/admin/impact-report/")
    checked(page)

    page.get_by_label("First day").fill("2026-01-01")
    page.get_by_label("Last day").fill("2026-03-31")
    page.get_by_role("button", name="Show figures").click()
    page.get_by_text("Figures from 1 January 2026 to 31 March 2026").wait_for()
    checked(page)
    assert headline(page, "Residents registered") == "4"
    assert headline(page, "Residents active") == "5"

    page.get_by_label("Area", exact=True).select_option(label="Braunstone Park")
    page.get_by_role("button", name="Show figures").click()
    page.get_by_text("for residents of Braunstone Park").wait_for()
    checked(page)
    assert headline(page, "Residents registered") == "2"
    assert headline(page, "Residents certified as Expert Citizen") == "1"
    trend = page.get_by_role("img", name="Monthly trend")
    assert "2026-02: Registered 1, Completions 1, Certified 1" in (
        trend.get_attribute("aria-label")
    )
    download = page.get_by_role("link", name="Download CSV: To share with partners")
    assert "area=braunstone-park" in download.get_attribute("href")

    page.get_by_label("Last day").fill("2025-12-01")
    page.get_by_role("button", name="Show figures").click()
    page.get_by_text("The end date cannot be before the start.").wait_for()
    checked(page)
    assert page.get_by_role("table").count() == 0
