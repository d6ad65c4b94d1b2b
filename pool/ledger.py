"""The hours ledger of a network: per organisation and year, the hours its mediators worked for others (lent), the
hours others' mediators worked for it (borrowed), and the balance.

A loan counts in the year its case finished (`Loan.completed_on`) once its hours are recorded; a loan without hours
counts nowhere yet. The organisations are read from the loan itself, so a mediator who left or erased their account
does not change the ledger. The sums are made by the database (one aggregate query for a year, one for the years that
have hours), in Decimal, so the page, the chart, the CSV and the demo agree to the cent.

Who may read a ledger is `permissions.READ_NETWORK`: callers check it before asking.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import DecimalField, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext

from accounts.models import Organisation
from core import csv as csv_file
from pool.choices import NetworkMembershipStatus
from pool.models import Loan, Network, NetworkMembership

ZERO = Decimal("0.00")
_HOURS = DecimalField(max_digits=12, decimal_places=2)


@dataclass(frozen=True)
class LedgerRow:
    """One organisation's hours in one year of one network."""

    organisation_id: int
    name: str
    slug: str
    country: str
    region: str
    lent: Decimal
    borrowed: Decimal

    @property
    def country_label(self) -> str:
        try:
            return str(Organisation.Country(self.country).label)
        except ValueError:
            return self.country

    @property
    def balance(self) -> Decimal:
        """Positive: the organisation gave more hours than it received."""
        return self.lent - self.borrowed


@dataclass(frozen=True)
class Ledger:
    network_id: int
    year: int
    rows: list[LedgerRow]

    @property
    def total_lent(self) -> Decimal:
        return sum((row.lent for row in self.rows), ZERO)

    @property
    def total_borrowed(self) -> Decimal:
        return sum((row.borrowed for row in self.rows), ZERO)

    @property
    def total_balance(self) -> Decimal:
        """Zero whenever every loan is between two organisations of the list, which is always: a check, not news."""
        return self.total_lent - self.total_borrowed

    @property
    def has_hours(self) -> bool:
        return self.total_lent > 0 or self.total_borrowed > 0

    @property
    def largest(self) -> Decimal:
        """The longest bar of the chart: the most hours one organisation lent or borrowed."""
        return max((max(row.lent, row.borrowed) for row in self.rows), default=ZERO)


@dataclass(frozen=True)
class ChartBar:
    """A row of the chart: bar lengths as percentages of the longest bar, written with a dot whatever the language
    (they go into SVG attributes, which are not localised)."""

    row: LedgerRow
    lent_width: str
    borrowed_width: str


def _hours_loans(network: Network):
    return Loan.objects.filter(network=network, hours__isnull=False, completed_on__isnull=False)


def ledger_years(network: Network) -> list[int]:
    """The years in which a loan of the network finished with hours recorded, latest first."""
    return [day.year for day in _hours_loans(network).dates("completed_on", "year", order="DESC")]


def default_year(years: list[int], today: date | None = None) -> int:
    """The current year when it has hours (or nothing has), else the latest year that has."""
    current = (today or timezone.localdate()).year
    if not years or current in years:
        return current
    return max(years)


def choose_year(years: list[int], requested, today: date | None = None) -> int:
    """The year a page or download asked for (`?year=`) when the ledger has it, else `default_year`."""
    for year in years:
        if str(requested) == str(year):
            return year
    return default_year(years, today)


def ledger(network: Network, year: int) -> Ledger:
    """Every organisation taking part in the network, and every organisation with hours in it that year (also one
    that has left since), with its hours lent and borrowed, ordered by name. One query."""
    loans = _hours_loans(network).filter(completed_on__year=year).order_by()
    lent = loans.filter(lending_organisation=OuterRef("pk")).values("lending_organisation").annotate(total=Sum("hours"))
    borrowed = (
        loans.filter(borrowing_organisation=OuterRef("pk"))
        .values("borrowing_organisation")
        .annotate(total=Sum("hours"))
    )
    participating = NetworkMembership.objects.filter(network=network, status=NetworkMembershipStatus.ACTIVE)
    organisations = (
        Organisation.objects.filter(
            Q(pk__in=participating.values("organisation"))
            | Q(pk__in=loans.values("lending_organisation"))
            | Q(pk__in=loans.values("borrowing_organisation"))
        )
        .annotate(
            lent=Coalesce(Subquery(lent.values("total"), output_field=_HOURS), Value(ZERO), output_field=_HOURS),
            borrowed=Coalesce(
                Subquery(borrowed.values("total"), output_field=_HOURS), Value(ZERO), output_field=_HOURS
            ),
        )
        .order_by("name", "pk")
        .values("pk", "name", "slug", "country", "region", "lent", "borrowed")
    )
    rows = [
        LedgerRow(
            organisation_id=values["pk"],
            name=values["name"],
            slug=values["slug"],
            country=values["country"],
            region=values["region"],
            lent=_decimal(values["lent"]),
            borrowed=_decimal(values["borrowed"]),
        )
        for values in organisations
    ]
    return Ledger(network_id=network.pk, year=year, rows=rows)


def _decimal(value) -> Decimal:
    return Decimal(value if value is not None else 0).quantize(ZERO)


def chart_bars(book: Ledger) -> list[ChartBar]:
    largest = book.largest
    return [
        ChartBar(row=row, lent_width=_percent(row.lent, largest), borrowed_width=_percent(row.borrowed, largest))
        for row in book.rows
    ]


def _percent(value: Decimal, largest: Decimal) -> str:
    if largest <= 0:
        return "0"
    return f"{(value * 100 / largest):.1f}"


# --- one organisation's hours over a period -------------------------------------------------------------------


def organisation_hours(organisation_id: int, start: date, end: date) -> tuple[Decimal, Decimal]:
    """The hours the organisation lent and borrowed through any network, in loans that finished from `start` to
    `end` (both included) with hours recorded, as (lent, borrowed). One aggregate query."""
    totals = (
        Loan.objects.filter(hours__isnull=False, completed_on__gte=start, completed_on__lte=end)
        .filter(Q(lending_organisation_id=organisation_id) | Q(borrowing_organisation_id=organisation_id))
        .aggregate(
            lent=Sum("hours", filter=Q(lending_organisation_id=organisation_id)),
            borrowed=Sum("hours", filter=Q(borrowing_organisation_id=organisation_id)),
        )
    )
    return _decimal(totals["lent"]), _decimal(totals["borrowed"])


# --- the CSV download --------------------------------------------------------------------------------------------

# The formula guard of every download; kept under this name for the ledger's callers.
csv_text_cell = csv_file.text_cell


def ledger_csv(book: Ledger) -> str:
    """The ledger as CSV in the active language (`core.csv`): a header row, then organisation, lent, borrowed and
    balance."""
    header = (gettext("Organisation"), gettext("Hours lent"), gettext("Hours borrowed"), gettext("Balance"))
    return csv_file.write([header, *((row.name, row.lent, row.borrowed, row.balance) for row in book.rows)])
