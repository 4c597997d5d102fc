"""Which audit log entries a member of staff may read.

Wagtail's site history shows a user every ``ModelLogEntry`` of each model
they hold any permission on. Trainers hold permissions on cohorts, sessions
and skill sign-offs, so it would show each of them every cohort's registers
and every resident's sign-offs, with usernames. ``CohortScopedLogEntry``
reads the same table through a manager that narrows the entries about those
models to the cohorts the user acts for; ``learners.wagtail_hooks`` registers
it in place of ``ModelLogEntry``.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from wagtail.models import ModelLogEntry
from wagtail.models.audit_log import ModelLogEntryManager


class CohortScopedLogEntryManager(ModelLogEntryManager):
    def viewable_by_user(self, user):
        # learners.models imports this module, and the selectors import the
        # models, so they are imported when first needed.
        from . import selectors

        entries = super().viewable_by_user(user)
        if user.is_superuser or selectors.can_manage_all_cohorts(user):
            return entries
        for scope in (
            selectors.cohorts_in_scope,
            selectors.sessions_in_scope,
            selectors.signoffs_in_scope,
        ):
            instances = scope(user=user)
            # Log entries keep the object's key as text.
            keys = instances.annotate(key=Cast("pk", CharField())).values("key")
            entries = entries.exclude(
                Q(content_type=ContentType.objects.get_for_model(instances.model))
                & ~Q(object_id__in=keys)
            )
        return entries


class CohortScopedLogEntry(ModelLogEntry):
    """``ModelLogEntry``, read through ``CohortScopedLogEntryManager``."""

    objects = CohortScopedLogEntryManager()

    class Meta:
        proxy = True
        verbose_name = _("model log entry")
        verbose_name_plural = _("model log entries")
