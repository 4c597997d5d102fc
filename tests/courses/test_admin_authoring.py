import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from courses.models import LessonPage
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def lesson_form(title: str, body: list, **actions) -> dict:
    data = nested_form_data(
        {
            "title": title,
            "slug": "smoke-alarms",
            "summary": "Why alarms save lives.",
            "body": streamfield(body),
        }
    )
    data.update(actions)
    return data


def test_trainer_authors_a_lesson_through_the_edit_form(client, course, trainer):
    lesson = course.get_children().first().specific
    client.login(username=trainer.username, password=PASSWORD)
    body = [
        ("heading", "Test your alarm"),
        ("text", rich_text("<p>Press the button once a month.</p>")),
        ("key_message", {"title": "Key safety message", "message": "Test it."}),
        (
            "steps",
            {"title": "What to do", "steps": streamfield([("item", "Press it")])},
        ),
        (
            "source",
            {
                "title": "Fire safety in the home",
                "publisher": "GOV.UK",
                "url": "https://www.gov.uk/government/publications/fire-safety-in-the-home",
            },
        ),
    ]
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[lesson.pk]),
        lesson_form("Smoke alarms", body),
    )
    assert response.status_code == 302, response.content.decode()[:2000]

    draft = LessonPage.objects.get(pk=lesson.pk).get_latest_revision_as_object()
    assert draft.title == "Smoke alarms"
    block_types = [block.block_type for block in draft.body]
    assert block_types == ["heading", "text", "key_message", "steps", "source"]
    assert draft.body[4].value["publisher"] == "GOV.UK"


def test_image_block_without_alt_text_is_refused_next_to_the_field(
    client, course, trainer
):
    lesson = course.get_children().first().specific
    client.login(username=trainer.username, password=PASSWORD)
    body = [("image", {"image": "", "alt": "", "caption": ""})]
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[lesson.pk]),
        lesson_form("Smoke alarms", body, **{"action-submit": "1"}),
    )
    assert response.status_code == 200
    assert "The page could not be saved due to validation errors" in (
        response.content.decode()
    )
    assert LessonPage.objects.get(pk=lesson.pk).title == lesson.title
