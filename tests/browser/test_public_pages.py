import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_visitor_opens_home_course_and_lesson_accessibly(
    page, live_server, course, assert_accessible, assert_fits
):
    page.goto(live_server.url + "/")
    assert page.locator("h1").inner_text() == "Citizens' Academy"
    assert_accessible(page)
    assert_fits()

    page.get_by_role("link", name="See all courses").click()
    page.get_by_role("link", name="Fire safety at home").click()
    assert page.locator("h1").inner_text() == "Fire safety at home"
    assert_accessible(page)
    assert_fits()

    page.get_by_role("link", name="Lesson 1").first.click()
    assert page.locator("h1").inner_text() == "Lesson 1"
    assert page.get_by_text("Lesson 1 text.").is_visible()
    assert_accessible(page)
    assert_fits()
