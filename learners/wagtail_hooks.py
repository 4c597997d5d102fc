from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from . import slots
from .models import Attempt, Enrolment
from .viewsets import LearnerRecordsViewSetGroup, ViewOnlyPermissionPolicy

register_permission_policy(Enrolment, ViewOnlyPermissionPolicy(Enrolment))
register_permission_policy(Attempt, ViewOnlyPermissionPolicy(Attempt))

hooks.register("courses_course_actions", slots.course_actions)
hooks.register("courses_course_assessment", slots.course_assessment)
hooks.register("courses_lesson_actions", slots.lesson_actions)


@hooks.register("register_admin_viewset")
def register_learner_records():
    return LearnerRecordsViewSetGroup()


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
