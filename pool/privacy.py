"""GDPR for the pool: a mediator's profile, the requests they asked, their offers and the loans they worked on.

On erasure the profile goes with the account (CASCADE), and with it its expertise, offers and conflict
declarations. What the networks rely on stays without the person: a loan keeps its organisations and hours
(mediator and offer SET_NULL), a request keeps its anonymised text with `requested_by` empty. A request waiting for
the approval of this mediator's chosen offer opens again first, so the requester can choose someone else.
"""

from accounts.privacy import register_erasure, register_export
from pool.models import Loan, MediatorProfile, MediatorRequest, Offer
from pool.services.profiles import release_chosen_requests


def export_profile(user) -> dict | None:
    profile = (
        MediatorProfile.objects.filter(user=user).select_related("organisation").prefetch_related("expertise").first()
    )
    if profile is None:
        return None
    return {
        "organisation": profile.organisation.name,
        "kind": profile.kind,
        "region": profile.region,
        "register_number": profile.register_number,
        "registrations": profile.registrations,
        "phone": profile.phone,
        "capacity_per_quarter": profile.capacity_per_quarter,
        "available_from": profile.available_from,
        "introduction": profile.introduction,
        "lending_consent": profile.lending_consent,
        "consent_decided_at": profile.consent_decided_at,
        "expertise": [
            {"facet": row.facet, "value": row.value}
            for row in sorted(profile.expertise.all(), key=lambda row: (row.facet, row.value))
        ],
        "created_at": profile.created_at,
        "updated_at": profile.updated_at,
    }


def export_requests(user) -> list[dict]:
    requests = MediatorRequest.objects.filter(requested_by=user).select_related("network", "organisation")
    return [
        {
            "title": request.title,
            "network": request.network.name,
            "organisation": request.organisation.name,
            "status": request.status,
            "conflict_kind": request.conflict_kind,
            "domain": request.domain,
            "language": request.language,
            "urgency": request.urgency,
            "period_start": request.period_start,
            "period_end": request.period_end,
            "description": request.description,
            "created_at": request.created_at,
            "closed_at": request.closed_at,
            "close_reason": request.close_reason,
        }
        for request in requests.order_by("created_at", "pk")
    ]


def export_offers(user) -> list[dict]:
    offers = Offer.objects.filter(mediator__user=user).select_related("request")
    return [
        {
            "request": offer.request.title,
            "status": offer.status,
            "message": offer.message,
            "created_at": offer.created_at,
            "decided_at": offer.decided_at,
            "reason": offer.reason,
        }
        for offer in offers.order_by("created_at", "pk")
    ]


def export_loans(user) -> list[dict]:
    loans = Loan.objects.filter(mediator__user=user).select_related(
        "request", "network", "lending_organisation", "borrowing_organisation"
    )
    return [
        {
            "request": loan.request.title,
            "network": loan.network.name,
            "lending_organisation": loan.lending_organisation.name,
            "borrowing_organisation": loan.borrowing_organisation.name,
            "approved_at": loan.approved_at,
            "hours": loan.hours,
            "completed_on": loan.completed_on,
            "hours_recorded_at": loan.hours_recorded_at,
        }
        for loan in loans.order_by("approved_at", "pk")
    ]


def reopen_waiting_requests(user) -> None:
    profile = MediatorProfile.objects.filter(user=user).first()
    if profile is not None:
        release_chosen_requests(profile)


register_export("mediator_profile", export_profile)
register_export("mediator_requests", export_requests)
register_export("mediator_offers", export_offers)
register_export("mediator_loans", export_loans)
register_erasure(reopen_waiting_requests)
