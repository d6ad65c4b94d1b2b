"""The mediation route: the mediator, the officials and their mandate, the steps and meetings; closing a case with
its outcome and hours.

Each view finds the case among those the person may read (`readable_case`: 404 otherwise) and lets
`cases.services.route` make the change; a refusal (`CaseError`) is shown with the form as it was filled in.
Changes that need no form are POST-only and come back to the case page with a message.
"""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import members_only
from cases.errors import CaseError
from cases.forms.route import CloseForm, HoursForm, MediationForm, MeetingForm, OfficialForm, StepForm
from cases.models import StepRecord
from cases.services import route as services
from cases.views.common import readable_case


def _back(case, anchor="route"):
    return redirect(f"{case.get_absolute_url()}#{anchor}")


def _page(request, template, case, form, **context):
    # Only a form with mistakes (or refused by the service) is shown again after a POST.
    status = 400 if request.method == "POST" else 200
    return render(request, f"cases/route/{template}", {"case": case, "form": form, **context}, status=status)


@members_only
def start_mediation(request, pk):
    case = readable_case(request, pk)
    form = MediationForm(request.POST or None, case=case)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.start_mediation(
                case.pk,
                request.user,
                started_on=data["started_on"],
                source=data["source"],
                profile=data.get("mediator_profile"),
                loan=data.get("loan"),
                external=data.get("external_mediator"),
            )
        except CaseError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The mediator has been saved."))
            return _back(case)
    return _page(
        request,
        "mediation.html",
        case,
        form,
        has_internal=bool(form.fields["mediator_profile"].queryset),
        has_loans=bool(form.fields["loan"].queryset),
        has_externals=bool(form.fields["external_mediator"].queryset),
    )


@members_only
def add_official(request, pk):
    case = readable_case(request, pk)
    form = OfficialForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_official(
                case.pk, request.user, role=form.cleaned_data["role"], mandate=form.cleaned_data["mandate"]
            )
        except CaseError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The official has been added. Confirm their mandate before the meeting."))
            return _back(case)
    return _page(request, "official.html", case, form)


@members_only
@require_POST
def confirm_mandate(request, pk, official_pk):
    case = readable_case(request, pk)
    try:
        services.confirm_mandate(case.pk, official_pk, request.user)
    except CaseError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The mandate has been confirmed."))
    return _back(case)


@members_only
@require_POST
def remove_official(request, pk, official_pk):
    case = readable_case(request, pk)
    try:
        services.remove_official(case.pk, official_pk, request.user)
    except CaseError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The official has been removed from the table."))
    return _back(case)


@members_only
@require_POST
def reach_step(request, pk):
    case = readable_case(request, pk)
    reached = set(StepRecord.objects.filter(case=case).values_list("step", flat=True))
    form = StepForm(request.POST, reached=reached)
    if form.is_valid():
        try:
            services.reach_step(
                case.pk, request.user, step=form.cleaned_data["step"], on=form.cleaned_data["reached_on"]
            )
        except CaseError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The step has been recorded."))
            return _back(case)
    # Shown on a page of its own, with what was chosen, so nothing is lost and the reason is clear.
    return _page(request, "step.html", case, form)


@members_only
def add_meeting(request, pk):
    case = readable_case(request, pk)
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.add_meeting(
                case.pk,
                request.user,
                kind=data["kind"],
                held_on=data["held_on"],
                with_role=data.get("with_role") or "",
                duration_minutes=data.get("duration_minutes"),
                supporter_present=data.get("supporter_present", False),
            )
        except CaseError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The meeting has been recorded."))
            return _back(case)
    return _page(request, "meeting.html", case, form)


@members_only
def close(request, pk):
    case = readable_case(request, pk)
    form = CloseForm(request.POST or None, case=case)
    hours_form = HoursForm(request.POST or None, prefix="hours", hours=list(case.hours.all()))
    if request.method == "POST" and all([form.is_valid(), hours_form.is_valid()]):
        data = form.cleaned_data
        try:
            services.close(
                case.pk,
                request.user,
                outcome=data["outcome"],
                closed_on=data["closed_on"],
                agreement_written=data.get("agreement_written"),
                record_agreed=data.get("record_agreed", False),
                record=data.get("record") or "",
                hours=hours_form.hours(),
            )
        except CaseError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The case has been closed."))
            return _back(case, "outcome")
    return _page(request, "close.html", case, form, hours_form=hours_form)


@members_only
@require_POST
def reopen(request, pk):
    case = readable_case(request, pk)
    try:
        services.reopen(case.pk, request.user)
    except CaseError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The case has been reopened."))
    return _back(case, "outcome")


@members_only
def hours(request, pk):
    case = readable_case(request, pk)
    form = HoursForm(request.POST or None, prefix="hours", hours=list(case.hours.all()))
    if request.method == "POST" and form.is_valid():
        try:
            services.set_hours(case.pk, request.user, form.hours())
        except CaseError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The hours have been saved."))
            return _back(case, "outcome")
    return _page(request, "hours.html", case, form)
