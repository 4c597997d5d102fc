import pytest

from tests import factories
from tests.certificates import builders


@pytest.fixture(autouse=True)
def certificate_files(settings, tmp_path):
    """PDFs and images go to a fresh directory for each test."""
    root = tmp_path / "certificates"
    settings.STORAGES = {
        **settings.STORAGES,
        "certificates": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": root},
        },
    }
    settings.MEDIA_ROOT = tmp_path / "media"
    return root


@pytest.fixture
def two_courses(course_index):
    return [
        factories.build_course(course_index, title="Fire safety at home"),
        factories.build_course(course_index, title="First aid essentials"),
    ]


@pytest.fixture
def award(two_courses):
    return builders.make_award(two_courses, name="Expert Citizen")


@pytest.fixture
def course_award(course):
    return builders.make_award(
        [course], name="Fire safety at home", validity_months=36, auto_issue=True
    )


@pytest.fixture
def qualified(resident, two_courses):
    for course in two_courses:
        builders.complete(resident, course)
    return resident
