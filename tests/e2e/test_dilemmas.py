"""A dilemma in a real browser: a member starts a worksheet from the step-plan, fills the three steps (rows added
with htmx, autosave shown), invites a colleague who comments, and opens the memo. axe checks every page type."""

import re

from playwright.sync_api import expect

from knowledge.dilemmas.models import DilemmaPlanPage, Worksheet
from tests.e2e.helpers import check_accessibility, log_in


def log_out(page):
    page.get_by_role("button", name="Uitloggen").click()
    expect(page.get_by_role("navigation", name="Uw account").get_by_role("link", name="Inloggen")).to_be_visible()


def expect_autosaved(page):
    expect(page.locator("#autosave-status")).to_contain_text("Opgeslagen om")


def test_member_works_a_dilemma_from_plan_to_memo_with_a_commenting_colleague(page):
    plan = DilemmaPlanPage.objects.get(locale__language_code="nl")
    log_in(page, "lid@almere.example")
    page.goto(plan.url)
    check_accessibility(page, "dilemmas-plan")
    page.get_by_role("button", name="Werkblad beginnen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Naamloos dilemma")

    # Step 1: typing is saved without pressing a button.
    page.get_by_label("Titel van het dilemma").fill("Terugvordering die een gezin in de schulden duwt")
    page.get_by_label("Context (niet verplicht)").fill(
        "Te veel bijstand ontvangen; volledige terugbetaling is niet op te brengen."
    )
    expect_autosaved(page)
    page.locator("#id_stakeholders-0-name").fill("De inwoner")
    page.locator("#id_stakeholders-0-interests").fill("Rondkomen zonder nieuwe schulden.")
    page.get_by_role("button", name="Belanghebbende toevoegen").click()
    expect(page.locator("#id_stakeholders-1-name")).to_be_focused()
    page.locator("#id_stakeholders-1-name").fill("Team inkomen")
    page.get_by_role("textbox", name="Geldende regels (niet verplicht)").fill(
        "Participatiewet: terugvordering, afzien bij dringende redenen."
    )
    expect_autosaved(page)
    check_accessibility(page, "dilemmas-step-1")
    page.get_by_role("button", name="Opslaan en naar de volgende stap").click()

    # Step 2: options weighed against the four kinds of values.
    expect(page.get_by_role("heading", name="Opties en hoe ze wegen")).to_be_visible()
    page.locator("#id_options-0-title").fill("Betalingsregeling")
    page.locator("#id_options-0-score_public").select_option("1")
    page.locator("#id_options-0-reason_public").fill("Rechtmatig en haalbaar.")
    page.get_by_role("button", name="Optie toevoegen").click()
    expect(page.locator("#id_options-1-title")).to_be_focused()
    page.locator("#id_options-1-title").fill("Volledig terugvorderen")
    page.locator("#id_options-1-score_personal").select_option("-2")
    page.get_by_role("textbox", name="Conclusie (niet verplicht)").fill("De betalingsregeling weegt het zwaarst.")
    page.get_by_role("textbox", name="Advies (niet verplicht)").fill(
        "Kies de betalingsregeling en leg de afweging vast."
    )
    expect_autosaved(page)
    check_accessibility(page, "dilemmas-step-2")
    page.get_by_role("button", name="Opslaan en naar de volgende stap").click()

    # Step 3, then the overview.
    page.get_by_role("textbox", name="Persoonlijk perspectief (niet verplicht)").fill(
        "Ik ken het gezin al lang; een collega leest mee."
    )
    page.get_by_role("button", name="Opslaan en naar het overzicht").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Terugvordering die een gezin in de schulden duwt")
    worksheet = Worksheet.objects.get(title="Terugvordering die een gezin in de schulden duwt")
    assert list(worksheet.stakeholders.values_list("name", flat=True)) == ["De inwoner", "Team inkomen"]
    assert list(worksheet.options.values_list("title", flat=True)) == ["Betalingsregeling", "Volledig terugvorderen"]
    check_accessibility(page, "dilemmas-worksheet")

    # Invite a colleague, who reads and comments.
    page.get_by_role("link", name="Delen met collega's").click()
    page.get_by_label("E-mailadres van de collega").fill("redacteur@almere.example")
    page.get_by_role("button", name="Uitnodigen", exact=True).click()
    expect(page.get_by_text("kan dit werkblad nu lezen")).to_be_visible()
    check_accessibility(page, "dilemmas-sharing")
    log_out(page)
    log_in(page, "redacteur@almere.example")
    page.goto(f"/nl/worksheets/{worksheet.pk}/")
    page.get_by_label("Uw reactie").fill("Noem in het advies ook de termijn van de regeling.")
    page.get_by_role("button", name="Reactie plaatsen").click()
    expect(page.get_by_text("Noem in het advies ook de termijn van de regeling.")).to_be_visible()
    log_out(page)

    # The owner sees the comment and opens the memo.
    log_in(page, "lid@almere.example")
    page.goto(f"/nl/worksheets/{worksheet.pk}/")
    expect(page.get_by_text("Noem in het advies ook de termijn van de regeling.")).to_be_visible()
    page.get_by_role("link", name="Beslismemo").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Terugvordering die een gezin in de schulden duwt")
    table = page.get_by_role("table")
    expect(table.get_by_role("row", name=re.compile("Betalingsregeling"))).to_contain_text("+1 Rechtmatig en haalbaar.")
    expect(table.get_by_role("row", name=re.compile("Volledig terugvorderen"))).to_contain_text("-2")
    expect(page.get_by_text(re.compile(r"Stappenplan “.*”, versie van"))).to_be_visible()
    expect(page.get_by_role("button", name="Afdrukken")).to_be_visible()
    check_accessibility(page, "dilemmas-memo")
    with page.expect_download() as download:
        page.get_by_role("link", name="Memo downloaden (Word-document)").click()
    assert download.value.suggested_filename.startswith("beslismemo-terugvordering")
    assert download.value.suggested_filename.endswith(".docx")
    page.emulate_media(media="print")
    expect(page.get_by_role("link", name="Terug naar het werkblad")).to_be_hidden()
