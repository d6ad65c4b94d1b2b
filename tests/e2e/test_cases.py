"""The case register in a real browser, as the issue tells it: an objection handler in Almere registers an objection,
follows a protocol, logs two calls, records an informal approach in which the citizen withdraws part of the
objection and downloads the confirmation letter; a second case goes to mediation with an internal mediator, the
meeting step is refused until the team leader's mandate is confirmed, and the case closes with "agreement reached",
7 hours. A colleague who is not assigned, the Zeist coordinator and a visitor see nothing of either case. axe-core
on every page type of the register."""

import io
from decimal import Decimal

import pytest
from docx import Document
from playwright.sync_api import expect

from accounts.models import Organisation
from cases.models import Case
from tests import factories
from tests.e2e.helpers import check_accessibility, log_in

OBJECTION = "BZ-2026-4711"
MEDIATION = "BZ-2026-4712"
ALMERE_COORDINATOR = "coordinator@almere.example"
ZEIST_COORDINATOR = "coordinator@zeist.example"


def register(page, reference, summary):
    page.goto("/en/cases/new/")
    page.get_by_label("Reference").fill(reference)
    page.get_by_label("Kind").select_option("objection")
    page.get_by_label("Received on").fill("2026-10-01")
    page.get_by_label("Statutory decision deadline").fill("2026-12-10")
    page.get_by_label("What it is about").fill(summary)
    page.get_by_label("Person involved 1: role").select_option("citizen")
    page.get_by_role("button", name="Register the case").click()
    expect(page.locator("h1")).to_have_text(reference)
    return Case.objects.get(reference=reference)


def log_call(page, case, day, summary):
    page.goto(f"/en/cases/{case.pk}/")
    page.get_by_role("link", name="Log a contact").click()
    page.get_by_label("Date").fill(day)
    page.get_by_label("Channel").select_option("phone")
    page.get_by_label("What was discussed").fill(summary)
    page.get_by_role("button", name="Log the contact").click()
    expect(page.locator("main")).to_contain_text(summary)


@pytest.mark.browser
def test_an_objection_and_a_mediation_from_registration_to_outcome(page):
    almere = Organisation.objects.get(slug="almere")
    handler = factories.member("h.vos@almere.example", organisation=almere, first_name="Hanna", last_name="Vos")
    colleague = factories.member("c.dijk@almere.example", organisation=almere, first_name="Cor", last_name="Dijk")
    mediator_user = factories.member(
        "m.ouden@almere.example", organisation=almere, first_name="Mila", last_name="Ouden"
    )
    factories.mediator(mediator_user, organisation=almere, kind="internal")

    # A visitor is asked to log in before anything of the register shows.
    page.goto("/en/cases/")
    expect(page.locator("h1")).to_have_text("Log in")

    log_in(page, handler.email, factories.PASSWORD)
    page.goto("/en/cases/")
    check_accessibility(page, "cases-index-empty")
    page.goto("/en/cases/new/")
    check_accessibility(page, "cases-create")
    objection = register(
        page, OBJECTION, "Objection against a permit for an extension; the neighbour fears less light."
    )
    check_accessibility(page, "cases-detail-new")

    # The protocol's checklist becomes the case's checklist.
    page.get_by_role("link", name="Follow a protocol").click()
    check_accessibility(page, "cases-choose-protocol")
    page.locator('input[name="protocol"]').first.check()
    page.get_by_role("button", name="Follow this protocol").click()
    expect(page.locator("#checklist")).to_contain_text("version of")

    log_call(page, objection, "2026-10-03", "First call: the objector explained the worry about light in the garden.")
    check_accessibility(page, "cases-detail-contacts")
    log_call(page, objection, "2026-10-08", "Second call: talked through the drawings with the permit officer.")

    page.get_by_role("link", name="Record an informal approach").click()
    check_accessibility(page, "cases-informal-form")
    page.get_by_label("Date of the call").fill("2026-10-08")
    page.get_by_label("What was agreed").fill("The extension stays; the builder moves the roof edge back half a metre.")
    page.get_by_label("Who does what, by when").fill("Permit officer sends the new drawing by 20 October")
    page.get_by_label("Objection partly withdrawn").check()
    page.get_by_label("What remains of the objection").fill("The part about the garden shed stays.")
    page.get_by_role("button", name="Record the informal approach").click()
    expect(page.locator("#informal")).to_contain_text("The part about the garden shed stays.")
    check_accessibility(page, "cases-detail-informal")

    with page.expect_download() as download:
        page.locator("#informal").get_by_role("link", name="English").click()
    letter = Document(io.BytesIO(download.value.path().read_bytes()))
    text = "\n".join(paragraph.text for paragraph in letter.paragraphs)
    assert "roof edge back half a metre" in text and OBJECTION in text
    assert "8 October 2026" in text

    # The second case goes to mediation with an internal mediator.
    mediation = register(page, MEDIATION, "Objection against a care decision; both sides want to talk it over.")
    page.get_by_role("link", name="Go to mediation").click()
    check_accessibility(page, "cases-mediation-form")
    page.get_by_label("Internal mediator of our organisation").check()
    page.locator('select[name="mediator_profile"]').select_option(label="Mila Ouden")
    page.get_by_role("button", name="Save the mediator").click()
    expect(page.locator("#route")).to_contain_text("Mila Ouden")

    step_form = page.locator("form.cases-route-step-form")
    for step in ("consent", "officials"):
        step_form.get_by_label("Step").select_option(step)
        step_form.get_by_role("button", name="Record this step").click()
        expect(page.locator(".utrecht-alert, [role=status]").first).to_be_visible()

    page.get_by_role("link", name="Add an official").click()
    check_accessibility(page, "cases-official-form")
    page.get_by_label("Role").select_option("team_leader")
    page.get_by_label("Mandate").fill("May agree to a new assessment of the hours of care.")
    page.get_by_role("button", name="Add the official").click()

    # The meeting step is refused while the team leader's mandate is unconfirmed.
    step_form = page.locator("form.cases-route-step-form")
    step_form.get_by_label("Step").select_option("meeting")
    step_form.get_by_role("button", name="Record this step").click()
    expect(page.locator("main")).to_contain_text("mandate")
    assert not mediation.steps.filter(step="meeting").exists()

    page.goto(f"/en/cases/{mediation.pk}/")
    page.get_by_role("button", name="Confirm the mandate (Team leader)").click()
    step_form = page.locator("form.cases-route-step-form")
    step_form.get_by_label("Step").select_option("meeting")
    step_form.get_by_role("button", name="Record this step").click()
    expect(page.locator("#route li[aria-current=step]")).to_contain_text("Mediation meeting")
    check_accessibility(page, "cases-detail-mediation")

    page.get_by_role("link", name="Close the case").click()
    check_accessibility(page, "cases-close-form")
    page.get_by_label("Agreement reached").check()
    page.get_by_label("Closed on").fill("2026-11-20")
    page.locator('input[name="agreement_written"][value="yes"]').check()
    page.locator('input[name="hours-mediator"]').fill("7")
    page.get_by_role("button", name="Close the case").click()
    expect(page.locator("#outcome")).to_contain_text("Agreement reached")
    mediation.refresh_from_db()
    assert mediation.outcome == "agreement" and mediation.is_closed
    assert sum(row.hours for row in mediation.hours.all()) == Decimal(7)
    check_accessibility(page, "cases-detail-closed")

    # The coordinator reads who opened what.
    log_in(page, ALMERE_COORDINATOR)
    page.goto("/en/cases/organisation/almere/log/")
    expect(page.locator("main")).to_contain_text("Hanna Vos")
    check_accessibility(page, "cases-log")
    page.goto("/en/cases/organisation/almere/settings/")
    check_accessibility(page, "cases-settings")

    # Nobody else sees anything of either case: not in the list, not on its page, not in search.
    for email, password in ((colleague.email, factories.PASSWORD), (ZEIST_COORDINATOR, None)):
        if password:
            log_in(page, email, password)
        else:
            log_in(page, email)
        page.goto("/en/cases/")
        expect(page.locator("main")).not_to_contain_text(OBJECTION)
        expect(page.locator("main")).not_to_contain_text(MEDIATION)
        for case in (objection, mediation):
            response = page.goto(f"/en/cases/{case.pk}/")
            assert response.status == 404
        page.goto("/en/search/?q=roof+edge")
        expect(page.locator("main")).not_to_contain_text("roof edge")
        page.goto(f"/en/search/?q={OBJECTION}")
        expect(page.locator("main")).not_to_contain_text(OBJECTION)
    page.context.clear_cookies()
    response = page.goto(f"/en/cases/{objection.pk}/")
    expect(page.locator("h1")).to_have_text("Log in")
    expect(page.locator("main")).not_to_contain_text(OBJECTION)
