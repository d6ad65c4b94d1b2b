"""Notifications and the privacy pages in a real browser, with axe-core on each page type; Dutch and Danish."""

import json
import re
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accounts.models import Membership, Organisation, User
from notifications.kinds import MENTION
from notifications.services import deliveries, unread_count
from notifications.unsubscribe import unsubscribe_token
from tests.e2e.helpers import DEMO_PASSWORD, check_accessibility, log_in


def test_notification_list_and_settings(page):
    log_in(page, "lid@almere.example")
    header_link = page.get_by_role("navigation", name="Uw account").get_by_role("link", name=re.compile("^Meldingen"))
    unread = unread_count(User.objects.get(email="lid@almere.example"))
    assert unread >= 1  # the demo leaves the newest unread
    expect(header_link).to_contain_text(f"({unread} ongelezen)")
    header_link.click()
    expect(page.locator("h1")).to_have_text("Meldingen")
    expect(page.locator(".notifications-item--unread")).to_have_count(unread)
    check_accessibility(page, "notifications-list-nl")

    page.get_by_role("button", name="Alles als gelezen markeren").click()
    expect(page.get_by_text("Alle meldingen zijn als gelezen gemarkeerd.")).to_be_visible()
    expect(page.locator(".notifications-item--unread")).to_have_count(0)
    expect(header_link).not_to_contain_text("ongelezen")

    page.get_by_role("link", name="Kies welke u ook per e-mail ontvangt.").click()
    expect(page.locator("h1")).to_have_text("Meldingsinstellingen")
    check_accessibility(page, "notifications-settings-nl")
    page.get_by_role("group", name="Reacties in discussies die ik volg").get_by_label("Direct per e-mail").check()
    page.get_by_role("button", name="Instellingen opslaan").click()
    expect(page.get_by_text("Uw meldingsinstellingen zijn opgeslagen.")).to_be_visible()
    assert deliveries(User.objects.get(email="lid@almere.example"))["reply"] == "immediately"


def test_opening_a_notification_goes_to_the_post(page):
    log_in(page, "lid@almere.example")
    page.goto("/nl/notifications/")
    page.locator(".notifications-item__title").first.click()
    expect(page).to_have_url(re.compile(r"/nl/forum/threads/\d+/"))


def test_danish_settings(page):
    log_in(page, "medlem@kk.example")
    page.goto("/da/notifications/settings/")
    expect(page.locator("h1")).to_have_text("Indstillinger for notifikationer")
    check_accessibility(page, "notifications-settings-da")


def test_unsubscribe_without_logging_in(page):
    member = User.objects.get(email="lid@almere.example")
    page.context.clear_cookies()
    page.goto(f"/nl/notifications/unsubscribe/{unsubscribe_token(member, MENTION)}/")
    expect(page.locator("h1")).to_have_text("E-mails stoppen")
    check_accessibility(page, "notifications-unsubscribe-nl")
    page.get_by_role("button", name="Deze e-mails stopzetten").click()
    expect(page.locator("h1")).to_have_text("E-mails gestopt")
    check_accessibility(page, "notifications-unsubscribed-nl")
    assert deliveries(member)[MENTION] == "off"

    page.goto("/nl/notifications/unsubscribe/broken-token/")
    expect(page.locator("h1")).to_have_text("Deze link werkt niet")
    check_accessibility(page, "notifications-unsubscribe-invalid-nl")


def test_download_my_data(page):
    log_in(page, "lid@almere.example")
    page.goto("/nl/accounts/profile/")
    page.get_by_role("link", name="Mijn gegevens downloaden").click()
    expect(page.locator("h1")).to_have_text("Mijn gegevens downloaden")
    check_accessibility(page, "privacy-download-nl")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Mijn gegevens downloaden").click()
    data = json.loads(Path(download_info.value.path()).read_text(encoding="utf-8"))
    assert data["profile"]["email"] == "lid@almere.example"
    assert data["forum_posts"]


@pytest.fixture
def leaving_member():
    user = User.objects.create_user(
        "vertrekker@almere.example",
        password=DEMO_PASSWORD,
        first_name="Vera",
        last_name="Vertrek",
        email_verified_at=timezone.now(),
    )
    Membership.objects.create(
        user=user, organisation=Organisation.objects.get(slug="almere"), status=Membership.Status.ACTIVE
    )
    return user


def test_delete_my_account(page, leaving_member):
    log_in(page, leaving_member.email)
    page.goto("/nl/accounts/profile/")
    page.get_by_role("link", name="Mijn account verwijderen").click()
    expect(page.locator("h1")).to_have_text("Mijn account verwijderen")
    check_accessibility(page, "privacy-delete-nl")

    page.get_by_role("button", name="Mijn account definitief verwijderen").click()
    expect(page.get_by_text("Vul uw wachtwoord in om uw account te verwijderen.").first).to_be_visible()
    check_accessibility(page, "privacy-delete-error-nl")

    page.get_by_label("Uw wachtwoord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Mijn account definitief verwijderen").click()
    expect(page.locator("h1")).to_have_text("Uw account is verwijderd")
    check_accessibility(page, "privacy-deleted-nl")
    expect(page.get_by_role("link", name="Inloggen")).to_be_visible()
    assert not User.objects.filter(email="vertrekker@almere.example").exists()
