from django.db.models import QuerySet

from .models import CourseIndexPage, CoursePage, LessonPage


def course_list(*, index: CourseIndexPage | None = None) -> QuerySet[CoursePage]:
    """Live courses, in the editor's order, with what a course card shows."""
    courses = CoursePage.objects.live().public().select_related("image")
    if index is not None:
        courses = courses.child_of(index)
    return courses.order_by("path")


def lesson_list(*, course: CoursePage) -> QuerySet[LessonPage]:
    return LessonPage.objects.live().child_of(course).order_by("path")


def lesson_neighbours(
    *, lesson: LessonPage, course: CoursePage
) -> tuple[LessonPage | None, LessonPage | None]:
    lessons = lesson_list(course=course).only("id", "title", "url_path", "path")
    previous_lesson = lessons.filter(path__lt=lesson.path).last()
    next_lesson = lessons.filter(path__gt=lesson.path).first()
    return previous_lesson, next_lesson
