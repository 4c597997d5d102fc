"""Pages of the learning journey. Views only read through selectors and write
through services; the rules live there."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import (
    require_GET,
    require_http_methods,
    require_POST,
)

from academy_web.http import read_post, safe_next
from courses.grading import (
    Result,
    grade_attempt,
    review_options,
    shows_correct_answers,
)
from courses.models import CoursePage, LessonPage
from courses.questions import Option, Question
from courses.selectors import lesson_neighbours

from . import selectors, services
from .forms import AttemptForm
from .models import Attempt

IMAGE_FILTER = "max-480x360"


def _sign_in(next_url: str) -> HttpResponse:
    return redirect_to_login(next_url)


def _live_course(course_id: int) -> CoursePage:
    return get_object_or_404(CoursePage.objects.live(), pk=course_id)


def _own_attempt(request: HttpRequest, attempt_id: int) -> Attempt:
    """The signed-in learner's attempt; anybody else's gives 404."""
    return get_object_or_404(selectors.attempts_of(user=request.user), pk=attempt_id)


@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return _sign_in(request.get_full_path())
    return render(
        request,
        "learners/dashboard.html",
        {
            "page_title": _("My learning"),
            "progress_list": selectors.dashboard_progress(user=request.user),
            "course_index": selectors.course_index(),
        },
    )


@require_POST
def enrol(request: HttpRequest, course_id: int) -> HttpResponse:
    course = _live_course(course_id)
    course_url = course.get_url(request)
    if not request.user.is_authenticated:
        return _sign_in(course_url)
    try:
        services.enrolment_create(user=request.user, course=course)
    except services.PrerequisitesNotMet as refusal:
        messages.error(
            request,
            _("Finish %(courses)s before you enrol on this course.")
            % {"courses": ", ".join(c.title for c in refusal.courses)},
        )
        return redirect(course_url)
    messages.success(
        request, _("You are enrolled on %(course)s.") % {"course": course.title}
    )
    return redirect(safe_next(request, course_url))


@require_POST
def lesson_done(request: HttpRequest, lesson_id: int) -> HttpResponse:
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    lesson_url = lesson.get_url(request)
    if not request.user.is_authenticated:
        return _sign_in(lesson_url)
    course = lesson.get_parent().specific
    try:
        services.lesson_mark_done(user=request.user, lesson=lesson)
    except services.NotEnrolled:
        messages.error(request, _("Enrol on the course to save your progress."))
        return redirect(lesson_url)
    next_lesson = lesson_neighbours(lesson=lesson, course=course)[1]
    if next_lesson is not None:
        return redirect(next_lesson.get_url(request))
    progress = selectors.course_progress(user=request.user, course=course)
    if progress.is_complete:
        messages.success(
            request,
            _("Well done: you have completed %(course)s.") % {"course": course.title},
        )
        return redirect(course.get_url(request))
    if progress.next_step == "assessment":
        return redirect("learners:assessment", course_id=course.pk)
    if progress.next_step == "lesson":
        messages.info(
            request,
            _("That was the last lesson. Some earlier lessons are not done yet."),
        )
    return redirect(course.get_url(request))


@require_GET
def assessment(request: HttpRequest, course_id: int) -> HttpResponse:
    course = _live_course(course_id)
    if not request.user.is_authenticated:
        return _sign_in(request.get_full_path())
    if not course.has_assessment:
        raise Http404
    progress = selectors.course_progress(user=request.user, course=course)
    return render(
        request,
        "learners/assessment.html",
        {
            "page_title": _("Assessment: %(course)s") % {"course": course.title},
            "course": course,
            "progress": progress,
            "status": progress.assessment if progress else None,
            "attempt_minutes": selectors.attempt_duration_minutes(),
            "missing": selectors.missing_prerequisites(user=request.user, course=course)
            if progress is None
            else [],
        },
    )


@require_POST
def assessment_start(request: HttpRequest, course_id: int) -> HttpResponse:
    course = _live_course(course_id)
    if not course.has_assessment:
        raise Http404
    if not request.user.is_authenticated:
        return _sign_in(course.get_url(request))
    try:
        attempt = services.attempt_start(user=request.user, course=course)
    except services.NotEnrolled:
        messages.error(request, _("Enrol on the course to take its assessment."))
        return redirect(course.get_url(request))
    except services.AttemptRefused as refusal:
        if refusal.status.state == selectors.AssessmentState.PASSED:
            messages.info(request, _("You have already passed this assessment."))
        else:
            messages.error(request, _("You cannot start a new attempt just now."))
        return redirect("learners:assessment", course_id=course.pk)
    return redirect("learners:attempt", attempt_id=attempt.pk)


@dataclass
class OptionView:
    option: Option
    image: object = None
    chosen: bool = False
    explanation: str = ""
    correct: bool | None = None


@dataclass
class QuestionView:
    number: int
    question: Question
    options: list[OptionView]
    field: object = None
    feedback: object = None


def _renditions(questions: list[Question]) -> dict:
    images = selectors.images_by_id(
        ids=(o.image_id for q in questions for o in q.options),
        filter_spec=IMAGE_FILTER,
    )
    return {pk: image.get_rendition(IMAGE_FILTER) for pk, image in images.items()}


def _chosen(field) -> set[str]:
    value = field.value() if field.form.is_bound else None
    if value is None:
        return set()
    if isinstance(value, str):
        return {value}
    return {str(item) for item in value}


def _take_rows(questions: list[Question], form: AttemptForm) -> list[QuestionView]:
    renditions = _renditions(questions)
    rows = []
    for number, question in enumerate(questions, start=1):
        field = form[form.field_name(question)]
        chosen = _chosen(field)
        rows.append(
            QuestionView(
                number=number,
                question=question,
                options=[
                    OptionView(o, renditions.get(o.image_id), o.id in chosen)
                    for o in question.options
                ],
                field=field,
            )
        )
    return rows


def _result_rows(
    questions: list[Question], result: Result, *, show_correct: bool
) -> list[QuestionView]:
    """Each option as ``grading.review_options`` allows the page to show it."""
    renditions = _renditions(questions)
    return [
        QuestionView(
            number=number,
            question=item.question,
            options=[
                OptionView(
                    review.option,
                    renditions.get(review.option.image_id),
                    review.chosen,
                    review.explanation,
                    review.correct,
                )
                for review in review_options(item, show_correct=show_correct)
            ],
            feedback=item,
        )
        for number, item in enumerate(result.feedback, start=1)
    ]


def _render_take(request, attempt, form, status=200, problem=None) -> HttpResponse:
    course = attempt.enrolment.course
    return TemplateResponse(
        request,
        "learners/attempt_take.html",
        {
            "page_title": _("Assessment: %(course)s") % {"course": course.title},
            "course": course,
            "attempt": attempt,
            "form": form,
            "rows": _take_rows(form.questions, form),
            "problem": problem,
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
def attempt(request: HttpRequest, attempt_id: int) -> HttpResponse:
    """Shows an open attempt's questions and takes the answers.

    An attempt whose time is up is shown as closed; only a POST marks it so.
    """
    if not request.user.is_authenticated:
        return _sign_in(request.path)
    attempt = _own_attempt(request, attempt_id)
    course = attempt.enrolment.course
    if attempt.status == Attempt.Status.SUBMITTED:
        if request.method == "POST":
            messages.info(request, _("We already have your answers for this attempt."))
        return redirect("learners:attempt_result", attempt_id=attempt.pk)
    if selectors.attempt_expired(attempt):
        if request.method == "POST":
            services.attempt_expire_if_due(attempt=attempt)
        messages.error(
            request,
            _(
                "Time ran out for attempt %(number)s, so it was closed. "
                "It does not count towards your limit."
            )
            % {"number": attempt.number},
        )
        return redirect("learners:assessment", course_id=course.pk)
    questions = selectors.attempt_questions(attempt)
    if request.method == "GET":
        return _render_take(request, attempt, AttemptForm(questions=questions))
    data = read_post(request)
    if data is None:
        return _render_take(
            request,
            attempt,
            AttemptForm(questions=questions),
            status=400,
            problem=_(
                "We could not read your answers: too much was sent, or it was "
                "damaged on the way. Please choose your answers again and "
                "submit them."
            ),
        )
    form = AttemptForm(data, questions=questions)
    if not form.is_valid():
        return _render_take(request, attempt, form)
    try:
        services.attempt_submit(
            attempt=attempt, answers=form.answers(), user=request.user
        )
    except services.AttemptExpired:
        messages.error(
            request,
            _(
                "Time ran out for attempt %(number)s before your answers arrived, "
                "so it was closed. It does not count towards your limit."
            )
            % {"number": attempt.number},
        )
        return redirect("learners:assessment", course_id=course.pk)
    return redirect("learners:attempt_result", attempt_id=attempt.pk)


@require_GET
def attempt_result(request: HttpRequest, attempt_id: int) -> HttpResponse:
    if not request.user.is_authenticated:
        return _sign_in(request.path)
    attempt = _own_attempt(request, attempt_id)
    if attempt.status != Attempt.Status.SUBMITTED:
        return redirect("learners:attempt", attempt_id=attempt.pk)
    course = attempt.enrolment.course
    questions = selectors.attempt_questions(attempt)
    # Paper attempts entered by staff carry a score but no questions.
    rows = (
        _result_rows(
            questions,
            grade_attempt(questions, attempt.answers, attempt.pass_mark),
            show_correct=shows_correct_answers(
                course.review_policy, passed=bool(attempt.passed)
            ),
        )
        if questions
        else []
    )
    progress = selectors.course_progress(user=request.user, course=course)
    return render(
        request,
        "learners/attempt_result.html",
        {
            "page_title": _("Your result: %(course)s") % {"course": course.title},
            "course": course,
            "attempt": attempt,
            "rows": rows,
            "progress": progress,
            "status": progress.assessment,
            "passed_again": attempt.passed
            and selectors.passed_before(attempt=attempt, attempts=progress.attempts),
            "attempt_minutes": selectors.attempt_duration_minutes(),
            "dashboard_url": reverse("learners:dashboard"),
        },
    )
