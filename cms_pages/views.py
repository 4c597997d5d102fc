import unicodedata

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _

from courses.models import CoursePage, LessonPage

MAX_QUERY_LENGTH = 200

# Characters the search backends cannot take in a search term: SQLite's full
# text search reads a double quote as the end of a phrase, and PostgreSQL
# refuses a NUL byte. Neither is part of any word.
NOT_SEARCHABLE = {ord('"'): " "}


def search_terms(raw: str) -> str:
    """What was typed, with control characters and double quotes made
    spaces, runs of spaces made one, and cut to ``MAX_QUERY_LENGTH``."""
    text = "".join(
        " " if unicodedata.category(character) in ("Cc", "Cs") else character
        for character in raw.translate(NOT_SEARCHABLE)
    )
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def search(request):
    query = search_terms(request.GET.get("q", ""))
    results = []
    if query:
        courses = CoursePage.objects.live().public().search(query)
        lessons = LessonPage.objects.live().public().search(query)
        results = list(courses) + list(lessons)
    page = Paginator(results, 20).get_page(request.GET.get("page"))
    return render(
        request,
        "cms_pages/search.html",
        {"query": query, "results": page, "page_title": _("Search")},
    )
