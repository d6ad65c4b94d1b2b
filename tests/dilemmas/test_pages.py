"""The step-plan page, and starting a worksheet on it."""

from knowledge.dilemmas.models import Worksheet
from tests.dilemmas.helpers import url


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
