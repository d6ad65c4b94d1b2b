"""The register: the list of cases, registering one, a case's page, its details, the people involved and who works
on it."""

from django.http import Http404
from django.shortcuts import render

from accounts.access import members_only
from cases.queries import register as register_queries
from cases.queries import retention as retention_queries
from cases.queries import route as route_queries
from cases.queries import work as work_queries
from cases.views.common import readable_case


@members_only
def index(request):
    raise Http404


@members_only
def create(request):
    raise Http404


@members_only
def detail(request, pk):
    case = readable_case(request, pk)
    context = {"case": case}
    # Each area of the case gathers its own section; the page stays a fixed number of queries.
    for section in (register_queries, work_queries, route_queries, retention_queries):
        context.update(section.case_section(request.user, case))
    return render(request, "cases/detail.html", context)


@members_only
def edit(request, pk):
    raise Http404


@members_only
def parties(request, pk):
    raise Http404


@members_only
def remove_party(request, pk, party_pk):
    raise Http404


@members_only
def assignments(request, pk):
    raise Http404


@members_only
def unassign(request, pk, assignment_pk):
    raise Http404
