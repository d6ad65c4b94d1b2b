"""The step-plan pages in Dutch and Danish, starting a worksheet, and the demo content."""

import io

from django.core.management import call_command

from accounts.models import User
from knowledge.dilemmas.models import DilemmaPlanIndexPage, DilemmaPlanPage, Worksheet
from tests.dilemmas.conftest import url


def test_the_plan_page_shows_the_three_steps_and_a_log_in_prompt_to_visitors(client, plan):
    body = client.get(plan.url).content.decode()
    assert "Inventarisatie: context, belangen en regels" in body
    assert "Argumentatie, afweging en conclusies" in body
    assert "Persoonlijk perspectief" in body
    assert "Richtvragen" in body and "Uitgewerkt voorbeeld" in body
    assert "Log in om een werkblad te beginnen" in body
    assert "Werkblad beginnen" not in body


def test_a_member_starts_a_worksheet_that_remembers_the_plan_version(as_user, owner, plan):
    client = as_user(owner)
    assert "Werkblad beginnen" in client.get(plan.url).content.decode()
    response = client.post(url("start", plan_id=plan.pk))
    worksheet = Worksheet.objects.filter(owner=owner).order_by("-pk").first()
    assert response["Location"] == url("step", pk=worksheet.pk, number=1)
    assert worksheet.plan_revision_id == plan.live_revision_id
    assert worksheet.plan_title == plan.title and worksheet.language == "nl"
    step = client.get(response["Location"]).content.decode()
    assert "Wie is bevoegd om te beslissen" in step  # the plan's guiding questions beside the fields


def test_someone_without_an_active_membership_cannot_start(as_user, make_user, plan):
    client = as_user(make_user("los@example.org"))
    assert "Uw lidmaatschap is nog niet actief." in client.get(plan.url).content.decode()
    assert client.post(url("start", plan_id=plan.pk)).status_code == 403


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
