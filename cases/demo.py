"""Demo content for the case register (run by `manage.py demo_content`, after the pool's demo).

What it shows: Almere's objection handler with an objection settled in part (two logged calls and an informal approach
in which the citizen withdraws part of the objection) and an objection the objections committee referred to
mediation (an internal mediator, a team leader at the table with a confirmed mandate, two pre-meetings, the mediation
meeting with a supporter, closed with an agreement and seven hours); an open complaint in Zeist; and in Danish a case
of Københavns Kommune following the Borgerrådgiver's process (the citizen asked, the administration was asked, a
formøde with each party, a meeting of an hour and a half with a bisidder, no record because the parties wanted none).

Rows are written directly (not through the register's services), in the states those services leave them in: the
people who work on a case are assigned to it, the route's steps are recorded in order, a mandate is confirmed before
the meeting step, and each case's log starts with its registration. Dates are relative to today. Idempotent: people
are updated in place by e-mail; a case that already exists (same organisation and reference) is left alone, whatever
the demo users did with it since. Texts are in `demo_texts.py`.
"""

from datetime import datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from accounts.demo import DEMO_PASSWORD, demo_person
from accounts.models import Organisation, User
from cases import demo_texts as texts
from cases.audit import record
from cases.choices import (
    AssignmentRole,
    CaseKind,
    CaseStatus,
    Domain,
    EventAction,
    HoursRole,
    MediatorSource,
    MeetingKind,
    ObjectionResult,
    Origin,
    Outcome,
    PartyRole,
)
from cases.models import (
    Assignment,
    Case,
    Contact,
    Hours,
    InformalApproach,
    Meeting,
    Official,
    Party,
    StepRecord,
)
from core.demo import register
from pool.models import MediatorProfile

# email, first name, last name, language, organisation slug, label in the printed log-ins
PEOPLE = [
    ("behandelaar@almere.example", "Sanne", "Visser", "nl", "almere", "objection handler Almere (case register)"),
    ("sagsbehandler@kk.example", "Sofie", "Holm", "da", "koebenhavn", "case handler København (case register, da)"),
]

HANDLER_ALMERE = "behandelaar@almere.example"
MEDIATOR_ALMERE = "f.elamrani@almere.example"  # Almere's internal mediator (pool/demo.py)
COORDINATOR_ZEIST = "coordinator@zeist.example"  # from pool/demo.py
HANDLER_KOEBENHAVN = "sagsbehandler@kk.example"
MEDIATOR_KOEBENHAVN = "j.norgaard@kk.example"  # mediator of the Borgerrådgiver's scheme (pool/demo.py)


def _new_case(org_slug, text, handler, created, **fields):
    """The case with its people involved, its handler assigned and its registration logged; None if it exists."""
    organisation = Organisation.objects.get(slug=org_slug)
    if Case.objects.filter(organisation=organisation, reference=text["reference"]).exists():
        return None
    case = Case.objects.create(
        organisation=organisation,
        reference=text["reference"],
        summary=text["summary"],
        created_by=handler,
        **fields,
    )
    Case.objects.filter(pk=case.pk).update(created_at=created)
    Assignment.objects.create(case=case, user=handler, role=AssignmentRole.HANDLER, assigned_at=created)
    record(case, handler, EventAction.CREATED, at=created)
    for role, description in text["parties"]:
        Party.objects.create(case=case, role=role, description=description)
    return case


def _contacts(case, text, handler, first_day, every=7):
    for number, (channel, with_role, summary, next_step) in enumerate(text["contacts"]):
        day = first_day + timedelta(days=number * every)
        Contact.objects.create(
            case=case,
            happened_on=day,
            channel=channel,
            with_role=with_role,
            summary=summary,
            next_step=next_step,
            next_step_due=day + timedelta(days=5),
            recorded_by=handler,
            recorded_at=_moment(day),
        )
        record(case, handler, EventAction.CONTACT, at=_moment(day))


def _moment(day):
    return timezone.make_aware(datetime.combine(day, time(10)))


def _route(case, handler, days):
    """The route's steps on the given days, in the route's order (`ROUTE_ORDER`; the days never go back in time)."""
    for step, day in days.items():
        StepRecord.objects.create(case=case, step=step, reached_on=day, recorded_by=handler, recorded_at=_moment(day))
        record(case, handler, EventAction.MEDIATION, at=_moment(day))
    Case.objects.filter(pk=case.pk).update(route_step=list(days)[-1])


def _assign_mediator(case, email, created):
    mediator = User.objects.filter(email=email).first()
    if mediator is None:
        return None
    Assignment.objects.create(case=case, user=mediator, role=AssignmentRole.MEDIATOR, assigned_at=created)
    return MediatorProfile.objects.filter(user=mediator, organisation=case.organisation).first()


def _hours(case, rows):
    for role, hours in rows:
        Hours.objects.create(case=case, role=role, hours=Decimal(hours))


def _almere_objection(today):
    text = texts.ALMERE_OBJECTION
    handler = User.objects.get(email=HANDLER_ALMERE)
    received = today - timedelta(days=30)
    case = _new_case(
        "almere",
        text,
        handler,
        _moment(received),
        kind=CaseKind.OBJECTION,
        policy_domain=Domain.SOCIAL,
        origin=Origin.OFFICER_CALL,
        received_on=received,
        decision_due_on=received + timedelta(weeks=12),
    )
    if case is None:
        return
    _contacts(case, text, handler, received + timedelta(days=2))
    called = received + timedelta(days=9)
    InformalApproach.objects.create(
        case=case,
        called_on=called,
        agreements=text["informal"]["agreements"],
        actions=text["informal"]["actions"],
        result=ObjectionResult.PARTLY_WITHDRAWN,
        remaining=text["informal"]["remaining"],
        recorded_by=handler,
        recorded_at=_moment(called),
    )
    record(case, handler, EventAction.INFORMAL, at=_moment(called))


def _almere_mediation(today):
    text = texts.ALMERE_MEDIATION
    handler = User.objects.get(email=HANDLER_ALMERE)
    received = today - timedelta(days=150)
    started = received + timedelta(days=40)
    closed = started + timedelta(days=35)
    case = _new_case(
        "almere",
        text,
        handler,
        _moment(received),
        kind=CaseKind.OBJECTION,
        policy_domain=Domain.PUBLIC_SPACE,
        origin=Origin.HEARING_REFERRAL,
        received_on=received,
        decision_due_on=received + timedelta(weeks=18),
    )
    if case is None:
        return
    _contacts(case, text, handler, started - timedelta(days=1))
    profile = _assign_mediator(case, MEDIATOR_ALMERE, _moment(started))
    steps = {
        "intake": started,
        "consent": started + timedelta(days=3),
        "officials": started + timedelta(days=7),
        "pre_meetings": started + timedelta(days=14),
        "meeting": started + timedelta(days=28),
        "outcome": closed,
    }
    # The team leader's mandate is confirmed before the meeting step: an agreement at the table must hold.
    Official.objects.create(
        case=case,
        role=PartyRole.TEAM_LEADER,
        mandate=text["mandate"],
        mandate_confirmed_on=steps["officials"] + timedelta(days=2),
        mandate_confirmed_by=handler,
    )
    for day, with_role in ((steps["pre_meetings"], PartyRole.BUSINESS), (steps["pre_meetings"], PartyRole.TEAM_LEADER)):
        Meeting.objects.create(
            case=case,
            kind=MeetingKind.PRE_MEETING,
            held_on=day,
            with_role=with_role,
            duration_minutes=45,
            recorded_by=handler,
        )
    Meeting.objects.create(
        case=case,
        kind=MeetingKind.MEDIATION,
        held_on=steps["meeting"],
        duration_minutes=120,
        supporter_present=True,
        recorded_by=handler,
    )
    _route(case, handler, steps)
    Case.objects.filter(pk=case.pk).update(
        mediation_started_on=started,
        mediator_source=MediatorSource.INTERNAL if profile else "",
        mediator_profile=profile,
        status=CaseStatus.CLOSED,
        closed_on=closed,
        outcome=Outcome.AGREEMENT,
        agreement_written=True,
        record_agreed=True,
        record=text["record"],
    )
    _hours(case, [(HoursRole.HANDLER, "2"), (HoursRole.MEDIATOR, "4"), (HoursRole.OFFICIALS, "1")])
    record(case, handler, EventAction.CLOSED, at=_moment(closed))


def _zeist_complaint(today):
    text = texts.ZEIST_COMPLAINT
    handler = User.objects.get(email=COORDINATOR_ZEIST)
    received = today - timedelta(days=12)
    case = _new_case(
        "zeist",
        text,
        handler,
        _moment(received),
        kind=CaseKind.COMPLAINT,
        policy_domain=Domain.TAXES,
        origin=Origin.OFFICER_CALL,
        received_on=received,
        decision_due_on=received + timedelta(weeks=6),
    )
    if case is not None:
        _contacts(case, text, handler, received + timedelta(days=3))


def _koebenhavn(today):
    text = texts.KOEBENHAVN
    handler = User.objects.get(email=HANDLER_KOEBENHAVN)
    received = today - timedelta(days=75)
    started = received + timedelta(days=2)
    closed = started + timedelta(days=40)
    case = _new_case(
        "koebenhavn",
        text,
        handler,
        _moment(received),
        kind=CaseKind.COMPLAINT,
        policy_domain=Domain.SOCIAL,
        origin=Origin.CITIZEN_REQUEST,
        received_on=received,
    )
    if case is None:
        return
    _contacts(case, text, handler, received, every=5)
    profile = _assign_mediator(case, MEDIATOR_KOEBENHAVN, _moment(started))
    steps = {
        "intake": started,
        "consent": received + timedelta(days=5),  # the administration asked, and willing
        "officials": received + timedelta(days=8),
        "pre_meetings": received + timedelta(days=15),  # a formøde with each party
        "meeting": received + timedelta(days=30),  # the mediation meeting, about an hour and a half
        "outcome": closed,
    }
    Official.objects.create(
        case=case,
        role=PartyRole.MANAGER,
        mandate=text["mandate"],
        mandate_confirmed_on=steps["officials"],
        mandate_confirmed_by=handler,
    )
    for offset, with_role in ((0, PartyRole.CITIZEN), (2, PartyRole.MANAGER)):
        Meeting.objects.create(
            case=case,
            kind=MeetingKind.PRE_MEETING,
            held_on=steps["pre_meetings"] + timedelta(days=offset),
            with_role=with_role,
            duration_minutes=60,
            recorded_by=handler,
        )
    Meeting.objects.create(
        case=case,
        kind=MeetingKind.MEDIATION,
        held_on=steps["meeting"],
        duration_minutes=90,
        supporter_present=True,
        recorded_by=handler,
    )
    _route(case, handler, steps)
    # The parties did not want a record: none is kept.
    Case.objects.filter(pk=case.pk).update(
        mediation_started_on=started,
        mediator_source=MediatorSource.INTERNAL if profile else "",
        mediator_profile=profile,
        status=CaseStatus.CLOSED,
        closed_on=closed,
        outcome=Outcome.AGREEMENT,
        agreement_written=False,
        record_agreed=False,
        record="",
    )
    _hours(case, [(HoursRole.MEDIATOR, "5.5"), (HoursRole.OFFICIALS, "2.5"), (HoursRole.HANDLER, "1.5")])
    record(case, handler, EventAction.CLOSED, at=_moment(closed))


CASES = [
    (_almere_objection, texts.ALMERE_OBJECTION["reference"]),
    (_almere_mediation, texts.ALMERE_MEDIATION["reference"]),
    (_zeist_complaint, texts.ZEIST_COMPLAINT["reference"]),
    (_koebenhavn, texts.KOEBENHAVN["reference"]),
]


def load(progress):
    credentials = []
    for row in progress.iterate([(row, row[0]) for row in PEOPLE], "case register people"):
        email, first, last, language, org_slug, label = row[0]
        demo_person(email, first, last, language, org_slug)
        credentials.append((label, email))
    today = timezone.localdate()
    for build, _reference in progress.iterate(CASES, "cases"):
        with transaction.atomic():
            build(today)
    progress.credentials(credentials, DEMO_PASSWORD)


register(load, order=110)
