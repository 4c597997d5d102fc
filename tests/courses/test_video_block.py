"""Lesson videos are linked, not framed: the site's content security policy
lets no other site's player into a page."""

from wagtail.embeds.blocks import EmbedValue

from courses.blocks import VideoBlock


def test_a_lesson_video_is_a_link_to_the_video_with_its_transcript():
    block = VideoBlock()
    value = block.to_python(
        {
            "video": "https://www.youtube.com/watch?v=abc123",
            "title": "Testing a smoke alarm",
            "transcript": "Press the button until it beeps.",
        }
    )
    assert isinstance(value["video"], EmbedValue)

    html = block.render(value)

    assert '<a href="https://www.youtube.com/watch?v=abc123"' in html
    assert "Watch the video: Testing a smoke alarm" in html
    assert "Press the button until it beeps." in html
    assert "<iframe" not in html
