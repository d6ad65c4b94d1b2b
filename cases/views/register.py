"""The register: the list of cases, registering one, a case's page, its details, the people involved and who works
on it.

Every case is found in what the person may read (`permissions.readable_cases`) or, for assigning, in what they
coordinate (`permissions.assignable_cases`): anyone else gets a 404. Changes are POST-only and made by
`cases.services.register`; its refusals (`CaseError`) come back as a message with everything typed kept.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import members_only
from cases import permissions
from cases.choices import CaseKind, CaseStatus
from cases.errors import CaseError
from cases.forms.register import PERSONAL_DATA_REMINDER, AssignForm, CreateCaseForm, EditCaseForm, PartyForm
from cases.queries import register as register_queries
from cases.queries import retention as retention_queries
from cases.queries import route as route_queries
from cases.queries import work as work_queries
from cases.services import register as services
from cases.views.common import readable_case

PAGE_SIZE = 25


@members_only
def index(request):
    user = request.user
    status = request.GET.get("status", "")
    kind = request.GET.get("kind", "")
    if status not in CaseStatus.values:
        status = ""
    if kind not in CaseKind.values:
        kind = ""
    mine = request.GET.get("mine") == "1"
    cases = register_queries.case_list(user, status=status, kind=kind, mine=mine)
    page = Paginator(cases, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page_obj": page,
        "cases": register_queries.mark_deadlines(page.object_list),
        "status": status,
        "kind": kind,
        "mine": mine,
        "status_choices": [(CaseStatus.OPEN, CaseStatus.OPEN.label), (CaseStatus.CLOSED, CaseStatus.CLOSED.label)],
        "kind_choices": CaseKind.choices,
        "filtered": bool(status or kind or mine),
    }
    return render(request, "cases/index.html", context)


@members_only
def create(request):
    user = request.user
    organisations = permissions.registering_organisations(user).order_by("name")
    form = CreateCaseForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            case = services.register_case(
                form.cleaned_data["organisation"], form.details(), user, parties=form.parties()
            )
        except CaseError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The case is registered. You are its handler."))
            return redirect(case.get_absolute_url())
    return render(request, "cases/create.html", {"form": form, "reminder": PERSONAL_DATA_REMINDER})


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
    case = readable_case(request, pk)
    form = EditCaseForm(request.POST or None, instance=case)
    saved = None
    if request.method == "POST" and form.is_valid():
        try:
            services.update_case(case.pk, form.details(), form.cleaned_data["version"], request.user)
        except services.StaleVersion as error:
            # What they typed stays in the form; it now carries the saved version, so that saving again (after
            # checking the change shown next to it) goes through.
            form.data = form.data.copy()
            form.data["version"] = str(error.case.version)
            form.add_error(None, str(error))
            saved = error.case
        except CaseError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The case details are saved."))
            return redirect(case.get_absolute_url())
    context = {"case": case, "form": form, "saved": saved, "reminder": PERSONAL_DATA_REMINDER}
    return render(request, "cases/edit.html", context)


@members_only
def parties(request, pk):
    case = readable_case(request, pk)
    form = PartyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_party(case.pk, form.cleaned_data["role"], form.cleaned_data["description"], request.user)
        except CaseError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The person involved is added."))
            return redirect("cases:parties", pk=case.pk)
    context = {
        "case": case,
        "form": form,
        "case_parties": list(case.parties.order_by("pk")),
        "reminder": PERSONAL_DATA_REMINDER,
    }
    return render(request, "cases/parties.html", context)


@require_POST
@members_only
def remove_party(request, pk, party_pk):
    case = readable_case(request, pk)
    try:
        services.remove_party(case.pk, party_pk, request.user)
    except CaseError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The person involved is removed."))
    return redirect("cases:parties", pk=case.pk)


def _assignable_case(request, pk):
    return get_object_or_404(permissions.assignable_cases(request.user).select_related("organisation"), pk=pk)


@members_only
def assignments(request, pk):
    case = _assignable_case(request, pk)
    form = AssignForm(request.POST or None, members=services.assignable_members(case).order_by("first_name", "email"))
    if request.method == "POST" and form.is_valid():
        try:
            services.assign(case.pk, form.cleaned_data["user"], form.cleaned_data["role"], request.user)
        except CaseError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The assignment is saved. The member is told."))
            return redirect("cases:assignments", pk=case.pk)
    context = {
        "case": case,
        "form": form,
        "case_assignments": list(case.assignments.select_related("user").order_by("assigned_at", "pk")),
    }
    return render(request, "cases/assignments.html", context)


@require_POST
@members_only
def unassign(request, pk, assignment_pk):
    case = _assignable_case(request, pk)
    try:
        services.unassign(case.pk, assignment_pk, request.user)
    except CaseError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The member is no longer assigned to this case."))
    return redirect("cases:assignments", pk=case.pk)
