from django.dispatch import receiver

from learners.models import Enrolment
from learners.signals import course_completed

from .services import certificates_queue_auto_issue


@receiver(course_completed, sender=Enrolment, dispatch_uid="certificates_auto_issue")
def queue_automatic_awards(sender, enrolment, **kwargs):
    certificates_queue_auto_issue(learner_id=enrolment.user_id)
