"""How certificates reacts to the learning journey.

Imported from ``CertificatesConfig.ready``. Besides the signal receivers, this
fills the ``learners_assessment_retakes_due`` hook, so that learners offers
the assessment again to holders whose certificate is due for renewal; it is
registered here rather than in ``wagtail_hooks.py`` because it is behaviour,
not admin wiring.
"""

from django.dispatch import receiver
from wagtail import hooks

from learners.models import Attempt, Enrolment
from learners.selectors import RETAKES_DUE_HOOK
from learners.signals import assessment_passed, course_completed

from .eligibility import learner_courses_due_for_renewal
from .services import certificates_queue_auto_issue


@receiver(course_completed, sender=Enrolment, dispatch_uid="certificates_auto_issue")
def queue_automatic_awards(sender, enrolment, **kwargs):
    certificates_queue_auto_issue(learner_id=enrolment.user_id)


@receiver(assessment_passed, sender=Attempt, dispatch_uid="certificates_renew_on_pass")
def queue_automatic_renewals(sender, attempt, enrolment, completed=False, **kwargs):
    """A pass on a course already complete is a retake: automatic awards that
    were due for renewal are renewed. A pass that completed the course is
    handled by ``queue_automatic_awards``."""
    if completed or enrolment.completed_at is None:
        return
    certificates_queue_auto_issue(learner_id=enrolment.user_id)


@hooks.register(RETAKES_DUE_HOOK)
def assessment_retakes_due(*, user, course_ids):
    return learner_courses_due_for_renewal(learner=user, course_ids=course_ids)
