"""The regional benchmark: an organisation beside the other organisations of its networks, and the small-cell
suppression that keeps an organisation that did not choose to be named out of sight. Crafted data throughout."""

import datetime
import re
from decimal import Decimal

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from cases.models import Case, Hours
from measurement import benchmark as rules
from measurement.models import MeasurementSettings
from measurement.periods import Period
from pool.models import NetworkMembership
from tests import factories

pytestmark = pytest.mark.django_db

YEAR = Period.year(2026)
QUERY = {"start": "2026-01-01", "end": "2026-12-31"}


def closed(organisation, number, *, outcome="agreement", kind="objection", lead_days=30, mediated=False, **fields):
    """`number` closed cases of `organisation` in 2026, each `lead_days` from received to closed."""
    received = datetime.date(2026, 3, 1)
    Case.objects.bulk_create(
        Case(
            organisation=organisation,
            reference=f"T-{index}",
            kind=kind,
            status="closed",
            outcome=outcome,
            received_on=received,
            closed_on=received + datetime.timedelta(days=lead_days),
            decision_due_on=fields.get("decision_due_on"),
            mediation_started_on=received if mediated else None,
        )
        for index in range(number)
    )


def named(organisation):
    MeasurementSettings.objects.create(organisation=organisation, named_in_benchmark=True)


def row(result, key):
    return next(r for r in result.rows if r.measure.key == key)


@pytest.fixture
def almere(db):
    return factories.OrganisationFactory(name="Almere")


def others(almere, *names):
    """Organisations that share a network with Almere."""
    organisations = [factories.OrganisationFactory(name=name) for name in names]
    factories.network("Flevoland", organisations=[almere, *organisations])
    return organisations


# --- rule 1: a cell from fewer than MIN_CELL cases -----------------------------------------------------------------


def test_a_cell_from_four_cases_is_suppressed_and_from_five_shown(almere):
    others(almere, "Lelystad", "Dronten")
    closed(almere, 4)
    own = row(rules.benchmark(almere, YEAR), "objections_closed").own
    assert (own.suppressed, own.value, own.base) == (True, None, None)

    closed(almere, 1)
    own = row(rules.benchmark(almere, YEAR), "objections_closed").own
    assert (own.suppressed, own.value, own.base) == (False, 5, 5)


def test_a_share_is_suppressed_by_its_base_not_by_its_numerator(almere):
    others(almere, "Lelystad")
    closed(almere, 2, outcome="agreement")
    closed(almere, 2, outcome="not_resolved")
    assert row(rules.benchmark(almere, YEAR), "objections_resolved").own.suppressed
    closed(almere, 1, outcome="not_resolved")
    share = row(rules.benchmark(almere, YEAR), "objections_resolved").own
    assert (share.value, share.base) == (40, 5)


@override_settings(MEASUREMENT_MIN_CELL=3)
def test_the_minimum_is_a_setting(almere):
    others(almere, "Lelystad")
    closed(almere, 3)
    assert row(rules.benchmark(almere, YEAR), "objections_closed").own.value == 3


# --- rule 2: the average must not reveal one organisation ------------------------------------------------------------


def test_the_average_with_exactly_one_hidden_organisation_is_suppressed_however_many_cases(almere):
    lelystad, dronten = others(almere, "Lelystad", "Dronten")
    named(lelystad)
    closed(lelystad, 50)
    closed(dronten, 50)
    result = rules.benchmark(almere, YEAR)
    figure = row(result, "objections_closed")
    assert [c.value for c in figure.named] == [50]
    assert figure.average.suppressed and figure.average.value is None


def test_the_average_of_a_single_other_organisation_is_suppressed(almere):
    (lelystad,) = others(almere, "Lelystad")
    closed(lelystad, 80)
    assert row(rules.benchmark(almere, YEAR), "objections_closed").average.suppressed


def test_two_hidden_organisations_with_enough_cases_between_them_show_the_average(almere):
    lelystad, dronten = others(almere, "Lelystad", "Dronten")
    closed(lelystad, 3, outcome="agreement")
    closed(dronten, 3, outcome="not_resolved")
    result = rules.benchmark(almere, YEAR)
    assert row(result, "objections_closed").average.value == 3  # mean per organisation: 6 / 2
    share = row(result, "objections_resolved").average
    assert (share.suppressed, share.value, share.base) == (False, 50, 6)  # pooled: 3 of 6


def test_two_hidden_organisations_with_too_few_cases_between_them_keep_the_average_hidden(almere):
    lelystad, dronten, zeewolde = others(almere, "Lelystad", "Dronten", "Zeewolde")
    named(lelystad)
    closed(lelystad, 40)
    closed(dronten, 2)
    closed(zeewolde, 2)
    figure = row(rules.benchmark(almere, YEAR), "objections_closed")
    assert figure.named[0].value == 40
    assert figure.average.suppressed  # 44 cases, but 44 − 40 leaves a cell of 4


def test_a_hidden_organisation_without_cases_for_a_figure_does_not_make_the_average_safe(almere):
    lelystad, dronten, _zeewolde = others(almere, "Lelystad", "Dronten", "Zeewolde")
    named(lelystad)
    closed(lelystad, 10)
    closed(dronten, 10)  # Zeewolde has none: Dronten alone would be revealed
    assert row(rules.benchmark(almere, YEAR), "objections_closed").average.suppressed


def test_hidden_organisations_without_cases_for_a_figure_keep_the_average_hidden(almere):
    lelystad, _dronten, _zeewolde = others(almere, "Lelystad", "Dronten", "Zeewolde")
    named(lelystad)
    closed(lelystad, 6, mediated=True)
    # Lelystad's 6 against an average of 2 over three would tell that the other two started none.
    assert row(rules.benchmark(almere, YEAR), "mediations_started").average.suppressed


def test_when_every_organisation_is_named_and_shown_the_average_is_shown(almere):
    lelystad, dronten = others(almere, "Lelystad", "Dronten")
    named(lelystad)
    named(dronten)
    closed(lelystad, 6)
    closed(dronten, 8)
    assert row(rules.benchmark(almere, YEAR), "objections_closed").average.value == 7


def test_a_named_organisation_with_three_cases_is_suppressed_and_counts_as_hidden(almere):
    lelystad, dronten = others(almere, "Lelystad", "Dronten")
    named(lelystad)
    named(dronten)
    closed(lelystad, 3)
    closed(dronten, 10)
    result = rules.benchmark(almere, YEAR)
    figure = row(result, "objections_closed")
    cells = {column.name: cell for column, cell in zip(result.columns, figure.named, strict=True)}
    assert cells["Lelystad"] == rules.Cell(None, None, True)
    assert cells["Dronten"].value == 10
    # average − Dronten would be Lelystad's 3
    assert figure.average.suppressed


def test_a_difference_is_suppressed_with_either_of_its_cells(almere):
    lelystad, dronten = others(almere, "Lelystad", "Dronten")
    closed(lelystad, 5)
    closed(dronten, 5)
    closed(almere, 3)
    figure = row(rules.benchmark(almere, YEAR), "objections_closed")
    assert not figure.average.suppressed and figure.own.suppressed
    assert figure.difference.suppressed and figure.difference.value is None

    closed(almere, 4)
    figure = row(rules.benchmark(almere, YEAR), "objections_closed")
    assert (figure.own.value, figure.average.value, figure.difference.value) == (7, 5, 2)

    named(lelystad)  # now Dronten alone is hidden
    figure = row(rules.benchmark(almere, YEAR), "objections_closed")
    assert figure.average.suppressed and figure.difference.suppressed


# --- who is compared -----------------------------------------------------------------------------------------------


def test_only_active_verified_members_of_the_organisation_s_own_networks_count(almere):
    lelystad, dronten = others(almere, "Lelystad", "Dronten")
    closed(lelystad, 5, outcome="agreement")
    closed(dronten, 5, outcome="agreement")
    flevoland = NetworkMembership.objects.filter(organisation=almere).get().network

    outsider = factories.OrganisationFactory(name="Utrecht")
    factories.network("Utrecht e.o.", organisations=[outsider, lelystad])  # a network Almere is not in
    pending = factories.OrganisationFactory(name="Urk")
    gone = factories.OrganisationFactory(name="Noordoostpolder")
    unverified = factories.OrganisationFactory(name="Nep", is_verified=False)
    NetworkMembership.objects.create(network=flevoland, organisation=pending, status="requested")
    NetworkMembership.objects.create(network=flevoland, organisation=gone, status="left")
    NetworkMembership.objects.create(network=flevoland, organisation=unverified, status="active")
    elsewhere = factories.OrganisationFactory(name="Hoorn")
    factories.network("Noord-Holland", organisations=[elsewhere])
    NetworkMembership.objects.create(
        network=factories.network("Waddenzee", organisations=[elsewhere]), organisation=almere, status="requested"
    )
    for organisation in (outsider, pending, gone, unverified, elsewhere):
        closed(organisation, 20, outcome="not_resolved")
        named(organisation)

    result = rules.benchmark(almere, YEAR)
    assert result.others == 2
    assert [n.name for n in result.networks] == ["Flevoland"]
    assert result.columns == []
    share = row(result, "objections_resolved").average
    assert (share.value, share.base) == (100, 10)


def test_an_organisation_in_two_networks_compares_with_both_counting_each_once(almere):
    lelystad, _dronten = others(almere, "Lelystad", "Dronten")
    zwolle = factories.OrganisationFactory(name="Zwolle")
    factories.network("IJssel", organisations=[almere, zwolle, lelystad])
    result = rules.benchmark(almere, YEAR)
    assert result.others == 3
    assert [n.name for n in result.networks] == ["Flevoland", "IJssel"]


def test_the_figures_are_rates_medians_and_hours_per_case(almere):
    lelystad, dronten = others(almere, "Lelystad", "Dronten")
    closed(lelystad, 4, lead_days=10, mediated=True, outcome="agreement", decision_due_on=datetime.date(2026, 12, 1))
    closed(dronten, 2, lead_days=40, mediated=True, outcome="stopped_by_party", kind="complaint")
    closed(dronten, 4, lead_days=50, outcome="withdrawn", kind="complaint")
    result = rules.benchmark(almere, YEAR)
    assert row(result, "median_lead_days").average.value == 40  # of 10,10,10,10,40,40,50,50,50,50
    assert float(row(result, "mediation_agreement").average.value) == pytest.approx(66.67, abs=0.01)
    assert row(result, "complaints_resolved").average.suppressed  # all complaints are Dronten's
    assert row(result, "mediations_started").average.value == 3  # 6 mediations over 2 organisations
    assert row(result, "within_term").average.suppressed  # only 4 cases had a term
    hours = Hours.objects.bulk_create(
        Hours(case=case, role="handler", hours=Decimal("2.5")) for case in Case.objects.filter(organisation=dronten)
    )
    assert len(hours) == 6
    assert row(rules.benchmark(almere, YEAR), "hours_per_case").average.value == Decimal("1.5")  # 15 h / 10 cases


# --- the page ------------------------------------------------------------------------------------------------------


def url(organisation):
    return reverse("measurement:benchmark", args=[organisation.slug])


def text_of(response) -> str:
    return " ".join(response.content.decode().split())


def canary_in(content: str, number: str) -> bool:
    return re.search(rf"(?<![\w.,]){re.escape(number)}(?![\w]|[.,]\d)", content) is not None


def test_a_figure_of_an_organisation_that_did_not_opt_in_never_appears_on_the_page(as_user, almere):
    lelystad, dronten, zeewolde = others(almere, "Lelystad", "Dronten", "Zeewolde")
    named(lelystad)
    closed(lelystad, 6, lead_days=20)
    closed(dronten, 7, lead_days=137)  # the canary: Dronten's median and its own lead time
    closed(zeewolde, 9, lead_days=60)
    closed(almere, 8, lead_days=45)
    response = as_user(factories.coordinator(organisation=almere)).get(url(almere), QUERY)
    content = response.content.decode()
    assert response.status_code == 200
    assert not canary_in(content, "137")
    assert "Lelystad" in content and "Dronten" not in content and "Zeewolde" not in content
    figure = row(response.context["benchmark"], "median_lead_days")
    assert [c.value for c in figure.named] == [20]
    assert figure.average.value == 60  # pooled over 22 cases of three organisations, two of them hidden


def test_a_lone_hidden_organisation_s_figures_stay_off_the_page_and_out_of_the_chart(as_user, almere):
    lelystad, dronten = others(almere, "Lelystad", "Dronten")
    named(lelystad)
    closed(lelystad, 6, lead_days=20, outcome="agreement")
    closed(dronten, 7, lead_days=137, outcome="not_resolved")
    response = as_user(factories.coordinator(organisation=almere)).get(url(almere), QUERY)
    content = response.content.decode()
    assert not canary_in(content, "137")
    chart = response.context["chart"]
    average = chart.series[1].values
    assert all(value is None for value in average)
    # The average of 13 cases minus Lelystad's 6 would be Dronten's: suppressed, every figure of it.
    assert all(r.average.suppressed for r in response.context["benchmark"].rows)


def test_the_page_explains_suppression_and_the_average_in_english(as_user, almere):
    others(almere, "Lelystad", "Dronten")
    as_user(factories.coordinator(organisation=almere))
    with translation.override("en"):
        response = as_user(factories.coordinator(organisation=almere)).get(url(almere), QUERY)
    text = " ".join(response.content.decode().split())
    assert "it would be computed from fewer than 5 cases" in text
    assert "a count is their total divided by the number of organisations" in text
    assert "Compared with the 2 other organisations of your networks" in text
    assert 'scope="row"' in text and 'scope="col"' in text


def test_without_networks_the_page_says_so_and_points_to_the_networks(as_user, almere):
    with translation.override("en"):
        response = as_user(factories.coordinator(organisation=almere)).get(url(almere))
        networks = reverse("pool:networks")
    text = " ".join(response.content.decode().split())
    assert response.status_code == 200
    assert "does not take part in a regional network with other organisations yet" in text
    assert f'href="{networks}"' in text
    assert "<table" not in text


def test_who_reads_the_benchmark(client, as_user, almere):
    others(almere, "Lelystad")
    manager = factories.member(organisation=almere)
    factories.management_access(almere, manager)
    assert as_user(factories.coordinator(organisation=almere)).get(url(almere)).status_code == 200
    assert as_user(manager).get(url(almere)).status_code == 200
    assert as_user(factories.member(organisation=almere)).get(url(almere)).status_code == 404
    assert as_user(factories.coordinator()).get(url(almere)).status_code == 404
    client.logout()
    response = client.get(url(almere))
    assert response.status_code == 302 and "login" in response["Location"]


def test_a_bad_period_shows_the_last_twelve_months_and_says_why(as_user, almere):
    others(almere, "Lelystad")
    as_user(factories.coordinator(organisation=almere))
    with translation.override("en"):
        response = as_user(factories.coordinator(organisation=almere)).get(
            url(almere), {"start": "2026-12-01", "end": "2026-01-01"}
        )
    assert response.status_code == 200
    assert "The end of the period cannot be before its start." in response.content.decode()


def test_the_benchmark_page_keeps_a_fixed_number_of_queries(as_user, almere, django_assert_max_num_queries):
    (lelystad,) = others(almere, "Lelystad")
    named(lelystad)
    closed(almere, 5)
    client = as_user(factories.coordinator(organisation=almere))
    with django_assert_max_num_queries(25) as few:
        client.get(url(almere), QUERY)
    network = NetworkMembership.objects.filter(organisation=almere).get().network
    for number in range(6):
        organisation = factories.OrganisationFactory(name=f"Gemeente {number}")
        NetworkMembership.objects.create(network=network, organisation=organisation, status="active")
        if number % 2:
            named(organisation)
        closed(organisation, 12, mediated=number % 3 == 0, kind=("objection", "complaint")[number % 2])
    closed(almere, 40)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url(almere), QUERY)
    assert response.context["benchmark"].others == 7


def test_the_chart_shows_the_shares_of_the_table_and_no_bar_for_a_suppressed_one(almere):
    lelystad, dronten = others(almere, "Lelystad", "Dronten")
    closed(lelystad, 2, outcome="agreement")
    closed(dronten, 4, outcome="not_resolved")
    closed(almere, 5, outcome="agreement")
    chart = rules.chart(rules.benchmark(almere, YEAR))
    assert chart.kind == "bar" and len(chart.categories) == 4
    assert chart.series[0].values == [100, None, None, None]
    assert chart.series[1].values == [Decimal("33.3"), None, None, None]


def test_the_page_says_how_the_others_see_the_organisation_and_coordinators_get_the_setting(as_user, almere):
    others(almere, "Lelystad")
    manager = factories.member(organisation=almere)
    factories.management_access(almere, manager)
    with translation.override("en"):
        settings_url = reverse("measurement:settings", args=[almere.slug])
        page = text_of(as_user(factories.coordinator(organisation=almere)).get(url(almere)))
        assert "see the figures of Almere only inside their average" in page
        assert f'href="{settings_url}"' in page
        named(almere)
        page = text_of(as_user(manager).get(url(almere)))
        assert "see the figures of Almere under its name" in page
        assert f'href="{settings_url}"' not in page
