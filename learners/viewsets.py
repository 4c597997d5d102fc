"""Admin screens for learner records.

Enrolments and attempts are written only by the learning journey's services,
so the admin offers listing, inspecting and history, never adding or editing.
The screens for areas, cohorts and sessions are in ``learners.cohorts.viewsets``.
"""

from django.core.validators import MaxLengthValidator
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies import ModelPermissionPolicy

from academy_web.http import MAX_SEARCH_LENGTH

from .models import Attempt, Enrolment


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
