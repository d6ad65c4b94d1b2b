"""Training in a real browser: enrol, waiting list, cancellation and promotion with mails; trainer and coordinator
pages; axe-core on every training page type; Dutch and Danish."""

import re

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from accounts.models import Membership, Organisation, User
from knowledge.training.models import Enrolment
from tests.e2e.helpers import DEMO_PASSWORD, build_module, check_accessibility, log_in, submit_login_form


@pytest.fixture
def two_members():
    organisation = Organisation.objects.get(slug="almere")
    people = []
    for email, first in (("anna@almere.example", "Anna"), ("bart@almere.example", "Bart")):
        user = User.objects.create_user(
            email, password=DEMO_PASSWORD, first_name=first, last_name="Almere", email_verified_at=timezone.now()
        )
        Membership.objects.create(user=user, organisation=organisation, status=Membership.Status.ACTIVE)
        people.append(user)
    return people


def test_enrol_wait_cancel_and_promote_with_mails(page, two_members):
    anna, bart = two_members
    module = build_module("Eén plek over", max_group_size=1)
    session = module.sessions.get()

    page.goto("/nl/trainingen/")
    expect(page.locator("h1")).to_have_text("Trainingen")
    check_accessibility(page, "training-catalogue-nl")
    page.get_by_role("link", name="Eén plek over").click()
    expect(page.locator("h1")).to_have_text("Eén plek over")
    check_accessibility(page, "training-module-nl")

    # Anonymous: the enrol link goes to the login page and back.
    page.get_by_role("link", name="Inschrijven").click()
    expect(page).to_have_url(re.compile(r"/nl/accounts/login/\?next="))
    submit_login_form(page, anna.email)
    expect(page.locator("h1")).to_have_text("Inschrijven: Eén plek over")
    check_accessibility(page, "training-enrol-confirm")
    page.get_by_role("button", name="Inschrijving bevestigen").click()
    expect(page.locator("h1")).to_have_text("U bent ingeschreven")
    check_accessibility(page, "training-enrolment-confirmation")
    assert [m.subject for m in mail.outbox if m.to == [anna.email]] == [
        "[Kennisplatform] U bent ingeschreven: Eén plek over"
    ]

    log_in(page, bart.email)
    page.goto(module.url)
    page.get_by_role("link", name="Op de wachtlijst").click()
    page.get_by_role("button", name="Op de wachtlijst").click()
    expect(page.locator("h1")).to_have_text("U staat op de wachtlijst")
    expect(page.locator("main")).to_contain_text("nummer 1 op de wachtlijst")

    log_in(page, anna.email)
    page.goto("/nl/my/trainings/")
    expect(page.locator("h1")).to_have_text("Mijn trainingen")
    check_accessibility(page, "training-my-trainings")
    page.get_by_role("link", name="Eén plek over").click()
    page.get_by_role("button", name="Mijn inschrijving annuleren").click()
    expect(page.locator(".utrecht-alert")).to_contain_text("Uw inschrijving is geannuleerd.")

    assert Enrolment.objects.get(session=session, user=bart).status == "enrolled"
    promoted = [m for m in mail.outbox if m.to == [bart.email] and "plek vrijgekomen" in m.subject]
    assert len(promoted) == 1
    assert promoted[0].attachments[0][0] == "training.ics"

    log_in(page, "trainer@zeist.example")
    page.goto(f"/nl/training/sessions/{session.pk}/participants/")
    expect(page.locator("main")).to_contain_text(bart.email)
    expect(page.locator("main")).not_to_contain_text(anna.email)
    check_accessibility(page, "training-participants")


CHART_NUMBERS = """figure => {
    const canvas = figure.querySelector("canvas");
    const chart = canvas && Chart.getChart(canvas);
    const figures = cell => cell.dataset.value === undefined ? null : Number(cell.dataset.value);
    const table = [...figure.querySelectorAll("tbody tr")].map(row => [...row.querySelectorAll("td")].map(figures));
    return {
        label: canvas && canvas.getAttribute("aria-label"),
        role: canvas && canvas.getAttribute("role"),
        drawn: chart ? chart.data.datasets.map(dataset => dataset.data) : null,
        table: table,
    };
}"""


def drawn_charts(page):
    """Each chart of the page: its canvas's label and the numbers Chart.js drew, beside those of its table."""
    expect(page.locator("figure.site-chart canvas").first).to_be_visible()
    return {
        figure.get_attribute("id"): figure.evaluate(CHART_NUMBERS)
        for figure in page.locator("figure.site-chart[data-chart]").all()
    }


def test_coordinator_tracks_the_trajectory(page):
    log_in(page, "coordinator@amersfoort.example")
    page.goto("/nl/training/trajectory/amersfoort/")
    expect(page.locator("h1")).to_have_text("Implementatietraject van Gemeente Amersfoort")
    charts = drawn_charts(page)
    assert set(charts) == {"trajectory-status", "trajectory-approach"}
    for chart in charts.values():
        assert chart["role"] == "img" and chart["label"]
        assert chart["drawn"] == [list(column) for column in zip(*chart["table"], strict=True)]
        assert sum(chart["drawn"][0]) == 11
    in_progress_before = charts["trajectory-status"]["drawn"][0][1]
    check_accessibility(page, "training-trajectory")
    page.emulate_media(media="print")
    expect(page.locator("#trajectory-status canvas")).to_be_visible()
    expect(page.locator("#trajectory-status table")).to_be_visible()
    page.emulate_media(media="screen")

    page.get_by_role("link", name="Traject bijwerken").click()
    check_accessibility(page, "training-trajectory-edit")
    step = page.get_by_role("group", name="5. Directie en management")
    step.get_by_label("Aanpak").select_option("outsourced")
    step.get_by_label("Status").select_option("in_progress")
    step.get_by_label("Opmerking").fill("Sessie met het MT gepland.")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator(".utrecht-alert")).to_contain_text("is opgeslagen")
    expect(page.locator("main")).to_contain_text("Sessie met het MT gepland.")
    assert drawn_charts(page)["trajectory-status"]["drawn"][0][1] == in_progress_before + 1


@pytest.mark.parametrize(("path", "heading"), [("/da/kurser/", "Kurser"), ("/da/implementeringsforloeb/", None)])
def test_danish_training_pages(page, path, heading):
    page.goto(path)
    expect(page.locator("html")).to_have_attribute("lang", "da")
    if heading:
        expect(page.locator("h1")).to_have_text(heading)
    check_accessibility(page, "training" + path.replace("/", "-").rstrip("-"))


def test_programme_page_in_dutch(page):
    page.goto("/nl/implementatietraject/")
    expect(page.locator("ol.training-steps > li")).to_have_count(11)
    check_accessibility(page, "training-programme-nl")
