import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    streamfield,
)

from courses.models import CoursePage
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def edit_data(course: CoursePage, title: str, **actions) -> dict:
    data = nested_form_data(
        {
            "title": title,
            "slug": course.slug,
            "topic": course.topic,
            "summary": course.summary,
            "learning_outcomes": streamfield([]),
            "estimated_minutes": course.estimated_minutes,
            "image_alt": "",
            "prerequisites": inline_formset([]),
            "practical_skills": inline_formset([]),
            "questions_per_attempt": course.questions_per_attempt,
            "pass_mark": course.pass_mark,
            "max_attempts": course.max_attempts,
            "cooldown_minutes": course.cooldown_minutes,
            "review_policy": course.review_policy,
            "question_bank": streamfield([]),
        }
    )
    data.update(actions)
    return data


def test_trainer_cannot_publish_a_course(client, course, trainer):
    client.login(username=trainer.username, password=PASSWORD)
    perms = course.permissions_for_user(trainer)
    assert perms.can_edit()
    assert not perms.can_publish()

    client.post(
        reverse("wagtailadmin_pages:edit", args=[course.pk]),
        edit_data(course, "Fire safety, revised", **{"action-publish": "1"}),
    )
    course.refresh_from_db()
    assert course.title == "Fire safety at home"
    assert course.has_unpublished_changes


def test_trainer_submits_and_coordinator_approves(client, course, trainer, coordinator):
    client.login(username=trainer.username, password=PASSWORD)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[course.pk]),
        edit_data(course, "Fire safety, revised", **{"action-submit": "1"}),
    )
    assert response.status_code == 302
    course.refresh_from_db()
    assert course.workflow_in_progress
    assert course.current_workflow_task.name == "Coordinator approval"
    assert course.title == "Fire safety at home"

    task = course.current_workflow_task.specific
    assert task.get_actions(course, trainer) == []
    coordinator_actions = [name for name, *_ in task.get_actions(course, coordinator)]
    assert "approve" in coordinator_actions

    client.logout()
    client.login(username=coordinator.username, password=PASSWORD)
    task_state = course.current_workflow_task_state
    response = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[course.pk, "approve", task_state.pk],
        ),
        {"comment": "Looks right."},
    )
    assert response.status_code in (200, 302)
    course = Page.objects.get(pk=course.pk).specific
    assert course.title == "Fire safety, revised"
    assert not course.workflow_in_progress
    assert course.live and not course.has_unpublished_changes
