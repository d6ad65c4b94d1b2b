"""What the pool's start page shows a member: their profile, what they may ask, offer, approve and record.

Each list is cut at `INDEX_LIMIT` and read in one query, so the page costs the same however busy the pool is.
"""

from django.db.models import Count, Q

from pool import permissions
from pool.choices import LendingConsent, OfferStatus, RequestStatus
from pool.models import MediatorProfile, MediatorRequest

ACTIVE_OFFER_STATUSES = (OfferStatus.OPEN, OfferStatus.CHOSEN, OfferStatus.APPROVED)
INDEX_LIMIT = 50


def start_page(user) -> dict:
    member_orgs = permissions.member_organisation_ids(user)
    own_requests = (
        MediatorRequest.objects.filter(organisation_id__in=member_orgs)
        .select_related("network", "organisation")
        .annotate(offer_count=Count("offers", filter=Q(offers__status__in=ACTIVE_OFFER_STATUSES)))
        .order_by("-created_at", "-pk")[:INDEX_LIMIT]
    )
    return {
        "profile": MediatorProfile.objects.filter(user=user).first(),
        "askable_networks": list(permissions.askable_networks(user).order_by("name")),
        "offerable": list(
            permissions.offerable_requests(user)
            .select_related("network", "organisation")
            .order_by("-created_at", "-pk")[:INDEX_LIMIT]
        ),
        "own_requests": list(own_requests),
        "approvable": list(
            permissions.approvable_offers(user)
            .select_related("request__organisation", "mediator__user", "organisation")
            .order_by("committed_at", "pk")[:INDEX_LIMIT]
        ),
        "consent_waiting": list(
            permissions.confirmable_profiles(user)
            .filter(lending_consent=LendingConsent.PENDING, pk__in=permissions.current_profiles().values("pk"))
            .select_related("user", "organisation")
            .order_by("organisation__name", "created_at")[:INDEX_LIMIT]
        ),
        "hours_due": list(
            permissions.recordable_loans(user)
            .filter(hours__isnull=True, request__status=RequestStatus.LOANED)
            .select_related("request", "borrowing_organisation")
            .order_by("approved_at", "pk")[:INDEX_LIMIT]
        ),
    }
