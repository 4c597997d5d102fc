"""The trainer's progress page shows what each member still needs for the
headline award, filled in by certificates through the learners slot."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from certificates.models import Award
from certificates.services import certificate_issue
from learners.models import SkillSignOff
from tests import factories
from tests.certificates import builders
from tests.learners.cohort_builders import (
    add_skills,
    build_cohort,
    build_session,
    make_members,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def first_aid(course_index):
    return factories.build_course(course_index, title="First aid essentials")


@pytest.fixture
def skills(first_aid):
    return add_skills(first_aid)


@pytest.fixture
def expert(course, first_aid, skills):
    return Award.objects.create(
        name="Expert Citizen",
        template=builders.make_template(),
        requirements=[
            ("course", {"course": course}),
            ("practical", {"course": first_aid}),
        ],
    )


def build_trained_cohort(trainer, members, courses):
    cohort = build_cohort(name="Braunstone Park", trainers=[trainer], members=members)
    for course in courses:
        build_session(cohort, course, trainer=trainer)
    return cohort


def sign_off(learner, *skills):
    for skill in skills:
        SkillSignOff.objects.create(
            learner=learner, skill=skill, signed_off_on=timezone.localdate()
        )


def progress_page(client, trainer, cohort) -> str:
    client.force_login(trainer)
    response = client.get(reverse("learners:cohort_progress", args=[cohort.pk]))
    assert response.status_code == 200
    return response.content.decode()


def member_card(html: str, learner) -> str:
    start = html.index(f'id="member-{learner.pk}"')
    return html[start : html.index("</article>", start)]


def test_each_member_sees_what_they_still_need_for_the_award(
    client, trainer, expert, course, first_aid, skills
):
    halfway = factories.make_resident(first_name="Hodan", last_name="Ali")
    builders.complete(halfway, course)
    sign_off(halfway, *skills[:2])
    ready = factories.make_resident(first_name="Priya", last_name="Shah")
    builders.complete(ready, course)
    sign_off(ready, *skills)
    holder = factories.make_resident(first_name="Amira", last_name="Khan")
    builders.complete(holder, course)
    sign_off(holder, *skills)
    certificate_issue(learner=holder, award=expert)
    cohort = build_trained_cohort(trainer, [halfway, ready, holder], [first_aid])

    html = progress_page(client, trainer, cohort)

    card = member_card(html, halfway)
    assert "<h4>Towards Expert Citizen</h4>" in card
    assert "Still needed:" in card
    assert (
        "<li>Have every practical skill of First aid essentials signed off</li>" in card
    )
    assert "Complete Fire safety at home" not in card
    assert "Meets every requirement of Expert Citizen" in member_card(html, ready)
    assert "Holds the Expert Citizen certificate." in member_card(html, holder)


def test_the_section_follows_the_award_named_in_the_settings(
    client, settings, trainer, expert, course
):
    member = factories.make_resident()
    cohort = build_trained_cohort(trainer, [member], [course])
    settings.CERTIFICATES_IMPACT_AWARD = "No such award"

    html = progress_page(client, trainer, cohort)

    assert "Towards" not in html
    assert "Still needed:" not in html


def queries_for_page(client, trainer, cohort) -> int:
    client.force_login(trainer)
    url = reverse("learners:cohort_progress", args=[cohort.pk])
    client.get(url)  # Warms Wagtail's caches: site, locales.
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert response.content.decode().count("Towards Expert Citizen") == (
        cohort.members.count()
    )
    return len(queries)


def test_progress_page_makes_the_same_queries_for_2_members_as_for_12(
    client, trainer, expert, course, first_aid, skills
):
    def varied(members):
        for number, member in enumerate(members):
            if number % 2:
                builders.complete(member, course)
            sign_off(member, *skills[: number % 4])
        return members

    small = build_trained_cohort(trainer, varied(make_members(2)), [course, first_aid])
    large = build_trained_cohort(trainer, varied(make_members(12)), [course, first_aid])

    assert queries_for_page(client, trainer, small) == queries_for_page(
        client, trainer, large
    )
