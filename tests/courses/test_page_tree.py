from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from cms_pages.models import HomePage, StandardPage
from courses.models import CourseIndexPage, CoursePage, LessonPage


class PageTreeRulesTests(WagtailPageTestCase):
    def test_course_index_holds_only_courses(self):
        self.assertAllowedSubpageTypes(CourseIndexPage, {CoursePage})

    def test_course_holds_only_lessons(self):
        self.assertAllowedSubpageTypes(CoursePage, {LessonPage})
        self.assertAllowedParentPageTypes(CoursePage, {CourseIndexPage})

    def test_lesson_sits_in_a_course_and_has_no_children(self):
        self.assertAllowedParentPageTypes(LessonPage, {CoursePage})
        self.assertAllowedSubpageTypes(LessonPage, set())

    def test_home_page_holds_course_index_and_standard_pages(self):
        self.assertAllowedSubpageTypes(HomePage, {CourseIndexPage, StandardPage})
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_lesson_cannot_be_created_under_course_index(self):
        self.assertCanNotCreateAt(CourseIndexPage, LessonPage)
