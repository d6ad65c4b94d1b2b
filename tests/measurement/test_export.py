"""The dashboard's CSV: it parses, holds the same numbers as the page in the active language's way of writing them
(semicolons and decimal commas in Dutch and Danish, commas and points in English), and guards text cells against
being run as a formula. The helpers are shared with the pool's ledger (core/csv.py)."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from core import csv as csv_file
from measurement.models import MeasurementSettings
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def almere():
    almere = factories.OrganisationFactory(name="=Gemeente Almere", slug="almere")
    MeasurementSettings.objects.create(organisation=almere, formal_procedure_hours=Decimal("12.5"))
    factories.closed_case(
        almere,
        outcome="withdrawn",
        received_on=date(2026, 3, 1),
        closed_on=date(2026, 3, 11),
        hours=[("handler", "1.5")],
    )
    factories.closed_case(
        almere, outcome="agreement", received_on=date(2026, 3, 1), closed_on=date(2026, 3, 11), hours=[("handler", "2")]
    )
    factories.closed_case(almere, outcome="not_resolved", received_on=date(2026, 3, 1), closed_on=date(2026, 4, 10))
    return almere


def download(client, organisation, language, query="?start=2026-01-01&end=2026-12-31"):
    with translation.override(language):
        address = reverse("measurement:export_csv", kwargs={"slug": organisation.slug}) + query
    client.force_login(factories.coordinator(organisation=organisation))
    return client.get(address)


def parse(response, delimiter):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=delimiter))


def figure(rows, label):
    return next(row[1] for row in rows if row and row[0] == label)


def test_the_english_csv_has_the_figures_and_the_three_tables(client, almere):
    response = download(client, almere, "en")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="almere-20260101-20261231.csv"' in response["Content-Disposition"]
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    rows = parse(response, ",")
    assert rows[0] == ["Organisation", "'=Gemeente Almere"]  # a name is never run as a formula
    assert rows[1:3] == [["First day", "2026-01-01"], ["Last day", "2026-12-31"]]
    assert figure(rows, "Cases closed") == "3"
    assert figure(rows, "Objections resolved informally (agreement or withdrawn)") == "2"
    assert figure(rows, "Objections resolved informally (%)") == "66.7"
    assert figure(rows, "Median lead time of the cases closed (days)") == "10.0"
    assert figure(rows, "Hours spent on the cases closed") == "3.50"
    assert figure(rows, "Assumed hours of one formal procedure") == "12.5"
    assert figure(rows, "Estimated hours saved") == "21.50"  # 2 × 12.5 − 3.5
    assert figure(rows, "Closed within the statutory term (%)") == "100.0"
    titles = [row[0] for row in rows if len(row) == 1]
    assert titles == ["Trend per month", "Outcomes of the cases closed", "Lead time of the cases closed"]
    trend = rows.index(["Trend per month"])
    assert rows[trend + 1] == [
        "Month",
        "Cases registered",
        "Contacts",
        "Informal approaches",
        "Mediations started",
        "Cases closed",
    ]
    assert rows[trend + 4] == ["March 2026", "3", "0", "0", "0", "2"]
    lead = rows.index(["Lead time of the cases closed"])
    assert rows[lead + 2 : lead + 5] == [["up to 2 weeks", "2"], ["2 to 4 weeks", "0"], ["4 to 6 weeks", "1"]]


def test_the_dutch_csv_uses_semicolons_and_decimal_commas(client, almere):
    rows = parse(download(client, almere, "nl"), ";")
    assert rows[0] == ["Organisatie", "'=Gemeente Almere"]
    labels = [row[0] for row in rows if row]
    assert "maart 2026" in labels
    values = {row[0]: row[1] for row in rows if len(row) == 2}
    assert "66,7" in values.values() and "21,50" in values.values() and "3,50" in values.values()


def test_the_danish_csv_too(client, almere):
    rows = parse(download(client, almere, "da"), ";")
    assert any(row and row[0] == "marts 2026" for row in rows)
    assert any("21,50" in row for row in rows)


def test_bad_dates_give_the_csv_of_the_default_period(client, almere):
    response = download(client, almere, "en", query="?start=morgen&end=%C3%A9")
    assert response.status_code == 200
    assert parse(response, ",")[0][0] == "Organisation"


def test_no_estimate_without_a_norm_is_an_empty_cell(client, almere):
    MeasurementSettings.objects.filter(organisation=almere).update(formal_procedure_hours=None)
    rows = parse(download(client, almere, "en"), ",")
    assert figure(rows, "Estimated hours saved") == ""


def test_the_csv_does_not_grow_in_queries(client, almere, django_assert_max_num_queries):
    with django_assert_max_num_queries(40) as few:
        download(client, almere, "en")
    for _ in range(10):
        factories.closed_case(
            almere, received_on=date(2026, 5, 1), closed_on=date(2026, 5, 2), hours=[("mediator", "1")]
        )
    with django_assert_max_num_queries(len(few.captured_queries) + 2):  # the second download logs in a new coordinator
        download(client, almere, "en")


# --- the shared helpers -----------------------------------------------------------------------------------------


def test_text_cells_that_look_like_formulas_get_an_apostrophe():
    assert [csv_file.text_cell(v) for v in ("=1+1", "+31", "-2", "@SUM", "\tx", "Zeist")] == [
        "'=1+1",
        "'+31",
        "'-2",
        "'@SUM",
        "'\tx",
        "Zeist",
    ]


def test_numbers_keep_their_decimals_and_sign_in_the_active_language():
    with translation.override("nl"):
        assert csv_file.write([("a", Decimal("-1.50"), 3, None)]) == "\ufeffa;-1,50;3;\r\n"
    with translation.override("en"):
        assert csv_file.write([("a", Decimal("-1.50"), 3, None)]) == "\ufeffa,-1.50,3,\r\n"


def test_a_value_that_is_no_number_is_refused_as_a_number_cell():
    with pytest.raises(TypeError):
        csv_file.number_cell(True)
