"""What an organisation's dashboard, its CSV and its annual-report page show for one period.

Everything is derived from `queries.case_figures` and `queries.monthly` (the same counting as the benchmark), the
organisation's own assumption (`MeasurementSettings.formal_procedure_hours`) and the pool's ledger. Shares are
percentages with one decimal, `None` when there is nothing to share out (no figure rather than a made-up 0 %).

The estimate of hours saved is deliberately simple and always shown with its assumption: every objection or
complaint resolved informally (agreement or withdrawn) is taken to have spared one formal procedure of the norm's
hours, minus the hours actually spent on those cases.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils import formats
from django.utils.translation import gettext, gettext_lazy

from cases.choices import CaseKind, ObjectionResult, Outcome
from core.charts import Chart, Series
from measurement import queries
from measurement.models import MeasurementSettings
from measurement.periods import Period
from pool import ledger

# The kinds for which an informal solution spares a formal procedure (a hearing, advice, a decision on objection).
FORMAL_KINDS = (CaseKind.OBJECTION, CaseKind.COMPLAINT)

# Lead time buckets: the last day each includes (None: and longer) and its label. Weeks of seven days.
LEAD_TIME_BUCKETS = (
    (14, gettext_lazy("up to 2 weeks")),
    (28, gettext_lazy("2 to 4 weeks")),
    (42, gettext_lazy("4 to 6 weeks")),
    (56, gettext_lazy("6 to 8 weeks")),
    (84, gettext_lazy("8 to 12 weeks")),
    (182, gettext_lazy("12 to 26 weeks")),
    (None, gettext_lazy("more than 26 weeks")),
)


def share(part: int, whole: int) -> Decimal | None:
    """`part` of `whole` as a percentage with one decimal; None when `whole` is 0."""
    if not whole:
        return None
    return (Decimal(100) * part / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def median(frequencies: Counter) -> Decimal | None:
    """The exact median of a frequency table {value: how often}: the middle value, or the mean of the two middle
    values when the count is even. None for an empty table."""
    total = sum(n for n in frequencies.values() if n > 0)
    if not total:
        return None
    wanted = [(total - 1) // 2, total // 2]  # positions (from 0) of the middle value(s) in the sorted list
    found: list[int] = []
    seen = 0
    for value in sorted(v for v, n in frequencies.items() if n > 0):
        seen += frequencies[value]
        while len(found) < 2 and wanted[len(found)] < seen:
            found.append(value)
        if len(found) == 2:
            break
    return (Decimal(found[0] + found[1]) / 2).quantize(Decimal("0.1"))


def lead_time_buckets(frequencies: Counter) -> list[tuple[str, int]]:
    """How many closed cases took each bucket's lead time (in days from received to closed)."""
    counts = [0] * len(LEAD_TIME_BUCKETS)
    for days, n in frequencies.items():
        for index, (last_day, _label) in enumerate(LEAD_TIME_BUCKETS):
            if last_day is None or days <= last_day:
                counts[index] += n
                break
    return [(str(label), count) for (_last, label), count in zip(LEAD_TIME_BUCKETS, counts, strict=True)]


@dataclass(frozen=True)
class Dashboard:
    """One organisation's figures for one period, ready to show, download or print."""

    organisation_id: int
    period: Period
    contacts: int
    informal_approaches: int
    informal_by_result: list[tuple[str, int]]  # (label, count) in the order of ObjectionResult
    cases_registered: int
    mediations_started: int
    mediations_closed: int  # closed cases that had a mediation
    mediation_outcomes: list[tuple[str, int]]  # (label, count) of those, in the order of Outcome
    closed: int
    objections_closed: int
    objections_resolved: int  # ... closed with an agreement or withdrawn
    lead_days_median: Decimal | None
    with_term: int
    within_term: int
    hours_spent: Decimal
    norm: Decimal | None  # the organisation's hours per formal procedure
    resolved_formal: int  # objections and complaints resolved informally
    hours_on_resolved_formal: Decimal
    pool_lent: Decimal
    pool_borrowed: Decimal
    figures: queries.Figures
    monthly: queries.Monthly

    @property
    def objections_resolved_share(self) -> Decimal | None:
        return share(self.objections_resolved, self.objections_closed)

    @property
    def within_term_share(self) -> Decimal | None:
        return share(self.within_term, self.with_term)

    @property
    def hours_saved(self) -> Decimal | None:
        """Formal procedures spared × the norm − the hours those cases took; None without a norm."""
        if self.norm is None:
            return None
        return self.resolved_formal * self.norm - self.hours_on_resolved_formal

    @property
    def pool_balance(self) -> Decimal:
        return self.pool_lent - self.pool_borrowed

    # --- the charts: a table first (core.charts) --------------------------------------------------------------

    def trend_chart(self) -> Chart:
        names = (
            ("cases_registered", gettext("Cases registered")),
            ("contacts", gettext("Contacts")),
            ("informal_approaches", gettext("Informal approaches")),
            ("mediations_started", gettext("Mediations started")),
            ("closed", gettext("Cases closed")),
        )
        return Chart(
            id="measurement-trend",
            title=gettext("Trend per month"),
            kind="line",
            category_header=gettext("Month"),
            categories=[formats.date_format(month, "YEAR_MONTH_FORMAT") for month in self.monthly.months],
            series=[Series(label, list(self.monthly.values(name))) for name, label in names],
            description=gettext("How many of each happened per month of the period."),
        )

    def outcome_chart(self) -> Chart:
        without = self.figures.outcomes(mediated=False)
        mediated = self.figures.outcomes(mediated=True)
        return Chart(
            id="measurement-outcomes",
            title=gettext("Outcomes of the cases closed"),
            kind="stacked",
            category_header=gettext("Outcome"),
            categories=[str(label) for _value, label in Outcome.choices],
            series=[
                Series(gettext("Without mediation"), [without[value] for value in Outcome.values]),
                Series(gettext("With mediation"), [mediated[value] for value in Outcome.values]),
            ],
            description=gettext("Every case closed in the period, by its outcome and whether it went to mediation."),
        )

    def lead_time_chart(self) -> Chart:
        buckets = lead_time_buckets(self.figures.lead_days)
        return Chart(
            id="measurement-lead-time",
            title=gettext("Lead time of the cases closed"),
            kind="bar",
            category_header=gettext("Lead time"),
            categories=[label for label, _count in buckets],
            series=[Series(gettext("Cases closed"), [count for _label, count in buckets])],
            description=gettext("Days from receiving the case to closing it, counted in weeks."),
        )

    def charts(self) -> list[Chart]:
        return [self.trend_chart(), self.outcome_chart(), self.lead_time_chart()]


def _labelled(counts: Counter, choices) -> list[tuple[str, int]]:
    return [(str(label), counts[value]) for value, label in choices]


def dashboard(organisation, period: Period) -> Dashboard:
    """Every figure of the organisation's dashboard for `period`. A fixed number of queries (fourteen)."""
    figures = queries.case_figures([organisation.pk], period)[organisation.pk]
    monthly = queries.monthly(organisation.pk, period)
    norm = MeasurementSettings.objects.filter(organisation=organisation).values_list(
        "formal_procedure_hours", flat=True
    )
    lent, borrowed = ledger.organisation_hours(organisation.pk, period.start, period.end)
    formal = [str(kind) for kind in FORMAL_KINDS]
    objection = [str(CaseKind.OBJECTION)]
    return Dashboard(
        organisation_id=organisation.pk,
        period=period,
        contacts=figures.contacts,
        informal_approaches=sum(figures.informal_approaches.values()),
        informal_by_result=_labelled(figures.informal_approaches, ObjectionResult.choices),
        cases_registered=figures.cases_registered,
        mediations_started=figures.mediations_started,
        mediations_closed=figures.closed_of(mediated=True),
        mediation_outcomes=_labelled(figures.outcomes(mediated=True), Outcome.choices),
        closed=figures.closed_total,
        objections_closed=figures.closed_of(kinds=objection),
        objections_resolved=figures.resolved_of(kinds=objection),
        lead_days_median=median(figures.lead_days),
        with_term=figures.with_term,
        within_term=figures.within_term,
        hours_spent=figures.hours_total,
        norm=next(iter(norm), None),
        resolved_formal=figures.resolved_of(kinds=formal),
        hours_on_resolved_formal=queries.ZERO + sum(figures.hours_by_kind[(kind, True)] for kind in formal),
        pool_lent=lent,
        pool_borrowed=borrowed,
        figures=figures,
        monthly=monthly,
    )
