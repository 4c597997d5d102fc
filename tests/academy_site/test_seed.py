import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site

from certificates.models import Award, Certificate
from courses.models import CourseIndexPage, CoursePage, LessonPage
from impact.figures import impact_report
from impact.periods import current_quarter
from learners.models import (
    Attempt,
    Attendance,
    Cohort,
    Enrolment,
    SkillSignOff,
    TrainingSession,
)

pytestmark = pytest.mark.django_db

CORE_COURSES = [
    "Fire safety at home",
    "First aid essentials",
    "Crime prevention and staying safe",
    "Signposting: finding the right help",
]


def counts() -> dict:
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "users": get_user_model().objects.count(),
        "emails": EmailAddress.objects.count(),
        "groups": Group.objects.count(),
        "sites": Site.objects.count(),
        "cohorts": Cohort.objects.count(),
        "sessions": TrainingSession.objects.count(),
        "attendance": Attendance.objects.count(),
        "sign_offs": SkillSignOff.objects.count(),
        "enrolments": Enrolment.objects.count(),
        "attempts": Attempt.objects.count(),
        "awards": Award.objects.count(),
        "certificates": Certificate.objects.count(),
    }


def test_seeding_twice_leaves_the_same_counts():
    call_command("seed_academy")
    first = counts()
    call_command("seed_academy")
    assert counts() == first


def test_seed_builds_four_live_courses_with_lessons_sources_and_banks():
    call_command("seed_academy")
    index = CourseIndexPage.objects.get()
    assert index.url == "/courses/"
    courses = CoursePage.objects.live().child_of(index).order_by("path")
    assert [course.title for course in courses] == CORE_COURSES
    for course in courses:
        lessons = LessonPage.objects.live().child_of(course)
        assert lessons.count() >= 4
        assert len(course.question_bank) >= 10
        for lesson in lessons:
            assert "source" in [block.block_type for block in lesson.body]


def test_demo_staff_belong_to_their_role_groups():
    call_command("seed_academy")
    User = get_user_model()
    assert User.objects.get(username="trainer").has_perm("wagtailadmin.access_admin")
    assert (
        User.objects.get(username="coordinator")
        .groups.filter(name="Coordinators")
        .exists()
    )
    assert not User.objects.get(username="resident").has_perm(
        "wagtailadmin.access_admin"
    )


def test_every_seeded_page_can_be_read(client):
    call_command("seed_academy")
    for page in Page.objects.live().filter(depth__gt=1).specific():
        response = client.get(page.url)
        assert response.status_code == 200, page.url


def test_seed_shows_the_whole_loop_with_an_issued_certificate():
    call_command("seed_academy")
    certificate = Certificate.objects.get(learner__username="resident")
    assert certificate.award_name == "Expert Citizen"
    assert certificate.render_status == "ready"
    assert Cohort.objects.filter(name__startswith="Braunstone Park").exists()
    assert Attendance.objects.exists() and SkillSignOff.objects.exists()


def test_dashboard_shows_real_figures_for_the_current_quarter_after_seeding():
    call_command("seed_academy")

    report = impact_report(period=current_quarter())

    assert report.registered > 0
    assert report.active > 0
    assert report.completions > 0
    assert any(course.pass_rate for course in report.courses)
    assert report.signoffs == SkillSignOff.objects.count() > 0
    assert report.certified == 1
