"""The case register's small world: a canary in every free-text field of one case, and a person in every role around it.

Two organisations, Almere-like and Zeist-like. Almere's case (closed with an agreement, after a mediation, so every
section of the case page has something to show) carries a canary in its reference, summary, the description of a
person involved, a contact's summary and next step, the informal approach's agreements, actions and what remains, an
official's mandate and the short record. Only two people may read it: its handler and Almere's coordinator.
Everyone else around it is here: a visitor, an account that never verified its address, a member still waiting for
approval, a member who was assigned to the case and whose membership ended, an active colleague who is not assigned,
the handler of another Almere case, Zeist's coordinator and the platform administrator (superuser, no membership).

Rows are created directly with the models (the register's services are not needed to put text in a field); the
assignments that tell someone are made through the register's service when it exists, so the notifications and mails
of an assignment are part of the world (tests/trust/test_case_leaks.py).
"""

import datetime
from dataclasses import dataclass, field

from django.core import mail
from django.test import TestCase

from accounts.models import Membership, Organisation, User
from cases.choices import (
    AssignmentRole,
    CaseStatus,
    Channel,
    EventAction,
    HoursRole,
    MediatorSource,
    MeetingKind,
    ObjectionResult,
    Outcome,
    PartyRole,
    RouteStep,
)
from cases.models import (
    Assignment,
    Case,
    CaseEvent,
    ChecklistItem,
    Contact,
    Hours,
    InformalApproach,
    Meeting,
    Official,
    Party,
    StepRecord,
)
from cases.services.register import assign
from tests import factories
from tests.trust.canaries import ENDED_MEMBERSHIP, Canary, make_user

# --- roles --------------------------------------------------------------------------------------------------------

VISITOR = "visitor"
UNVERIFIED = "unverified"  # signed up with Almere's domain, never verified the address
PENDING = "pending"  # verified, membership of Almere waiting for the coordinator
REMOVED = "removed"  # was assigned to the case; their membership of Almere ended since
COLLEAGUE = "colleague"  # active member of Almere, not assigned
OTHER_HANDLER = "other_handler"  # active member of Almere, handler of another Almere case
OTHER_COORDINATOR = "other_coordinator"  # Zeist's coordinator
PLATFORM_ADMIN = "platform_admin"  # superuser and staff, no membership: the CMS, never the register
HANDLER = "handler"  # the case's handler
COORDINATOR = "coordinator"  # Almere's coordinator

OUTSIDERS = (VISITOR, UNVERIFIED, PENDING, REMOVED, COLLEAGUE, OTHER_HANDLER, OTHER_COORDINATOR, PLATFORM_ADMIN)
READERS = frozenset({HANDLER, COORDINATOR})
ROLES = (*OUTSIDERS, *sorted(READERS))

CANARIES = {
    canary.name: canary
    for canary in (
        Canary("reference", "boomkikkerharp", READERS),
        Canary("summary", "zeekoeitamboerijn", READERS),
        Canary("party", "koalaschommel", READERS),
        Canary("contact_summary", "gordeldierkoepel", READERS),
        Canary("next_step", "alpacatrompet", READERS),
        Canary("agreements", "ijsbeerlantaarn", READERS),
        Canary("actions", "kwallenorgelpijp", READERS),
        Canary("remaining", "oehoekandelaber", READERS),
        Canary("mandate", "leguaanfagot", READERS),
        Canary("record", "pandaxylofoon", READERS),
    )
}


# In every canary: one search for it reaches every field at once (what keeps the matrix fast).
SHARED = "kanariezaakgedeeld"


def words(name: str) -> str:
    """What the field carries: the canary's token, its finder (search is asked for one, inspected for the other) and
    the word every case canary shares."""
    canary = CANARIES[name]
    return f"{canary.token} {canary.finder} {SHARED}"


@dataclass
class CaseWorld:
    users: dict[str, User | None] = field(default_factory=dict)
    objects: dict[str, object] = field(default_factory=dict)
    # Every mail sent while the world was built, by recipient role: subject and body.
    mails: dict[str, str] = field(default_factory=dict)

    def user(self, role):
        """A fresh copy from the database: permission helpers cache on the user object."""
        from django.contrib.auth.models import AnonymousUser

        account = self.users[role]
        return AnonymousUser() if account is None else User.objects.get(pk=account.pk)

    def __getitem__(self, name):
        return self.objects[name]


def _assign(case, user, role, by):
    """Through the register's service, which tells the person assigned: the notification and mail are surfaces."""
    return assign(case.pk, user, role, by)


def build_case_world() -> CaseWorld:
    world = CaseWorld()
    mail.outbox = []
    with TestCase.captureOnCommitCallbacks(execute=True):
        _build(world)
    addresses = {account.email: role for role, account in world.users.items() if account is not None}
    for message in mail.outbox:
        for recipient in message.recipients():
            role = addresses.get(recipient)
            if role is not None:
                bodies = [message.subject, message.body]
                bodies += [content for content, _type in getattr(message, "alternatives", [])]
                world.mails[role] = world.mails.get(role, "") + "\n".join(map(str, bodies))
    mail.outbox = []
    # Last: the member who was assigned leaves the organisation.
    Membership.objects.filter(user=world.users[REMOVED]).update(status=ENDED_MEMBERSHIP)
    return world


def _build(world: CaseWorld) -> None:
    users, objects = world.users, world.objects
    almere = Organisation.objects.create(slug="kanariezaak-almere", name="Gemeente Almere (zaken)")
    zeist = Organisation.objects.create(slug="kanariezaak-zeist", name="Gemeente Zeist (zaken)")
    objects.update(almere=almere, zeist=zeist)
    users[VISITOR] = None
    users[UNVERIFIED] = make_user(
        "onbevestigd@kanariezaak.example", organisation=almere, status="pending", verified=False
    )
    users[PENDING] = make_user("wachtend@kanariezaak.example", organisation=almere, status=Membership.Status.PENDING)
    users[REMOVED] = make_user("vertrokken@kanariezaak.example", organisation=almere)
    users[COLLEAGUE] = make_user("collega@kanariezaak.example", organisation=almere)
    users[OTHER_HANDLER] = make_user("andere-behandelaar@kanariezaak.example", organisation=almere)
    users[OTHER_COORDINATOR] = make_user("coordinator-zeist@kanariezaak.example", organisation=zeist)
    users[PLATFORM_ADMIN] = factories.superuser("beheer@kanariezaak.example")
    users[HANDLER] = make_user("behandelaar@kanariezaak.example", organisation=almere)
    users[COORDINATOR] = make_user("coordinator@kanariezaak.example", organisation=almere)
    Membership.objects.filter(user__in=(users[COORDINATOR], users[OTHER_COORDINATOR])).update(
        role=Membership.Role.COORDINATOR
    )
    coordinator = users[COORDINATOR]

    received = datetime.date(2026, 3, 2)
    case = Case.objects.create(
        organisation=almere,
        reference=f"BZ {words('reference')}",
        kind="objection",
        policy_domain="public_space",
        origin="hearing_referral",
        received_on=received,
        summary=f"Bezwaar tegen een last onder dwangsom voor een terras. {words('summary')}",
        created_by=users[HANDLER],
    )
    objects["case"] = case
    CaseEvent.objects.create(case=case, organisation=almere, actor=users[HANDLER], action=EventAction.CREATED)
    objects["handler_assignment"] = _assign(case, users[HANDLER], AssignmentRole.HANDLER, coordinator)
    # Assigned while a member (directly: no mail to someone who is about to leave), membership ended at the end.
    Assignment.objects.create(case=case, user=users[REMOVED], role=AssignmentRole.COLLEAGUE, assigned_by=coordinator)
    objects["party"] = Party.objects.create(
        case=case, role=PartyRole.BUSINESS, description=f"ondernemer met het terras {words('party')}"
    )
    objects["contact"] = Contact.objects.create(
        case=case,
        happened_on=received + datetime.timedelta(days=3),
        channel=Channel.PHONE,
        with_role=PartyRole.BUSINESS,
        summary=f"Gebeld over het bezwaar. {words('contact_summary')}",
        next_step=f"Intake plannen {words('next_step')}",
        recorded_by=users[HANDLER],
    )
    objects["informal"] = InformalApproach.objects.create(
        case=case,
        called_on=received + datetime.timedelta(days=10),
        agreements=f"Het terras blijft als de doorgang vrij is. {words('agreements')}",
        actions=f"Behandelaar: brief sturen. {words('actions')}",
        result=ObjectionResult.PARTLY_WITHDRAWN,
        remaining=f"Het bezwaar tegen de dwangsom blijft. {words('remaining')}",
        recorded_by=users[HANDLER],
    )
    objects["item"] = ChecklistItem.objects.create(case=case, position=1, step_title="Intake", text="Partijen gebeld")
    objects["official"] = Official.objects.create(
        case=case,
        role=PartyRole.TEAM_LEADER,
        mandate=f"Mag de dwangsom intrekken. {words('mandate')}",
        mandate_confirmed_on=received + datetime.timedelta(days=20),
        mandate_confirmed_by=users[HANDLER],
    )
    started = received + datetime.timedelta(days=14)
    for number, step in enumerate(RouteStep):
        StepRecord.objects.create(case=case, step=step, reached_on=started + datetime.timedelta(days=5 * number))
    Meeting.objects.create(
        case=case, kind=MeetingKind.PRE_MEETING, held_on=started + datetime.timedelta(days=15), with_role="business"
    )
    Meeting.objects.create(
        case=case,
        kind=MeetingKind.MEDIATION,
        held_on=started + datetime.timedelta(days=20),
        duration_minutes=120,
        supporter_present=True,
    )
    Hours.objects.create(case=case, role=HoursRole.MEDIATOR, hours=4)
    Case.objects.filter(pk=case.pk).update(
        mediation_started_on=started,
        mediator_source=MediatorSource.EXTERNAL,
        route_step=RouteStep.OUTCOME,
        status=CaseStatus.CLOSED,
        closed_on=started + datetime.timedelta(days=25),
        outcome=Outcome.AGREEMENT,
        agreement_written=True,
        record_agreed=True,
        record=f"Afspraak gemaakt over de doorgang. {words('record')}",
    )
    case.refresh_from_db()

    # Another Almere case, of another handler, and a case of Zeist: neither carries a canary.
    other = factories.case(almere, reference="BZ-ANDER-1")
    objects["other_case"] = other
    _assign(other, users[OTHER_HANDLER], AssignmentRole.HANDLER, coordinator)
    objects["zeist_case"] = factories.case(zeist, handler=users[OTHER_COORDINATOR], reference="KL-ZEIST-1")
    # A public forum group with a thread, so the feeds have something to show.
    group = factories.forum_group("kanariezaak-open", visibility="public")
    factories.forum_thread(group, users[COLLEAGUE], title="Een open vraag", body="Wie weet raad?")
    objects["public_group"] = group
