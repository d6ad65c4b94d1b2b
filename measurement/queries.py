"""The figures of the case register, counted by the database for any number of organisations at once.

Every function takes organisation ids and a `Period` and answers per organisation id, in a fixed number of queries
whatever the number of cases (grouped aggregates; the lead times come back as a frequency table of days, never as
rows). The dashboard asks for one organisation, the benchmark for an organisation and the others of its networks:
the same counting for both, so a figure means the same on every page, in the CSV and in the benchmark.

What counts where:
- a contact on the day it happened, an informal approach (BIA) on the day of the call, a case on the day it was
  received, a mediation on the day it started;
- a closed case (also one reduced to statistics) on the day it was closed, with its outcome, its lead time (from
  received to closed, in days), whether it was closed within the statutory term (when it had one), and its hours
  (hours carry no date of their own: they count with the case's closing);
- "resolved informally": closed with an agreement or with the objection or complaint withdrawn, whichever way it got
  there (a call, a BIA or a mediation).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.db.models import Count, DateField, DurationField, ExpressionWrapper, F, Q, Sum
from django.db.models.functions import TruncMonth

from cases.choices import CaseStatus, Outcome
from cases.models import Case, Contact, Hours, InformalApproach
from measurement.periods import Period

RESOLVED_INFORMALLY = (Outcome.AGREEMENT, Outcome.WITHDRAWN)
ZERO = Decimal("0.00")


@dataclass
class Figures:
    """One organisation's counts for one period. Rates and medians are derived in `figures.py` and `benchmark.py`."""

    cases_registered: int = 0
    contacts: int = 0
    informal_approaches: Counter = field(default_factory=Counter)  # by ObjectionResult
    mediations_started: int = 0
    closed: Counter = field(default_factory=Counter)  # by (kind, outcome, mediated: bool)
    with_term: int = 0  # closed cases that had a statutory term
    within_term: int = 0  # ... and were closed on or before it
    lead_days: Counter = field(default_factory=Counter)  # days from received to closed → number of closed cases
    # by (resolved informally, mediated) and by (kind, resolved informally) → hours
    hours: defaultdict[tuple[bool, bool], Decimal] = field(default_factory=lambda: defaultdict(Decimal))
    hours_by_kind: defaultdict[tuple[str, bool], Decimal] = field(default_factory=lambda: defaultdict(Decimal))

    # --- convenience sums -------------------------------------------------------------------------------------
    @property
    def closed_total(self) -> int:
        return sum(self.closed.values())

    def closed_of(self, *, kinds: Iterable[str] | None = None, mediated: bool | None = None) -> int:
        return sum(
            n
            for (kind, _outcome, was_mediated), n in self.closed.items()
            if (kinds is None or kind in kinds) and (mediated is None or was_mediated == mediated)
        )

    def resolved_of(self, *, kinds: Iterable[str] | None = None, mediated: bool | None = None) -> int:
        return sum(
            n
            for (kind, outcome, was_mediated), n in self.closed.items()
            if outcome in RESOLVED_INFORMALLY
            and (kinds is None or kind in kinds)
            and (mediated is None or was_mediated == mediated)
        )

    def outcomes(self, *, mediated: bool | None = None) -> Counter:
        result: Counter = Counter()
        for (_kind, outcome, was_mediated), n in self.closed.items():
            if mediated is None or was_mediated == mediated:
                result[outcome] += n
        return result

    @property
    def hours_total(self) -> Decimal:
        return sum(self.hours.values(), ZERO)


def _in(period: Period, field_name: str) -> Q:
    return Q(**{f"{field_name}__gte": period.start, f"{field_name}__lte": period.end})


def _days(value) -> int:
    # PostgreSQL returns an interval (timedelta); both backends go through Django's DurationField converter.
    return value.days if isinstance(value, timedelta) else int(value)


def case_figures(organisation_ids: Iterable[int], period: Period) -> dict[int, Figures]:
    """Every organisation's `Figures` (an organisation without any case in the period gets zeros). Seven queries."""
    ids = list(organisation_ids)
    result = {pk: Figures() for pk in ids}
    if not ids:
        return result
    cases = Case.objects.filter(organisation_id__in=ids).order_by()
    row: Mapping[str, Any]  # each query's rows have their own keys

    for row in cases.filter(_in(period, "received_on")).values("organisation_id").annotate(n=Count("pk")):
        result[row["organisation_id"]].cases_registered = row["n"]
    for row in cases.filter(_in(period, "mediation_started_on")).values("organisation_id").annotate(n=Count("pk")):
        result[row["organisation_id"]].mediations_started = row["n"]

    contacts = Contact.objects.filter(case__organisation_id__in=ids).filter(_in(period, "happened_on")).order_by()
    for row in contacts.values("case__organisation_id").annotate(n=Count("pk")):
        result[row["case__organisation_id"]].contacts = row["n"]

    informal = InformalApproach.objects.filter(case__organisation_id__in=ids).filter(_in(period, "called_on"))
    for row in informal.order_by().values("case__organisation_id", "result").annotate(n=Count("pk")):
        result[row["case__organisation_id"]].informal_approaches[row["result"]] = row["n"]

    closed = cases.filter(_in(period, "closed_on"), status__in=[CaseStatus.CLOSED, CaseStatus.REDUCED])
    grouped = closed.values("organisation_id", "kind", "outcome").annotate(
        n=Count("pk"),
        mediated=Count("pk", filter=Q(mediation_started_on__isnull=False)),
        with_term=Count("pk", filter=Q(decision_due_on__isnull=False)),
        within_term=Count("pk", filter=Q(decision_due_on__isnull=False, closed_on__lte=F("decision_due_on"))),
    )
    for row in grouped:
        figures = result[row["organisation_id"]]
        if row["mediated"]:
            figures.closed[(row["kind"], row["outcome"], True)] += row["mediated"]
        if row["n"] - row["mediated"]:
            figures.closed[(row["kind"], row["outcome"], False)] += row["n"] - row["mediated"]
        figures.with_term += row["with_term"]
        figures.within_term += row["within_term"]

    lead = ExpressionWrapper(F("closed_on") - F("received_on"), output_field=DurationField())
    for row in closed.annotate(lead=lead).values("organisation_id", "lead").annotate(n=Count("pk")):
        result[row["organisation_id"]].lead_days[_days(row["lead"])] += row["n"]

    hours = (
        Hours.objects.filter(case__organisation_id__in=ids, case__status__in=[CaseStatus.CLOSED, CaseStatus.REDUCED])
        .filter(_in(period, "case__closed_on"))
        .order_by()
    )
    by_kind = hours.values("case__organisation_id", "case__kind", "case__outcome").annotate(
        total=Sum("hours"),
        mediated=Sum("hours", filter=Q(case__mediation_started_on__isnull=False)),
    )
    for row in by_kind:
        figures = result[row["case__organisation_id"]]
        resolved = row["case__outcome"] in RESOLVED_INFORMALLY
        mediated = row["mediated"] or ZERO
        figures.hours[(resolved, True)] += mediated
        figures.hours[(resolved, False)] += (row["total"] or ZERO) - mediated
        figures.hours_by_kind[(row["case__kind"], resolved)] += row["total"] or ZERO
    return result


@dataclass
class Monthly:
    """Per month (its first day): how many of each thing happened. One organisation's trend line."""

    months: list[date]
    series: dict[str, Counter]  # name → {month: count}

    def values(self, name: str) -> list[int]:
        return [self.series[name][month] for month in self.months]


MONTHLY_SERIES = ("cases_registered", "contacts", "informal_approaches", "mediations_started", "closed")


def monthly(organisation_id: int, period: Period) -> Monthly:
    """The trend per month for one organisation. Five queries."""
    cases = Case.objects.filter(organisation_id=organisation_id).order_by()
    sources = {
        "cases_registered": (cases, "received_on"),
        "contacts": (Contact.objects.filter(case__organisation_id=organisation_id).order_by(), "happened_on"),
        "informal_approaches": (
            InformalApproach.objects.filter(case__organisation_id=organisation_id).order_by(),
            "called_on",
        ),
        "mediations_started": (cases, "mediation_started_on"),
        "closed": (cases.filter(status__in=[CaseStatus.CLOSED, CaseStatus.REDUCED]), "closed_on"),
    }
    series: dict[str, Counter] = defaultdict(Counter)
    for name, (queryset, date_field) in sources.items():
        rows = (
            queryset.filter(_in(period, date_field))
            .annotate(month=TruncMonth(date_field, output_field=DateField()))
            .values("month")
            .annotate(n=Count("pk"))
        )
        for row in rows:
            series[name][row["month"]] = row["n"]
    return Monthly(months=period.months(), series={name: series[name] for name in MONTHLY_SERIES})


__all__ = ["RESOLVED_INFORMALLY", "Figures", "Monthly", "case_figures", "monthly"]
