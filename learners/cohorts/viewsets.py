"""Admin screens for areas, cohorts and sessions.

Coordinators manage areas, cohorts and sessions; a trainer sees only the
cohorts they train and those cohorts' sessions.
"""

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.db.models import ProtectedError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies import ModelPermissionPolicy

from ..models import Area, Cohort, TrainingSession
from ..viewsets import BoundedSearchIndexView
from .forms import CohortAdminForm, TrainingSessionAdminForm


class CohortScopedPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, narrowed to the cohorts a user acts for.

    ``scope(user=...)`` returns the instances the user acts for: everything
    for those with ``learners.manage_all_cohorts``, otherwise only what
    belongs to the cohorts they train (see ``learners.cohorts.selectors``).
    """

    def __init__(self, model, *, scope):
        super().__init__(model)
        self.scope = scope

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return self.scope(user=user)

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            self.user_has_permission(user, action)
            and self.scope(user=user).filter(pk=instance.pk).exists()
        )


class ScopedMixin:
    """Limits a generic admin view to the instances the user acts for, so
    anything else is "not found"."""

    def scoped_queryset(self):
        return self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, ["add", "change", "delete", "view"]
        )


class ScopedIndexView(ScopedMixin, BoundedSearchIndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .filter(pk__in=self.scoped_queryset().values("pk"))
        )


class ScopedEditView(ScopedMixin, generic.EditView):
    def get_queryset(self):
        return self.scoped_queryset()


class ScopedDeleteView(ScopedMixin, generic.DeleteView):
    def get_queryset(self):
        return self.scoped_queryset()


class ScopedInspectView(ScopedMixin, generic.InspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(self.scoped_queryset(), pk=unquote(str(self.pk)))


class ScopedHistoryView(ScopedMixin, history.HistoryView):
    def get_base_object_queryset(self):
        return self.scoped_queryset()


class ScopedUsageView(ScopedMixin, usage.UsageView):
    def get_base_object_queryset(self):
        return self.scoped_queryset()


class ScopedViewSet(ModelViewSet):
    index_view_class = ScopedIndexView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    inspect_view_class = ScopedInspectView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView
    search_backend_name = None


class AreaDeleteView(generic.DeleteView):
    """Refuses with a message, not an error page, while cohorts use the area."""

    def form_valid(self, form):
        if not self.object.cohorts.exists():
            try:
                return super().form_valid(form)
            except ProtectedError:
                pass
        messages.error(
            self.request,
            _(
                "%(area)s cannot be deleted while cohorts belong to it. "
                "Move or delete those cohorts first."
            )
            % {"area": self.object},
        )
        return redirect(self.index_url_name)


class AreaViewSet(ModelViewSet):
    model = Area
    index_view_class = BoundedSearchIndexView
    delete_view_class = AreaDeleteView
    icon = "site"
    menu_label = _("Areas")
    url_prefix = "areas"
    menu_order = 100
    copy_view_enabled = False
    search_backend_name = None
    list_display = ["name", "postcode_districts"]
    search_fields = ["name", "postcode_districts"]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("postcode_districts"),
    ]


class CohortViewSet(ScopedViewSet):
    model = Cohort
    icon = "group"
    menu_label = _("Cohorts")
    menu_order = 200
    url_prefix = "cohorts"
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["name", "area", "start_date", "end_date"]
    list_filter = ["area"]
    search_fields = ["name"]
    inspect_view_fields = ["name", "area", "start_date", "end_date"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("area"),
            FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
            FieldPanel("trainers", widget=forms.CheckboxSelectMultiple),
            FieldPanel("members"),
        ],
        base_form_class=CohortAdminForm,
    )

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            queryset=Cohort.objects.select_related("area"), **kwargs
        )


class TrainingSessionViewSet(ScopedViewSet):
    model = TrainingSession
    icon = "calendar"
    menu_label = _("Sessions")
    url_prefix = "training-sessions"
    menu_order = 300
    list_display = ["course", "cohort", "starts_at", "venue", "trainer"]
    list_filter = ["starts_at"]
    search_fields = ["venue"]
    edit_handler = ObjectList(
        [
            FieldPanel("cohort"),
            FieldPanel("course", widget=forms.Select),
            FieldPanel("starts_at"),
            FieldPanel("venue"),
            FieldPanel("trainer"),
        ],
        base_form_class=TrainingSessionAdminForm,
    )

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            queryset=TrainingSession.objects.select_related(
                "cohort", "course", "trainer"
            ),
            **kwargs,
        )


class CohortsViewSetGroup(ModelViewSetGroup):
    menu_label = _("Cohorts")
    menu_icon = "calendar-check"
    menu_order = 250
    items = (
        AreaViewSet("learners_areas"),
        CohortViewSet("learners_cohorts"),
        TrainingSessionViewSet("learners_sessions"),
    )
