"""The generated year of the case register for the demo (see `measurement/demo.py`, which loads it).

`plan_year` plans the last twelve months of cases for the organisations of `PROFILES` (and Amersfoort's three
complaints) from a seeded `random.Random`, `write` stores them with bulk inserts, `generated_cases` finds them again
(their `MJ-` reference, or reduced to statistics) so a new run can replace them. Texts are in `demo_texts.py`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db import models
from django.db.models import Q
from django.utils import timezone

from accounts.models import User
from cases.choices import (
    AssignmentRole,
    CaseKind,
    CaseStatus,
    Channel,
    EventAction,
    HoursRole,
    MediatorSource,
    MeetingKind,
    ObjectionResult,
    Origin,
    Outcome,
    PartyRole,
    RouteStep,
)
from cases.models import (
    Assignment,
    Case,
    CaseEvent,
    Contact,
    Hours,
    InformalApproach,
    Meeting,
    Official,
    Party,
    StepRecord,
)
from cases.services.retention import add_months, last_closing_day_due
from measurement import demo_texts as texts
from measurement.periods import Period
from pool.choices import ConflictKind
from pool.models import ExternalMediator, Loan, MediatorProfile

SEED = 17
PREFIX = "MJ-"
# A code from the evaluation's alphabet (no 0/O, 1/I/L), printed with the demo log-ins so a tester can fill in the
# evaluation as a party would.
DEMO_CODE = "MEET-WETN"
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"

HANDLER_ZEIST = "bezwaar@zeist.example"
HANDLER_HILVERSUM = "bezwaar@hilversum.example"
# email, first name, last name, language, organisation slug, label in the printed log-ins
PEOPLE = [
    (HANDLER_ZEIST, "Jesse", "Kramer", "nl", "zeist", "objection handler Zeist (demo year)"),
    (HANDLER_HILVERSUM, "Noor", "Bakker", "nl", "hilversum", "objection handler Hilversum (demo year)"),
]
COORDINATOR_ALMERE = "coordinator@almere.example"  # from pool/demo.py
MANAGEMENT_ALMERE = "lid@almere.example"  # from accounts/demo.py
HILVERSUM_RETENTION_MONTHS = 9

OBJECTION, COMPLAINT, STAFF, BETWEEN = (
    CaseKind.OBJECTION,
    CaseKind.COMPLAINT,
    CaseKind.STAFF_CONFLICT,
    CaseKind.BETWEEN_ORGANISATIONS,
)


@dataclass(frozen=True)
class Profile:
    """How one organisation's year looks."""

    slug: str
    code: str  # in the references
    language: str
    per_year: int
    kinds: dict  # kind → weight
    domains: dict  # policy domain of an objection → weight
    informal: float  # share of objections that get an informal approach (BIA)
    results: tuple  # BIA results: withdrawn, partly withdrawn, kept
    late: float  # share of formal procedures decided after the statutory term
    handler: str
    objection_weeks: tuple  # statutory terms of an objection (weeks), one drawn per case
    complaint_weeks: int | None
    season: tuple  # weight of each calendar month, January first


NL_SEASON = (0.9, 1.1, 1.5, 1.3, 1.0, 0.9, 0.6, 0.6, 1.0, 1.1, 1.1, 0.8)
DK_SEASON = (1.0, 1.1, 1.2, 1.1, 1.0, 0.9, 0.5, 0.8, 1.1, 1.1, 1.0, 0.8)
NL_DOMAINS = {"social": 4, "taxes": 3, "environment": 2, "public_space": 2, "other": 1}

PROFILES = [
    Profile(
        slug="almere", code="ALM", language="nl", per_year=150,
        kinds={OBJECTION: 78, COMPLAINT: 14, STAFF: 6, BETWEEN: 2}, domains=NL_DOMAINS,
        informal=0.88, results=(0.52, 0.2, 0.28), late=0.15, handler="behandelaar@almere.example",
        objection_weeks=(6, 6, 12), complaint_weeks=6, season=NL_SEASON,
    ),
    # Zeist's and Hilversum's complaints go to their complaints offices, outside this register.
    Profile(
        slug="zeist", code="ZST", language="nl", per_year=90,
        kinds={OBJECTION: 90, STAFF: 10}, domains={**NL_DOMAINS, "environment": 3},
        informal=0.82, results=(0.47, 0.2, 0.33), late=0.2, handler=HANDLER_ZEIST,
        objection_weeks=(6, 12), complaint_weeks=None, season=NL_SEASON,
    ),
    Profile(
        slug="hilversum", code="HVS", language="nl", per_year=70,
        kinds={OBJECTION: 88, STAFF: 12}, domains=NL_DOMAINS,
        informal=0.75, results=(0.45, 0.2, 0.35), late=0.25, handler=HANDLER_HILVERSUM,
        objection_weeks=(6, 12, 12), complaint_weeks=None, season=NL_SEASON,
    ),
    # A smaller neighbour that does not want to be named: with Hilversum, two unnamed organisations behind the
    # network's average, so the benchmark can show it (one unnamed organisation alone would be given away by it).
    Profile(
        slug="amersfoort", code="AMR", language="nl", per_year=45,
        kinds={OBJECTION: 1}, domains=NL_DOMAINS,
        informal=0.7, results=(0.45, 0.2, 0.35), late=0.2, handler="coordinator@amersfoort.example",
        objection_weeks=(6, 12), complaint_weeks=None, season=NL_SEASON,
    ),
    Profile(
        slug="koebenhavn", code="KK", language="da", per_year=110,
        kinds={OBJECTION: 55, COMPLAINT: 37, STAFF: 8},
        domains={"social": 5, "environment": 2, "public_space": 2, "taxes": 1, "other": 1},
        informal=0.78, results=(0.47, 0.2, 0.33), late=0.15, handler="sagsbehandler@kk.example",
        objection_weeks=(8,), complaint_weeks=None, season=DK_SEASON,
    ),
]  # fmt: skip

# Mediation outcomes, and those of a complaint handled without mediation.
MEDIATION_OUTCOMES = {
    Outcome.AGREEMENT: 58,
    Outcome.WITHDRAWN: 8,
    Outcome.PARTLY_RESOLVED: 14,
    Outcome.NOT_RESOLVED: 8,
    Outcome.STOPPED_BY_PARTY: 9,
    Outcome.STOPPED_BY_MEDIATOR: 3,
}
COMPLAINT_OUTCOMES = {
    Outcome.WITHDRAWN: 30,
    Outcome.AGREEMENT: 35,
    Outcome.PARTLY_RESOLVED: 15,
    Outcome.NOT_RESOLVED: 20,
}
CHANNELS = {Channel.PHONE: 50, Channel.EMAIL: 20, Channel.VIDEO: 12, Channel.MEETING: 10, Channel.LETTER: 8}
STEPS = list(RouteStep)


def _pick(rng: random.Random, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def at_hour(day: date, hour: int = 10):
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _half_hours(rng: random.Random, low: float, high: float) -> Decimal:
    return Decimal(rng.randint(int(low * 2), int(high * 2))) / 2


def _workday(day: date) -> date:
    # Saturday and Sunday move back to Friday.
    return day - timedelta(days=max(0, day.weekday() - 4))


@dataclass
class Planned:
    """One generated case and the rows that belong to it, before any of them is saved."""

    case: Case
    handler: User
    parties: list = field(default_factory=list)
    contacts: list = field(default_factory=list)
    informal: list = field(default_factory=list)
    steps: list = field(default_factory=list)
    officials: list = field(default_factory=list)
    meetings: list = field(default_factory=list)
    hours: list = field(default_factory=list)
    mediator_user: User | None = None
    events: list = field(default_factory=list)  # (action, at, actor)


class Year:
    """Plans the cases of one organisation's year; `Planned` rows, nothing saved."""

    def __init__(self, profile: Profile, organisation, today: date, people: dict):
        self.profile = profile
        self.organisation = organisation
        self.today = today
        # One stream for the calendar and one per case: a case's fate depends on its number only, so the year
        # looks the same from day to day (only its dates move with today).
        self.calendar = random.Random(f"{SEED}-{profile.slug}")  # noqa: S311  (reproducible demo data)
        self.rng = self.calendar
        self.handler = people[profile.handler]
        self.profiles = list(MediatorProfile.objects.filter(organisation=organisation).select_related("user"))
        self.externals = list(ExternalMediator.objects.filter(organisation=organisation))
        self.number = 0

    # --- when cases come in ------------------------------------------------------------------------------------
    def received_days(self, period: Period) -> list[date]:
        rng, season = self.calendar, self.profile.season
        months = period.months()
        weights = []
        for month in months:
            last = min((month + timedelta(days=32)).replace(day=1) - timedelta(days=1), period.end)
            share = ((last - month).days + 1) / 30.5  # the current month counts only up to today
            weights.append(season[month.month - 1] * share)
        expected = [self.profile.per_year * weight / sum(weights) for weight in weights]
        days = []
        for month, mean in zip(months, expected, strict=True):
            count = max(1, round(rng.gauss(mean, mean**0.5 * 0.6)))
            last = min((month + timedelta(days=32)).replace(day=1) - timedelta(days=1), period.end)
            span = (last - month).days
            days += sorted(_workday(month + timedelta(days=rng.randint(0, span))) for _ in range(count))
        return [max(day, period.start) for day in days]

    # --- one case ----------------------------------------------------------------------------------------------
    def case(self, received: date, *, kind=None, domain=None, loan: Loan | None = None, fixed=None) -> Planned:
        """One case received on `received`; `fixed` = (days until closed, outcome) for a case without mediation."""
        profile = self.profile
        self.number += 1
        rng = self.rng = random.Random(f"{SEED}-{profile.slug}-{self.number}")  # noqa: S311
        kind = kind or _pick(rng, profile.kinds)
        if domain is None:
            domain = _pick(rng, profile.domains) if kind == OBJECTION else rng.choice(list(self._subjects(kind)))
        language = profile.language
        summary = f"{rng.choice(self._subjects(kind)[domain])} {rng.choice(texts.CONCERNS[(language, kind)])}"
        case = Case(
            organisation=self.organisation,
            reference=f"{PREFIX}{profile.code}-{received:%y}-{self.number:04d}",
            kind=kind,
            policy_domain=domain,
            origin=self._origin(kind),
            received_on=received,
            summary=summary,
            status=CaseStatus.OPEN,
            created_by=self.handler,
        )
        plan = Planned(case=case, handler=self.handler)
        plan.parties = [Party(role=role, description=text) for role, text in rng.choice(self._parties(kind))]
        plan.events.append((EventAction.CREATED, at_hour(received, 9), self.handler))
        case.decision_due_on = self._due(kind, received)

        if fixed is not None:
            closed, outcome, mediation, called = received + timedelta(days=fixed[0]), fixed[1], None, None
        else:
            closed, outcome, mediation, called = self._route(plan, received, kind, loan)
        if closed is not None and closed <= self.today:
            case.status, case.closed_on, case.outcome = CaseStatus.CLOSED, closed, outcome
            if mediation is not None:
                case.agreement_written = outcome in (Outcome.AGREEMENT, Outcome.PARTLY_RESOLVED) and rng.random() < 0.8
            plan.events.append((EventAction.CLOSED, at_hour(closed, 16), self.handler))
        self._contacts(plan, received, case.closed_on or self.today, called)
        self._hours(plan, formal=outcome == Outcome.NOT_RESOLVED and mediation is None, mediation=mediation)
        return plan

    def _subjects(self, kind):
        return texts.SUBJECTS[(self.profile.language, kind)]

    def _parties(self, kind):
        return texts.PARTIES.get((self.profile.language, kind)) or texts.PARTIES[("nl", kind)]

    def _origin(self, kind):
        rng = self.rng
        if kind == OBJECTION:
            return _pick(rng, {Origin.OFFICER_CALL: 75, Origin.HEARING_REFERRAL: 12, Origin.CITIZEN_REQUEST: 8,
                               Origin.ADMINISTRATION_REQUEST: 5})  # fmt: skip
        if kind == COMPLAINT:
            return _pick(rng, {Origin.OFFICER_CALL: 40, Origin.COMPLAINTS_OFFICE: 35, Origin.CITIZEN_REQUEST: 25})
        return Origin.MANAGER_OR_HR if kind == STAFF else Origin.ADMINISTRATION_REQUEST

    def _due(self, kind, received):
        if kind == OBJECTION:
            return received + timedelta(weeks=self.rng.choice(self.profile.objection_weeks))
        if kind == COMPLAINT and self.profile.complaint_weeks:
            return received + timedelta(weeks=self.profile.complaint_weeks)
        return None

    def _route(self, plan, received, kind, loan):
        """Closing day (None: still open), outcome, mediation start (None: none) and day of the BIA call."""
        rng, profile, case = self.rng, self.profile, plan.case
        if loan is not None:
            # The pool demo's loan: the mediation starts when it was approved; it is still going while the loan is.
            start = loan.approved_at.date()
            outcome = _pick(rng, MEDIATION_OUTCOMES)
            self._extend_term(case)
            closed = self._mediation(
                plan,
                start,
                loan.completed_on,
                outcome,
                source=MediatorSource.POOL,
                loan=loan,
                going=not loan.completed_on,
            )
            return closed, outcome, start, None
        called = None
        if kind == OBJECTION:
            formal_close = self._formal_close(received, case.decision_due_on)
            if rng.random() < profile.informal:
                called = _workday(received + timedelta(days=rng.randint(3, 14)))
                result = rng.choices(list(ObjectionResult), weights=profile.results)[0]
                self._informal(plan, called, result)
                if result == ObjectionResult.WITHDRAWN:
                    return called + timedelta(days=rng.randint(0, 7)), Outcome.WITHDRAWN, None, called
                if result == ObjectionResult.PARTLY_WITHDRAWN:
                    outcome = Outcome.AGREEMENT if rng.random() < 0.4 else Outcome.PARTLY_RESOLVED
                    return called + timedelta(days=rng.randint(7, 35)), outcome, None, called
                if rng.random() < 0.3:
                    return self._mediated(plan, called + timedelta(days=rng.randint(5, 15)), received)
                outcome = Outcome.WITHDRAWN if rng.random() < 0.12 else Outcome.NOT_RESOLVED
                return formal_close, outcome, None, called
            if rng.random() < 0.2 or case.origin == Origin.HEARING_REFERRAL:
                return self._mediated(plan, received + timedelta(days=rng.randint(20, 45)), received)
            outcome = Outcome.WITHDRAWN if rng.random() < 0.3 else Outcome.NOT_RESOLVED
            return formal_close, outcome, None, None
        mediation_share = {COMPLAINT: 0.25 if profile.language == "da" else 0.15, STAFF: 0.75, BETWEEN: 0.7}[kind]
        if rng.random() < mediation_share:
            return self._mediated(plan, received + timedelta(days=rng.randint(4, 20)), received)
        outcome = _pick(rng, COMPLAINT_OUTCOMES)
        return received + timedelta(days=rng.randint(10, 50)), outcome, None, None

    def _formal_close(self, received, due):
        if self.rng.random() < self.profile.late:
            return due + timedelta(days=self.rng.randint(3, 40))
        return max(received + timedelta(days=20), due - timedelta(days=self.rng.randint(0, 25)))

    def _extend_term(self, case):
        # With the parties' consent a Dutch objection's term is extended by six weeks for the mediation.
        if case.kind == OBJECTION and case.decision_due_on and self.profile.language == "nl":
            case.decision_due_on += timedelta(weeks=6)

    def _mediated(self, plan, start, received):
        start = _workday(max(start, received))
        if start > self.today:  # not there yet: an open case, the mediation still to be arranged
            return None, "", None, None
        self._extend_term(plan.case)
        outcome = _pick(self.rng, MEDIATION_OUTCOMES)
        sources = {MediatorSource.INTERNAL: 60 if self.profiles else 0, MediatorSource.EXTERNAL: 30}
        closed = self._mediation(plan, start, None, outcome, source=_pick(self.rng, sources))
        return closed, outcome, start, None

    def _mediation(self, plan, start, closed, outcome, *, source, loan=None, going=False):
        """The route's steps, people at the table and meetings; returns the closing day (None while `going`)."""
        rng, case = self.rng, plan.case
        stopped = outcome in (Outcome.STOPPED_BY_PARTY, Outcome.STOPPED_BY_MEDIATOR)
        days = {RouteStep.INTAKE: start}
        days[RouteStep.CONSENT] = start + timedelta(days=rng.randint(2, 5))
        days[RouteStep.OFFICIALS] = days[RouteStep.CONSENT] + timedelta(days=rng.randint(3, 7))
        days[RouteStep.PRE_MEETINGS] = days[RouteStep.OFFICIALS] + timedelta(days=rng.randint(5, 10))
        if not stopped:
            days[RouteStep.MEETING] = days[RouteStep.PRE_MEETINGS] + timedelta(days=rng.randint(7, 18))
        if closed is not None:  # a loan's finished case: its steps fit before that day
            days = {step: min(day, closed) for step, day in days.items()}
        elif not going:
            closed = max(days.values()) + timedelta(days=rng.randint(1, 10))
        if closed is not None:
            days[RouteStep.OUTCOME] = closed
        reached = {step: day for step, day in days.items() if day <= self.today}

        case.mediation_started_on = start
        case.mediator_source = source
        case.loan = loan
        if source == MediatorSource.INTERNAL:
            profile = rng.choice(self.profiles)
            case.mediator_profile = profile
            if profile.user_id != self.handler.pk:
                plan.mediator_user = profile.user
        elif source == MediatorSource.EXTERNAL and self.externals:
            case.external_mediator = rng.choice(self.externals)
        case.route_step = list(reached)[-1]
        for step, day in reached.items():
            plan.steps.append(StepRecord(step=step, reached_on=day, recorded_by=self.handler, recorded_at=at_hour(day)))
            plan.events.append((EventAction.MEDIATION, at_hour(day, 11), self.handler))
        if RouteStep.OFFICIALS in reached and case.kind != STAFF:
            plan.officials.append(
                Official(
                    role=PartyRole.TEAM_LEADER if self.profile.language == "nl" else PartyRole.MANAGER,
                    mandate=rng.choice(texts.MANDATES[self.profile.language]),
                    mandate_confirmed_on=reached[RouteStep.OFFICIALS],
                    mandate_confirmed_by=self.handler,
                )
            )
        if RouteStep.PRE_MEETINGS in reached:
            for offset, role in enumerate(self._table(case.kind)):
                plan.meetings.append(
                    Meeting(
                        kind=MeetingKind.PRE_MEETING,
                        held_on=reached[RouteStep.PRE_MEETINGS] + timedelta(days=offset),
                        with_role=role,
                        duration_minutes=rng.choice((30, 45, 60)),
                        recorded_by=self.handler,
                    )
                )
        if RouteStep.MEETING in reached:
            plan.meetings.append(
                Meeting(
                    kind=MeetingKind.MEDIATION,
                    held_on=reached[RouteStep.MEETING],
                    duration_minutes=rng.choice((90, 120, 150)),
                    supporter_present=rng.random() < 0.2,
                    recorded_by=self.handler,
                )
            )
        return closed

    @staticmethod
    def _table(kind):
        if kind == STAFF:
            return (PartyRole.EMPLOYEE, PartyRole.TEAM_LEADER)
        if kind == BETWEEN:
            return (PartyRole.OTHER_ORGANISATION, PartyRole.MANAGER)
        return (PartyRole.CITIZEN, PartyRole.DECISION_OFFICER)

    def _informal(self, plan, called, result):
        agreements, actions, remaining = self.rng.choice(texts.INFORMAL[(self.profile.language, result)])
        plan.informal.append(
            InformalApproach(
                called_on=called,
                agreements=agreements,
                actions=actions,
                result=result,
                remaining=remaining,
                recorded_by=self.handler,
                recorded_at=at_hour(called, 14),
            )
        )
        plan.events.append((EventAction.INFORMAL, at_hour(called, 14), self.handler))

    def _contacts(self, plan, received, until, called):
        rng, language = self.rng, self.profile.language
        count = rng.choices((1, 2, 3, 4), weights=(20, 35, 30, 15))[0]
        span = max((until - received).days, 1)
        days = sorted({received + timedelta(days=min(span, 1 + rng.randint(0, span))) for _ in range(count)})
        if called is not None and called <= until:
            days = sorted({*days, called})
        with_role = {STAFF: PartyRole.EMPLOYEE, BETWEEN: PartyRole.OTHER_ORGANISATION}.get(
            plan.case.kind, PartyRole.CITIZEN
        )
        if with_role == PartyRole.CITIZEN and any(party.role == PartyRole.BUSINESS for party in plan.parties):
            with_role = PartyRole.BUSINESS
        for number, day in enumerate(days):
            stage = "first" if number == 0 else "last" if number == len(days) - 1 and plan.case.closed_on else "middle"
            summary, next_step = rng.choice(texts.CONTACTS[(language, stage)])
            channel = _pick(rng, CHANNELS) if day != called else Channel.PHONE
            if plan.case.origin == Origin.HEARING_REFERRAL and number == 0:
                channel = Channel.HEARING
            plan.contacts.append(
                Contact(
                    happened_on=day,
                    channel=channel,
                    with_role=with_role,
                    summary=summary,
                    next_step=next_step,
                    next_step_due=day + timedelta(days=7) if next_step else None,
                    recorded_by=self.handler,
                    recorded_at=at_hour(day, 15),
                )
            )

    def _hours(self, plan, *, formal, mediation):
        rng = self.rng
        rows = {HoursRole.HANDLER: _half_hours(rng, 1, 3.5)}
        if formal:
            rows[HoursRole.HANDLER] += _half_hours(rng, 4, 10)
            rows[HoursRole.OFFICIALS] = _half_hours(rng, 1, 3)
        if mediation is not None:
            loan = plan.case.loan
            rows[HoursRole.MEDIATOR] = loan.hours if loan is not None and loan.hours else _half_hours(rng, 3, 9)
            if plan.officials:
                rows[HoursRole.OFFICIALS] = _half_hours(rng, 1, 3)
            if rng.random() < 0.25:
                rows[HoursRole.COORDINATOR] = _half_hours(rng, 0.5, 1.5)
        plan.hours = [Hours(role=role, hours=hours) for role, hours in rows.items()]


def _reduce(plan: Planned, on: date) -> None:
    """What `cases.services.retention` leaves of a case: its figures, without texts or people."""
    case = plan.case
    case.reference = case.summary = case.record = case.protocol_title = ""
    case.created_by = case.mediator_profile = case.external_mediator = None
    case.status, case.reduced_at = CaseStatus.REDUCED, at_hour(on, 3)
    case.version += 1
    plan.parties, plan.officials, plan.mediator_user = [], [], None
    for contact in plan.contacts:
        contact.summary, contact.next_step, contact.recorded_by = "", "", None
    for informal in plan.informal:
        informal.agreements = informal.actions = informal.remaining = ""
        informal.recorded_by = None
    for row in (*plan.steps, *plan.meetings):
        row.recorded_by = None
    plan.events.append((EventAction.REDUCED, at_hour(on, 3), None))


def generated_cases(organisations):
    """The generated set: this loader's references, and the reduced cases (which have lost theirs)."""
    return Case.objects.filter(organisation__in=organisations).filter(
        Q(reference__startswith=PREFIX) | Q(status=CaseStatus.REDUCED)
    )


def _loan_kind(loan: Loan, language: str):
    conflict = loan.request.conflict_kind
    if conflict == ConflictKind.EMPLOYER_EMPLOYEE:
        return STAFF, "hr"
    if conflict == ConflictKind.BETWEEN_ORGANISATIONS:
        return BETWEEN, "other"
    domain = loan.request.domain if loan.request.domain in texts.SUBJECTS[(language, OBJECTION)] else "social"
    return OBJECTION, domain


def plan_year(today: date, organisations: dict, people: dict) -> list[Planned]:
    """Every generated case of the four organisations (and Amersfoort's three complaints), not saved."""
    period = Period.last_twelve_months(today)
    plans = []
    for profile in PROFILES:
        organisation = organisations[profile.slug]
        year = Year(profile, organisation, today, people)
        for received in year.received_days(period):
            plans.append(year.case(received))
        loans = Loan.objects.filter(borrowing_organisation=organisation).select_related("request").order_by("pk")
        for loan in loans:
            kind, domain = _loan_kind(loan, profile.language)
            received = _workday(loan.approved_at.date() - timedelta(days=year.calendar.randint(5, 15)))
            plans.append(year.case(received, kind=kind, domain=domain, loan=loan))
        if profile.slug == "hilversum":
            cutoff = last_closing_day_due(today, HILVERSUM_RETENTION_MONTHS)
            for plan in plans:
                case = plan.case
                closed = case.closed_on
                if case.organisation == organisation and closed is not None and closed <= cutoff:
                    _reduce(plan, add_months(closed, HILVERSUM_RETENTION_MONTHS))
    plans += _amersfoort(today, organisations["amersfoort"], people["coordinator@amersfoort.example"])
    return plans


def _amersfoort(today, organisation, handler):
    """Three closed complaints without mediation: too few for a comparison on their own."""
    profile = Profile(
        slug="amersfoort", code="AMF", language="nl", per_year=3, kinds={COMPLAINT: 1}, domains={}, informal=0,
        results=(0, 0, 1), late=0, handler=handler.email, objection_weeks=(6,), complaint_weeks=6, season=NL_SEASON,
    )  # fmt: skip
    year = Year(profile, organisation, today, {handler.email: handler})
    outcomes = ((200, Outcome.AGREEMENT), (130, Outcome.WITHDRAWN), (70, Outcome.NOT_RESOLVED))
    return [
        year.case(
            _workday(today - timedelta(days=days_ago)), kind=COMPLAINT, domain="public_space", fixed=(25, outcome)
        )
        for days_ago, outcome in outcomes
    ]


def write(plans: list[Planned]) -> None:
    """Insert the planned cases and their rows, one bulk insert per table."""
    cases = Case.objects.bulk_create([plan.case for plan in plans])
    # `created_at` is set to now on insert; the register's own date is the day the case came in.
    for case in cases:
        case.created_at = at_hour(case.received_on, 9)
    Case.objects.bulk_update(cases, ["created_at"], batch_size=500)
    rows: dict[type[models.Model], list] = {}
    for plan in plans:
        case = plan.case
        for name in ("parties", "contacts", "informal", "steps", "officials", "meetings", "hours"):
            for row in getattr(plan, name):
                row.case = case
                rows.setdefault(type(row), []).append(row)
        if case.status != CaseStatus.REDUCED:
            assignments = rows.setdefault(Assignment, [])
            at = at_hour(case.received_on, 9)
            assignments.append(Assignment(case=case, user=plan.handler, role=AssignmentRole.HANDLER, assigned_at=at))
            if plan.mediator_user is not None and case.mediation_started_on is not None:
                start = at_hour(case.mediation_started_on)
                assignments.append(
                    Assignment(case=case, user=plan.mediator_user, role=AssignmentRole.MEDIATOR, assigned_at=start)
                )
        events = rows.setdefault(CaseEvent, [])
        for action, at, actor in plan.events:
            events.append(CaseEvent(case=case, organisation_id=case.organisation_id, actor=actor, action=action, at=at))
        for contact in plan.contacts:
            events.append(
                CaseEvent(
                    case=case,
                    organisation_id=case.organisation_id,
                    actor=plan.handler,
                    action=EventAction.CONTACT,
                    at=contact.recorded_at,
                )
            )
    for model, objects in rows.items():
        model._default_manager.bulk_create(objects, batch_size=500)
