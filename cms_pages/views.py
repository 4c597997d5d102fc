from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _

from courses.models import CoursePage, LessonPage

MAX_QUERY_LENGTH = 200


def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
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
