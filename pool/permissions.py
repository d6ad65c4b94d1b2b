"""Who may see and do what in the pool: each rule once, as an object check and the queryset filter that agrees.

Mediator profiles are personal data of members, requests are the business of a network: nothing here admits a
visitor or someone without an active membership of a verified organisation, and platform administrators get no
front-end access beyond what their own memberships give them (they manage networks in the CMS).

The object checks work from three facts about the person, read once per request object: the organisations they
are an active member of, those they coordinate, and the networks those organisations take part in.
"""

from django.db.models import Exists, OuterRef, Q

from accounts.access import active_organisation_ids
from accounts.models import Membership, Organisation
from core.permissions import Rule
from pool.choices import LendingConsent, MediatorKind, NetworkMembershipStatus, OfferStatus, RequestStatus
from pool.models import (
    ConflictDeclaration,
    ExternalMediator,
    Loan,
    MediatorProfile,
    MediatorRequest,
    Network,
    NetworkMembership,
    Offer,
    Requester,
)

POOL_KINDS = (MediatorKind.POOL, MediatorKind.BOTH)
INTERNAL_KINDS = (MediatorKind.INTERNAL, MediatorKind.BOTH)


# --- facts about the person --------------------------------------------------------------------------------------


def _cached(user, key, compute):
    if key not in user.__dict__:
        user.__dict__[key] = compute()
    return user.__dict__[key]


def member_organisation_ids(user) -> frozenset[int]:
    return active_organisation_ids(user)


def coordinated_organisation_ids(user) -> frozenset[int]:
    if not user.is_authenticated:
        return frozenset()
    return _cached(
        user,
        "_pool_coordinated_orgs",
        lambda: frozenset(Membership.objects.coordinating(user).values_list("organisation_id", flat=True)),
    )


def network_ids(user) -> frozenset[int]:
    """Networks one of the person's organisations takes part in."""
    return _cached(
        user,
        "_pool_networks",
        lambda: frozenset(
            NetworkMembership.objects.filter(
                organisation_id__in=member_organisation_ids(user), status=NetworkMembershipStatus.ACTIVE
            ).values_list("network_id", flat=True)
        ),
    )


def coordinated_network_ids(user) -> frozenset[int]:
    """Networks the person coordinates, while they are a member of the platform."""
    if not member_organisation_ids(user):
        return frozenset()
    return _cached(
        user, "_pool_coordinated_networks", lambda: frozenset(user.coordinated_networks.values_list("pk", flat=True))
    )


def organisations_in_networks(ids) -> frozenset[int]:
    return frozenset(
        NetworkMembership.objects.filter(network_id__in=ids, status=NetworkMembershipStatus.ACTIVE).values_list(
            "organisation_id", flat=True
        )
    )


def _member_orgs_qs(user):
    return Membership.objects.active().filter(user=user).values("organisation")


def _active_network_rows(user):
    return NetworkMembership.objects.filter(
        organisation__in=_member_orgs_qs(user), status=NetworkMembershipStatus.ACTIVE
    )


# --- networks --------------------------------------------------------------------------------------------------


def can_read_network(user, network) -> bool:
    """Members of the participating organisations and the network's coordinators: its page, requests and ledger."""
    return network.pk in network_ids(user) or network.pk in coordinated_network_ids(user)


def readable_networks(user):
    if not user.is_authenticated or not member_organisation_ids(user):
        return Network.objects.none()
    return Network.objects.filter(
        Q(pk__in=_active_network_rows(user).values("network")) | Q(coordinators=user)
    ).distinct()


def can_coordinate_network(user, network) -> bool:
    """The network's coordinators: they admit organisations and edit the agreements."""
    return network.pk in coordinated_network_ids(user)


def coordinated_networks(user):
    if not user.is_authenticated or not member_organisation_ids(user):
        return Network.objects.none()
    return Network.objects.filter(coordinators=user)


def can_ask(user, network) -> bool:
    """Who may ask the network for a mediator: coordinators of a participating organisation, and members their
    organisation allows."""
    return bool(asking_organisation_ids(user, network))


def asking_organisation_ids(user, network) -> frozenset[int]:
    """The participating organisations on whose behalf the person may ask this network."""
    own = member_organisation_ids(user)
    if not own:
        return frozenset()
    allowed = coordinated_organisation_ids(user) | frozenset(
        Requester.objects.filter(user=user, organisation_id__in=own).values_list("organisation_id", flat=True)
    )
    return allowed & organisations_in_networks([network.pk])


def askable_networks(user):
    if not user.is_authenticated:
        return Network.objects.none()
    allowed = Q(organisation__in=Membership.objects.coordinating(user).values("organisation")) | Q(
        organisation__in=Requester.objects.filter(user=user, organisation__in=_member_orgs_qs(user)).values(
            "organisation"
        )
    )
    rows = NetworkMembership.objects.filter(allowed, status=NetworkMembershipStatus.ACTIVE)
    return Network.objects.filter(pk__in=rows.values("network"))


# --- mediator profiles -------------------------------------------------------------------------------------------


def _profile_is_current(profile) -> bool:
    return Membership.objects.active().filter(user_id=profile.user_id, organisation_id=profile.organisation_id).exists()


def can_read_profile(user, profile) -> bool:
    """The mediator; colleagues (internal mediators) and coordinators of their organisation; members of the
    organisations in a network with theirs, once the profile is in the pool. Never visitors: profiles are personal
    data."""
    if not user.is_authenticated:
        return False
    if profile.user_id == user.pk:
        return True
    if not _profile_is_current(profile):
        return False
    if profile.organisation_id in coordinated_organisation_ids(user):
        return True
    if profile.organisation_id in member_organisation_ids(user) and profile.kind in INTERNAL_KINDS:
        return True
    if profile.kind in POOL_KINDS and profile.lending_consent == LendingConsent.CONFIRMED:
        shared = network_ids(user) | coordinated_network_ids(user)
        return profile.organisation_id in organisations_in_networks(shared)
    return False


def current_profiles():
    """Profiles whose mediator is still an active member of the organisation they mediate for."""
    current = Membership.objects.active().filter(user=OuterRef("user"), organisation=OuterRef("organisation"))
    return MediatorProfile.objects.filter(Exists(current))


def pool_profiles():
    return current_profiles().filter(kind__in=POOL_KINDS, lending_consent=LendingConsent.CONFIRMED)


def readable_profiles(user):
    if not user.is_authenticated:
        return MediatorProfile.objects.none()
    shared = NetworkMembership.objects.filter(
        Q(network__in=_active_network_rows(user).values("network")) | Q(network__coordinators=user),
        status=NetworkMembershipStatus.ACTIVE,
    )
    if not member_organisation_ids(user):
        shared = shared.none()
    pool = Q(
        kind__in=POOL_KINDS,
        lending_consent=LendingConsent.CONFIRMED,
        organisation__in=shared.values("organisation"),
    )
    colleagues = Q(organisation__in=_member_orgs_qs(user), kind__in=INTERNAL_KINDS)
    coordinated = Q(organisation__in=Membership.objects.coordinating(user).values("organisation"))
    others = current_profiles().filter(pool | colleagues | coordinated)
    return MediatorProfile.objects.filter(Q(user=user) | Q(pk__in=others.values("pk")))


def can_confirm_lending(user, profile) -> bool:
    """The coordinators of the mediator's organisation confirm (or withdraw) that they may be lent out."""
    return profile.kind in POOL_KINDS and profile.organisation_id in coordinated_organisation_ids(user)


def confirmable_profiles(user):
    if not user.is_authenticated:
        return MediatorProfile.objects.none()
    return MediatorProfile.objects.filter(
        kind__in=POOL_KINDS, organisation__in=Membership.objects.coordinating(user).values("organisation")
    )


# --- external mediators ------------------------------------------------------------------------------------------


def can_read_external(user, external) -> bool:
    """Members of the organisation that works with them, contract notes included; nobody else."""
    return external.organisation_id in member_organisation_ids(user)


def readable_externals(user):
    if not user.is_authenticated:
        return ExternalMediator.objects.none()
    return ExternalMediator.objects.filter(organisation__in=_member_orgs_qs(user))


def can_edit_external(user, external) -> bool:
    return external.organisation_id in coordinated_organisation_ids(user)


def editable_externals(user):
    if not user.is_authenticated:
        return ExternalMediator.objects.none()
    return ExternalMediator.objects.filter(
        organisation__in=Membership.objects.coordinating(user).values("organisation")
    )


# --- requests, offers and loans ----------------------------------------------------------------------------------


def can_read_request(user, request) -> bool:
    """The requesting organisation's members, members of the organisations in the network, and the network's
    coordinators. Nobody outside the network."""
    return (
        request.organisation_id in member_organisation_ids(user)
        or request.network_id in network_ids(user)
        or request.network_id in coordinated_network_ids(user)
    )


def readable_requests(user):
    if not user.is_authenticated or not member_organisation_ids(user):
        return MediatorRequest.objects.none()
    return MediatorRequest.objects.filter(
        Q(organisation__in=_member_orgs_qs(user))
        | Q(network__in=_active_network_rows(user).values("network"))
        | Q(network__in=Network.objects.filter(coordinators=user).values("pk"))
    )


def can_manage_request(user, request) -> bool:
    """Who chose to ask may choose an offer and withdraw: the person who asked and their organisation's
    coordinators."""
    if request.organisation_id not in member_organisation_ids(user):
        return False
    return request.requested_by_id == user.pk or request.organisation_id in coordinated_organisation_ids(user)


def manageable_requests(user):
    if not user.is_authenticated:
        return MediatorRequest.objects.none()
    return MediatorRequest.objects.filter(organisation__in=_member_orgs_qs(user)).filter(
        Q(requested_by=user) | Q(organisation__in=Membership.objects.coordinating(user).values("organisation"))
    )


def own_pool_profile(user):
    """The person's profile when it is in the pool (offered, confirmed, still a member), else None."""
    if not user.is_authenticated:
        return None
    return _cached(user, "_pool_profile", lambda: pool_profiles().filter(user=user).first())


def can_offer(user, request) -> bool:
    """A pool mediator of another organisation in the network, on an open request, who has neither offered nor
    declared a conflict of interest. Never for a request of their own organisation."""
    profile = own_pool_profile(user)
    if profile is None or request.status != RequestStatus.OPEN:
        return False
    if profile.organisation_id == request.organisation_id:
        return False
    if profile.organisation_id not in organisations_in_networks([request.network_id]):
        return False
    taken = Offer.objects.filter(request=request, mediator=profile).exists()
    declared = ConflictDeclaration.objects.filter(request=request, mediator=profile).exists()
    return not taken and not declared


def offerable_requests(user):
    profile = own_pool_profile(user)
    if profile is None:
        return MediatorRequest.objects.none()
    networks = NetworkMembership.objects.filter(
        organisation_id=profile.organisation_id, status=NetworkMembershipStatus.ACTIVE
    ).values("network")
    return (
        MediatorRequest.objects.filter(status=RequestStatus.OPEN, network__in=networks)
        .exclude(organisation_id=profile.organisation_id)
        .exclude(offers__mediator=profile)
        .exclude(conflicts__mediator=profile)
    )


def can_approve(user, offer) -> bool:
    """The lending organisation's coordinators approve a chosen offer: only then does the loan start."""
    return offer.status == OfferStatus.CHOSEN and offer.organisation_id in coordinated_organisation_ids(user)


def approvable_offers(user):
    if not user.is_authenticated:
        return Offer.objects.none()
    return Offer.objects.filter(
        status=OfferStatus.CHOSEN, organisation__in=Membership.objects.coordinating(user).values("organisation")
    )


def can_see_contacts(user, loan) -> bool:
    """Contact details are exchanged only once a loan is approved, and only between its parties: the mediator, the
    person who asked, and the coordinators of both organisations."""
    if not member_organisation_ids(user):
        return False
    if loan.mediator_id and loan.mediator.user_id == user.pk:
        return True
    if loan.request.requested_by_id == user.pk and loan.borrowing_organisation_id in member_organisation_ids(user):
        return True
    coordinated = coordinated_organisation_ids(user)
    return loan.lending_organisation_id in coordinated or loan.borrowing_organisation_id in coordinated


def contact_loans(user):
    if not user.is_authenticated or not member_organisation_ids(user):
        return Loan.objects.none()
    coordinated = Membership.objects.coordinating(user).values("organisation")
    return Loan.objects.filter(
        Q(mediator__user=user)
        | Q(request__requested_by=user, borrowing_organisation__in=_member_orgs_qs(user))
        | Q(lending_organisation__in=coordinated)
        | Q(borrowing_organisation__in=coordinated)
    )


def can_record_hours(user, loan) -> bool:
    """The mediator records the hours after the case; their coordinator may do it for someone who left."""
    if not member_organisation_ids(user):
        return False
    if loan.mediator_id and loan.mediator.user_id == user.pk:
        return True
    return loan.lending_organisation_id in coordinated_organisation_ids(user)


def recordable_loans(user):
    if not user.is_authenticated or not member_organisation_ids(user):
        return Loan.objects.none()
    return Loan.objects.filter(
        Q(mediator__user=user)
        | Q(lending_organisation__in=Membership.objects.coordinating(user).values("organisation"))
    )


def requestable_organisations(user):
    """Organisations on whose behalf the person may ask any network (for the request form's choice)."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    coordinated = Membership.objects.coordinating(user).values("organisation")
    allowed = Requester.objects.filter(user=user, organisation__in=_member_orgs_qs(user)).values("organisation")
    return Organisation.objects.filter(Q(pk__in=coordinated) | Q(pk__in=allowed))


READ_NETWORK = Rule(Network, can_read_network, readable_networks)
COORDINATE_NETWORK = Rule(Network, can_coordinate_network, coordinated_networks)
ASK = Rule(Network, can_ask, askable_networks)
READ_PROFILE = Rule(MediatorProfile, can_read_profile, readable_profiles)
CONFIRM_LENDING = Rule(MediatorProfile, can_confirm_lending, confirmable_profiles)
READ_EXTERNAL = Rule(ExternalMediator, can_read_external, readable_externals)
EDIT_EXTERNAL = Rule(ExternalMediator, can_edit_external, editable_externals)
READ_REQUEST = Rule(MediatorRequest, can_read_request, readable_requests)
MANAGE_REQUEST = Rule(MediatorRequest, can_manage_request, manageable_requests)
OFFER = Rule(MediatorRequest, can_offer, offerable_requests)
APPROVE = Rule(Offer, can_approve, approvable_offers)
SEE_CONTACTS = Rule(Loan, can_see_contacts, contact_loans)
RECORD_HOURS = Rule(Loan, can_record_hours, recordable_loans)
