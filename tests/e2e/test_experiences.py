"""Shared experiences in a real browser: a member submits an experience whose text contains a BSN, is warned,
fixes it and submits; a moderator approves it and the page is published. axe-core on every page type."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from knowledge.experiences.models import ExperiencePage, ExperienceSubmission
from tests.e2e.helpers import check_accessibility, log_in

BSN = "111222333"  # passes the 11-proof; made up


@pytest.mark.browser
def test_member_is_warned_about_a_bsn_fixes_it_and_a_moderator_publishes_the_experience(page):
    log_in(page, "lid@almere.example")
    page.goto("/nl/ervaringen/")
    expect(page.locator("h1")).to_have_text("Ervaringen")
    check_accessibility(page, "experiences-index-nl")

    page.get_by_role("link", name="Deel een ervaring").click()
    expect(page.locator("h1")).to_have_text("Deel een ervaring")
    page.get_by_label("Titel", exact=True).fill("Parkeerboete en een gesprek aan de balie")
    page.get_by_label("Tussen burger en overheid").check()
    page.get_by_label("Soort zaak", exact=True).fill("Bezwaar tegen een parkeerboete")
    page.get_by_label("Wat er gebeurde", exact=True).fill(
        f"Een inwoner stuurde een bezwaar met zijn burgerservicenummer {BSN} erin en was erg boos."
    )
    page.get_by_label("Aanpak", exact=True).fill("Een collega belde de inwoner en nodigde hem uit voor een gesprek.")
    page.get_by_label("Opgelost", exact=True).check()
    page.get_by_label("Geleerde lessen", exact=True).fill("Bellen voordat de brief de deur uitgaat scheelt veel.")
    for box in page.locator('input[name="checklist"]').all():
        box.check()
    page.get_by_role("button", name="Insturen voor moderatie").click()

    warning = page.locator("#personal-data-warning")
    expect(warning).to_contain_text("Mogelijke persoonsgegevens in uw tekst")
    expect(warning).to_contain_text("Dit lijkt op een burgerservicenummer (BSN).")
    expect(warning.locator("mark")).to_have_text(BSN)
    expect(page.get_by_label("Soort zaak", exact=True)).to_have_value("Bezwaar tegen een parkeerboete")
    check_accessibility(page, "experience-submit-warning")
    assert not ExperienceSubmission.objects.filter(title="Parkeerboete en een gesprek aan de balie").exists()

    page.get_by_label("Wat er gebeurde", exact=True).fill(
        "Een inwoner stuurde een bezwaar met persoonlijke gegevens erin en was erg boos."
    )
    page.get_by_role("button", name="Insturen voor moderatie").click()
    expect(page.locator("h1")).to_have_text("Parkeerboete en een gesprek aan de balie")
    expect(page.locator("main")).to_contain_text("Wacht op moderatie")

    page.goto("/nl/my/contributions/")
    expect(page.locator("h1")).to_have_text("Mijn bijdragen")
    expect(page.locator("main")).to_contain_text("Parkeerboete en een gesprek aan de balie")
    check_accessibility(page, "experience-my-contributions")

    log_in(page, "moderator@hilversum.example")
    page.goto("/nl/experiences/moderation/")
    expect(page.locator("h1")).to_have_text("Moderatie van ervaringen")
    check_accessibility(page, "experience-moderation-queue")
    page.get_by_role("link", name="Parkeerboete en een gesprek aan de balie").click()
    expect(page.locator("h1")).to_have_text("Beoordelen: Parkeerboete en een gesprek aan de balie")
    check_accessibility(page, "experience-review")

    # A rejection without a reason is refused, with the error next to the field.
    page.get_by_role("button", name="Afwijzen").click()
    expect(page.locator("main")).to_contain_text("Geef de auteur een reden.")
    page.get_by_role("button", name="Goedkeuren en publiceren").click()
    expect(page.locator("main")).to_contain_text("Uw besluit is vastgelegd")

    experience = ExperiencePage.objects.get(title="Parkeerboete en een gesprek aan de balie")
    assert experience.live and experience.locale.language_code == "nl"
    assert [m.subject for m in mail.outbox if m.to == ["lid@almere.example"]] == [
        "[Kennisplatform] Uw ervaring is gepubliceerd: Parkeerboete en een gesprek aan de balie"
    ]

    log_in(page, "lid@almere.example")
    page.goto(experience.url)
    expect(page.locator("h1")).to_have_text("Parkeerboete en een gesprek aan de balie")
    page.get_by_role("button", name="Markeer als nuttig").click()
    expect(page.locator("#experience-useful")).to_contain_text("1 lid vond dit nuttig.")
    expect(page.get_by_role("link", name="Bespreek deze ervaring op het forum")).to_be_visible()
    check_accessibility(page, "experience-page")


@pytest.mark.browser
def test_danish_experience_pages_are_accessible(page):
    page.goto("/da/erfaringer/")
    expect(page.locator("h1")).to_have_text("Erfaringer")
    check_accessibility(page, "experiences-index-da")
    page.get_by_role("link", name="En borger, der ikke følte sig hørt").click()
    expect(page.locator("h1")).to_have_text("En borger, der ikke følte sig hørt")
    check_accessibility(page, "experience-page-da")


@pytest.mark.browser
def test_a_moderator_redacts_and_publishes_members_only_and_the_author_withdraws_it(page):

    title = "Buurtbewoners en een evenementenvergunning"
    submission = ExperienceSubmission.objects.get(title=title)
    log_in(page, "moderator@hilversum.example")
    page.goto(f"/nl/experiences/moderation/{submission.pk}/")
    expect(page.locator("h1")).to_have_text(f"Beoordelen: {title}")
    check_accessibility(page, "experience-review-with-redaction")
    page.locator("#id_redact-what_happened").fill(
        "Omwonenden maakten bezwaar tegen de vergunning voor een meerdaags festival in het park."
    )
    page.locator("#id_redact-members_only").check()
    page.locator("#id_redact-reason").fill("Ik heb de beschrijving van de buurt ingekort.")
    page.locator("#decision-redact").locator("xpath=..").get_by_role("button").click()
    expect(page.locator("main")).to_contain_text("Uw besluit is vastgelegd")

    submission.refresh_from_db()
    experience = submission.page
    assert experience.live and experience.members_only
    page.goto(f"/nl/experiences/moderation/{submission.pk}/")
    expect(page.locator("#revisions-title")).to_be_visible()
    check_accessibility(page, "experience-review-history")

    page.context.clear_cookies()
    page.goto(experience.url)
    expect(page).to_have_url(re.compile(r"/accounts/login/"))

    log_in(page, "lid@almere.example")
    page.goto(experience.url)
    expect(page.locator("main")).to_contain_text("Omwonenden maakten bezwaar")
    page.goto(f"/nl/experiences/submissions/{submission.pk}/")
    check_accessibility(page, "experience-submission-redacted")
    # Located by address and form, not by wording: the new strings are translated when the catalogue is updated.
    page.locator(f'main a[href$="/experiences/submissions/{submission.pk}/withdraw/"]').click()
    check_accessibility(page, "experience-withdraw-confirmation")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("h1")).to_have_text("Mijn bijdragen")
    response = page.goto(experience.url)
    assert response.status == 404
