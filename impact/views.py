"""The funder's impact report in the Wagtail admin.

A dashboard shows every figure of ``impact.figures`` for a period and an area,
each set as a chart with a table beside it. Each table is also a Wagtail
``ReportView``, so it downloads as CSV or XLSX with the same filter. Only
users with ``impact.view_impact_report`` see any of it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView

from learners.models import Area

from . import figures
from .charts import bars, trend
from .forms import ImpactFilterForm, filter_form
from .periods import Period

PERMISSION = "impact.view_impact_report"
# The namespace the report had inside ``certificates``, kept so that its URL
# names still resolve.
NAMESPACE = "certificates_impact"


def can_view(user) -> bool:
    return user.has_perm(PERMISSION)


# Shared by every view --------------------------------------------------------------


class ImpactAccessMixin:
    """Checks the permission and reads the filter from the query string."""

    def dispatch(self, request, *args, **kwargs):
        if not can_view(request.user):
            raise PermissionDenied
        self.filter = filter_form(request.GET)
        return super().dispatch(request, *args, **kwargs)

    def dashboard_url(self) -> str:
        return reverse(f"{NAMESPACE}:dashboard")

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": self.dashboard_url(), "label": _("Impact report")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_page_subtitle(self):
        if not self.filter.is_valid():
            return ""
        return describe(self.filter.period, self.filter.chosen_area)


def describe(period: Period, area: Area | None) -> str:
    return _("%(start)s to %(end)s, %(area)s") % {
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
        "area": area.name if area else _("all areas"),
    }


# Tables as Wagtail reports (CSV and XLSX) ---------------------------------------


class ImpactTableView(ImpactAccessMixin, ReportView):
    """One table of the dashboard. ``rows`` picks its rows from the figures;
    ``list_export`` and ``export_headings`` name its columns, which are also
    shown as an HTML listing when no export is asked for."""

    header_icon = "table"
    paginate_by = 100
    slug = ""

    def rows(self, form: ImpactFilterForm) -> list:
        raise NotImplementedError

    @cached_property
    def columns(self):
        return [
            Column(name, label=self.export_headings[name]) for name in self.list_export
        ]

    def get(self, request, *args, **kwargs):
        if not self.filter.is_valid():
            # The dashboard shows what is wrong next to each field.
            params = request.GET.copy()
            params.pop("export", None)
            return redirect(f"{self.dashboard_url()}?{params.urlencode()}")
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return self.rows(self.filter)

    def get_filename(self):
        query = self.filter.query
        parts = ["impact", self.slug, query["start"], query["end"], query["area"]]
        return "-".join(part for part in parts if part)

    def get_export_url(self, format):
        return export_url(self.request.resolver_match.url_name, self.filter, format)


def _report(form: ImpactFilterForm) -> figures.ImpactReport:
    return figures.impact_report(period=form.period, area=form.chosen_area)


@dataclass(frozen=True)
class Headline:
    measure: str
    count: int


def headlines(report: figures.ImpactReport) -> list[Headline]:
    award = report.award.name if report.award else _("the headline award")
    return [
        Headline(_("Residents registered"), report.registered),
        Headline(_("Residents active"), report.active),
        Headline(_("Course completions"), report.completions),
        Headline(_("Practical skills signed off"), report.signoffs),
        Headline(
            _("Residents certified as %(award)s") % {"award": award}, report.certified
        ),
    ]


class SummaryReportView(ImpactTableView):
    page_title = gettext_lazy("Impact report: headline figures")
    slug = "summary"
    list_export = ["measure", "count"]
    export_headings = {
        "measure": gettext_lazy("Measure"),
        "count": gettext_lazy("Count"),
    }

    def rows(self, form):
        return headlines(_report(form))


class CoursesReportView(ImpactTableView):
    page_title = gettext_lazy("Impact report: courses")
    slug = "courses"
    list_export = ["title", "completions", "submitted", "passed", "pass_rate"]
    export_headings = {
        "title": gettext_lazy("Course"),
        "completions": gettext_lazy("Completions"),
        "submitted": gettext_lazy("Assessments submitted"),
        "passed": gettext_lazy("Assessments passed"),
        "pass_rate": gettext_lazy("Pass rate (%)"),
    }

    def rows(self, form):
        return _report(form).courses


class SkillsReportView(ImpactTableView):
    page_title = gettext_lazy("Impact report: practical sign-offs")
    slug = "skills"
    list_export = ["course", "skill", "signoffs"]
    export_headings = {
        "course": gettext_lazy("Course"),
        "skill": gettext_lazy("Practical skill"),
        "signoffs": gettext_lazy("Sign-offs"),
    }

    def rows(self, form):
        return _report(form).skills


class MonthsReportView(ImpactTableView):
    page_title = gettext_lazy("Impact report: monthly trend")
    slug = "months"
    list_export = ["label", "registered", "completions", "certified"]
    export_headings = {
        "label": gettext_lazy("Month"),
        "registered": gettext_lazy("Residents registered"),
        "completions": gettext_lazy("Course completions"),
        "certified": gettext_lazy("Residents certified"),
    }

    def rows(self, form):
        return _report(form).months


class PartnerReportView(ImpactTableView):
    """Only aggregates by area and month, with small counts suppressed."""

    page_title = gettext_lazy("Impact report: to share with partners")
    slug = "partners"
    list_export = [
        "area",
        "label",
        "shared.registered",
        "shared.completions",
        "shared.certified",
    ]
    export_headings = {
        "area": gettext_lazy("Area"),
        "label": gettext_lazy("Month"),
        "shared.registered": gettext_lazy("Residents registered"),
        "shared.completions": gettext_lazy("Course completions"),
        "shared.certified": gettext_lazy("Residents certified"),
    }

    def rows(self, form):
        return figures.partner_share(period=form.period, area=form.chosen_area)


TABLES = {
    "summary": SummaryReportView,
    "courses": CoursesReportView,
    "skills": SkillsReportView,
    "months": MonthsReportView,
    "partners": PartnerReportView,
}


def export_url(name: str, form: ImpactFilterForm, export_format: str) -> str:
    query = urlencode({**form.query, "export": export_format})
    return f"{reverse(f'{NAMESPACE}:{name}')}?{query}"


# Dashboard -------------------------------------------------------------------------


class ImpactDashboardView(ImpactAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "certificates/impact/dashboard.html"
    page_title = gettext_lazy("Impact report")
    header_icon = "table"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = self.filter
        context["form"] = form
        if not form.is_valid():
            return context
        report = _report(form)
        context.update(
            report=report,
            headlines=headlines(report),
            partner_rows=figures.partner_share(
                period=form.period, area=form.chosen_area
            ),
            suppress_below=figures.SUPPRESS_BELOW,
            exports={
                name: {
                    "csv": export_url(name, form, "csv"),
                    "xlsx": export_url(name, form, "xlsx"),
                }
                for name in TABLES
            },
            completion_bars=bars(
                [(course.title, course.completions) for course in report.courses]
            ),
            pass_rate_bars=bars(
                [(course.title, course.pass_rate) for course in report.courses],
                top=100,
            ),
            skill_bars=bars([(skill.skill, skill.signoffs) for skill in report.skills]),
            trend=trend(report.months),
        )
        return context
