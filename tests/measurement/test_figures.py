"""The dashboard's figures, counted from crafted cases: every figure, the medians, the shares, the estimate of hours
saved with and without the organisation's norm, the pool's hours, and the charts' tables. Cases reduced to statistics
still count; another organisation's cases never do."""

from collections import Counter
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import translation

from cases.models import Case, Contact, InformalApproach
from measurement import figures, queries
from measurement.models import MeasurementSettings
from measurement.periods import Period
from pool import ledger
from pool.models import Loan
from tests import factories

pytestmark = pytest.mark.django_db

YEAR = Period.year(2026)


@pytest.fixture
def almere():
    return factories.OrganisationFactory(name="Gemeente Almere", slug="almere")


@pytest.fixture
def zeist():
    return factories.OrganisationFactory(name="Gemeente Zeist", slug="zeist")


def closed(organisation, *, received=date(2026, 3, 1), days=10, outcome="agreement", kind="objection", **fields):
    """A case of `kind` received on `received` and closed `days` later; `status="reduced"` reduces it to statistics."""
    status = fields.pop("status", "closed")
    made = factories.closed_case(
        organisation,
        kind=kind,
        outcome=outcome,
        received_on=received,
        closed_on=received + timedelta(days=days),
        **fields,
    )
    if status != "closed":
        Case.objects.filter(pk=made.pk).update(status=status, summary="")
    return made


def loan(network, lender, borrower, hours, completed_on=date(2026, 5, 1)):
    asker = factories.coordinator(organisation=borrower)
    request = factories.mediator_request(network, asker, status="completed")
    return Loan.objects.create(
        request=request,
        network=network,
        lending_organisation=lender,
        borrowing_organisation=borrower,
        hours=None if hours is None else Decimal(hours),
        completed_on=completed_on,
    )


# --- the median and the buckets, on frequency tables --------------------------------------------------------------


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        ({}, None),
        ({7: 1}, Decimal("7.0")),
        ({10: 3, 40: 1}, Decimal("10.0")),  # 10 10 10 40
        ({10: 2, 40: 2}, Decimal("25.0")),  # even: the mean of 10 and 40
        ({3: 1, 4: 1}, Decimal("3.5")),
        ({1: 1, 5: 1, 9: 1}, Decimal("5.0")),  # odd: the middle one
        ({30: 1, 2: 2, 100: 2}, Decimal("30.0")),  # 2 2 30 100 100, whatever order the table comes in
        ({0: 4, 12: 0}, Decimal("0.0")),
    ],
)
def test_the_median_of_a_frequency_table_is_exact(table, expected):
    assert figures.median(Counter(table)) == expected


def test_three_cases_in_ten_days_and_one_in_forty_fall_into_their_buckets():
    with translation.override("en"):
        buckets = figures.lead_time_buckets(Counter({10: 3, 40: 1}))
    assert buckets == [
        ("up to 2 weeks", 3),
        ("2 to 4 weeks", 0),
        ("4 to 6 weeks", 1),
        ("6 to 8 weeks", 0),
        ("8 to 12 weeks", 0),
        ("12 to 26 weeks", 0),
        ("more than 26 weeks", 0),
    ]


def test_bucket_edges_include_their_last_day():
    buckets = figures.lead_time_buckets(Counter({0: 1, 14: 1, 15: 1, 28: 1, 182: 1, 183: 2}))
    assert [count for _label, count in buckets] == [2, 2, 0, 0, 0, 1, 2]


def test_a_share_has_one_decimal_and_none_without_a_whole():
    assert figures.share(2, 3) == Decimal("66.7")
    assert figures.share(1, 8) == Decimal("12.5")
    assert figures.share(0, 4) == Decimal("0.0")
    assert figures.share(0, 0) is None


# --- the figures of a crafted register ------------------------------------------------------------------------------


@pytest.fixture
def register(almere, zeist):
    """Almere in 2026: four objections, a complaint and a staff conflict closed, one of them reduced to statistics,
    one open case; contacts and informal approaches; and Zeist's cases, which must never count for Almere."""
    mediated = closed(
        almere,
        days=10,
        outcome="agreement",
        mediation_started_on=date(2026, 3, 5),
        decision_due_on=date(2026, 4, 1),
        hours=[("handler", "3"), ("mediator", "2.5")],
    )
    closed(almere, days=10, outcome="withdrawn", decision_due_on=date(2026, 3, 5), hours=[("handler", "1")])
    closed(almere, days=10, outcome="not_resolved", status="reduced", decision_due_on=None, hours=[("handler", "6")])
    closed(
        almere,
        days=40,
        outcome="stopped_by_party",
        mediation_started_on=date(2026, 3, 10),
        decision_due_on=date(2026, 4, 30),
        hours=[("mediator", "4")],
    )
    closed(almere, kind="complaint", days=60, outcome="withdrawn", decision_due_on=None, hours=[("handler", "2")])
    closed(almere, kind="staff_conflict", days=100, outcome="agreement", decision_due_on=None, hours=[("other", "9")])
    open_case = factories.case(almere, received_on=date(2026, 6, 1), mediation_started_on=date(2026, 6, 2))
    # Outside the period: registered and closed in 2025.
    closed(almere, received=date(2025, 1, 1), days=30, hours=[("handler", "50")])
    for day in (date(2026, 3, 2), date(2026, 3, 3), date(2026, 6, 3)):
        Contact.objects.create(case=mediated, happened_on=day)
    Contact.objects.create(case=open_case, happened_on=date(2025, 12, 31))
    for result, day in (("withdrawn", date(2026, 3, 4)), ("kept", date(2026, 6, 4)), ("withdrawn", date(2026, 7, 1))):
        InformalApproach.objects.create(case=open_case, called_on=day, agreements="Afspraak", result=result)
    # Zeist: the same kinds of things, to be left out of Almere's figures.
    other = closed(zeist, days=5, mediation_started_on=date(2026, 3, 2), hours=[("handler", "100")])
    Contact.objects.create(case=other, happened_on=date(2026, 3, 2))
    InformalApproach.objects.create(case=other, called_on=date(2026, 3, 2), agreements="Afspraak", result="withdrawn")
    return almere


def test_every_headline_figure_counts_the_organisations_own_cases_in_the_period(register):
    with translation.override("en"):
        board = figures.dashboard(register, YEAR)
    assert board.contacts == 3
    assert board.informal_approaches == 3
    assert board.informal_by_result == [
        ("Objection withdrawn", 2),
        ("Objection partly withdrawn", 0),
        ("Objection kept", 1),
    ]
    assert board.cases_registered == 7  # six closed (one reduced) and the open one
    assert board.mediations_started == 3  # two closed after mediation, and the open one
    assert board.mediations_closed == 2
    assert dict(board.mediation_outcomes) == {
        "Agreement reached": 1,
        "Objection or complaint withdrawn": 0,
        "Partly resolved": 0,
        "Not resolved: the formal procedure continues": 0,
        "Stopped by a party": 1,
        "Stopped by the mediator": 0,
    }
    assert board.closed == 6
    assert board.objections_closed == 4
    assert board.objections_resolved == 2  # agreement and withdrawn; not_resolved and stopped do not count
    assert board.objections_resolved_share == Decimal("50.0")
    assert board.lead_days_median == Decimal("25.0")  # 10 10 10 40 60 100
    assert (board.with_term, board.within_term) == (3, 2)  # the withdrawn objection was closed after its term
    assert board.within_term_share == Decimal("66.7")
    assert board.hours_spent == Decimal("27.50")
    assert board.resolved_formal == 2 + 1  # two objections and the complaint
    assert board.hours_on_resolved_formal == Decimal("8.50")  # 3 + 2.5 + 1 + 2; not the staff conflict's 9


def test_a_case_reduced_to_statistics_still_counts(register):
    only_reduced = Period(date(2026, 3, 11), date(2026, 3, 11))
    board = figures.dashboard(register, only_reduced)
    assert board.closed == 3  # closed on 11 March: the mediated one, the withdrawn one and the reduced one
    assert board.hours_spent == Decimal("12.50")


def test_another_organisation_sees_only_its_own_case(register, zeist):
    board = figures.dashboard(zeist, YEAR)
    assert (board.closed, board.contacts, board.informal_approaches, board.mediations_started) == (1, 1, 1, 1)
    assert board.hours_spent == Decimal("100.00")


def test_an_odd_number_of_closed_cases_has_the_middle_lead_time(almere):
    for days in (3, 8, 50):
        closed(almere, days=days)
    assert figures.dashboard(almere, YEAR).lead_days_median == Decimal("8.0")


def test_without_a_norm_there_is_no_estimate_of_hours_saved(register):
    board = figures.dashboard(register, YEAR)
    assert board.norm is None and board.hours_saved is None


def test_with_a_norm_the_estimate_is_the_procedures_spared_minus_the_hours_spent_on_them(register):
    MeasurementSettings.objects.create(organisation=register, formal_procedure_hours=Decimal("20.0"))
    board = figures.dashboard(register, YEAR)
    assert board.norm == Decimal("20.0")
    assert board.hours_saved == 3 * Decimal("20.0") - Decimal("8.50") == Decimal("51.50")


def test_no_objection_closed_gives_no_share_rather_than_zero(almere):
    closed(almere, kind="complaint")
    board = figures.dashboard(almere, YEAR)
    assert board.objections_closed == 0 and board.objections_resolved_share is None
    assert board.within_term_share == Decimal("100.0")


def test_an_empty_register_shows_zeros_and_no_derived_figures(almere):
    board = figures.dashboard(almere, YEAR)
    assert (board.contacts, board.cases_registered, board.closed) == (0, 0, 0)
    assert board.lead_days_median is None and board.within_term_share is None
    assert board.pool_lent == board.pool_borrowed == Decimal("0.00")


# --- the pool's hours --------------------------------------------------------------------------------------------


def test_pool_hours_lent_and_borrowed_count_loans_finished_in_the_period_in_every_network(almere, zeist):
    utrecht = factories.OrganisationFactory(name="Gemeente Utrecht", slug="utrecht")
    midden = factories.network("Regio Midden", organisations=[almere, zeist, utrecht])
    flevoland = factories.network("Flevoland", organisations=[almere, zeist])
    loan(midden, almere, zeist, "6")
    loan(flevoland, almere, utrecht, "1.5", completed_on=date(2026, 12, 31))
    loan(midden, zeist, almere, "4")
    loan(midden, almere, zeist, "100", completed_on=date(2025, 12, 31))  # before the period
    loan(midden, almere, zeist, None)  # no hours recorded yet
    loan(midden, zeist, utrecht, "8")  # not Almere's
    assert ledger.organisation_hours(almere.pk, date(2026, 1, 1), date(2026, 12, 31)) == (
        Decimal("7.50"),
        Decimal("4.00"),
    )
    assert ledger.organisation_hours(utrecht.pk, date(2026, 1, 1), date(2026, 6, 30)) == (
        Decimal("0.00"),
        Decimal("8.00"),
    )
    board = figures.dashboard(almere, YEAR)
    assert (board.pool_lent, board.pool_borrowed, board.pool_balance) == (
        Decimal("7.50"),
        Decimal("4.00"),
        Decimal("3.50"),
    )


def test_pool_hours_are_one_query(almere, django_assert_num_queries):
    with django_assert_num_queries(1):
        ledger.organisation_hours(almere.pk, date(2026, 1, 1), date(2026, 12, 31))


# --- the charts ---------------------------------------------------------------------------------------------------


def test_the_charts_tables_hold_the_same_numbers_as_the_figures(register):
    with translation.override("en"):
        board = figures.dashboard(register, Period(date(2026, 3, 1), date(2026, 7, 31)))
        trend, outcomes, lead = board.charts()
    assert trend.kind == "line"
    assert trend.categories == ["March 2026", "April 2026", "May 2026", "June 2026", "July 2026"]
    assert {series.label: series.values for series in trend.series} == {
        "Cases registered": [6, 0, 0, 1, 0],
        "Contacts": [2, 0, 0, 1, 0],
        "Informal approaches": [1, 0, 0, 1, 1],
        "Mediations started": [2, 0, 0, 1, 0],
        "Cases closed": [3, 2, 0, 1, 0],  # 11 March ×3; 10 and 30 April; 9 June
    }
    assert outcomes.kind == "stacked"
    assert dict(outcomes.rows) == {
        "Agreement reached": [1, 1],  # the staff conflict without, the objection with mediation
        "Objection or complaint withdrawn": [2, 0],
        "Partly resolved": [0, 0],
        "Not resolved: the formal procedure continues": [1, 0],
        "Stopped by a party": [0, 1],
        "Stopped by the mediator": [0, 0],
    }
    assert lead.kind == "bar"
    assert dict(lead.rows) == {
        "up to 2 weeks": [3],
        "2 to 4 weeks": [0],
        "4 to 6 weeks": [1],
        "6 to 8 weeks": [0],
        "8 to 12 weeks": [1],
        "12 to 26 weeks": [1],
        "more than 26 weeks": [0],
    }


def test_the_figures_are_a_fixed_number_of_queries(register, django_assert_num_queries):
    with django_assert_num_queries(14):
        figures.dashboard(register, YEAR)


# --- queries.py on its own ----------------------------------------------------------------------------------------


def test_case_figures_answers_for_several_organisations_at_once(register, zeist):
    empty = factories.OrganisationFactory(slug="leeg")
    result = queries.case_figures([register.pk, zeist.pk, empty.pk], YEAR)
    assert (result[register.pk].closed_total, result[zeist.pk].closed_total, result[empty.pk].closed_total) == (6, 1, 0)
    assert result[register.pk].hours[(True, True)] == Decimal("5.50")  # the mediated agreement
    assert result[register.pk].hours_by_kind[("staff_conflict", True)] == Decimal("9.00")
    assert queries.case_figures([], YEAR) == {}


def test_both_ends_of_the_period_are_included_and_nothing_beyond(almere):
    period = Period(date(2026, 3, 1), date(2026, 3, 31))
    closed(almere, received=date(2026, 2, 28), days=1)  # received before, closed on the first day
    closed(almere, received=date(2026, 3, 31), days=0)  # received and closed on the last day
    closed(almere, received=date(2026, 3, 31), days=1)  # closed the day after
    result = queries.case_figures([almere.pk], period)[almere.pk]
    assert (result.cases_registered, result.closed_total) == (2, 2)
    assert result.lead_days == Counter({1: 1, 0: 1})
    trend = queries.monthly(almere.pk, Period(date(2026, 2, 15), date(2026, 4, 15)))
    assert trend.months == [date(2026, 2, 1), date(2026, 3, 1), date(2026, 4, 1)]
    assert trend.values("cases_registered") == [1, 2, 0]
    assert trend.values("closed") == [0, 2, 1]
