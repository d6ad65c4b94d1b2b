"""The demo protocols: present in nl/da/en, with one review overdue, one due soon, and a history to compare."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from protocols import queries
from protocols.models import ProtocolIndexPage, ProtocolPage, PublishedVersion, SuitabilityRule

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


def snapshot():
    return (
        ProtocolIndexPage.objects.count(),
        ProtocolPage.objects.count(),
        PublishedVersion.objects.count(),
        sorted(SuitabilityRule.objects.values_list("key", "protocols__slug")),
    )


def test_demo_content_is_idempotent():
    before = snapshot()
    call_command("demo_content", stdout=io.StringIO())
    assert snapshot() == before


def test_demo_shows_every_review_state_and_a_second_version():
    today = timezone.localdate()
    states = {queries.review_status(p.next_review, today) for p in ProtocolPage.objects.live()}
    assert {"overdue", "due_soon", "fine"} <= states
    bia = ProtocolPage.objects.get(slug="bellen-na-bezwaar-en-informele-aanpak")
    assert PublishedVersion.objects.filter(page=bia).count() == 2
    assert bia.review_owner.email == "redacteur@almere.example"
    indexes = {i.locale.language_code: i for i in ProtocolIndexPage.objects.live()}
    assert {code: i.slug for code, i in indexes.items()} == {"nl": "protocollen", "da": "procedurer", "en": "protocols"}
    assert len({i.translation_key for i in indexes.values()}) == 1
    assert all(i.show_in_menus for i in indexes.values())


def test_scheduled_publishing_is_not_a_published_version_yet(make_protocol):
    page = make_protocol()
    page.change_note = "Volgende maand van kracht."
    page.go_live_at = timezone.now() + datetime.timedelta(days=30)
    page.save_revision().publish()
    assert list(PublishedVersion.objects.filter(page=page).values_list("change_note", flat=True)) == ["Eerste versie."]
