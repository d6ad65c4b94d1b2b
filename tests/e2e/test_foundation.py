"""A newcomer's first visit, in a real browser: every page type, every language, sign-up and login."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from accounts.models import User
from knowledge.models import HomePage
from tests.e2e.helpers import check_accessibility, log_in, submit_login_form

MAIN_NAVIGATION = {"nl": "Hoofdnavigatie", "da": "Hovednavigation", "en": "Main navigation"}


@pytest.mark.parametrize(
    ("language", "heading"),
    [
        ("nl", "Kennisplatform Overheidsmediation"),
        ("da", "Videnplatform for offentlig mægling"),
        ("en", "Knowledge platform for mediation in government"),
    ],
)
def test_home_page_in_each_language(page, language, heading):
    page.goto(f"/{language}/")
    expect(page.locator("h1")).to_have_text(heading)
    expect(page.locator("html")).to_have_attribute("lang", language)
    home = HomePage.objects.get(locale__language_code=language)
    pages_in_menu = [item.url for item in home.get_children().live().in_menu()]
    with translation.override(language):
        expected = ["/" + language + "/", *pages_in_menu, reverse("forum:index")]
    menu = page.get_by_role("navigation", name=MAIN_NAVIGATION[language]).get_by_role("link")
    assert sorted(menu.evaluate_all("links => links.map(a => a.getAttribute('href'))")) == sorted(expected)
    check_accessibility(page, f"home-{language}")


def test_skip_link_and_keyboard_navigation(page):
    page.goto("/nl/")
    page.keyboard.press("Tab")
    skip = page.locator(".utrecht-skip-link")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_language_switch_keeps_the_page(page):
    page.goto("/nl/wat-is-overheidsmediation/")
    page.get_by_role("navigation", name="Kies een taal").get_by_role("link", name="Dansk").click()
    expect(page).to_have_url(re.compile(r"/da/hvad-er-offentlig-maegling/$"))
    expect(page.locator("h1")).to_have_text("Hvad er mægling i det offentlige?")


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/nl/wat-is-overheidsmediation/", "content-page-nl"),
        ("/da/hvilken-maegler/", "content-page-da"),
        ("/nl/accounts/login/", "login"),
        ("/nl/accounts/signup/", "signup"),
        ("/nl/accounts/password/reset/", "password-reset"),
        ("/nl/search/?q=mediator", "search"),
        ("/nl/bestaat-niet/", "not-found"),
    ],
)
def test_page_types_are_accessible(page, path, name):
    page.goto(path)
    check_accessibility(page, name)


def test_sign_up_verify_and_land_on_the_profile(page, live_server):
    page.goto("/nl/accounts/signup/")
    page.get_by_label("E-mailadres van uw werk").fill("sanne@almere.example")
    page.get_by_label("Voornaam").fill("Sanne")
    page.get_by_label("Achternaam").fill("de Vries")
    page.get_by_label("Wachtwoord", exact=True).fill("overleg-aan-de-keukentafel")
    page.get_by_label("Herhaal wachtwoord").fill("anders-getypt-wachtwoord")
    page.get_by_role("button", name="Account aanmaken").click()

    # The mistake is explained, the rest of what was typed is still there.
    expect(page.get_by_role("alert")).to_contain_text("De twee wachtwoorden zijn niet gelijk")
    expect(page.get_by_label("Voornaam")).to_have_value("Sanne")
    check_accessibility(page, "signup-with-errors")

    page.get_by_label("Wachtwoord", exact=True).fill("overleg-aan-de-keukentafel")
    page.get_by_label("Herhaal wachtwoord").fill("overleg-aan-de-keukentafel")
    page.get_by_role("button", name="Account aanmaken").click()
    expect(page.locator("h1")).to_have_text("Controleer uw e-mail")

    link = re.search(r"https?://\S+/verify/\S+", mail.outbox[-1].body).group(0)
    page.goto(re.sub(r"^https?://[^/]+", live_server.url, link))
    check_accessibility(page, "verify-confirm")
    page.get_by_role("button", name="Bevestig mijn e-mailadres").click()

    expect(page.locator("h1")).to_have_text("Mijn profiel")
    expect(page.locator(".site-messages")).to_contain_text("Gemeente Almere")
    check_accessibility(page, "profile")
    assert User.objects.get(email="sanne@almere.example").email_verified


@pytest.mark.parametrize(
    "email",
    ["lid@almere.example", "medlem@kk.example", "coordinator@amersfoort.example", "redacteur@almere.example"],
)
def test_demo_roles_log_in_and_out(page, email):
    page.goto("/nl/accounts/login/")
    submit_login_form(page, email)
    expect(page.locator("h1")).to_have_text("Mijn profiel")
    page.get_by_role("button", name="Uitloggen").click()
    account = page.get_by_role("navigation", name="Uw account")
    expect(account.get_by_role("link", name="Inloggen")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/nl/$"))  # back on the home page, still in Dutch


def test_failed_login_message_is_accessible(page):
    page.goto("/nl/accounts/login/")
    submit_login_form(page, "lid@almere.example", "fout")
    expect(page.get_by_role("alert")).to_contain_text("passen niet bij elkaar")
    expect(page.get_by_label("E-mailadres")).to_have_value("lid@almere.example")
    check_accessibility(page, "login-failed")


def test_coordinator_approves_a_request_in_the_browser(page):
    log_in(page, "coordinator@amersfoort.example")
    page.get_by_role("link", name="Leden beheren").click()
    check_accessibility(page, "organisation-members")
    page.get_by_role("button", name="Noor Nieuw goedkeuren").click()
    expect(page.locator(".site-messages")).to_contain_text("Noor Nieuw is nu lid")


def test_editor_reaches_the_cms_and_a_member_does_not(page):
    for email, allowed in (("redacteur@almere.example", True), ("lid@almere.example", False)):
        page.context.clear_cookies()
        page.goto("/nl/accounts/login/?next=/cms/")
        submit_login_form(page, email)
        if allowed:
            expect(page).to_have_url(re.compile(r"/cms/$"))
            expect(page.locator("#wagtail")).to_be_visible()
        else:
            expect(page.locator("h1")).to_have_text("Mijn profiel")
            expect(page.locator(".site-messages")).to_contain_text("geen toegang tot de redactieomgeving")
