"""The network directory and a network's page, each in a fixed number of queries.

The directory lists every network to members (so that a coordinator can find one to join) with what is not
personal data: name, description, how many organisations take part and in which countries. A network's own page is
for those who may read it (`permissions.READ_NETWORK`); its view checks that before asking for the overview.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from accounts.models import Membership, Organisation, User
from pool import ledger, permissions
from pool.choices import NetworkMembershipStatus, RequestStatus
from pool.models import MediatorProfile, MediatorRequest, Network, NetworkMembership

OPEN_REQUEST_STATUSES = (RequestStatus.OPEN, RequestStatus.CHOSEN)


@dataclass(frozen=True)
class OrganisationState:
    """Where one of the person's coordinated organisations stands with a network."""

    organisation: Organisation
    membership: NetworkMembership | None

    @property
    def status(self) -> str:
        return self.membership.status if self.membership else ""

    @property
    def is_participating(self) -> bool:
        return self.status == NetworkMembershipStatus.ACTIVE

    @property
    def is_asked(self) -> bool:
        return self.status == NetworkMembershipStatus.REQUESTED

    @property
    def is_declined(self) -> bool:
        return self.status == NetworkMembershipStatus.DECLINED

    @property
    def may_ask(self) -> bool:
        """Not yet in, not waiting: never asked, declined before, or left."""
        return not (self.is_participating or self.is_asked)


@dataclass
class DirectoryEntry:
    network: Network
    organisation_count: int
    countries: list[str]
    readable: bool
    states: list[OrganisationState] = field(default_factory=list)


def directory(user) -> list[DirectoryEntry]:
    """Every network, with the state of each organisation the person coordinates. Four queries at most, plus the
    person's memberships (read once per request)."""
    active = Q(memberships__status=NetworkMembershipStatus.ACTIVE)
    networks = list(Network.objects.annotate(organisation_count=Count("memberships", filter=active)).order_by("name"))
    countries: dict[int, set[str]] = {}
    for network_id, country in (
        NetworkMembership.objects.filter(status=NetworkMembershipStatus.ACTIVE)
        .values_list("network_id", "organisation__country")
        .distinct()
    ):
        countries.setdefault(network_id, set()).add(country)
    coordinated_ids = permissions.coordinated_organisation_ids(user)
    organisations = list(Organisation.objects.filter(pk__in=coordinated_ids).order_by("name"))
    rows = {
        (row.network_id, row.organisation_id): row
        for row in NetworkMembership.objects.filter(organisation_id__in=coordinated_ids)
    }
    readable = permissions.network_ids(user) | permissions.coordinated_network_ids(user)
    labels = dict(Organisation.Country.choices)
    return [
        DirectoryEntry(
            network=network,
            organisation_count=network.organisation_count,
            countries=sorted(str(labels.get(code, code)) for code in countries.get(network.pk, ())),
            readable=network.pk in readable,
            states=[
                OrganisationState(organisation=organisation, membership=rows.get((network.pk, organisation.pk)))
                for organisation in organisations
            ],
        )
        for network in networks
    ]


@dataclass
class NetworkOverview:
    participants: list[NetworkMembership]
    coordinators: list[User]
    mediators: list[MediatorProfile]
    open_requests: list[MediatorRequest]
    pending: list[NetworkMembership]
    book: ledger.Ledger
    can_coordinate: bool
    can_ask: bool
    today: date


def network_overview(user, network: Network, *, today: date | None = None) -> NetworkOverview:
    """What the network page shows to someone who may read it: a fixed number of queries, however many
    organisations, mediators and requests the network has."""
    today = today or timezone.localdate()
    participants = list(
        NetworkMembership.objects.filter(network=network, status=NetworkMembershipStatus.ACTIVE)
        .select_related("organisation")
        .order_by("organisation__name")
    )
    organisation_ids = [row.organisation_id for row in participants]
    coordinators = list(
        network.coordinators.order_by("last_name", "first_name", "pk").prefetch_related(
            Prefetch(
                "memberships",
                queryset=Membership.objects.active().select_related("organisation").order_by("organisation__name"),
                to_attr="active_memberships",
            )
        )
    )
    mediators = list(
        permissions.pool_profiles()
        .filter(organisation_id__in=organisation_ids)
        .select_related("user", "organisation")
        .order_by("user__last_name", "user__first_name", "pk")
    )
    open_requests = list(
        MediatorRequest.objects.filter(network=network, status__in=OPEN_REQUEST_STATUSES)
        .select_related("organisation")
        .order_by("-created_at", "-pk")
    )
    coordinating = permissions.can_coordinate_network(user, network)
    pending = []
    if coordinating:
        pending = list(
            NetworkMembership.objects.filter(network=network, status=NetworkMembershipStatus.REQUESTED)
            .select_related("organisation", "requested_by")
            .order_by("requested_at", "pk")
        )
    return NetworkOverview(
        participants=participants,
        coordinators=coordinators,
        mediators=mediators,
        open_requests=open_requests,
        pending=pending,
        book=ledger.ledger(network, today.year),
        can_coordinate=coordinating,
        can_ask=permissions.can_ask(user, network),
        today=today,
    )
