"""The mediator pool's small world: a canary in every private corner of it, and one person in every role around it.

Two regional networks. Midden: Almere (borrows; its coordinator asked), Zeist (lends; its pool mediator took the
loan), Utrecht (just takes part); its network coordinator works for a province that takes part in no network.
Danmark: Aarhus and Odense, whose pool mediator Aarhus may borrow. Each canary's `readers` is the spec, by hand:
tests/pool/test_pool_visibility.py proves the permission rules answer exactly this, tests/trust/test_pool_leaks.py
that no page, search, feed, sitemap, notification or export shows a canary to anyone else.

Built with tests/factories.py (states the services would take several steps to reach), not through the services.
"""

from dataclasses import dataclass, field

from django.utils import timezone

from accounts.models import Organisation, User
from pool.choices import LendingConsent, MediatorKind, OfferStatus, RequestStatus
from pool.models import Loan
from tests import factories
from tests.trust.canaries import Canary

# --- roles --------------------------------------------------------------------------------------------------------

VISITOR = "visitor"
OTHER_NETWORK_MEMBER = "other_network_member"  # member of Aarhus, in the Danish network only
NETWORK_MEMBER = "network_member"  # member of Utrecht: in the network, neither asking nor lending
COLLEAGUE = "colleague"  # member of Almere, the asking organisation
COORDINATOR = "coordinator"  # Almere's coordinator: asked the network, chose the offer
LENDING_COORDINATOR = "lending_coordinator"  # Zeist's coordinator: confirmed the lending, approved the loan
NETWORK_COORDINATOR = "network_coordinator"  # coordinates Midden, works for an organisation in no network
POOL_MEDIATOR = "pool_mediator"  # Zeist's pool mediator, lent to Almere

ROLES = (
    VISITOR,
    OTHER_NETWORK_MEMBER,
    NETWORK_MEMBER,
    COLLEAGUE,
    COORDINATOR,
    LENDING_COORDINATOR,
    NETWORK_COORDINATOR,
    POOL_MEDIATOR,
)
# Everyone who reads the network Midden: the members of its organisations and its coordinator.
IN_NETWORK = frozenset(
    {NETWORK_MEMBER, COLLEAGUE, COORDINATOR, LENDING_COORDINATOR, NETWORK_COORDINATOR, POOL_MEDIATOR}
)
# The parties of the approved loan: only they see each other's contact details.
LOAN_PARTIES = frozenset({COORDINATOR, LENDING_COORDINATOR, POOL_MEDIATOR})
ALMERE = frozenset({COLLEAGUE, COORDINATOR})

CANARIES = {
    canary.name: canary
    for canary in (
        Canary("request_title", "giraffeklarinet", IN_NETWORK),
        Canary("request_description", "nijlpaardorgel", IN_NETWORK),
        Canary("mediator_name", "pelikaanzadel", IN_NETWORK),
        # Almere's internal mediator: for Almere only, never shown to the network.
        Canary("internal_name", "salamandertrommel", ALMERE),
        # Zeist offered a mediator to the pool; the coordinator has not confirmed yet: only they see it.
        Canary("pending_name", "kolibriescharnier", frozenset({LENDING_COORDINATOR})),
        # The Danish network's pool mediator (of Odense): nobody in Midden sees them.
        Canary("danish_mediator_name", "wombatkandelaar", frozenset({OTHER_NETWORK_MEMBER})),
        # The lent mediator's phone and e-mail address: exchanged only once the loan is approved.
        Canary("contacts", "stekelvarkenfluit", LOAN_PARTIES),
        Canary("external_name", "dromedarisluit", ALMERE),
        Canary("contract_notes", "meerkoetsextant", ALMERE),
        Canary("agreements", "tapirkroonluchter", IN_NETWORK),
    )
}


def words(name: str) -> str:
    """What the canary's text carries: its token and its finder (search is asked for one, inspected for the other)."""
    canary = CANARIES[name]
    return f"{canary.token} {canary.finder}"


@dataclass
class PoolWorld:
    users: dict[str, User | None] = field(default_factory=dict)
    objects: dict[str, object] = field(default_factory=dict)
    mails: dict[str, str] = field(default_factory=dict)

    def user(self, role):
        """A fresh copy from the database: permission helpers cache on the user object."""
        from django.contrib.auth.models import AnonymousUser

        account = self.users[role]
        return AnonymousUser() if account is None else User.objects.get(pk=account.pk)

    def __getitem__(self, name):
        return self.objects[name]


def _org(slug, name):
    return Organisation.objects.create(slug=slug, name=name)


def build_pool_world() -> PoolWorld:
    world = PoolWorld()
    users, objects = world.users, world.objects
    almere = _org("kanariepool-almere", "Gemeente Almere (pool)")
    zeist = _org("kanariepool-zeist", "Gemeente Zeist (pool)")
    utrecht = _org("kanariepool-utrecht", "Gemeente Utrecht (pool)")
    aarhus = _org("kanariepool-aarhus", "Aarhus Kommune (pool)")
    odense = _org("kanariepool-odense", "Odense Kommune (pool)")
    province = _org("kanariepool-provincie", "Provincie (pool)")
    users[VISITOR] = None
    users[OTHER_NETWORK_MEMBER] = factories.member("aarhus@kanariepool.example", organisation=aarhus)
    users[NETWORK_MEMBER] = factories.member("utrecht@kanariepool.example", organisation=utrecht)
    users[COLLEAGUE] = factories.member("collega@kanariepool.example", organisation=almere)
    users[COORDINATOR] = factories.coordinator("coordinator@kanariepool.example", organisation=almere)
    users[LENDING_COORDINATOR] = factories.coordinator("zeist-coordinator@kanariepool.example", organisation=zeist)
    users[NETWORK_COORDINATOR] = factories.member("netwerk@kanariepool.example", organisation=province)
    contacts = CANARIES["contacts"].token
    users[POOL_MEDIATOR] = factories.member(
        f"{contacts}@kanariepool.example",
        organisation=zeist,
        first_name="Mirjam",
        last_name=CANARIES["mediator_name"].token,
    )
    objects.update(almere=almere, zeist=zeist, utrecht=utrecht, aarhus=aarhus, odense=odense, province=province)

    midden = factories.network(
        "Kanarienetwerk Midden",
        organisations=[almere, zeist, utrecht],
        coordinators=[users[NETWORK_COORDINATOR]],
        agreements=f"Wij lenen elkaar bemiddelaars uit. {words('agreements')}",
    )
    denemarken = factories.network("Kanarienetwerk Danmark", organisations=[aarhus, odense])
    objects.update(network=midden, other_network=denemarken)

    def mediator_named(email, organisation, name, **fields):
        owner = factories.member(email, organisation=organisation, first_name="Kees", last_name=CANARIES[name].token)
        return factories.mediator(owner, organisation=organisation, **fields)

    objects["profile"] = factories.mediator(
        users[POOL_MEDIATOR],
        organisation=zeist,
        kind=MediatorKind.POOL,
        phone=f"+31 6 {contacts}",
        introduction="Ervaren in conflicten tussen werkgever en werknemer.",
        expertise=[("domain", "hr"), ("conflict", "employer_employee"), ("language", "nl")],
    )
    objects["internal_profile"] = mediator_named(
        "intern@kanariepool.example", almere, "internal_name", kind=MediatorKind.INTERNAL, consent="not_asked"
    )
    objects["pending_profile"] = mediator_named(
        "wacht@kanariepool.example", zeist, "pending_name", kind=MediatorKind.POOL, consent=LendingConsent.PENDING
    )
    objects["danish_profile"] = mediator_named("dansk@kanariepool.example", odense, "danish_mediator_name")
    objects["external"] = factories.external_mediator(
        almere,
        f"Bureau {words('external_name')}",
        contract_notes=f"Raamcontract tot eind volgend jaar. {words('contract_notes')}",
    )

    # An open request of Almere, and an earlier one Zeist's pool mediator took on an approved loan.
    objects["request"] = factories.mediator_request(
        midden,
        users[COORDINATOR],
        title=f"Bemiddelaar gezocht {words('request_title')}",
        description=f"Een team en zijn leidinggevende praten niet meer met elkaar. {words('request_description')}",
        conflict_kind="employer_employee",
        domain="hr",
    )
    loaned = factories.mediator_request(
        midden,
        users[COORDINATOR],
        status=RequestStatus.LOANED,
        title=f"Eerder verzoek {words('request_title')}",
        description=f"Een bezwaar over een vergunning. {words('request_description')}",
    )
    offer = factories.offer(loaned, objects["profile"], status=OfferStatus.APPROVED)
    objects.update(loaned_request=loaned, offer=offer)
    objects["loan"] = Loan.objects.create(
        request=loaned,
        offer=offer,
        mediator=objects["profile"],
        network=midden,
        lending_organisation=zeist,
        borrowing_organisation=almere,
        approved_by=users[LENDING_COORDINATOR],
        approved_at=timezone.now(),
    )
    return world
