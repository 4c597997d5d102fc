"""Playwright driving Debian's chromium against pytest-django's live server.

These tests never skip: a missing browser is a failure, so CI cannot pass
without them running.
"""

import os

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

# Playwright's sync API runs an event loop in this thread; the Django ORM calls
# that tests make beside it are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 390, "height": 844}
NARROW = {"width": 320, "height": 640}


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            # A live-server test flushes the database when it ends; serialized
            # rollback gives the next one back what migrations made (Wagtail's
            # root page, the role groups).
            item.add_marker(
                pytest.mark.django_db(transaction=True, serialized_rollback=True)
            )


@pytest.fixture(scope="session")
def browser(django_db_setup):
    from django.db import connections

    serialized = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    with sync_playwright() as playwright:
        # From here on Django hands out new connection objects (Playwright runs
        # the tests in its own context), which need the rows Django serialized
        # at setup for serialized rollback to restore them.
        for alias, contents in serialized.items():
            connections[alias]._test_serialized_contents = contents
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(viewport=PHONE, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture(scope="session")
def axe():
    return Axe()


@pytest.fixture
def assert_accessible(axe):
    def check(page):
        results = axe.run(page)
        violations = results.response["violations"]
        assert violations == [], results.generate_report()

    return check


@pytest.fixture
def assert_fits(page):
    """Checks the page has no sideways scrolling at 320 px wide."""

    def check(target=page):
        target.set_viewport_size(NARROW)
        overflow = target.evaluate(
            "document.documentElement.scrollWidth - window.innerWidth"
        )
        target.set_viewport_size(PHONE)
        assert overflow <= 0, f"page is {overflow}px wider than a 320px screen"

    return check
