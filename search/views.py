"""The search page.

For now this searches the public, live pages of the reader's language through Wagtail's database backend. The
search issue replaces the engine behind it (one permission-aware index over everything, facets, Elasticsearch);
the URL, the query parameter and the page stay.
"""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render
from django.utils.translation import get_language
from wagtail.models import Locale, Page

MAX_QUERY_LENGTH = 200
PER_PAGE = 10


def search(request):
    query = (request.GET.get("q") or "").strip()
    truncated = len(query) > MAX_QUERY_LENGTH
    query = query[:MAX_QUERY_LENGTH]
    results = None
    if query:
        locale = Locale.objects.filter(language_code=get_language()).first()
        pages = Page.objects.live().public().filter(depth__gt=2)
        if locale is not None:
            pages = pages.filter(locale=locale)
        found = pages.specific().search(query, operator="and")
        paginator = Paginator(found, PER_PAGE)
        try:
            results = paginator.page(request.GET.get("page", 1))
        except (EmptyPage, PageNotAnInteger):
            results = paginator.page(1)
    return render(
        request,
        "search/search.html",
        {"search_query": query, "results": results, "truncated": truncated},
    )
