"""What "find a mediator", a profile and the coordinator's mediator screen show, in a fixed number of queries.

Who may see which mediator is `permissions`; this module only narrows those querysets down by the reader's
filters (inside the query: expertise as Exists subqueries) and gathers what the page prints in one go.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from pool import permissions
from pool.choices import FACET_CHOICES, Facet, NetworkMembershipStatus
from pool.forms.find import KIND_EXTERNAL, KIND_INTERNAL, KIND_POOL
from pool.models import Expertise, ExternalMediator, MediatorProfile, NetworkMembership

FILTER_FACETS = {"domain": Facet.DOMAIN, "conflict": Facet.CONFLICT, "language": Facet.LANGUAGE}


@dataclass
class Found:
    """One result of "find a mediator": a profile (internal or pool) or an external mediator."""

    kind: str  # KIND_INTERNAL, KIND_POOL or KIND_EXTERNAL
    mediator: MediatorProfile | ExternalMediator
    networks: list[str] = field(default_factory=list)

    @property
    def is_external(self) -> bool:
        return self.kind == KIND_EXTERNAL

    @property
    def is_pool(self) -> bool:
        return self.kind == KIND_POOL

    @property
    def name(self) -> str:
        return str(self.mediator)

    @property
    def expertise(self) -> list[tuple[str, list[str]]]:
        return describe_expertise(self.mediator.expertise.all())


def describe_expertise(rows) -> list[tuple[str, list[str]]]:
    """Expertise rows as (facet label, [value labels]) in the order of the vocabularies, for display."""
    chosen = defaultdict(set)
    for row in rows:
        chosen[row.facet].add(row.value)
    described = []
    for facet, vocabulary in FACET_CHOICES.items():
        labels = [label for value, label in vocabulary.choices if value in chosen[facet]]
        if labels:
            described.append((Facet(facet).label, labels))
    return described


def _narrowed(queryset, owner: str, filters: dict, today):
    for name, facet in FILTER_FACETS.items():
        if filters.get(name):
            rows = Expertise.objects.filter(**{owner: OuterRef("pk")}, facet=facet, value=filters[name])
            queryset = queryset.filter(Exists(rows))
    if filters.get("region"):
        queryset = queryset.filter(region__icontains=filters["region"])
    if filters.get("available") and owner == "profile":
        queryset = queryset.filter(Q(available_from__isnull=True) | Q(available_from__lte=today))
    return queryset


def find_mediators(user, filters: dict, today=None) -> list[Found]:
    """The mediators `user` may consider, filtered: their organisations' internal mediators, the pool mediators of
    the other organisations in their networks, and their organisations' external mediators — in that order.

    A pool mediator of one of the person's own organisations is never proposed (conflict of interest): the same
    colleague appears as an internal mediator when they are one.
    """
    today = today or timezone.localdate()
    kind = filters.get("kind")
    own = permissions.member_organisation_ids(user)
    if not own:
        return []
    found: list[Found] = []
    profiles = permissions.readable_profiles(user).select_related("user", "organisation").prefetch_related("expertise")
    order = ("user__last_name", "user__first_name", "pk")

    if kind in (None, "", KIND_INTERNAL):
        internal = profiles.filter(kind__in=permissions.INTERNAL_KINDS, organisation_id__in=own)
        internal = internal.filter(pk__in=permissions.current_profiles().values("pk"))
        for profile in _narrowed(internal, "profile", filters, today).order_by(*order):
            found.append(Found(KIND_INTERNAL, profile))

    if kind in (None, "", KIND_POOL):
        networks = permissions.network_ids(user)
        names = defaultdict(list)
        rows = NetworkMembership.objects.filter(network_id__in=networks, status=NetworkMembershipStatus.ACTIVE)
        for organisation_id, name in rows.order_by("network__name").values_list("organisation_id", "network__name"):
            names[organisation_id].append(name)
        lending = set(names) - own
        pool = (
            permissions.pool_profiles()
            .filter(organisation_id__in=lending, pk__in=profiles.values("pk"))
            .select_related("user", "organisation")
            .prefetch_related("expertise")
        )
        for profile in _narrowed(pool, "profile", filters, today).order_by(*order):
            found.append(Found(KIND_POOL, profile, networks=names[profile.organisation_id]))

    if kind in (None, "", KIND_EXTERNAL):
        externals = permissions.readable_externals(user).select_related("organisation").prefetch_related("expertise")
        for external in _narrowed(externals, "external", filters, today).order_by("name", "pk"):
            found.append(Found(KIND_EXTERNAL, external))
    return found


def profile_detail(profile: MediatorProfile, user, today=None) -> dict:
    """What the profile page shows besides the profile: its expertise and whether the reader sees contact details.

    Contact details are for colleagues of the same organisation and the mediator; a borrowing organisation gets
    them with an approved loan, on the request's page.
    """
    return {
        "today": today or timezone.localdate(),
        "expertise": describe_expertise(profile.expertise.all()),
        "show_contacts": profile.user_id == user.pk
        or profile.organisation_id in permissions.member_organisation_ids(user),
    }


def organisation_mediators(user, organisation) -> dict:
    """The coordinator's screen: the organisation's current mediator profiles and external mediators."""
    profiles = (
        permissions.readable_profiles(user)
        .filter(organisation=organisation, pk__in=permissions.current_profiles().values("pk"))
        .select_related("user")
        .prefetch_related("expertise")
        .order_by("user__last_name", "user__first_name", "pk")
    )
    externals = (
        permissions.readable_externals(user)
        .filter(organisation=organisation)
        .select_related("contact_person")
        .prefetch_related("expertise")
    )
    return {"profiles": profiles, "externals": externals}
