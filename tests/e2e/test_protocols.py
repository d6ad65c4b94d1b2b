"""Protocols in a real browser: the suitability aid by keyboard alone, a member's checklist, and every page type
checked with axe."""

import re

from playwright.sync_api import expect

from protocols.models import ProtocolPage, PublishedVersion
from tests.e2e.helpers import check_accessibility, log_in


def focused_name(page):
    return page.evaluate("document.activeElement && document.activeElement.name")


def test_suitability_aid_by_keyboard_only(page):
    page.goto("/nl/protocols/suitability/?check=1")
    expect(page.get_by_text("Beantwoord ook deze vragen:")).to_be_visible()
    check_accessibility(page, "protocols-aid-missing")

    page.goto("/nl/protocols/suitability/")
    check_accessibility(page, "protocols-aid")
    for _ in range(40):
        page.keyboard.press("Tab")
        if focused_name(page) == "setting":
            break
    assert focused_name(page) == "setting"
    # Space picks the focused (first) answer; the arrow key moves to the next one within a group.
    choices = {"sensitive": "ArrowDown", "financial": "ArrowDown", "initiative": "ArrowDown"}
    for question in (
        "setting",
        "initiative",
        "willing",
        "core",
        "sensitive",
        "financial",
        "internal_mediator",
        "lawyer",
    ):
        assert focused_name(page) == question
        page.keyboard.press("Space")
        if question in choices:
            page.keyboard.press(choices[question])
        page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Advies tonen")).to_be_focused()
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=2, name="Advies: Interne mediator")).to_be_visible()
    expect(page.get_by_role("heading", name="Aandachtspunten")).to_be_visible()
    expect(page.get_by_text("Er is een advocaat betrokken.", exact=False)).to_be_visible()
    expect(page.get_by_role("link", name="Mediation bij een bezwaar: van verzoek tot verslag")).to_be_visible()
    check_accessibility(page, "protocols-aid-result")


def test_member_ticks_resumes_and_deletes_a_checklist(page):
    log_in(page, "lid@almere.example")
    protocol = ProtocolPage.objects.get(slug="mediation-bij-een-bezwaar")
    page.goto(protocol.url)
    page.get_by_role("button", name="Openen als persoonlijke checklist").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Checklist:")

    page.get_by_label("Andere partij gevraagd").check()
    page.get_by_label("Voorgesprek met de inwoner").check()
    page.get_by_label("Notities").fill("Voorgesprek staat voor volgende week.")
    page.get_by_role("button", name="Checklist opslaan").click()
    expect(page.get_by_text("Uw checklist is opgeslagen.")).to_be_visible()

    page.reload()
    expect(page.get_by_label("Andere partij gevraagd")).to_be_checked()
    expect(page.get_by_label("Voorgesprek met de inwoner")).to_be_checked()
    expect(page.get_by_label("Verzoek en aanleiding genoteerd")).not_to_be_checked()
    expect(page.get_by_label("Notities")).to_have_value("Voorgesprek staat voor volgende week.")
    expect(page.get_by_text("2 van 15 punten gedaan")).to_be_visible()
    check_accessibility(page, "protocols-checklist")

    page.get_by_role("link", name="Deze checklist verwijderen").click()
    check_accessibility(page, "protocols-checklist-delete")
    page.get_by_role("button", name="Checklist verwijderen").click()
    expect(page).to_have_url(re.compile(re.escape(protocol.url) + "$"))
    expect(page.get_by_text("Uw checklist is verwijderd.")).to_be_visible()


def test_reader_pages_are_accessible_and_print_cleanly(page):
    protocol = ProtocolPage.objects.get(slug="bellen-na-bezwaar-en-informele-aanpak")
    page.goto(protocol.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(protocol.title)
    check_accessibility(page, "protocols-page")

    # On paper: no navigation or tools, only the protocol.
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".protocol-actions")).to_be_hidden()
    expect(page.get_by_role("heading", name="Stap 1: Bezwaar lezen en voorbereiden")).to_be_visible()
    page.emulate_media(media="screen")

    page.goto("/nl/protocollen/?setting=workplace")
    expect(page.get_by_role("heading", name="1 protocol")).to_be_visible()
    check_accessibility(page, "protocols-index-filtered")

    page.goto(protocol.url)
    page.get_by_role("link", name=re.compile("Versiegeschiedenis")).click()
    expect(page.get_by_role("table")).to_contain_text("Eerste versie.")
    check_accessibility(page, "protocols-history")
    page.get_by_role("button", name="Verschillen tonen").click()
    expect(page.locator("ins")).to_contain_text("Gevraagd wanneer terugbellen het beste uitkomt")
    check_accessibility(page, "protocols-diff")
    assert PublishedVersion.objects.filter(page=protocol).count() == 2

    page.goto(protocol.url)
    page.get_by_role("link", name="Afdrukversie").click()
    expect(page.get_by_role("heading", name="Stap 5: Afronden of doorverwijzen")).to_be_visible()
    check_accessibility(page, "protocols-print")


def test_danish_protocol_page_is_accessible(page):
    protocol = ProtocolPage.objects.get(slug="maegling-mellem-borger-og-forvaltning")
    page.goto(protocol.url)
    expect(page.get_by_role("heading", level=2, name="Trin")).to_be_visible()
    check_accessibility(page, "protocols-page-da")
