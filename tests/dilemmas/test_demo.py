"""The demo's step-plans in every language, with a worked worksheet in Dutch and in Danish."""

import io

import pytest
from django.core.management import call_command

from accounts.models import User
from knowledge.dilemmas.models import DilemmaPlanIndexPage, DilemmaPlanPage, Worksheet

pytestmark = pytest.mark.usefixtures("demo")


def test_the_danish_plan_and_worksheet_speak_danish(db, as_user):
    danish = User.objects.get(email="medlem@kk.example")
    plan = DilemmaPlanPage.objects.get(locale__language_code="da")
    client = as_user(danish)
    body = client.get(plan.url).content.decode()
    assert "Kortlægning: kontekst, interesser og regler" in body
    assert "Start et arbejdsark" in body
    worksheet = Worksheet.objects.get(owner=danish)
    step = client.get(f"/da/worksheets/{worksheet.pk}/step/2/").content.decode()
    assert "Offentlige værdier" in step and "Gem og gå til næste trin" in step
    memo = client.get(f"/da/worksheets/{worksheet.pk}/memo/").content.decode()
    assert "Beslutningsnotat" in memo and "Dialogmøde før ikrafttrædelse" in memo


def test_the_plan_is_in_the_menu_in_every_language(db, client):
    for language, title in (("nl", "Dilemma's"), ("da", "Dilemmaer"), ("en", "Dilemmas")):
        index = DilemmaPlanIndexPage.objects.get(locale__language_code=language)
        assert index.title == title and index.show_in_menus and index.live
        assert DilemmaPlanPage.objects.child_of(index).live().count() == 1
        body = client.get(f"/{language}/").content.decode()
        assert f'href="{index.url}"' in body
        assert DilemmaPlanPage.objects.child_of(index).get().title in client.get(index.url).content.decode()


def test_the_demo_worksheets_are_shared_and_loading_twice_adds_nothing(db):
    shared = Worksheet.objects.get(owner__email="lid@almere.example")
    assert list(shared.invitations.values_list("invitee__email", flat=True)) == ["redacteur@almere.example"]
    assert shared.comments.count() == 2 and shared.options.count() == 3
    counts = (Worksheet.objects.count(), DilemmaPlanPage.objects.count(), DilemmaPlanIndexPage.objects.count())
    call_command("demo_content", stdout=io.StringIO())
    assert (Worksheet.objects.count(), DilemmaPlanPage.objects.count(), DilemmaPlanIndexPage.objects.count()) == counts
