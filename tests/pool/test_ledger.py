"""The hours ledger: per organisation and year, hours lent and borrowed and the balance, as a page (chart + table)
and as CSV, for the network's members only. Zeist lends 6 hours to Almere → Zeist +6, Almere −6."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from pool import ledger
from pool.choices import NetworkMembershipStatus
from pool.models import Loan
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english(_default_language):
    translation.activate("en")


@pytest.fixture
def world():
    almere = factories.OrganisationFactory(name="Gemeente Almere", slug="almere")
    zeist = factories.OrganisationFactory(name="Gemeente Zeist", slug="zeist")
    utrecht = factories.OrganisationFactory(name="Gemeente Utrecht", slug="utrecht")
    aarhus = factories.OrganisationFactory(name="Aarhus Kommune", slug="aarhus", country="DK")
    midden = factories.network("Regio Midden", slug="regio-midden", organisations=[almere, zeist, utrecht])
    jylland = factories.network("Netværk Jylland", slug="jylland", organisations=[aarhus, zeist])
    return {
        "almere": almere,
        "zeist": zeist,
        "utrecht": utrecht,
        "aarhus": aarhus,
        "midden": midden,
        "jylland": jylland,
        "almere_member": factories.member(organisation=almere),
        "aarhus_member": factories.member(organisation=aarhus),
        "asker": factories.coordinator(organisation=almere),
    }


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


def balances(book):
    return {row.name: (row.lent, row.borrowed, row.balance) for row in book.rows}


# --- the sums -------------------------------------------------------------------------------------------------------


def test_zeist_lends_six_hours_to_almere(world):
    loan(world["midden"], world["zeist"], world["almere"], "6")
    book = ledger.ledger(world["midden"], 2026)
    assert balances(book) == {
        "Gemeente Almere": (Decimal("0.00"), Decimal("6.00"), Decimal("-6.00")),
        "Gemeente Utrecht": (Decimal("0.00"), Decimal("0.00"), Decimal("0.00")),
        "Gemeente Zeist": (Decimal("6.00"), Decimal("0.00"), Decimal("6.00")),
    }
    assert book.total_lent == book.total_borrowed == Decimal("6.00") and book.total_balance == 0


def test_several_loans_years_and_networks_are_summed_apart(world):
    midden = world["midden"]
    loan(midden, world["zeist"], world["almere"], "6")
    loan(midden, world["zeist"], world["almere"], "2.25")
    loan(midden, world["almere"], world["zeist"], "3.5")
    loan(midden, world["utrecht"], world["almere"], "4", completed_on=date(2026, 12, 31))
    loan(midden, world["zeist"], world["utrecht"], "10", completed_on=date(2025, 12, 31))
    loan(midden, world["zeist"], world["utrecht"], "7", completed_on=date(2027, 1, 1))
    loan(world["jylland"], world["zeist"], world["aarhus"], "100")

    book = ledger.ledger(midden, 2026)
    assert balances(book) == {
        "Gemeente Almere": (Decimal("3.50"), Decimal("12.25"), Decimal("-8.75")),
        "Gemeente Utrecht": (Decimal("4.00"), Decimal("0.00"), Decimal("4.00")),
        "Gemeente Zeist": (Decimal("8.25"), Decimal("3.50"), Decimal("4.75")),
    }
    assert book.total_lent == Decimal("15.75") and book.total_balance == 0
    assert balances(ledger.ledger(midden, 2025))["Gemeente Zeist"] == (Decimal("10.00"), 0, Decimal("10.00"))
    assert ledger.ledger_years(midden) == [2027, 2026, 2025]
    assert ledger.ledger_years(world["jylland"]) == [2026]
    assert balances(ledger.ledger(world["jylland"], 2026))["Aarhus Kommune"][2] == Decimal("-100.00")


def test_loans_without_hours_or_end_date_count_nowhere(world):
    loan(world["midden"], world["zeist"], world["almere"], None)
    loan(world["midden"], world["zeist"], world["almere"], "5", completed_on=None)
    book = ledger.ledger(world["midden"], 2026)
    assert not book.has_hours and book.total_lent == 0
    assert ledger.ledger_years(world["midden"]) == []


def test_an_organisation_that_left_keeps_its_hours_in_the_ledger(world):
    loan(world["midden"], world["zeist"], world["almere"], "6")
    world["midden"].memberships.filter(organisation=world["almere"]).update(status=NetworkMembershipStatus.LEFT)
    assert balances(ledger.ledger(world["midden"], 2026))["Gemeente Almere"][2] == Decimal("-6.00")
    assert "Gemeente Almere" not in balances(ledger.ledger(world["midden"], 2025))


def test_the_default_year_is_the_current_one_or_the_latest_with_hours():
    assert ledger.default_year([], date(2026, 3, 1)) == 2026
    assert ledger.default_year([2026, 2024], date(2026, 3, 1)) == 2026
    assert ledger.default_year([2025, 2024], date(2026, 3, 1)) == 2025
    assert ledger.choose_year([2025, 2024], "2024", date(2026, 3, 1)) == 2024
    assert ledger.choose_year([2025, 2024], "2023", date(2026, 3, 1)) == 2025
    assert ledger.choose_year([2025], "²", date(2026, 3, 1)) == 2025


def test_the_ledger_is_two_queries_however_many_loans(world, django_assert_num_queries):
    for _ in range(5):
        loan(world["midden"], world["zeist"], world["almere"], "1.5")
        loan(world["midden"], world["utrecht"], world["zeist"], "2")
    with django_assert_num_queries(2):
        years = ledger.ledger_years(world["midden"])
        book = ledger.ledger(world["midden"], years[0])
        bars = ledger.chart_bars(book)
    assert [bar.lent_width for bar in bars] == ["0.0", "100.0", "75.0"]


# --- the page ------------------------------------------------------------------------------------------------------


def _ledger_url(network, **query):
    url = reverse("pool:network_ledger", kwargs={"slug": network.slug})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_the_page_shows_an_accessible_chart_and_the_same_numbers_in_a_table(client, world):
    loan(world["midden"], world["zeist"], world["almere"], "6")
    client.force_login(world["almere_member"])
    text = client.get(_ledger_url(world["midden"], year=2026)).content.decode()
    assert 'role="img"' in text and 'aria-label="Bar chart of the hours each organisation lent' in text
    assert "<caption" in text and 'scope="col"' in text and 'scope="row"' in text
    assert "Hours lent and borrowed per organisation in 2026" in text
    assert '<rect width="100.0" height="1"/>' in text
    assert " style=" not in text.split("<main", 1)[-1]
    assert "+6" in text and "-6" in text
    assert reverse("pool:network_ledger_csv", kwargs={"slug": "regio-midden"}) + "?year=2026" in text


def test_numbers_follow_the_language_of_the_page(client, world):
    loan(world["midden"], world["zeist"], world["almere"], "2.5", completed_on=date(2024, 6, 1))
    client.force_login(world["almere_member"])
    translation.activate("nl")
    text = client.get(_ledger_url(world["midden"], year=2024)).content.decode()
    assert "+2,50" in text and "-2,50" in text
    assert 'width="100.0"' in text  # SVG attributes are never localised


def test_a_year_without_hours_says_so(client, world):
    client.force_login(world["almere_member"])
    response = client.get(_ledger_url(world["midden"], year="abc"))
    assert response.status_code == 200 and b"No hours have been recorded" in response.content
    assert b'role="img"' not in response.content


def test_the_ledger_page_takes_a_fixed_number_of_queries(client, world, django_assert_max_num_queries):
    client.force_login(world["almere_member"])
    url = _ledger_url(world["midden"], year=2026)
    client.get(url)
    with CaptureQueriesContext(connection) as baseline:
        client.get(url)
    for number in range(6):
        organisation = factories.OrganisationFactory()
        world["midden"].memberships.create(organisation=organisation, status=NetworkMembershipStatus.ACTIVE)
        loan(world["midden"], organisation, world["zeist"], str(number + 1))
    with django_assert_max_num_queries(len(baseline)):
        response = client.get(url)
    assert response.content.decode().count("Testgemeente") >= 12  # chart and table


@pytest.mark.parametrize("who", [None, "aarhus_member"])
def test_the_ledger_and_its_download_are_not_found_outside_the_network(client, world, who):
    loan(world["midden"], world["zeist"], world["almere"], "6")
    if who:
        client.force_login(world[who])
    for name in ("pool:network_ledger", "pool:network_ledger_csv"):
        response = client.get(reverse(name, kwargs={"slug": "regio-midden"}) + "?year=2026")
        assert response.status_code == 404
        assert b"Zeist" not in response.content


# --- the CSV -------------------------------------------------------------------------------------------------------


def _csv(response):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    dialect = ";" if text.splitlines()[0].count(";") else ","
    return list(csv.reader(io.StringIO(text[1:]), delimiter=dialect))


def test_the_csv_has_a_header_and_one_row_per_organisation(client, world):
    loan(world["midden"], world["zeist"], world["almere"], "6")
    loan(world["midden"], world["zeist"], world["almere"], "1", completed_on=date(2025, 1, 1))
    client.force_login(world["almere_member"])
    response = client.get(reverse("pool:network_ledger_csv", kwargs={"slug": "regio-midden"}) + "?year=2026")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"] == 'attachment; filename="regio-midden-hours-2026.csv"'
    assert "no-store" in response["Cache-Control"]
    assert _csv(response) == [
        ["Organisation", "Hours lent", "Hours borrowed", "Balance"],
        ["Gemeente Almere", "0.00", "6.00", "-6.00"],
        ["Gemeente Utrecht", "0.00", "0.00", "0.00"],
        ["Gemeente Zeist", "6.00", "0.00", "6.00"],
    ]


def test_the_csv_follows_the_spreadsheet_habits_of_the_language(client, world):
    loan(world["midden"], world["zeist"], world["almere"], "6.5")
    client.force_login(world["almere_member"])
    translation.activate("da")
    response = client.get(reverse("pool:network_ledger_csv", kwargs={"slug": "regio-midden"}) + "?year=2026")
    rows = _csv(response)
    assert b";" in response.content
    assert rows[1][1:] == ["0,00", "6,50", "-6,50"]


def test_the_csv_guards_against_formulas_in_organisation_names(client, world):
    world["utrecht"].name = '=HYPERLINK("https://evil.example","klik")'
    world["utrecht"].save()
    world["almere"].name = "@SUM(A1)"
    world["almere"].save()
    loan(world["midden"], world["zeist"], world["almere"], "6")
    client.force_login(world["almere_member"])
    rows = _csv(client.get(reverse("pool:network_ledger_csv", kwargs={"slug": "regio-midden"})))
    names = [row[0] for row in rows[1:]]
    assert "'@SUM(A1)" in names and '\'=HYPERLINK("https://evil.example","klik")' in names
    assert all(not name.startswith(("=", "+", "-", "@")) for name in names)
    assert ledger.csv_text_cell("-1+1") == "'-1+1" and ledger.csv_text_cell("+31") == "'+31"
    assert ledger.csv_text_cell("Gemeente Zeist") == "Gemeente Zeist"
