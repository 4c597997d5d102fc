from django.contrib.auth.models import Permission
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import ModelLogEntry
from wagtail.permissions import register_permission_policy

from . import slots
from .assisted import views as assisted_views
from .cohorts.log_entries import CohortScopedLogEntry
from .cohorts.selectors import cohorts_in_scope, sessions_in_scope
from .cohorts.viewsets import CohortScopedPermissionPolicy, CohortsViewSetGroup
from .models import Attempt, Cohort, Enrolment, TrainingSession
from .viewsets import LearnerRecordsViewSetGroup, ViewOnlyPermissionPolicy

register_permission_policy(Enrolment, ViewOnlyPermissionPolicy(Enrolment))
register_permission_policy(Attempt, ViewOnlyPermissionPolicy(Attempt))
register_permission_policy(
    Cohort, CohortScopedPermissionPolicy(Cohort, scope=cohorts_in_scope)
)
register_permission_policy(
    TrainingSession,
    CohortScopedPermissionPolicy(TrainingSession, scope=sessions_in_scope),
)

hooks.register("courses_course_actions", slots.course_actions)
hooks.register("courses_course_assessment", slots.course_assessment)
hooks.register("courses_lesson_actions", slots.lesson_actions)


@hooks.register("register_admin_viewset")
def register_learner_records():
    return LearnerRecordsViewSetGroup()


@hooks.register("register_admin_viewset")
def register_cohorts():
    return CohortsViewSetGroup()


@hooks.register("register_permissions")
def register_learner_permissions():
    # The viewsets offer their own models' permissions, some without "view";
    # registers, sign-offs, profiles and assisted access are checked elsewhere.
    return Permission.objects.filter(
        content_type__app_label="learners",
        codename__in=[
            "manage_all_cohorts",
            "register_assisted_resident",
            "enter_paper_results",
            "view_area",
            "view_cohort",
            "view_trainingsession",
            "add_attendance",
            "change_attendance",
            "add_skillsignoff",
            "change_skillsignoff",
            "delete_skillsignoff",
            "view_skillsignoff",
            "change_learnerprofile",
        ],
    )


@hooks.register("register_log_actions", order=1)
def register_cohort_scoped_log_entries(actions):
    # After Wagtail registers ModelLogEntry for every model: the same table,
    # read through a manager that keeps each trainer to their cohorts.
    actions.register_model(models.Model, CohortScopedLogEntry)
    actions.log_entry_models.discard(ModelLogEntry)


@hooks.register("register_log_actions")
def register_learner_log_actions(actions):
    actions.register_action("learners.enrol", _("Enrol on course"), _("Enrolled"))
    actions.register_action(
        "learners.attempt_start",
        _("Start assessment attempt"),
        _("Assessment attempt started"),
    )
    actions.register_action(
        "learners.attempt_submit",
        _("Submit assessment attempt"),
        _("Assessment attempt submitted"),
    )
    actions.register_action(
        "learners.attempt_expire",
        _("Expire assessment attempt"),
        _("Assessment attempt expired unsubmitted"),
    )
    actions.register_action(
        "learners.course_complete", _("Complete course"), _("Course completed")
    )
    actions.register_action(
        "learners.attendance_record",
        _("Take attendance register"),
        _("Attendance register saved"),
    )
    actions.register_action(
        "learners.skill_sign_off",
        _("Sign off practical skill"),
        _("Practical skill signed off"),
    )
    actions.register_action(
        "learners.skill_sign_off_change",
        _("Correct practical skill sign-off"),
        _("Practical skill sign-off corrected"),
    )
    actions.register_action(
        "learners.skill_sign_off_undo",
        _("Undo practical skill sign-off"),
        _("Practical skill sign-off undone"),
    )


hooks.register("register_admin_menu_item", assisted_views.residents_menu_item)
hooks.register("register_admin_menu_item", assisted_views.register_resident_menu_item)
hooks.register("register_admin_menu_item", assisted_views.paper_results_menu_item)


@hooks.register("register_log_actions")
def register_assisted_log_actions(actions):
    actions.register_action(
        "learners.assisted_register",
        _("Register resident without email"),
        _("Resident registered without email"),
    )
    actions.register_action(
        "learners.assisted_code_issue",
        _("Print sign-in sheet"),
        _("Sign-in sheet printed"),
    )
    actions.register_action(
        "learners.assisted_code_redeem",
        _("Sign in with printed code"),
        _("Signed in with printed code"),
    )
    actions.register_action(
        "learners.paper_result_record",
        _("Enter paper assessment result"),
        _("Paper assessment result entered"),
    )
