from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import GroupPagePermission, Workflow, WorkflowPage

from . import roles
from .models import CourseIndexPage


@transaction.atomic
def course_index_setup_moderation(*, index: CourseIndexPage) -> None:
    """Gives the role groups their rights over a course index and its courses.

    Trainers may add and edit course content but not publish it; every change
    goes through the course workflow, which a Coordinator approves.
    """
    grants = {
        roles.TRAINERS: roles.TRAINER_PAGE_PERMISSIONS,
        roles.COORDINATORS: roles.COORDINATOR_PAGE_PERMISSIONS,
    }
    for group_name, codenames in grants.items():
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        for permission in Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=codenames
        ):
            GroupPagePermission.objects.get_or_create(
                group=group, page=index, permission=permission
            )
    workflow = Workflow.objects.filter(name=roles.COURSE_WORKFLOW).first()
    if workflow is not None:
        WorkflowPage.objects.update_or_create(
            page=index, defaults={"workflow": workflow}
        )
