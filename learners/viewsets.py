"""Admin screens for learner records, areas, cohorts and sessions.

Enrolments and attempts are written only by the learning journey's services,
so the admin offers listing, inspecting and history, never adding or editing.
Coordinators manage areas, cohorts and sessions; a trainer sees only the
cohorts they train and those cohorts' sessions.
"""

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.validators import MaxLengthValidator
from django.db.models import ProtectedError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies import ModelPermissionPolicy

from academy_web.http import MAX_SEARCH_LENGTH

from .cohort_forms import CohortAdminForm, TrainingSessionAdminForm
from .models import Area, Attempt, Cohort, Enrolment, TrainingSession


class BoundedSearchMixin:
    """A listing whose search box takes at most ``MAX_SEARCH_LENGTH``
    characters. A longer query, which only a crafted request sends, is
    ignored as an invalid search rather than sent to the database."""

    def get_search_form(self):
        form = super().get_search_form()
        if form is not None:
            field = form.fields[self.search_kwarg]
            field.validators.append(MaxLengthValidator(MAX_SEARCH_LENGTH))
            field.widget.attrs["maxlength"] = str(MAX_SEARCH_LENGTH)
        return form


class BoundedSearchIndexView(BoundedSearchMixin, generic.IndexView):
    pass


class ViewOnlyPermissionPolicy(ModelPermissionPolicy):
    """Grants only "view", and only to users with the model's view permission."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([a for a in actions if a == "view"])


class ReadOnlyHistoryView(history.HistoryView):
    any_permission_required = ["view"]


class ReadOnlyUsageView(usage.UsageView):
    permission_required = "view"


class ReadOnlyViewSet(ModelViewSet):
    index_view_class = BoundedSearchIndexView
    history_view_class = ReadOnlyHistoryView
    usage_view_class = ReadOnlyUsageView
    inspect_view_enabled = True
    copy_view_enabled = False
    sort_order_field = None
    search_backend_name = None
    form_fields: list[str] = []

    def get_urlpatterns(self):
        conv = self.pk_path_converter
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path(f"inspect/<{conv}:pk>/", self.inspect_view, name="inspect"),
            path(f"history/<{conv}:pk>/", self.history_view, name="history"),
            path(
                f"history-results/<{conv}:pk>/",
                self.history_results_view,
                name="history_results",
            ),
            path(f"usage/<{conv}:pk>/", self.usage_view, name="usage"),
        ]

    def get_permissions_to_register(self):
        return (
            super().get_permissions_to_register().filter(codename__startswith="view_")
        )

    def get_common_view_kwargs(self, **kwargs):
        # The add, edit and delete screens do not exist here.
        return super().get_common_view_kwargs(
            **{
                "add_url_name": None,
                "edit_url_name": None,
                "delete_url_name": None,
                **kwargs,
            }
        )


class EnrolmentViewSet(ReadOnlyViewSet):
    model = Enrolment
    icon = "user"
    menu_label = _("Enrolments")
    list_display = ["user", "course", "enrolled_at", "completed_at"]
    list_filter = ["completed_at"]
    search_fields = ["user__username", "user__email", "course__title"]
    inspect_view_fields = ["user", "course", "enrolled_at", "completed_at"]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            queryset=Enrolment.objects.select_related("user", "course"), **kwargs
        )


class AttemptViewSet(ReadOnlyViewSet):
    model = Attempt
    icon = "tasks"
    menu_label = _("Assessment attempts")
    list_display = [
        "enrolment",
        "number",
        "status",
        "score",
        "passed",
        "started_at",
        "submitted_at",
    ]
    list_filter = ["status", "passed", "source"]
    search_fields = ["enrolment__user__username", "enrolment__course__title"]
    inspect_view_fields = [
        "enrolment",
        "number",
        "status",
        "source",
        "started_at",
        "expires_at",
        "submitted_at",
        "score",
        "pass_mark",
        "passed",
        "entered_by",
    ]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            queryset=Attempt.objects.select_related(
                "enrolment__user", "enrolment__course"
            ).defer("questions", "answers"),
            **kwargs,
        )


class LearnerRecordsViewSetGroup(ModelViewSetGroup):
    menu_label = _("Learners")
    menu_icon = "group"
    items = (EnrolmentViewSet("enrolments"), AttemptViewSet("attempts"))


class CohortScopedPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, narrowed to the cohorts a user acts for.

    ``scope(user=...)`` returns the instances the user acts for: everything
    for those with ``learners.manage_all_cohorts``, otherwise only what
    belongs to the cohorts they train (see ``learners.cohort_selectors``).
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
