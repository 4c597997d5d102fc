"""Areas, cohorts and sessions in the Wagtail admin: coordinators manage them
all; a trainer sees only their own cohorts and those cohorts' sessions."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from learners.models import Area, Cohort, TrainingSession
from tests import factories
from tests.learners.cohorts.builders import build_area, build_cohort, build_session

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_trainer(db):
    return factories.make_trainer(username="other-trainer")


@pytest.fixture
def mine(trainer, resident):
    return build_cohort(name="Braunstone Park – Spring 2026", trainers=[trainer])


@pytest.fixture
def theirs(other_trainer):
    return build_cohort(name="Beaumont Leys – Spring 2026", trainers=[other_trainer])


@pytest.fixture
def my_session(mine, course, trainer):
    return build_session(mine, course, trainer=trainer, venue="Braunstone Library")


@pytest.fixture
def their_session(theirs, course, other_trainer):
    return build_session(theirs, course, trainer=other_trainer, venue="Beaumont Hall")


def url(name, *args):
    return reverse(f"learners_{name}", args=args)


def assert_denied(response):
    """Wagtail's admin answers a missing permission by sending the user back
    to the dashboard with a message."""
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def session_form(cohort, course, trainer, **fields):
    starts = timezone.localtime(timezone.now() + timedelta(days=7))
    return {
        "cohort": cohort.pk,
        "course": course.pk,
        "starts_at": starts.strftime("%Y-%m-%d %H:%M"),
        "venue": "Braunstone Library",
        "trainer": trainer.pk,
        **fields,
    }


# Who gets in ------------------------------------------------------------------


@pytest.mark.parametrize("who", ["anonymous", "resident", "other_resident"])
@pytest.mark.parametrize("page", ["areas:index", "cohorts:index", "sessions:index"])
def test_residents_and_visitors_are_kept_out(client, who, page, request, mine):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    response = client.get(url(page))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("who", ["resident", "other_resident"])
def test_residents_cannot_open_a_cohort_or_session(
    client, who, request, mine, my_session
):
    client.force_login(request.getfixturevalue(who))
    for page in (
        url("cohorts:inspect", mine.pk),
        url("sessions:edit", my_session.pk),
    ):
        response = client.get(page)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")


def test_trainer_lists_only_their_own_cohorts_and_sessions(
    client, trainer, mine, theirs, my_session, their_session
):
    client.force_login(trainer)
    cohorts = client.get(url("cohorts:index")).content.decode()
    assert "Braunstone Park – Spring 2026" in cohorts
    assert "Beaumont Leys – Spring 2026" not in cohorts
    sessions = client.get(url("sessions:index")).content.decode()
    assert "Braunstone Library" in sessions
    assert "Beaumont Hall" not in sessions


def test_trainer_inspects_their_cohort_but_not_anothers(client, trainer, mine, theirs):
    client.force_login(trainer)
    assert client.get(url("cohorts:inspect", mine.pk)).status_code == 200
    assert client.get(url("cohorts:inspect", theirs.pk)).status_code == 404


def test_trainer_cannot_edit_or_delete_cohorts(client, trainer, mine):
    client.force_login(trainer)
    assert_denied(client.get(url("cohorts:edit", mine.pk)))
    assert_denied(client.post(url("cohorts:delete", mine.pk)))
    assert Cohort.objects.filter(pk=mine.pk).exists()


def test_trainer_edits_their_own_session(client, trainer, mine, my_session, course):
    client.force_login(trainer)
    assert client.get(url("sessions:edit", my_session.pk)).status_code == 200
    response = client.post(
        url("sessions:edit", my_session.pk),
        session_form(mine, course, trainer, venue="Braunstone Park Community Centre"),
    )
    assert response.status_code == 302
    my_session.refresh_from_db()
    assert my_session.venue == "Braunstone Park Community Centre"
    assert ModelLogEntry.objects.filter(
        action="wagtail.edit", object_id=str(my_session.pk)
    ).exists()


def test_trainer_gets_not_found_for_another_cohorts_session(
    client, trainer, theirs, their_session, course
):
    client.force_login(trainer)
    for page in ("edit", "history"):
        response = client.get(url(f"sessions:{page}", their_session.pk))
        assert response.status_code == 404
    response = client.post(
        url("sessions:edit", their_session.pk),
        session_form(theirs, course, trainer, venue="Somewhere else"),
    )
    assert response.status_code == 404
    their_session.refresh_from_db()
    assert their_session.venue == "Beaumont Hall"


def test_trainer_cannot_delete_sessions(client, trainer, my_session):
    client.force_login(trainer)
    assert_denied(client.post(url("sessions:delete", my_session.pk)))
    assert TrainingSession.objects.filter(pk=my_session.pk).exists()


def test_trainer_adds_a_session_only_to_their_own_cohort(
    client, trainer, mine, theirs, course
):
    client.force_login(trainer)
    form = client.get(url("sessions:add")).content.decode()
    assert "Braunstone Park – Spring 2026" in form
    assert "Beaumont Leys – Spring 2026" not in form
    response = client.post(url("sessions:add"), session_form(theirs, course, trainer))
    assert response.status_code == 200
    assert not TrainingSession.objects.exists()
    response = client.post(url("sessions:add"), session_form(mine, course, trainer))
    assert response.status_code == 302
    assert TrainingSession.objects.get().cohort == mine


def test_session_trainer_must_train_the_cohort(
    client, coordinator, mine, theirs, other_trainer, course
):
    client.force_login(coordinator)
    response = client.post(
        url("sessions:add"), session_form(mine, course, other_trainer)
    )
    assert response.status_code == 200
    assert "Choose one of the trainers of Braunstone Park" in response.content.decode()
    assert not TrainingSession.objects.exists()


def test_trainer_sees_areas_but_cannot_add_one(client, trainer):
    build_area("Braunstone Park")
    client.force_login(trainer)
    assert "Braunstone Park" in client.get(url("areas:index")).content.decode()
    assert_denied(client.get(url("areas:add")))


def test_coordinator_lists_and_edits_every_cohort_and_session(
    client, coordinator, mine, theirs, my_session, their_session, course
):
    client.force_login(coordinator)
    cohorts = client.get(url("cohorts:index")).content.decode()
    assert "Braunstone Park" in cohorts and "Beaumont Leys" in cohorts
    for cohort in (mine, theirs):
        assert client.get(url("cohorts:edit", cohort.pk)).status_code == 200
    for session in (my_session, their_session):
        assert client.get(url("sessions:edit", session.pk)).status_code == 200


def test_coordinator_creates_an_area_and_a_cohort_with_trainers_and_members(
    client, coordinator, trainer, resident
):
    client.force_login(coordinator)
    response = client.post(
        url("areas:add"),
        {
            "name": "Beaumont Leys",
            "slug": "beaumont-leys",
            "postcode_districts": "LE4",
        },
    )
    assert response.status_code == 302
    area = Area.objects.get(slug="beaumont-leys")
    response = client.post(
        url("cohorts:add"),
        {
            "name": "Beaumont Leys – Autumn 2026",
            "area": area.pk,
            "start_date": "2026-09-01",
            "end_date": "2026-12-01",
            "trainers": [trainer.pk],
            "members": [resident.pk],
        },
    )
    assert response.status_code == 302
    cohort = Cohort.objects.get(name="Beaumont Leys – Autumn 2026")
    assert list(cohort.trainers.all()) == [trainer]
    assert list(cohort.members.all()) == [resident]


def test_cohort_ending_before_it_starts_is_refused_with_a_message(client, coordinator):
    area = build_area()
    client.force_login(coordinator)
    response = client.post(
        url("cohorts:add"),
        {
            "name": "Backwards",
            "area": area.pk,
            "start_date": "2026-09-01",
            "end_date": "2026-08-01",
        },
    )
    assert response.status_code == 200
    assert "The end date cannot be before the start date." in response.content.decode()
    assert not Cohort.objects.exists()


def test_only_people_who_can_take_registers_are_offered_as_trainers(
    client, coordinator, trainer, resident
):
    client.force_login(coordinator)
    html = client.get(url("cohorts:add")).content.decode()
    assert f'name="trainers" value="{trainer.pk}"' in html
    assert f'name="trainers" value="{resident.pk}"' not in html


def test_cohorts_menu_groups_areas_cohorts_and_sessions(client, coordinator):
    client.force_login(coordinator)
    html = client.get("/admin/").content.decode()
    for path in ("/admin/areas/", "/admin/cohorts/", "/admin/training-sessions/"):
        assert path in html


def test_area_with_cohorts_cannot_be_deleted_and_says_why(client, coordinator, mine):
    client.force_login(coordinator)
    response = client.post(url("areas:delete", mine.area.pk), follow=True)
    assert response.status_code == 200
    assert "cannot be deleted while cohorts belong to it" in response.content.decode()
    assert Area.objects.filter(pk=mine.area.pk).exists()


def test_empty_area_is_deleted(client, coordinator):
    area = build_area("Nowhere")
    client.force_login(coordinator)
    client.post(url("areas:delete", area.pk))
    assert not Area.objects.filter(pk=area.pk).exists()
