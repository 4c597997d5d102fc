from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import CourseIndexPage
from .services import course_index_setup_moderation


@receiver(post_save, sender=CourseIndexPage)
def set_up_new_course_index(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        course_index_setup_moderation(index=instance)
