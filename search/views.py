"""The search page, the autocomplete endpoint and tag pages. The rules live in search.services."""

from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from search import services
from search.forms import is_token

FACET_GROUPS = (
    ("kind", "type", _("Type")),
    ("tag", "tag", _("Tags")),
    ("language", "language", _("Language")),
    ("organisation", "organisation", _("Organisation")),
)


@require_GET
@vary_on_headers("HX-Request")
def search(request):
    page = services.search_page(request.user, request.GET)
    response = page.response
    facets = []
    if response is not None:
        facets = [
            {
                "name": name,
                "field": field,
                "legend": legend,
                "values": response.facets.get(name, []),
                "estimated": name in response.estimated,
            }
            for name, field, legend in FACET_GROUPS
        ]
    context = {
        "search": page,
        "search_query": page.form.data.get("q", ""),  # the header box shows what was typed, shortened or not
        "results": response,
        "facets": facets,
    }
    partial = request.htmx and not request.htmx.history_restore_request
    return render(request, "search/_results.html" if partial else "search/search.html", context)


@require_GET
def autocomplete(request):
    options = services.complete(request.user, request.GET.get("q", ""), get_language())
    results = [{"type": option.type, "label": option.label, "url": option.url} for option in options]
    response = JsonResponse({"results": results})
    # The answer depends on who asks (members see more): never let a shared cache hand it to someone else.
    response["Cache-Control"] = "private, max-age=60"
    return response


@require_GET
def tag(request, slug):
    page = services.tag_page(request.user, slug) if is_token(slug) else None
    if page is None:
        raise Http404(_("No page carries this tag."))
    return render(request, "search/tag.html", {"tag": page})
