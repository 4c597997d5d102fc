"""The funder's impact report in the Wagtail admin.

A dashboard shows every figure of ``certificates.reports`` for a period and
an area, each set as a chart with a table beside it. Each table is also a
Wagtail ``ReportView``, so it downloads as CSV or XLSX with the same filter.
Only users with ``certificates.view_impact_report`` see any of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import include, path, reverse, reverse_lazy
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView

from academy_web.forms import DateInput
from academy_web.menus import PermissionMenuItem
from learners.models import Area

from . import reports

PERMISSION = "certificates.view_impact_report"
NAMESPACE = "certificates_impact"
EARLIEST = date(2000, 1, 1)
LATEST = date(2099, 12, 31)
# Ten years, leap days included: longer periods are a typing slip, and cost
# the database a long monthly trend for nothing.
MAX_PERIOD_DAYS = 3653
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]


def can_view(user) -> bool:
    return user.has_perm(PERMISSION)


# Filter ----------------------------------------------------------------------------


class ImpactFilterForm(forms.Form):
    start = forms.DateField(
        label=gettext_lazy("First day"),
        input_formats=DATE_INPUT_FORMATS,
        widget=DateInput,
        error_messages={
            "required": gettext_lazy("Enter the first day of the period."),
            "invalid": gettext_lazy("Enter a real date, for example 2026-01-31."),
        },
    )
    end = forms.DateField(
        label=gettext_lazy("Last day"),
        input_formats=DATE_INPUT_FORMATS,
        widget=DateInput,
        error_messages={
            "required": gettext_lazy("Enter the last day of the period."),
            "invalid": gettext_lazy("Enter a real date, for example 2026-03-31."),
        },
    )
    area = forms.ModelChoiceField(
        label=gettext_lazy("Area"),
        queryset=Area.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label=gettext_lazy("All areas"),
        error_messages={
            "invalid_choice": gettext_lazy("Choose an area from the list."),
        },
    )

    def full_clean(self):
        super().full_clean()
        # Screen readers announce each field's error with the field.
        for name in self.errors:
            if name in self.fields:
                widget = self.fields[name].widget
                widget.attrs["aria-describedby"] = f"id_{name}-errors"

    def _within_range(self, day: date) -> date:
        if not EARLIEST <= day <= LATEST:
            raise forms.ValidationError(
                _("Choose a date between %(earliest)s and %(latest)s.")
                % {"earliest": EARLIEST.isoformat(), "latest": LATEST.isoformat()}
            )
        return day

    def clean_start(self) -> date:
        return self._within_range(self.cleaned_data["start"])

    def clean_end(self) -> date:
        return self._within_range(self.cleaned_data["end"])

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end:
            if end < start:
                self.add_error("end", _("The end date cannot be before the start."))
            elif (end - start).days >= MAX_PERIOD_DAYS:
                self.add_error("end", _("Choose a period of ten years or less."))
        return cleaned

    @property
    def period(self) -> reports.Period:
        return reports.Period(
            start=self.cleaned_data["start"], end=self.cleaned_data["end"]
        )

    @property
    def chosen_area(self) -> Area | None:
        return self.cleaned_data.get("area")

    @property
    def query(self) -> dict[str, str]:
        """The cleaned filter as query parameters, for links that keep it."""
        area = self.chosen_area
        return {
            "start": self.period.start.isoformat(),
            "end": self.period.end.isoformat(),
            "area": area.slug if area else "",
        }


def filter_form(params) -> ImpactFilterForm:
    """A bound form: what the user asked for, the current quarter otherwise."""
    default = reports.current_quarter()
    data = {"start": default.start.isoformat(), "end": default.end.isoformat()}
    data["area"] = ""
    data.update({name: params[name] for name in data if name in params})
    return ImpactFilterForm(data)


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


def describe(period: reports.Period, area: Area | None) -> str:
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


def _report(form: ImpactFilterForm) -> reports.ImpactReport:
    return reports.impact_report(period=form.period, area=form.chosen_area)


@dataclass(frozen=True)
class Headline:
    measure: str
    count: int


def headlines(report: reports.ImpactReport) -> list[Headline]:
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
        return reports.partner_share(period=form.period, area=form.chosen_area)


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


@dataclass(frozen=True)
class Bar:
    label: str
    value: int | float | None
    width: int


def bars(pairs: list[tuple[str, int | float | None]], *, top=None) -> list[Bar]:
    """Bars scaled to the largest value (or ``top``) as whole percentages."""
    values = [value or 0 for _label, value in pairs]
    top = top or max(values, default=0) or 1
    return [
        Bar(label=label, value=value, width=round(100 * (value or 0) / top))
        for label, value in pairs
    ]


def trend(months: list[reports.MonthFigures]) -> list[dict]:
    """Three bars a month, all on one scale so months compare."""
    top = max(
        (max(m.registered, m.completions, m.certified) for m in months), default=0
    )
    return [
        {
            "month": month,
            "bars": bars(
                [
                    (_("Registered"), month.registered),
                    (_("Completions"), month.completions),
                    (_("Certified"), month.certified),
                ],
                top=top or 1,
            ),
        }
        for month in months
    ]


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
            partner_rows=reports.partner_share(
                period=form.period, area=form.chosen_area
            ),
            suppress_below=reports.SUPPRESS_BELOW,
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


# Wiring, registered by wagtail_hooks.py ---------------------------------------------


def admin_urls():
    urlpatterns = [
        path("", ImpactDashboardView.as_view(), name="dashboard"),
        *(path(f"{name}/", view.as_view(), name=name) for name, view in TABLES.items()),
    ]
    return [
        path(
            "impact-report/",
            include((urlpatterns, NAMESPACE), namespace=NAMESPACE),
        )
    ]


def menu_item() -> MenuItem:
    return PermissionMenuItem(
        gettext_lazy("Impact report"),
        reverse_lazy(f"{NAMESPACE}:dashboard"),
        name="impact-report",
        icon_name="table",
        order=1300,
        permission=PERMISSION,
    )
