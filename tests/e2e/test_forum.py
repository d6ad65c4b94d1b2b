"""The forum in a real browser: a member opens their intervision group, starts a pseudonymous case consultation and
replies to it. axe-core on the group list, group page, new-thread form and thread page."""

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import check_accessibility, log_in


@pytest.mark.browser
def test_a_member_starts_a_case_consultation_and_replies(page):
    log_in(page, "lid@almere.example")
    page.goto("/nl/forum/")
    expect(page.locator("h1")).to_have_text("Forum")
    check_accessibility(page, "forum-index-nl")

    page.get_by_role("link", name="Intervisie regio Eemland").click()
    expect(page.locator("h1")).to_have_text("Intervisie regio Eemland")
    check_accessibility(page, "forum-group-nl")

    page.get_by_role("link", name="Begin een onderwerp").click()
    expect(page.locator("h1")).to_have_text("Begin een onderwerp")
    check_accessibility(page, "forum-new-thread-nl")
    # Only the part of the chosen kind of thread is shown: a free discussion by default.
    expect(page.get_by_label("Uw bericht")).to_be_visible()
    expect(page.get_by_label("De situatie", exact=True)).to_be_hidden()
    page.get_by_label("Casusbespreking").check()
    expect(page.get_by_label("Uw bericht")).to_be_hidden()
    expect(page.get_by_label("De situatie", exact=True)).to_be_visible()
    check_accessibility(page, "forum-new-thread-case-nl")
    page.get_by_label("Titel", exact=True).fill("Casus: bewoner wil alleen nog schriftelijk contact")
    page.get_by_label("De situatie", exact=True).fill(
        "Een bewoner reageert op elk besluit met een lange brief en weigert elk gesprek."
    )
    page.get_by_label("Mijn vraag aan de groep", exact=True).fill("Hoe nodig ik hem uit zonder dat het dwingend voelt?")
    page.get_by_label("Wat ik al heb geprobeerd").fill("Een brief met een uitnodiging voor koffie.")
    page.get_by_label("Plaatsen onder een pseudoniem").check()
    page.get_by_role("button", name="Plaats onderwerp").click()

    expect(page.locator("h1")).to_have_text("Casus: bewoner wil alleen nog schriftelijk contact")
    first_post = page.locator(".forum-post").first
    expect(first_post.get_by_role("heading", name="De situatie")).to_be_visible()
    expect(first_post.locator(".forum-post__byline strong")).to_have_text("Deelnemer 1")
    check_accessibility(page, "forum-thread-nl")

    expect(page.get_by_label("Plaatsen onder een pseudoniem")).to_be_checked()
    page.get_by_label("Uw bericht").fill("Aanvulling: hij heeft wel eens gebeld met de wijkcoach.")
    page.get_by_role("button", name="Plaats reactie").click()
    expect(page.get_by_text("Uw reactie is geplaatst.")).to_be_visible()
    expect(page.locator(".forum-post")).to_have_count(2)
    # The pseudonym is kept for the reply by default: the author is "Participant 1" throughout the thread.
    expect(page.locator(".forum-post").nth(1).locator(".forum-post__byline strong")).to_have_text("Deelnemer 1")


@pytest.mark.browser
def test_the_danish_group_page_is_accessible(page):
    log_in(page, "medlem@kk.example")
    page.goto("/da/forum/groups/maegling-i-kommunerne/")
    expect(page.locator("h1")).to_have_text("Mægling i kommunerne")
    check_accessibility(page, "forum-group-da")
    page.get_by_role("link", name="Hvornår er en klagesag egnet til mægling?").click()
    check_accessibility(page, "forum-thread-da")
