"""The trainer's pages on the site: their cohorts, a cohort's sessions and
courses, the attendance register, practical skill sign-offs and who has done
what.

Everyone here needs ``learners.view_cohort``; a trainer finds only the
cohorts they train, anyone with ``learners.manage_all_cohorts`` finds every
cohort, and anything else is "not found". Where the site requires it, staff
must also have passed two-factor authentication, as on the assisted-access
pages. Views read through ``selectors`` and write through
``services``.

The progress page renders the slot ``cohort_member_needs`` once per member
(see ``learners.templatetags.learners_tags.learners_slot``): its context
holds ``request``, ``cohort``, ``overview`` (a
``selectors.CohortOverview``) and ``summary`` (the member's
``selectors.MemberSummary``; ``summary.learner`` is the user).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from academy_web.clock import academy_today
from academy_web.http import read_post
from courses.models import CoursePage, PracticalSkill

from ..accounts import mfa
from ..accounts.profiles import bdi, html_message
from ..models import Cohort
from . import selectors, services
from .forms import AttendanceRegisterForm, SkillSignOffForm, SkillUndoForm

REGISTER_PERMS = ("learners.add_attendance", "learners.change_attendance")
SIGN_OFF_PERMS = ("learners.add_skillsignoff", "learners.change_skillsignoff")


# The assisted-access pages' check: signed in, allowed to see cohorts and,
# where the site requires it, past two-factor authentication, as staff must
# be for the admin. Trainers read residents' progress here.
staff_only = mfa.staff_only("learners.view_cohort")


def _own_cohort(request: HttpRequest, cohort_id: int) -> Cohort:
    return get_object_or_404(selectors.cohorts_for(user=request.user), pk=cohort_id)


@require_GET
@staff_only
def cohort_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "learners/cohorts/list.html",
        {
            "page_title": _("My cohorts"),
            "cohorts": selectors.cohorts_for(user=request.user),
        },
    )


@require_GET
@staff_only
def cohort_detail(request: HttpRequest, cohort_id: int) -> HttpResponse:
    cohort = _own_cohort(request, cohort_id)
    return render(
        request,
        "learners/cohorts/detail.html",
        {
            "page_title": cohort.name,
            "cohort": cohort,
            "trainers": list(cohort.trainers.order_by("first_name", "username")),
            "sessions": list(selectors.cohort_sessions(cohort=cohort)),
            "skill_courses": [
                course
                for course in selectors.cohort_courses(cohort=cohort)
                if course.practical_skills.all()
            ],
        },
    )


@require_GET
@staff_only
def cohort_progress(request: HttpRequest, cohort_id: int) -> HttpResponse:
    cohort = _own_cohort(request, cohort_id)
    overview = selectors.cohort_overview(cohort=cohort)
    return render(
        request,
        "learners/cohorts/progress.html",
        {
            "page_title": _("Progress: %(cohort)s") % {"cohort": cohort.name},
            "cohort": cohort,
            "overview": overview,
        },
    )


def _render_register(request, session, form, *, status=200, problem=None):
    return render(
        request,
        "learners/cohorts/register.html",
        {
            "page_title": _("Register: %(course)s") % {"course": session.course.title},
            "session": session,
            "cohort": session.cohort,
            "form": form,
            "can_record": request.user.has_perms(REGISTER_PERMS),
            "problem": problem,
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
@staff_only
def session_register(request: HttpRequest, session_id: int) -> HttpResponse:
    session = get_object_or_404(
        selectors.sessions_for(user=request.user), pk=session_id
    )
    rows = selectors.session_register(session=session)
    if request.method == "GET":
        return _render_register(request, session, AttendanceRegisterForm(rows=rows))
    if not request.user.has_perms(REGISTER_PERMS):
        raise PermissionDenied
    data = read_post(request)
    if data is None:
        return _render_register(
            request,
            session,
            AttendanceRegisterForm(rows=rows),
            status=400,
            problem=_("We could not read the register. Please mark it again."),
        )
    form = AttendanceRegisterForm(data, rows=rows)
    if form.is_valid():
        try:
            saved = services.attendance_record(
                session=session, marks=form.marks(), recorded_by=request.user
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _(
                    "Register saved: %(present)s present, %(absent)s absent, "
                    "%(excused)s excused."
                )
                % saved.totals,
            )
            return redirect("learners:session_register", session_id=session.pk)
    return _render_register(request, session, form)


@dataclass
class SkillEntryView:
    member: selectors.Member
    signoff: object
    form: SkillSignOffForm | None
    can_undo: bool


def _skill_rows(request, cohort, course, *, bound: SkillSignOffForm | None = None):
    """The grid with a sign-off form for every skill not yet signed off; a
    form that failed to save is shown again with its errors."""
    today = academy_today()
    user = request.user
    may_sign_off = user.has_perms(SIGN_OFF_PERMS)
    bound_key = (
        (bound.cleaned_data.get("skill"), bound.cleaned_data.get("learner"))
        if bound is not None
        else None
    )
    rows = []
    for row in selectors.skill_grid(cohort=cohort, course=course):
        entries = []
        for entry in row.entries:
            form = None
            key = (row.skill.pk, entry.member.pk)
            if entry.signoff is None and may_sign_off:
                form = (
                    bound
                    if key == bound_key
                    else SkillSignOffForm(
                        initial={
                            "learner": entry.member.pk,
                            "skill": row.skill.pk,
                            "signed_off_on": today,
                        },
                        auto_id=f"so-{row.skill.pk}-{entry.member.pk}-%s",
                    )
                )
            entries.append(
                SkillEntryView(
                    member=entry.member,
                    signoff=entry.signoff,
                    form=form,
                    can_undo=entry.signoff is not None
                    and selectors.can_undo_sign_off(user=user, signoff=entry.signoff),
                )
            )
        rows.append({"skill": row.skill, "entries": entries})
    return rows


def _cohort_course(request, cohort_id: int, course_id: int):
    if not request.user.has_perm("learners.view_skillsignoff"):
        raise PermissionDenied
    cohort = _own_cohort(request, cohort_id)
    course = next(
        (c for c in selectors.cohort_courses(cohort=cohort) if c.pk == course_id),
        None,
    )
    if course is None:
        raise Http404
    return cohort, course


def _render_skills(request, cohort, course, *, bound=None, status=200):
    return render(
        request,
        "learners/cohorts/skills.html",
        {
            "page_title": _("Practical skills: %(course)s") % {"course": course.title},
            "cohort": cohort,
            "course": course,
            "rows": _skill_rows(request, cohort, course, bound=bound),
            "bound": bound,
        },
        status=status,
    )


def _skills_url(cohort: Cohort, course: CoursePage, skill_id=None, member_id=None):
    url = reverse("learners:cohort_skills", args=[cohort.pk, course.pk])
    if skill_id and member_id:
        url += f"#skill-{skill_id}-member-{member_id}"
    return url


def _member_and_skill(cohort: Cohort, course: CoursePage, data) -> tuple:
    learner = get_object_or_404(cohort.members.all(), pk=data["learner"])
    skill = get_object_or_404(PracticalSkill, pk=data["skill"], course=course)
    return learner, skill


@require_http_methods(["GET", "POST"])
@staff_only
def cohort_skills(request: HttpRequest, cohort_id: int, course_id: int):
    cohort, course = _cohort_course(request, cohort_id, course_id)
    if request.method == "GET":
        return _render_skills(request, cohort, course)
    data = read_post(request)
    form = SkillSignOffForm(data) if data is not None else None
    if form is None or "learner" in form.errors or "skill" in form.errors:
        messages.error(request, _("That form did not arrive whole. Please try again."))
        return redirect(_skills_url(cohort, course))
    form.auto_id = f"so-{form.cleaned_data['skill']}-{form.cleaned_data['learner']}-%s"
    if form.is_valid():
        learner, skill = _member_and_skill(cohort, course, form.cleaned_data)
        try:
            services.skill_sign_off(
                learner=learner,
                skill=skill,
                signed_off_on=form.cleaned_data["signed_off_on"],
                note=form.cleaned_data["note"],
                signed_off_by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                html_message(
                    _("%(skill)s signed off for %(name)s."),
                    {"skill": skill.title, "name": bdi(_member_name(cohort, learner))},
                ),
            )
            return redirect(_skills_url(cohort, course, skill.pk, learner.pk))
    return _render_skills(request, cohort, course, bound=form)


def _member_name(cohort: Cohort, learner) -> str:
    return next(
        (
            member.name
            for member in selectors.cohort_members(cohort=cohort)
            if member.pk == learner.pk
        ),
        learner.get_username(),
    )


@require_POST
def cohort_skill_undo(request: HttpRequest, cohort_id: int, course_id: int):
    if not request.user.is_authenticated:
        # This address only takes posts, so a visitor signs in to the skills page.
        return redirect_to_login(
            reverse("learners:cohort_skills", args=[cohort_id, course_id])
        )
    return _skill_undo(request, cohort_id, course_id)


@staff_only
def _skill_undo(request: HttpRequest, cohort_id: int, course_id: int):
    cohort, course = _cohort_course(request, cohort_id, course_id)
    data = read_post(request)
    form = SkillUndoForm(data) if data is not None else None
    if form is None or not form.is_valid():
        messages.error(request, _("That form did not arrive whole. Please try again."))
        return redirect(_skills_url(cohort, course))
    learner, skill = _member_and_skill(cohort, course, form.cleaned_data)
    if services.skill_sign_off_undo(
        learner=learner, skill=skill, undone_by=request.user
    ):
        messages.success(
            request,
            html_message(
                _("The sign-off of %(skill)s for %(name)s is undone."),
                {"skill": skill.title, "name": bdi(_member_name(cohort, learner))},
            ),
        )
    return redirect(_skills_url(cohort, course, skill.pk, learner.pk))
