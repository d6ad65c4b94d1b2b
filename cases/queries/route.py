"""What the case page shows of the route area: the mediator, the steps, the officials and their mandate, the
meetings, and the outcome with its hours.

A fixed number of queries however many officials, meetings or hours a case has. Context keys start with `route_`
or `outcome_`, as the page gathers every area's section into one context.
"""

from decimal import Decimal

from django.urls import reverse

from cases.choices import ROUTE_ORDER, MediatorSource, RouteStep
from cases.forms.route import StepForm, loan_label
from cases.models import Hours, Meeting, Official, StepRecord
from cases.services.route import OPTIONAL_STEPS, REACHABLE_STEPS, mandate_problem
from pool import permissions as pool_permissions
from pool.models import ExternalMediator, Loan, MediatorProfile


def _mediator(user, case) -> dict | None:
    source = case.mediator_source
    if source == MediatorSource.INTERNAL and case.mediator_profile_id:
        profile = MediatorProfile.objects.select_related("user").filter(pk=case.mediator_profile_id).first()
        if profile is None:
            return None
        url = reverse("pool:profile", args=[profile.pk]) if pool_permissions.can_read_profile(user, profile) else ""
        return {"source": source, "name": profile.user.get_full_name() or profile.user.email, "url": url}
    if source == MediatorSource.POOL and case.loan_id:
        loan = (
            Loan.objects.select_related("mediator__user", "lending_organisation", "network", "request")
            .filter(pk=case.loan_id)
            .first()
        )
        if loan is None:
            return None
        profile_url = ""
        if loan.mediator is not None and pool_permissions.can_read_profile(user, loan.mediator):
            profile_url = reverse("pool:profile", args=[loan.mediator.pk])
        request_url = reverse("pool:request", args=[loan.request_id])
        if not pool_permissions.can_read_request(user, loan.request):
            request_url = ""
        return {"source": source, "name": loan_label(loan), "url": profile_url, "request_url": request_url}
    if source == MediatorSource.EXTERNAL and case.external_mediator_id:
        external = (
            ExternalMediator.objects.select_related("contact_person").filter(pk=case.external_mediator_id).first()
        )
        if external is None:
            return None
        url = reverse("pool:external", args=[external.pk]) if pool_permissions.can_read_external(user, external) else ""
        contact = external.contact_person
        return {
            "source": source,
            "is_external": True,
            "name": f"{external.name} ({external.firm})" if external.firm else external.name,
            "url": url,
            "contact_person": (contact.get_full_name() or contact.email) if contact else "",
            "missing_contact": contact is None,
        }
    return None


def case_section(user, case) -> dict:
    """The context the case page's route and outcome sections need, in a fixed number of queries."""
    hours = list(Hours.objects.filter(case=case).order_by("pk"))
    context: dict = {
        "outcome_hours": hours,
        "outcome_hours_total": sum((row.hours for row in hours), Decimal("0")),
        "route_in_mediation": case.in_mediation,
    }
    if not case.in_mediation:
        return context
    reached = dict(StepRecord.objects.filter(case=case).values_list("step", "reached_on"))
    steps = [
        {
            "step": step,
            "label": RouteStep(step).label,
            "reached_on": reached.get(step),
            "current": step == case.route_step,
            "optional": step in OPTIONAL_STEPS,
        }
        for step in ROUTE_ORDER
    ]
    officials = list(Official.objects.filter(case=case).select_related("mandate_confirmed_by").order_by("pk"))
    problem = ""
    if case.is_open and RouteStep.MEETING not in reached:
        problem = mandate_problem(case)
    context.update(
        {
            "route_mediator": _mediator(user, case),
            "route_steps": steps,
            "route_officials": officials,
            "route_meetings": list(Meeting.objects.filter(case=case).order_by("held_on", "pk")),
            "route_mandate_problem": problem,
            "route_step_form": StepForm(reached=reached) if case.is_open else None,
            "route_steps_left": case.is_open and any(step not in reached for step in REACHABLE_STEPS),
        }
    )
    return context
