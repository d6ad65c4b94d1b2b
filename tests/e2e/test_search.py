"""Searching in a real browser: the header autocomplete (keyboard), the search page with htmx facets, tag pages,
the same without JavaScript, and axe on each of them."""

import re

from playwright.sync_api import expect

from tests.e2e.helpers import check_accessibility, log_in


def test_header_autocomplete_is_a_keyboard_usable_listbox(page):
    page.goto("/nl/")
    box = page.get_by_role("combobox", name="Zoeken op het platform")
    box.fill("mediat")
    listbox = page.get_by_role("listbox", name="Suggesties")
    expect(listbox).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    options = listbox.get_by_role("option")
    expect(options.first).to_be_visible()
    expect(page.get_by_role("status").filter(has_text="Suggesties beschikbaar")).to_have_count(1)
    check_accessibility(page, "search-autocomplete")
    box.press("ArrowDown")
    expect(options.first).to_have_attribute("aria-selected", "true")
    assert box.get_attribute("aria-activedescendant") == options.first.get_attribute("id")
    box.press("Escape")
    expect(listbox).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")
    box.press("ArrowDown")
    expect(listbox).to_be_visible()
    box.press("ArrowDown")
    first_label = options.first.inner_text()
    box.press("Enter")
    expect(page.locator("h1")).to_contain_text(first_label.strip())


def test_header_autocomplete_offers_tags_that_lead_to_the_tag_page(page):
    page.goto("/nl/")
    page.get_by_role("combobox", name="Zoeken op het platform").fill("mediatorp")
    page.get_by_role("option", name=re.compile("mediatorpool")).click()
    expect(page).to_have_url(re.compile(r"/nl/tags/mediatorpool/$"))
    expect(page.locator("h1")).to_have_text("Trefwoord: mediatorpool")
    expect(page.get_by_role("heading", name="Verwante trefwoorden")).to_be_visible()
    check_accessibility(page, "search-tag-page")


def test_search_page_facets_update_in_place_and_did_you_mean_and_sorting_work(page):
    page.goto("/nl/search/?q=mediatr")
    # The suggestion is the closest indexed word; which one depends on the corpus (mediator, mediators, ...).
    suggestion = page.locator(".search-suggestion a")
    suggested = suggestion.inner_text()
    assert suggested.startswith("mediat")
    suggestion.click()
    expect(page).to_have_url(re.compile(rf"q={suggested}"))
    # Facets on a query that Dutch and English documents both answer.
    page.goto("/nl/search/?q=mediation")
    count = page.locator("#search-count")
    expect(count).to_contain_text("resultaten")
    before = count.inner_text()
    check_accessibility(page, "search-results")
    page.get_by_role("group", name="Taal").get_by_label(re.compile("English")).check()
    expect(page).to_have_url(re.compile(r"language=en"))
    expect(count).not_to_have_text(before)
    assert page.evaluate("document.activeElement.name") == "language"  # focus stays on the checkbox
    for hit in page.locator(".search-hit").all():
        expect(hit).to_have_attribute("lang", "en")
    expect(page.locator(".search-hit mark").first).to_be_visible()
    page.get_by_label("Sorteren op").select_option("date")
    expect(page).to_have_url(re.compile(r"sort=date"))
    check_accessibility(page, "search-results-filtered")


def test_search_works_without_javascript(browser, live_server):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False, locale="nl-NL")
    page = context.new_page()
    page.goto("/nl/")
    page.get_by_role("searchbox", name="Zoeken op het platform").fill("mediatorpool")
    page.get_by_role("search", name="Zoeken op het platform").get_by_role("button", name="Zoeken").click()
    expect(page.locator("#search-count")).to_contain_text("resultaten")
    page.get_by_role("group", name="Trefwoorden").get_by_label(re.compile("intervisie")).check()
    page.get_by_role("button", name="Filters toepassen").click()
    expect(page).to_have_url(re.compile(r"tag=intervisie"))
    expect(page.locator("#search-count")).to_have_text("1 resultaat")
    context.close()


def test_a_logged_in_member_gets_the_same_accessible_search_page(page):
    log_in(page, "lid@almere.example")
    page.goto("/nl/search/?q=mediation")
    expect(page.locator("#search-count")).to_contain_text("resultaten")
    check_accessibility(page, "search-member")


def test_a_search_too_broad_to_count_shows_accessible_estimates(page, settings):
    # Every search counts as broad, so the demo corpus shows the estimate wording and the sampled ranking.
    settings.SEARCH_EXACT_COUNT_LIMIT = 0
    page.goto("/nl/search/?q=mediation")
    expect(page.locator("#search-count")).to_contain_text(re.compile(r"^Ongeveer \d"))
    expect(page.locator(".search-estimate")).to_contain_text("schattingen")
    expect(page.locator(".search-facet__count").first).to_contain_text("ongeveer")
    expect(page.locator(".search-hit").first).to_be_visible()
    check_accessibility(page, "search-estimated")
