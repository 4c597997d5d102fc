"""Shape checks for the demo course content and its generated pictures.

These tests need no database: they read the plain data in
``academy_site.demo.content`` and render the pictures in memory.
"""

import io
import re
from urllib.parse import urlparse

import pytest
from PIL import Image

from academy_site.demo.content import COURSES
from academy_site.demo.images import HEIGHT, IMAGES, WIDTH, render_image

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

EXPECTED_COURSES = [
    ("fire-safety-at-home", "Fire safety at home", "fire_safety"),
    ("first-aid-essentials", "First aid essentials", "first_aid"),
    (
        "crime-prevention-and-staying-safe",
        "Crime prevention and staying safe",
        "crime_prevention",
    ),
    (
        "signposting-finding-the-right-help",
        "Signposting: finding the right help",
        "signposting",
    ),
]
COURSE_KEYS = {
    "slug",
    "title",
    "topic",
    "summary",
    "learning_outcomes",
    "estimated_minutes",
    "image",
    "image_alt",
    "prerequisites",
    "assessment",
    "lessons",
    "questions",
}
ASSESSMENT = {
    "questions_per_attempt": 5,
    "pass_mark": 80,
    "max_attempts": 3,
    "cooldown_minutes": 5,
}
BLOCK_KEYS = {
    "key_message": {"title", "message"},
    "steps": {"title", "steps"},
    "image": {"image", "alt", "caption"},
    "source": {"title", "publisher", "url"},
}
ALLOWED_TAGS = {"p", "ul", "ol", "li", "strong", "b", "i"}
TAG = re.compile(r"<(/?)([^\s>/]+)([^>]*)>")
BARE_AMPERSAND = re.compile(r"&(?![a-zA-Z]+;|#\d+;)")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _lessons():
    return [(course, lesson) for course in COURSES for lesson in course["lessons"]]


def _blocks():
    return [
        (lesson, block_type, value)
        for _, lesson in _lessons()
        for block_type, value in lesson["body"]
    ]


def _questions():
    return [
        (course, question) for course in COURSES for question in course["questions"]
    ]


def _questions_of_type(*kinds):
    return [question for _, question in _questions() if question["type"] in kinds]


def _image_keys_used():
    keys = {course["image"] for course in COURSES}
    keys |= {value["image"] for _, kind, value in _blocks() if kind == "image"}
    keys |= {
        option["image"]
        for question in _questions_of_type("image_choice")
        for option in question["options"]
    }
    return keys


def _lesson_id(pair):
    return pair[1]["slug"]


# Courses ----------------------------------------------------------------------


def test_there_are_four_courses_with_the_agreed_titles_slugs_and_topics():
    found = [(course["slug"], course["title"], course["topic"]) for course in COURSES]
    assert found == EXPECTED_COURSES


@pytest.mark.parametrize("course", COURSES, ids=lambda course: course["slug"])
def test_every_course_has_exactly_the_agreed_fields(course):
    assert set(course) == COURSE_KEYS


@pytest.mark.parametrize("course", COURSES, ids=lambda course: course["slug"])
def test_every_course_has_at_least_four_lessons(course):
    assert len(course["lessons"]) >= 4


@pytest.mark.parametrize("course", COURSES, ids=lambda course: course["slug"])
def test_every_course_has_at_least_ten_questions(course):
    assert len(course["questions"]) >= 10


@pytest.mark.parametrize("course", COURSES, ids=lambda course: course["slug"])
def test_every_course_has_a_short_summary_and_three_to_five_outcomes(course):
    assert course["summary"].strip()
    assert len(course["summary"]) <= 500
    assert 3 <= len(course["learning_outcomes"]) <= 5
    assert all(0 < len(outcome) <= 250 for outcome in course["learning_outcomes"])


@pytest.mark.parametrize("course", COURSES, ids=lambda course: course["slug"])
def test_every_course_uses_the_standard_assessment_and_no_prerequisites(course):
    assert course["assessment"] == ASSESSMENT
    assert course["prerequisites"] == []
    assert isinstance(course["estimated_minutes"], int)
    assert course["estimated_minutes"] > 0


@pytest.mark.parametrize("course", COURSES, ids=lambda course: course["slug"])
def test_every_course_picture_has_alt_text(course):
    assert course["image"] in IMAGES
    assert course["image_alt"].strip()


def test_course_slugs_are_unique_and_url_safe():
    slugs = [course["slug"] for course in COURSES]
    assert len(slugs) == len(set(slugs))
    assert all(SLUG.match(slug) for slug in slugs)


# Lessons ----------------------------------------------------------------------


def test_lesson_slugs_are_unique_and_url_safe():
    slugs = [lesson["slug"] for _, lesson in _lessons()]
    assert len(slugs) == len(set(slugs))
    assert all(SLUG.match(slug) for slug in slugs)


@pytest.mark.parametrize("pair", _lessons(), ids=_lesson_id)
def test_every_lesson_has_a_title_and_a_short_summary(pair):
    _, lesson = pair
    assert set(lesson) == {"slug", "title", "summary", "body"}
    assert lesson["title"].strip()
    assert 0 < len(lesson["summary"]) <= 250


@pytest.mark.parametrize("pair", _lessons(), ids=_lesson_id)
def test_every_lesson_has_a_heading_text_and_a_safety_message_or_steps(pair):
    _, lesson = pair
    kinds = [block_type for block_type, _ in lesson["body"]]
    assert "heading" in kinds
    assert kinds.count("text") >= 2
    assert "key_message" in kinds or "steps" in kinds


@pytest.mark.parametrize("pair", _lessons(), ids=_lesson_id)
def test_every_lesson_cites_a_public_source(pair):
    _, lesson = pair
    last_type, last_value = lesson["body"][-1]
    assert last_type == "source"
    url = urlparse(last_value["url"])
    assert url.scheme == "https"
    assert url.netloc


@pytest.mark.parametrize("course", COURSES, ids=lambda course: course["slug"])
def test_every_course_shows_a_picture_in_at_least_one_lesson(course):
    assert any(
        block_type == "image"
        for lesson in course["lessons"]
        for block_type, _ in lesson["body"]
    )


def test_lesson_bodies_use_only_the_supported_blocks_and_value_shapes():
    for lesson, block_type, value in _blocks():
        where = f"{lesson['slug']}: {block_type}"
        if block_type in ("heading", "text"):
            assert isinstance(value, str), where
            assert value.strip(), where
        else:
            assert block_type in BLOCK_KEYS, where
            assert set(value) == BLOCK_KEYS[block_type], where
            assert all(value.values()), where


def test_headings_and_block_titles_fit_the_cms_fields():
    for _, block_type, value in _blocks():
        if block_type == "heading":
            assert len(value) <= 120
        if block_type in ("key_message", "steps"):
            assert len(value["title"]) <= 120
        if block_type == "image":
            assert len(value["alt"]) <= 250
            assert len(value["caption"]) <= 250


def test_steps_are_non_empty_plain_text():
    for _, block_type, value in _blocks():
        if block_type == "steps":
            assert value["steps"]
            for step in value["steps"]:
                assert step.strip()
                assert "<" not in step


def test_text_blocks_use_only_simple_formatting_without_links():
    for lesson, block_type, value in _blocks():
        if block_type != "text":
            continue
        tags = TAG.findall(value)
        assert tags, lesson["slug"]
        for _closing, name, attributes in tags:
            assert name in ALLOWED_TAGS, f"{lesson['slug']}: <{name}>"
            assert not attributes.strip(), f"{lesson['slug']}: <{name}{attributes}>"
        assert not BARE_AMPERSAND.search(value), lesson["slug"]


def test_text_blocks_start_with_a_paragraph_or_list():
    for lesson, block_type, value in _blocks():
        if block_type == "text":
            assert value.startswith(("<p>", "<ul>", "<ol>")), lesson["slug"]


# Questions --------------------------------------------------------------------


@pytest.mark.parametrize("course", COURSES, ids=lambda course: course["slug"])
def test_every_question_bank_mixes_all_four_question_types(course):
    kinds = [question["type"] for question in course["questions"]]
    assert set(kinds) == {
        "single_choice",
        "multiple_response",
        "true_false",
        "image_choice",
    }
    assert kinds.count("image_choice") >= 1
    assert kinds.count("true_false") >= 2


def test_single_choice_questions_have_three_or_four_options_and_one_answer():
    for question in _questions_of_type("single_choice"):
        options = question["options"]
        assert 3 <= len(options) <= 4, question["prompt"]
        assert sum(option["correct"] for option in options) == 1, question["prompt"]


def test_image_choice_questions_have_two_to_four_pictures_and_one_answer():
    for question in _questions_of_type("image_choice"):
        options = question["options"]
        assert 2 <= len(options) <= 4, question["prompt"]
        assert sum(option["correct"] for option in options) == 1, question["prompt"]
        for option in options:
            assert set(option) == {"image", "alt", "correct", "explanation"}
            assert option["alt"].strip()


def test_multiple_response_questions_have_at_least_two_right_answers():
    for question in _questions_of_type("multiple_response"):
        options = question["options"]
        correct = sum(option["correct"] for option in options)
        assert 4 <= len(options) <= 5, question["prompt"]
        assert 2 <= correct < len(options), question["prompt"]
        assert question["prompt"].endswith("Choose all that apply.")


def test_text_options_have_short_answer_text():
    for question in _questions_of_type("single_choice", "multiple_response"):
        for option in question["options"]:
            assert set(option) == {"text", "correct", "explanation"}
            assert 0 < len(option["text"]) <= 250


def test_true_false_questions_have_a_boolean_answer_and_an_explanation():
    for question in _questions_of_type("true_false"):
        assert set(question) == {"type", "prompt", "answer", "explanation"}
        assert isinstance(question["answer"], bool)
        assert question["explanation"].strip()


def test_every_option_explains_why_it_is_right_or_wrong():
    for question in _questions_of_type(
        "single_choice", "multiple_response", "image_choice"
    ):
        for option in question["options"]:
            assert isinstance(option["correct"], bool)
            assert option["explanation"].strip(), question["prompt"]


def test_every_question_has_a_prompt_and_no_prompt_is_repeated():
    prompts = [question["prompt"] for _, question in _questions()]
    assert all(prompt.strip() for prompt in prompts)
    assert len(prompts) == len(set(prompts))


# Pictures ---------------------------------------------------------------------


def test_every_image_key_used_in_the_content_is_generated():
    assert _image_keys_used() <= set(IMAGES)


def test_every_generated_image_is_used_and_has_a_unique_title():
    assert set(IMAGES) == _image_keys_used()
    titles = list(IMAGES.values())
    assert all(title.strip() for title in titles)
    assert len(titles) == len(set(titles))


@pytest.mark.parametrize("key", sorted(IMAGES))
def test_every_image_renders_as_a_valid_png(key):
    data = render_image(key)
    assert data.startswith(PNG_SIGNATURE)
    with Image.open(io.BytesIO(data)) as image:
        image.verify()
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "PNG"
        assert image.size == (WIDTH, HEIGHT)
        assert len(image.getcolors(maxcolors=100_000)) > 1


def test_rendering_the_same_image_twice_gives_the_same_bytes():
    for key in IMAGES:
        assert render_image(key) == render_image(key)


def test_rendering_an_unknown_image_key_fails_clearly():
    with pytest.raises(KeyError, match="no_such_picture"):
        render_image("no_such_picture")
