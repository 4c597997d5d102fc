"""What learners puts into the course templates' slots.

``courses`` renders every Wagtail hook named ``courses_<slot>`` with the
template context (see ``courses.templatetags.courses_tags.course_slot``);
``learners/wagtail_hooks.py`` registers these functions for those hooks.
"""

from __future__ import annotations

from django.template.loader import render_to_string

from courses.models import CoursePage, LessonPage

from . import selectors


def _course_state(request, course: CoursePage, lessons=None) -> dict:
    """Progress and prerequisites for one course, worked out once per request
    however many slots on the page ask for them."""
    memo = request.__dict__.setdefault("_learners_course_state", {})
    if course.pk not in memo:
        progress = selectors.course_progress(
            user=request.user, course=course, lessons=lessons
        )
        memo[course.pk] = {
            "course": course,
            "progress": progress,
            "attempt_minutes": selectors.attempt_duration_minutes(),
            "missing": []
            if progress is not None
            else selectors.missing_prerequisites(user=request.user, course=course),
        }
    return memo[course.pk]


def _render(template: str, context, extra: dict) -> str:
    request = context["request"]
    return render_to_string(template, extra, request=request)


def course_actions(context) -> str:
    course, request = context.get("page"), context.get("request")
    if request is None or not isinstance(course, CoursePage):
        return ""
    state = _course_state(request, course, context.get("lessons"))
    return _render("learners/slots/course_actions.html", context, state)


def course_assessment(context) -> str:
    course, request = context.get("page"), context.get("request")
    if request is None or not isinstance(course, CoursePage):
        return ""
    if not course.has_assessment:
        return ""
    state = _course_state(request, course, context.get("lessons"))
    progress = state["progress"]
    return _render(
        "learners/slots/course_assessment.html",
        context,
        {**state, "status": progress.assessment if progress else None},
    )


def lesson_actions(context) -> str:
    lesson, course, request = (
        context.get("page"),
        context.get("course"),
        context.get("request"),
    )
    if request is None or not isinstance(lesson, LessonPage) or course is None:
        return ""
    state = _course_state(request, course)
    progress = state["progress"]
    return _render(
        "learners/slots/lesson_actions.html",
        context,
        {
            **state,
            "lesson": lesson,
            "lesson_done": progress is not None and lesson.pk in progress.done_ids,
        },
    )
