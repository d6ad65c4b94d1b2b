"""Measuring, as the issue tells it, on the demo's generated year: the Almere coordinator opens the dashboard, sees
the charts drawn with their tables' numbers, compares with the network (one cell suppressed: too few complaints
among the others), exports the CSV, hands out evaluation codes for a closed case and prints the slips; a party fills
in the evaluation from the printed demo code without an account, and the code cannot be used twice. The member
with management access reads the figures but not the settings. axe-core on every page type of the app."""

import csv
import io
from pathlib import Path

from playwright.sync_api import expect

from measurement.demo import DEMO_CODE
from measurement.models import Evaluation, EvaluationCode
from tests.e2e.helpers import check_accessibility, log_in
from tests.e2e.test_training import drawn_charts

ALMERE_COORDINATOR = "coordinator@almere.example"
ALMERE_MANAGEMENT = "lid@almere.example"


def test_the_almere_coordinator_measures_compares_and_exports(page):
    log_in(page, ALMERE_COORDINATOR)
    page.goto("/en/")
    page.get_by_role("navigation", name="Main navigation").get_by_role("link", name="Dashboard").click()
    expect(page.locator("h1")).to_have_text("Dashboard of Gemeente Almere")
    charts = drawn_charts(page)
    assert {"measurement-trend", "measurement-outcomes", "measurement-lead-time", "trajectory-status"} <= set(charts)
    for chart in charts.values():
        assert chart["role"] == "img" and chart["label"]
        assert chart["drawn"] == [list(column) for column in zip(*chart["table"], strict=True)]
    # A year of cases: every month has some, and the cases closed in the period all have a lead time.
    trend = charts["measurement-trend"]["table"]
    assert len(trend) == 12 and all(row[0] for row in trend)
    assert sum(sum(row) for row in charts["measurement-lead-time"]["table"]) > 100
    expect(page.locator("main")).to_contain_text("Estimated hours saved")
    check_accessibility(page, "measurement-dashboard")

    # The CSV has the page's figures, in English.
    with page.expect_download() as download:
        page.get_by_role("link", name="Download these figures as CSV (spreadsheet)").click()
    rows = list(csv.reader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8-sig"))))
    figures = {row[0]: row[1] for row in rows if len(row) == 2}
    shown = page.locator("dt", has_text="Cases registered").locator("xpath=following-sibling::dd[1]").inner_text()
    assert figures["Cases registered"] == shown.replace(",", "")
    assert int(figures["Cases registered"]) > 100

    page.get_by_role("link", name="Printable annual report").click()
    expect(page.locator("h1")).to_contain_text("Gemeente Almere")
    check_accessibility(page, "measurement-report")

    # The network: Zeist chose to be named, Hilversum did not; too few complaints among the others to compare.
    page.get_by_role("link", name="Compare with the network").click()
    table = page.locator("table.measurement-benchmark")
    expect(table.locator("thead")).to_contain_text("Gemeente Zeist")
    expect(page.locator("main")).not_to_contain_text("Hilversum")
    suppressed = table.locator("td.measurement-benchmark__suppressed")
    assert suppressed.count() >= 1
    complaints = table.locator("tr", has_text="complaints")
    expect(complaints.locator("td.measurement-benchmark__suppressed").first).to_be_visible()
    check_accessibility(page, "measurement-benchmark")

    page.get_by_role("link", name="Settings and management access").click()
    check_accessibility(page, "measurement-settings")
    page.goto("/en/measurement/almere/access/")
    expect(page.locator("main")).to_contain_text("Lotte")
    check_accessibility(page, "measurement-access")


def test_a_party_answers_the_evaluation_from_a_printed_code(page):
    code = EvaluationCode.objects.select_related("case").get(code=DEMO_CODE)
    log_in(page, ALMERE_COORDINATOR)
    page.goto(f"/en/cases/{code.case.pk}/")
    page.get_by_role("link", name="Hand out evaluation codes").click()
    expect(page.locator("main")).to_contain_text(DEMO_CODE)
    check_accessibility(page, "measurement-evaluation-codes")
    page.goto(f"/en/measurement/cases/{code.case.pk}/evaluation/slips/")
    expect(page.locator("main")).to_contain_text(DEMO_CODE)
    check_accessibility(page, "measurement-evaluation-slips")

    # The party: no account, a fresh browser.
    page.context.clear_cookies()
    before = Evaluation.objects.filter(organisation=code.organisation).count()
    page.goto("/en/evaluation/")
    check_accessibility(page, "evaluation-enter")
    page.get_by_label("Your code").fill(DEMO_CODE.lower().replace("-", " "))
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("main")).to_contain_text("Gemeente Almere")
    check_accessibility(page, "evaluation-answer")
    for question, score in (
        ("I felt heard", "5"),
        ("The way it went was fair", "4"),
        ("I am satisfied with the result", "4"),
        ("I would choose this way again", "5"),
    ):
        page.get_by_role("group", name=question).get_by_label(score, exact=False).first.check()
    page.get_by_label("Anything you want to add").fill("The call after my objection made the difference.")
    page.get_by_role("button", name="Send my answer").click()
    expect(page.locator("h1")).to_contain_text("Thank")
    check_accessibility(page, "evaluation-thanks")
    assert Evaluation.objects.filter(organisation=code.organisation).count() == before + 1

    # Once only.
    page.goto("/en/evaluation/")
    page.get_by_label("Your code").fill(DEMO_CODE)
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("main")).to_contain_text("used")
    assert Evaluation.objects.filter(organisation=code.organisation).count() == before + 1


def test_management_reads_the_figures_but_not_the_settings(page):
    log_in(page, ALMERE_MANAGEMENT)
    page.goto("/en/measurement/")
    expect(page.locator("h1")).to_have_text("Dashboard of Gemeente Almere")
    expect(page.get_by_role("link", name="Settings and management access")).to_have_count(0)
    assert page.goto("/en/measurement/almere/settings/").status == 404
    page.goto("/en/measurement/")
    check_accessibility(page, "measurement-dashboard-management")
