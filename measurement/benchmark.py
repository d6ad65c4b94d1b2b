"""The regional benchmark: an organisation's figures beside those of the other organisations of its networks, with
small-cell suppression.

Who is compared (the *pool*): the organisations that take part (active `NetworkMembership`) in a network the
organisation itself actively takes part in, over all its networks together, each counted once; verified
organisations only, the organisation itself not. Pending, declined and former members do not count.

What is compared: figures that mean the same for a small and a large organisation (shares, a median, hours per
case) plus two counts. Every figure is computed from a *base*: the number of cases it is made from (for a count,
the count itself). The counting is `measurement.queries.case_figures`, the same as the dashboard's, asked once for
the organisation and its whole pool.

The columns:
- *own*: the organisation's figure;
- *average*: the other organisations of the pool taken together. A share, the hours per case and the median are
  *pooled*: computed over all their cases at once (a share is all their resolved cases over all their closed cases,
  the median is the median of all their lead times), so a large organisation weighs more than a small one. A count
  is the *mean per organisation*: their total divided by the number of organisations in the pool;
- *difference*: own minus average (in percentage points for a share);
- one column per organisation of the pool that chose to be named (`MeasurementSettings.named_in_benchmark`).

Suppression (`settings.MEASUREMENT_MIN_CELL`, "min" below):
1. A cell made from fewer than min cases is suppressed: shown as "–", never the number. That holds for the own
   column and for named organisations too.
2. The average is suppressed unless its base is at least min and it cannot be taken apart. Let H be the
   organisations of the pool that are not shown individually for that figure (not named, or named with the cell
   suppressed by rule 1). Subtracting the named cells from the average leaves H's figure: with one organisation
   in H that would be that organisation's figure, with a small combined base a small cell, and with no cases at
   all the fact that none of them had any. So the average is shown only when H is empty, or when at least two
   organisations of H contribute to it (a base above zero) and their bases add up to at least min. An
   organisation of H without cases for the figure does not count towards the two: it would hide nothing.
3. A difference is suppressed whenever the own cell or the average is.
A suppressed cell carries neither its value nor its base (`Cell.value` and `Cell.base` are None), so no page,
attribute or export built on the result can show it.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db.models import BooleanField, Value
from django.db.models.functions import Coalesce
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from cases.choices import CaseKind, Outcome
from core.charts import Chart, Series
from measurement.periods import Period
from measurement.queries import Figures, case_figures
from pool.choices import NetworkMembershipStatus
from pool.models import Network, NetworkMembership

COUNT, SHARE, MEDIAN, RATIO = "count", "share", "median", "ratio"


@dataclass(frozen=True)
class Part:
    """One organisation's (or the pool's) raw ingredients of a figure: a numerator and the base it is computed
    from. For a median the numerator is the frequency table of lead times in days."""

    numerator: Decimal | int | Counter
    base: int


@dataclass(frozen=True)
class Measure:
    key: str
    label: str | Promise
    kind: str  # COUNT, SHARE, MEDIAN or RATIO
    part: Callable[[Figures], Part]
    # how a value is shown (`floatformat`'s argument): "-1" one decimal only when there is one, "1" always one
    places: str = "0"

    @property
    def is_share(self) -> bool:
        return self.kind == SHARE


def _count(value: Callable[[Figures], int]) -> Callable[[Figures], Part]:
    return lambda f: Part(value(f), value(f))


OBJECTIONS = (CaseKind.OBJECTION,)
COMPLAINTS = (CaseKind.COMPLAINT,)

MEASURES: tuple[Measure, ...] = (
    Measure(
        "objections_closed",
        _("Objections closed"),
        COUNT,
        _count(lambda f: f.closed_of(kinds=OBJECTIONS)),
        places="-1",
    ),
    Measure(
        "objections_resolved",
        _("Objections resolved informally (share of objections closed)"),
        SHARE,
        lambda f: Part(f.resolved_of(kinds=OBJECTIONS), f.closed_of(kinds=OBJECTIONS)),
    ),
    Measure(
        "complaints_resolved",
        _("Complaints resolved informally (share of complaints closed)"),
        SHARE,
        lambda f: Part(f.resolved_of(kinds=COMPLAINTS), f.closed_of(kinds=COMPLAINTS)),
    ),
    Measure("mediations_started", _("Mediations started"), COUNT, _count(lambda f: f.mediations_started), places="-1"),
    Measure(
        "mediation_agreement",
        _("Mediations ending in agreement (share of mediated cases closed)"),
        SHARE,
        lambda f: Part(f.outcomes(mediated=True)[Outcome.AGREEMENT], f.closed_of(mediated=True)),
    ),
    Measure(
        "median_lead_days",
        _("Median lead time in days (cases closed)"),
        MEDIAN,
        lambda f: Part(f.lead_days, f.closed_total),
        places="-1",
    ),
    Measure(
        "within_term",
        _("Closed within the statutory term (share of closed cases with a term)"),
        SHARE,
        lambda f: Part(f.within_term, f.with_term),
    ),
    Measure(
        "hours_per_case",
        _("Hours recorded per closed case"),
        RATIO,
        lambda f: Part(f.hours_total, f.closed_total),
        places="1",
    ),
)


@dataclass(frozen=True)
class Cell:
    """What a table cell shows. Suppressed: no value and no base, see the module docstring."""

    value: Decimal | None
    base: int | None
    suppressed: bool

    @classmethod
    def hidden(cls) -> Cell:
        return cls(None, None, True)


@dataclass(frozen=True)
class Column:
    """A named organisation of the pool."""

    organisation_id: int
    name: str


@dataclass(frozen=True)
class Row:
    measure: Measure
    own: Cell
    average: Cell
    difference: Cell
    named: list[Cell]  # in the order of `Benchmark.columns`


@dataclass(frozen=True)
class Benchmark:
    organisation: Organisation
    period: Period
    networks: list[Network]
    others: int  # how many other organisations the average is made of
    columns: list[Column]
    rows: list[Row]
    min_cell: int

    @property
    def has_pool(self) -> bool:
        return self.others > 0


def min_cell() -> int:
    return max(1, int(settings.MEASUREMENT_MIN_CELL))


# --- who is compared -----------------------------------------------------------------------------------------------


def networks_of(organisation) -> list[Network]:
    """The networks the organisation actively takes part in."""
    return list(
        Network.objects.filter(
            memberships__organisation=organisation, memberships__status=NetworkMembershipStatus.ACTIVE
        ).order_by("name")
    )


def pool_of(organisation, networks: list[Network]):
    """The other verified organisations actively taking part in any of `networks`, each once, with whether they
    chose to be named (one query)."""
    memberships = NetworkMembership.objects.filter(network__in=networks, status=NetworkMembershipStatus.ACTIVE).values(
        "organisation"
    )
    return (
        Organisation.objects.filter(pk__in=memberships, is_verified=True)
        .exclude(pk=organisation.pk)
        .annotate(named=Coalesce("measurement_settings__named_in_benchmark", Value(False), output_field=BooleanField()))
        .order_by("name", "pk")
    )


# --- the arithmetic --------------------------------------------------------------------------------------------------


def _value(measure: Measure, part: Part, organisations: int = 1) -> Decimal:
    if measure.kind == MEDIAN:
        lead_days = part.numerator
        assert isinstance(lead_days, Counter)
        return Decimal(str(statistics.median(sorted(lead_days.elements()))))
    numerator = Decimal(part.numerator)  # type: ignore[arg-type]
    if measure.kind == COUNT:
        return numerator / organisations
    if measure.kind == SHARE:
        return numerator * 100 / part.base
    return numerator / part.base


def _pooled(measure: Measure, parts: list[Part]) -> Part:
    if measure.kind == MEDIAN:
        table: Counter = Counter()
        for part in parts:
            table.update(part.numerator)  # type: ignore[arg-type]
        return Part(table, sum(p.base for p in parts))
    return Part(sum((p.numerator for p in parts), 0), sum(p.base for p in parts))


def cell(measure: Measure, part: Part, *, minimum: int) -> Cell:
    """Rule 1: one organisation's figure made from fewer than `minimum` cases is not shown."""
    if part.base < minimum:
        return Cell.hidden()
    return Cell(_value(measure, part), part.base, False)


def average_cell(measure: Measure, parts: dict[int, Part], shown: set[int], *, minimum: int) -> Cell:
    """Rule 2: the pooled figure of `parts` (every other organisation of the pool), unless it would reveal an
    organisation not in `shown` (the named organisations whose cell is shown) or a small cell."""
    if not parts:
        return Cell.hidden()
    pooled = _pooled(measure, list(parts.values()))
    if pooled.base < minimum:
        return Cell.hidden()
    hidden = [part.base for pk, part in parts.items() if pk not in shown]
    contributing = [base for base in hidden if base > 0]
    if hidden and (len(contributing) < 2 or sum(contributing) < minimum):
        return Cell.hidden()
    return Cell(_value(measure, pooled, len(parts)), pooled.base, False)


def difference_cell(own: Cell, average: Cell) -> Cell:
    """Rule 3."""
    if own.suppressed or average.suppressed or own.value is None or average.value is None:
        return Cell.hidden()
    return Cell(own.value - average.value, None, False)


# --- the whole table -------------------------------------------------------------------------------------------------


def benchmark(organisation, period: Period) -> Benchmark:
    """The benchmark of `organisation` over `period`, in a fixed number of queries (the networks, the pool with its
    names, and `case_figures` once)."""
    minimum = min_cell()
    networks = networks_of(organisation)
    pool = list(pool_of(organisation, networks)) if networks else []
    figures = case_figures([organisation.pk, *(o.pk for o in pool)], period)
    columns = [Column(o.pk, o.name) for o in pool if o.named]
    rows = []
    for measure in MEASURES:
        own = cell(measure, measure.part(figures[organisation.pk]), minimum=minimum)
        parts = {o.pk: measure.part(figures[o.pk]) for o in pool}
        named = [cell(measure, parts[column.organisation_id], minimum=minimum) for column in columns]
        shown = {column.organisation_id for column, c in zip(columns, named, strict=True) if not c.suppressed}
        average = average_cell(measure, parts, shown, minimum=minimum)
        rows.append(Row(measure, own, average, difference_cell(own, average), named))
    return Benchmark(
        organisation=organisation,
        period=period,
        networks=networks,
        others=len(pool),
        columns=columns,
        rows=rows,
        min_cell=minimum,
    )


def _rounded(cell: Cell) -> Decimal | None:
    return None if cell.value is None else cell.value.quantize(Decimal("0.1"))


def chart(result: Benchmark) -> Chart:
    """Own against the average for the shares, as a bar chart (a suppressed cell is no bar)."""
    shares = [row for row in result.rows if row.measure.is_share]
    return Chart(
        id="benchmark-shares",
        title=str(_("Shares: your organisation and the average of your networks")),
        categories=[str(row.measure.label) for row in shares],
        series=[
            Series(str(_("Your organisation")), [_rounded(row.own) for row in shares]),
            Series(str(_("Average of the other organisations")), [_rounded(row.average) for row in shares]),
        ],
        kind="bar",
        category_header=str(_("Figure")),
        description=str(_("Percentages. A missing bar is a suppressed figure, see the table.")),
        decimals=1,
    )
