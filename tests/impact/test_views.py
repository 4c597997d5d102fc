"""The impact dashboard and its exports, through the client.

The academy behind the figures is described in ``tests.impact.builders``.
"""

from __future__ import annotations

import csv
import io
import re
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.db import connection
from django.shortcuts import resolve_url
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from impact.periods import current_quarter
from learners.models import Area
from tests import factories
from tests.certificates import builders
from tests.factories import PASSWORD
from tests.impact.builders import at, build_impact_academy, build_members

pytestmark = pytest.mark.django_db

DASHBOARD = "certificates_impact:dashboard"
TABLES = ["summary", "courses", "skills", "months", "partners"]
Q1 = {"start": "2026-01-01", "end": "2026-03-31", "area": ""}


def url(name: str, **params) -> str:
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return reverse(f"certificates_impact:{name}") + (f"?{query}" if query else "")


def login(client, user):
    client.login(username=user.username, password=PASSWORD)


def admin_login_url():
    return resolve_url(
        getattr(settings, "WAGTAILADMIN_LOGIN_URL", "wagtailadmin_login")
    )


@pytest.fixture
def academy(course_index):
    return build_impact_academy(course_index)


@pytest.fixture
def signed_in(client, coordinator):
    login(client, coordinator)
    return client


class Tables(HTMLParser):
    """Each <table> on a page by its caption: rows of cell texts, leaving out
    text hidden from screen readers."""

    def __init__(self):
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self._caption = self._rows = self._cell = None
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        if self._hidden or ("aria-hidden", "true") in attrs:
            self._hidden += 1
        elif tag == "table":
            self._rows = []
        elif tag == "caption":
            self._caption = ""
        elif tag == "tr" and self._rows is not None:
            self._rows.append([])
        elif tag in ("td", "th") and self._rows is not None:
            self._cell = ""

    def handle_endtag(self, tag):
        if self._hidden:
            self._hidden -= 1
        elif tag in ("td", "th") and self._cell is not None:
            self._rows[-1].append(" ".join(self._cell.split()))
            self._cell = None
        elif tag == "table":
            self.tables[" ".join(self._caption.split())] = self._rows
            self._rows = self._caption = None

    def handle_data(self, data):
        if self._hidden:
            return
        if self._cell is not None:
            self._cell += data
        elif self._caption is not None and self._rows == []:
            self._caption += data


def tables(response) -> dict[str, list[list[str]]]:
    parser = Tables()
    parser.feed(response.content.decode())
    return parser.tables


def read_csv(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(text)))


def read_xlsx(response) -> list[list]:
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    return [list(row) for row in book.active.iter_rows(values_only=True)]


# Who may see it --------------------------------------------------------------------


ALL_URLS = [DASHBOARD.split(":")[1], *TABLES]


@pytest.mark.parametrize("name", ALL_URLS)
def test_anonymous_visitors_are_sent_to_the_admin_sign_in(client, name):
    response = client.get(url(name))

    assert response.status_code == 302
    assert response["Location"].startswith(admin_login_url())


@pytest.mark.parametrize("name", ALL_URLS)
def test_residents_are_sent_to_the_admin_sign_in(client, resident, name):
    login(client, resident)

    response = client.get(url(name))

    assert response.status_code == 302
    assert response["Location"].split("?")[0] == admin_login_url()


@pytest.mark.parametrize("name", ALL_URLS)
def test_trainers_are_turned_away(client, trainer, name):
    login(client, trainer)

    response = client.get(url(name, **Q1, export="csv"))

    # Wagtail turns PermissionDenied into a redirect to the dashboard.
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


@pytest.mark.parametrize("name", ALL_URLS)
def test_coordinators_see_every_view(signed_in, name):
    assert signed_in.get(url(name, **Q1)).status_code == 200


def test_the_permission_not_the_group_opens_the_report(client, trainer):
    from django.contrib.auth.models import Permission

    trainer.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="impact", codename="view_impact_report"
        )
    )
    login(client, trainer)

    assert client.get(url("dashboard")).status_code == 200


def test_only_those_allowed_see_the_menu_item(client, coordinator, trainer):
    login(client, coordinator)
    assert url("dashboard") in client.get(reverse("wagtailadmin_home")).content.decode()

    login(client, trainer)
    assert (
        url("dashboard")
        not in client.get(reverse("wagtailadmin_home")).content.decode()
    )


def test_the_group_editor_offers_the_permission_and_coordinators_hold_it(client):
    from django.contrib.auth.models import Group

    admin = factories.make_user(username="admin", is_superuser=True, is_staff=True)
    coordinators = Group.objects.get(name="Coordinators")
    login(client, admin)

    page = client.get(
        reverse("wagtailusers_groups:edit", args=[coordinators.pk])
    ).content.decode()

    assert "Can view the impact report" in page
    assert coordinators.permissions.filter(codename="view_impact_report").exists()


# What it shows --------------------------------------------------------------------


def test_dashboard_shows_every_figure_in_its_tables(signed_in, academy):
    response = signed_in.get(url("dashboard", **Q1))

    found = tables(response)
    assert found["Headline figures for the period"] == [
        ["Measure", "Count"],
        ["Residents registered", "4"],
        ["Residents active", "5"],
        ["Course completions", "2"],
        ["Practical skills signed off", "3"],
        ["Residents certified as Expert Citizen", "1"],
    ]
    assert found["Completions and assessments per course"] == [
        [
            "Course",
            "Completions",
            "Assessments submitted",
            "Assessments passed",
            "Pass rate",
        ],
        ["Fire safety at home", "1", "3", "2", "66.7%"],
        ["First aid essentials", "1", "2", "1", "50.0%"],
    ]
    assert found["Sign-offs per practical skill"] == [
        ["Practical skill", "Course", "Sign-offs"],
        ["CPR on an adult manikin", "First aid essentials", "2"],
        ["The recovery position", "First aid essentials", "1"],
        ["The response to choking", "First aid essentials", "0"],
    ]
    assert found["Figures for each month"] == [
        ["Month", "Residents registered", "Course completions", "Residents certified"],
        ["2026-01", "2", "1", "0"],
        ["2026-02", "1", "1", "1"],
        ["2026-03", "1", "0", "0"],
    ]
    partners = found["Totals for each area and month, small counts hidden"]
    assert partners[0] == [
        "Area",
        "Month",
        "Residents registered",
        "Course completions",
        "Residents certified",
    ]
    assert [row[:2] for row in partners[1:]] == [
        [area, month]
        for area in ("Beaumont Leys", "Braunstone Park", "Not in any area")
        for month in ("2026-01", "2026-02", "2026-03")
    ]
    assert {cell for row in partners[1:] for cell in row[2:]} == {"<5"}


def test_each_chart_is_an_image_with_a_text_alternative(signed_in, academy):
    page = signed_in.get(url("dashboard", **Q1)).content.decode()

    labels = re.findall(r'role="img" aria-label="([^"]*)"', page)
    assert labels == [
        "Course completions: Fire safety at home, 1; First aid essentials, 1",
        "Assessment pass rate: Fire safety at home, 66.7%; First aid essentials, 50.0%",
        "Sign-offs per practical skill: CPR on an adult manikin, 2; "
        "The recovery position, 1; The response to choking, 0",
        "Monthly trend: 2026-01: Registered 2, Completions 1, Certified 0; "
        "2026-02: Registered 1, Completions 1, Certified 1; "
        "2026-03: Registered 1, Completions 0, Certified 0",
    ]
    assert page.count("<figcaption") == 4
    assert page.count('role="region" tabindex="0" aria-labelledby=') == 5


def test_area_filter_narrows_every_table(signed_in, academy):
    response = signed_in.get(url("dashboard", **{**Q1, "area": "beaumont-leys"}))

    found = tables(response)
    assert found["Headline figures for the period"][1:] == [
        ["Residents registered", "1"],
        ["Residents active", "2"],
        ["Course completions", "0"],
        ["Practical skills signed off", "1"],
        ["Residents certified as Expert Citizen", "0"],
    ]
    assert found["Completions and assessments per course"][1:] == [
        ["Fire safety at home", "0", "2", "1", "50.0%"],
        ["First aid essentials", "0", "0", "0", "no assessments submitted"],
    ]
    assert "for residents of Beaumont Leys" in response.content.decode()
    partner_areas = {
        row[0]
        for row in found["Totals for each area and month, small counts hidden"][1:]
    }
    assert partner_areas == {"Beaumont Leys"}


def test_without_a_filter_the_dashboard_shows_the_current_quarter(signed_in):
    quarter = current_quarter()

    response = signed_in.get(url("dashboard"))

    page = response.content.decode()
    assert f'name="start" value="{quarter.start.isoformat()}"' in page
    assert f'name="end" value="{quarter.end.isoformat()}"' in page
    assert response.context["report"].period == quarter


def test_export_links_carry_the_filter(signed_in, academy):
    page = signed_in.get(
        url("dashboard", **{**Q1, "area": "braunstone-park"})
    ).content.decode()

    for name in TABLES:
        for export in ("csv", "xlsx"):
            link = url(
                name,
                start="2026-01-01",
                end="2026-03-31",
                area="braunstone-park",
                export=export,
            ).replace("&", "&amp;")
            assert f'href="{link}"' in page


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        (
            {"start": "2026-03-31", "end": "2026-01-01"},
            "end",
            "The end date cannot be before the start.",
        ),
        ({"start": "2026-02-30"}, "start", "Enter a real date, for example"),
        ({"end": "31st March"}, "end", "Enter a real date, for example"),
        ({"start": ""}, "start", "Enter the first day of the period."),
        ({"area": "atlantis"}, "area", "Choose an area from the list."),
        (
            {"start": "2000-01-01", "end": "2015-01-01"},
            "end",
            "Choose a period of ten years or less.",
        ),
        ({"start": "1066-10-14"}, "start", "Choose a date between 2000-01-01"),
        ({"end": "9999-12-31"}, "end", "Choose a date between 2000-01-01"),
    ],
)
def test_bad_filters_are_explained_next_to_the_field(
    signed_in, academy, params, field, message
):
    response = signed_in.get(url("dashboard", **{**Q1, **params}))

    assert response.status_code == 200
    assert "report" not in response.context
    page = response.content.decode()
    errors = re.search(
        rf'<div class="w-field__errors" data-field-errors id="id_{field}-errors">'
        r"(.*?)</div>",
        page,
        re.S,
    )
    assert message in errors.group(1)
    assert re.search(rf'aria-describedby="id_{field}-errors"[^>]*id="id_{field}"', page)
    assert "Check the period and area" in page


@pytest.mark.parametrize("name", TABLES)
def test_an_export_with_a_bad_filter_goes_back_to_the_dashboard(signed_in, name):
    response = signed_in.get(
        url(name, start="2026-03-31", end="2026-01-01", export="csv")
    )

    assert response.status_code == 302
    assert response["Location"] == url(
        "dashboard", start="2026-03-31", end="2026-01-01"
    )


def test_each_table_also_opens_as_a_wagtail_report_with_download_buttons(
    signed_in, academy
):
    page = signed_in.get(url("courses", **Q1)).content.decode()

    assert "Impact report: courses" in page
    assert "Fire safety at home" in page
    assert "66.7" in page
    for export in ("csv", "xlsx"):
        link = url("courses", **Q1, export=export).replace("&", "&amp;")
        assert f'href="{link}"' in page


# Exports -------------------------------------------------------------------------


EXPECTED_EXPORTS = {
    "summary": [
        ["Measure", "Count"],
        ["Residents registered", 4],
        ["Residents active", 5],
        ["Course completions", 2],
        ["Practical skills signed off", 3],
        ["Residents certified as Expert Citizen", 1],
    ],
    "courses": [
        [
            "Course",
            "Completions",
            "Assessments submitted",
            "Assessments passed",
            "Pass rate (%)",
        ],
        ["Fire safety at home", 1, 3, 2, 66.7],
        ["First aid essentials", 1, 2, 1, 50.0],
    ],
    "skills": [
        ["Course", "Practical skill", "Sign-offs"],
        ["First aid essentials", "CPR on an adult manikin", 2],
        ["First aid essentials", "The recovery position", 1],
        ["First aid essentials", "The response to choking", 0],
    ],
    "months": [
        ["Month", "Residents registered", "Course completions", "Residents certified"],
        ["2026-01", 2, 1, 0],
        ["2026-02", 1, 1, 1],
        ["2026-03", 1, 0, 0],
    ],
    "partners": [
        [
            "Area",
            "Month",
            "Residents registered",
            "Course completions",
            "Residents certified",
        ],
        *(
            [area, month, "<5", "<5", "<5"]
            for area in ("Beaumont Leys", "Braunstone Park", "Not in any area")
            for month in ("2026-01", "2026-02", "2026-03")
        ),
    ],
}


@pytest.mark.parametrize("name", TABLES)
def test_csv_export_parses_back_to_the_dashboard_figures(signed_in, academy, name):
    response = signed_in.get(url(name, **Q1, export="csv"))

    assert response["Content-Type"] == "text/csv"
    assert (
        f"impact-{name}-2026-01-01-2026-03-31.csv" in (response["Content-Disposition"])
    )
    expected = [[str(cell) for cell in row] for row in EXPECTED_EXPORTS[name]]
    assert read_csv(response) == expected


@pytest.mark.parametrize("name", TABLES)
def test_xlsx_export_parses_back_to_the_dashboard_figures(signed_in, academy, name):
    response = signed_in.get(url(name, **Q1, export="xlsx"))

    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert read_xlsx(response) == EXPECTED_EXPORTS[name]


def test_exports_hold_the_same_numbers_as_the_dashboard_tables(signed_in, academy):
    params = {**Q1, "area": "braunstone-park"}
    found = tables(signed_in.get(url("dashboard", **params)))

    monthly = read_csv(signed_in.get(url("months", **params, export="csv")))
    courses = read_xlsx(signed_in.get(url("courses", **params, export="xlsx")))

    assert monthly[1:] == found["Figures for each month"][1:]
    assert [[str(cell) for cell in row[:4]] for row in courses[1:]] == [
        row[:4] for row in found["Completions and assessments per course"][1:]
    ]
    assert [row[4] for row in courses[1:]] == [100.0, 50.0]


def test_a_course_with_no_attempts_exports_an_empty_pass_rate(signed_in, academy):
    params = {**Q1, "area": "beaumont-leys"}

    rows = read_csv(signed_in.get(url("courses", **params, export="csv")))
    cells = read_xlsx(signed_in.get(url("courses", **params, export="xlsx")))

    assert rows[2] == ["First aid essentials", "0", "0", "0", ""]
    assert cells[2] == ["First aid essentials", 0, 0, 0, None]


def test_partner_export_shows_five_and_hides_four(signed_in):
    area = Area.objects.create(name="Saffron", slug="saffron", postcode_districts="")
    build_members(area, 5, at(2026, 1, 12), "january")
    build_members(area, 4, at(2026, 2, 12), "february")
    params = {**Q1, "area": "saffron"}

    rows = read_csv(signed_in.get(url("partners", **params, export="csv")))
    cells = read_xlsx(signed_in.get(url("partners", **params, export="xlsx")))

    assert [row[:3] for row in rows[1:]] == [
        ["Saffron", "2026-01", "5"],
        ["Saffron", "2026-02", "<5"],
        ["Saffron", "2026-03", "<5"],
    ]
    assert [row[:3] for row in cells[1:]] == [
        ["Saffron", "2026-01", 5],
        ["Saffron", "2026-02", "<5"],
        ["Saffron", "2026-03", "<5"],
    ]


def test_partner_export_holds_no_names_or_usernames(signed_in, academy):
    text = "".join(
        ",".join(row)
        for row in read_csv(signed_in.get(url("partners", **Q1, export="csv")))
    )

    for person in academy.people.values():
        assert person.username not in text


# Queries -------------------------------------------------------------------------


def dashboard_queries(client, **params) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url("dashboard", **{**Q1, **params}))
    assert response.status_code == 200
    return len(captured)


def test_dashboard_makes_the_same_queries_at_any_size(signed_in, academy, course_index):
    small = (
        dashboard_queries(signed_in),
        dashboard_queries(signed_in, area="braunstone-park"),
    )
    for number in range(3):
        extra = Area.objects.create(
            name=f"Extra {number}", slug=f"extra-{number}", postcode_districts="LE9"
        )
        build_members(extra, 6, at(2026, 2, 1 + number), f"extra{number}")
    more = build_members(academy.braunstone, 8, at(2026, 3, 3), "more")
    online = factories.build_course(course_index, title="Staying safe online")
    for person in more:
        builders.complete(person, online, when=at(2026, 3, 20))

    large = (
        dashboard_queries(signed_in),
        dashboard_queries(signed_in, area="braunstone-park"),
    )

    assert small == large
    # The figures (10), the partner share (8), the areas to choose from, and
    # the admin's own: 28 in all, 29 with an area chosen.
    assert max(large) <= 32
