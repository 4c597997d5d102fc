import threading

import pytest
from django.core.cache import cache
from django.db import connections
from django.test import Client
from django.urls import reverse

from tests import factories


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits and cached pages live in the cache, which may be Redis."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def site_tree(db):
    home, index = factories.build_site()
    return home, index


@pytest.fixture
def home_page(site_tree):
    return site_tree[0]


@pytest.fixture
def course_index(site_tree):
    return site_tree[1]


@pytest.fixture
def course(course_index):
    return factories.build_course(course_index, title="Fire safety at home")


@pytest.fixture
def resident(db):
    return factories.make_resident(username="resident")


@pytest.fixture
def other_resident(db):
    return factories.make_resident(username="other")


@pytest.fixture
def trainer(db):
    return factories.make_trainer(username="trainer")


@pytest.fixture
def coordinator(db):
    return factories.make_coordinator(username="coordinator")


@pytest.fixture
def visitor(request, client):
    """Logs the client in as the named visitor; returns the user or None."""
    if request.param == "anonymous":
        return None
    user = request.getfixturevalue(request.param)
    client.force_login(user)
    return user


def assert_sent_to_sign_in(response):
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


# How many threads at_once and post_at_once release together.
PARALLEL = 6


def at_once(work) -> tuple[list, list[BaseException]]:
    """Runs ``work`` in ``PARALLEL`` threads released together; returns what
    the calls returned and what they raised.

    Only a database with real row locks (PostgreSQL) shows a race: SQLite
    serialises every write.
    """
    barrier = threading.Barrier(PARALLEL)
    results: list = []
    errors: list[BaseException] = []

    def run():
        try:
            barrier.wait()
            results.append(work())
        except BaseException as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(PARALLEL)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results, errors


def post_at_once(url, data=None, *, user=None) -> list[tuple[int, Client]]:
    """Sends the same POST from ``PARALLEL`` browsers released together, each
    signed in as ``user`` if given; returns each status with its browser."""
    browsers = [Client() for _ in range(PARALLEL)]
    if user is not None:
        for browser in browsers:
            browser.force_login(user)
    waiting = list(browsers)

    def send() -> tuple[int, Client]:
        browser = waiting.pop()
        return browser.post(url, data or {}).status_code, browser

    results, errors = at_once(send)
    assert errors == []
    return results
