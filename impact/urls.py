"""The report's admin pages, under ``/admin/impact-report/`` (see
``wagtail_hooks``)."""

from django.urls import path

from .views import TABLES, ImpactDashboardView

urlpatterns = [
    path("", ImpactDashboardView.as_view(), name="dashboard"),
    *(path(f"{name}/", view.as_view(), name=name) for name, view in TABLES.items()),
]
