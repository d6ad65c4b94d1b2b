"""What the pool notifies about: new requests (to the network's pool mediators), offers (to the requesting side),
choices, approvals and refusals (to the mediator and the lending coordinators, to the requester).

Every notification is checked again when it is shown or mailed (`can_view`): a mediator whose organisation left
the network, or who left their organisation, no longer hears about its requests. Titles and excerpts are rendered
from the current request or offer and never carry contact details: those are only on the request page, for the
parties of an approved loan.
"""

import uuid

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.models import Membership
from notifications.fanout import record
from notifications.kinds import Kind
from notifications.registry import register_kind_audience, register_target
from notifications.services import notify
from pool import permissions
from pool.choices import NetworkMembershipStatus, OfferStatus
from pool.models import MediatorProfile, MediatorRequest, NetworkMembership, Offer

# --- who hears of what ---------------------------------------------------------------------------------------------


def _coordinators(organisation_id):
    rows = Membership.objects.acting_coordinators(organisation_id)
    return get_user_model().objects.filter(pk__in=rows.values("user"))


def request_audience(mediator_request):
    """Pool mediators of the other participating organisations who have not declared a conflict of interest."""
    organisations = permissions.organisations_in_networks([mediator_request.network_id])
    return (
        permissions.pool_profiles()
        .filter(organisation_id__in=organisations)
        .exclude(organisation_id=mediator_request.organisation_id)
        .exclude(conflicts__request=mediator_request)
        .select_related("user")
        .order_by("pk")
    )


def notify_pool_mediators(request_id: int) -> int:
    """Record the "new request" notification for each mediator who may offer; returns how many were told by this call.

    Runs in a task. A request is announced once, so its event is derived from it: a task run again (its worker died)
    or queued twice tells nobody twice.
    """
    mediator_request = MediatorRequest.objects.filter(pk=request_id).select_related("requested_by").first()
    if mediator_request is None or not mediator_request.is_open:
        return 0
    audience = request_audience(mediator_request).values_list("user_id", flat=True)
    event = uuid.uuid5(uuid.NAMESPACE_URL, f"pool.request.{request_id}")
    recorded = record(audience, Kind.POOL_REQUEST, mediator_request, event=event, actor=mediator_request.requested_by)
    return len(recorded)


def tell_requesters(offer, *, actor) -> None:
    """News about an offer for the requesting side: the person who asked and their organisation's coordinators."""
    request = offer.request
    recipients = {user.pk: user for user in _coordinators(request.organisation_id)}
    if request.requested_by is not None:
        recipients.setdefault(request.requested_by_id, request.requested_by)
    notify(recipients.values(), Kind.POOL_OFFER, offer, actor=actor)


def tell_lenders(offer, *, actor) -> None:
    """The offer was chosen: the mediator learns it, and the lending organisation's coordinators must approve."""
    notify(offer.mediator.user, Kind.POOL_DECISION, offer, actor=actor)
    coordinators = _coordinators(offer.organisation_id).exclude(pk=offer.mediator.user_id)
    notify(coordinators, Kind.POOL_OFFER, offer, actor=actor)


def tell_parties(offer, *, actor) -> None:
    """The loan was approved or refused: the mediator and the person who asked hear of it."""
    notify([offer.mediator.user, offer.request.requested_by], Kind.POOL_DECISION, offer, actor=actor)


def tell_mediator(offer, *, actor) -> None:
    """The offer was closed by someone else's decision (another was chosen, the request was withdrawn)."""
    notify(offer.mediator.user, Kind.POOL_DECISION, offer, actor=actor)


def tell_network_coordinators(row, *, actor) -> None:
    """An organisation asked to join: the network's coordinators decide."""
    notify(row.network.coordinators.all(), Kind.POOL_NETWORK, row, actor=actor)


def tell_joining_organisation(row, *, actor) -> None:
    """The network decided: the coordinators of the organisation that asked read the answer."""
    notify(_coordinators(row.organisation_id), Kind.POOL_NETWORK, row, actor=actor)


# --- what a notification shows -------------------------------------------------------------------------------------


def request_excerpt(mediator_request) -> str:
    """What the request is about, from its choices only: never its free text, never a contact detail."""
    return " · ".join(
        [
            str(mediator_request.get_conflict_kind_display()),
            str(mediator_request.get_domain_display()),
            str(mediator_request.get_urgency_display()),
        ]
    )


def offer_excerpt(offer) -> str:
    organisation = offer.organisation.name
    texts = {
        OfferStatus.OPEN: _("A mediator of %(organisation)s offers to take this request.")
        % {"organisation": organisation},
        OfferStatus.CHOSEN: _(
            "The offer of a mediator of %(organisation)s was chosen. The loan waits for approval by a coordinator of "
            "%(organisation)s."
        )
        % {"organisation": organisation},
        OfferStatus.APPROVED: _("The loan is approved. The contact details are on the request page."),
        OfferStatus.REFUSED: _("The loan was not approved. The requester can choose another offer."),
        OfferStatus.DECLINED: _("The offer was not taken up; the reason is on the request page."),
        OfferStatus.WITHDRAWN: _("The offer was withdrawn."),
    }
    return str(texts.get(offer.status, ""))


def offer_can_view(user, offer) -> bool:
    """The offer's parties, while they may read its request: the requesting side, the mediator, and the lending
    organisation's coordinators."""
    request = offer.request
    if not permissions.can_read_request(user, request):
        return False
    return (
        permissions.can_manage_request(user, request)
        or offer.mediator.user_id == user.pk
        or offer.organisation_id in permissions.coordinated_organisation_ids(user)
    )


def offer_visible(user):
    if not user.is_authenticated:
        return Offer.objects.none()
    coordinated = Membership.objects.coordinating(user).values("organisation")
    return Offer.objects.filter(request__in=permissions.readable_requests(user)).filter(
        Q(request__in=permissions.manageable_requests(user)) | Q(mediator__user=user) | Q(organisation__in=coordinated)
    )


def network_membership_excerpt(row) -> str:
    names = {"organisation": row.organisation.name, "network": row.network.name}
    if row.status == NetworkMembershipStatus.REQUESTED:
        return _("%(organisation)s asks to take part in %(network)s.") % names
    if row.status == NetworkMembershipStatus.ACTIVE:
        return _("%(organisation)s now takes part in %(network)s.") % names
    if row.status == NetworkMembershipStatus.DECLINED:
        return _("%(network)s declined the request of %(organisation)s: %(reason)s") % {**names, "reason": row.reason}
    return ""


def network_membership_url(row) -> str:
    # Network coordinators decide on the network page; the organisation that asked follows its state in the
    # directory (the network page is for participants only).
    if row.status == NetworkMembershipStatus.REQUESTED:
        return row.network.get_absolute_url()
    return reverse("pool:networks")


def network_membership_can_view(user, row) -> bool:
    """The network's coordinators, and the coordinators of the organisation that asked."""
    return permissions.can_coordinate_network(
        user, row.network
    ) or row.organisation_id in permissions.coordinated_organisation_ids(user)


def network_membership_visible(user):
    if not user.is_authenticated:
        return NetworkMembership.objects.none()
    return NetworkMembership.objects.filter(
        Q(network__in=permissions.coordinated_networks(user))
        | Q(organisation__in=Membership.objects.coordinating(user).values("organisation"))
    )


# --- who gets to choose these settings ----------------------------------------------------------------------------


def receives_requests(user) -> bool:
    return permissions.own_pool_profile(user) is not None


def receives_offers(user) -> bool:
    return permissions.requestable_organisations(user).exists()


def receives_decisions(user) -> bool:
    if not permissions.member_organisation_ids(user):
        return False
    return MediatorProfile.objects.filter(user=user).exists() or receives_offers(user)


def receives_network_news(user) -> bool:
    return bool(permissions.coordinated_organisation_ids(user) or permissions.coordinated_network_ids(user))


def register():
    register_target(
        MediatorRequest,
        can_view=permissions.can_read_request,
        url=lambda mediator_request: mediator_request.get_absolute_url(),
        title=lambda mediator_request: mediator_request.title,
        excerpt=request_excerpt,
        visible=permissions.readable_requests,
    )
    register_target(
        Offer,
        can_view=offer_can_view,
        url=lambda offer: offer.request.get_absolute_url(),
        title=lambda offer: offer.request.title,
        excerpt=offer_excerpt,
        visible=offer_visible,
    )
    register_kind_audience(Kind.POOL_REQUEST, receives_requests)
    register_kind_audience(Kind.POOL_OFFER, receives_offers)
    register_target(
        NetworkMembership,
        can_view=network_membership_can_view,
        url=network_membership_url,
        title=lambda row: f"{row.organisation.name} · {row.network.name}",
        excerpt=network_membership_excerpt,
        visible=network_membership_visible,
    )
    register_kind_audience(Kind.POOL_DECISION, receives_decisions)
    register_kind_audience(Kind.POOL_NETWORK, receives_network_news)
