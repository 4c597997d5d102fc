import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def test_anonymous_visitor_reads_home_index_course_and_lesson(client, course):
    lesson = course.get_children().first()
    for url, text in [
        ("/", "Citizens&#x27; Academy"),
        ("/courses/", "Fire safety at home"),
        (course.url, "Lesson 1"),
        (lesson.url, "Lesson 1 text."),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert text in response.content.decode(), url


def test_course_index_lists_only_live_courses(client, course_index):
    factories.build_course(course_index, title="Published course")
    draft = factories.build_course(course_index, title="Draft course")
    draft.unpublish()
    content = client.get("/courses/").content.decode()
    assert "Published course" in content
    assert "Draft course" not in content


def test_search_finds_courses_and_lessons(client, course):
    response = client.get("/search/", {"q": "Fire"})
    assert response.status_code == 200
    assert "Fire safety at home" in response.content.decode()


def test_search_with_a_huge_query_is_answered_calmly(client, course):
    response = client.get("/search/", {"q": "x" * 10_000})
    assert response.status_code == 200


def test_unknown_page_gives_a_friendly_404(client, home_page):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_language_switcher_changes_the_page_language(client, home_page):
    response = client.post("/i18n/setlang/", {"language": "pl", "next": "/"})
    assert response.status_code == 302
    assert 'lang="pl"' in client.get("/").content.decode()
