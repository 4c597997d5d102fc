import pytest
from django.core.cache import cache

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
