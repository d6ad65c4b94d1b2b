"""The suitability and referral aid: default rules, precedence, unclear answers, and nothing stored unless asked."""

import re

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import translation

from protocols.models import Outcome, SavedSuitabilityResult, SuitabilityRule
from protocols.suitability import Status, evaluate, load_aid

pytestmark = pytest.mark.django_db

NEUTRAL = {
    "setting": "objection",
    "initiative": "one",
    "willing": "yes",
    "core": "relation",
    "sensitive": "no",
    "financial": "no",
    "internal_mediator": "yes",
    "lawyer": "no",
}


def run(**changes):
    questions, rules = load_aid()
    return evaluate({**NEUTRAL, **changes}, questions, rules)


@pytest.mark.parametrize(
    ("changes", "outcome"),
    [
        ({"willing": "unknown"}, Outcome.INFORMAL),
        ({}, Outcome.INTERNAL),
        ({"internal_mediator": "no"}, Outcome.POOL),
        ({"setting": "organisations"}, Outcome.POOL),
        ({"sensitive": "yes"}, Outcome.EXTERNAL),
        ({"financial": "yes"}, Outcome.EXTERNAL),
        ({"willing": "no"}, Outcome.NOT_SUITABLE),
        ({"core": "legal_only"}, Outcome.NOT_SUITABLE),
    ],
)
def test_every_default_outcome_is_reachable(changes, outcome):
    result = run(**changes)
    assert result.status == Status.COMPLETE
    assert result.outcome == outcome
    assert result.reasons, "an outcome always comes with its reasons"


@pytest.mark.parametrize(
    ("changes", "outcome"),
    [
        ({"willing": "no", "sensitive": "yes", "internal_mediator": "no"}, Outcome.NOT_SUITABLE),
        ({"sensitive": "yes", "internal_mediator": "no"}, Outcome.EXTERNAL),
        ({"internal_mediator": "no", "willing": "yes"}, Outcome.POOL),
        ({"willing": "unknown", "financial": "yes"}, Outcome.EXTERNAL),
    ],
)
def test_precedence_not_suitable_then_external_then_pool_then_internal(changes, outcome):
    assert run(**changes).outcome == outcome


def test_both_external_reasons_are_given_when_both_apply():
    with translation.override("nl"):
        result = run(sensitive="yes", financial="yes")
    assert len(result.reasons) == 2
    assert "intern gevoelig" in result.reasons[0] and "financiële" in result.reasons[1]


def test_a_lawyer_adds_a_note_without_changing_the_outcome():
    with translation.override("nl"):
        result = run(lawyer="yes")
    assert result.outcome == Outcome.INTERNAL
    assert any("advocaat" in note for note in result.notes)
    assert not run().notes


def test_contradictory_answers_are_named_and_decide_nothing():
    with translation.override("da"):
        result = run(initiative="both", willing="no")
    assert result.status == Status.CONTRADICTORY
    assert result.outcome is None
    assert "begge parter har bedt om mægling" in result.contradictions[0]


def test_missing_and_unknown_answers_are_listed():
    questions, rules = load_aid()
    answers = {**NEUTRAL, "lawyer": "misschien"}
    del answers["core"]
    result = evaluate(answers, questions, rules)
    assert result.status == Status.INCOMPLETE
    assert [q.key for q in result.missing] == ["core", "lawyer"]


def test_no_matching_rule_gives_an_undecided_result(client):
    SuitabilityRule.objects.exclude(outcome=Outcome.NOTE).update(active=False)
    assert run().status == Status.UNDECIDED
    html = client.get(reverse("protocols:suitability"), NEUTRAL).content.decode()
    assert "geen duidelijke uitkomst" in html
    assert "Bespreek de zaak met uw mediationcoördinator." in html


@pytest.mark.usefixtures("demo")  # the referral names the demo's protocols
def test_the_aid_gives_a_reasoned_referral_with_protocols_in_dutch(client):
    html = client.get(reverse("protocols:suitability"), {**NEUTRAL, "willing": "unknown", "lawyer": "yes"}).content
    html = html.decode()
    assert "Advies: Informele aanpak door de ambtenaar" in html
    assert "beslissing informele aanpak (BIA)" in html  # the reason
    assert "Aandachtspunten" in html and "advocaat" in html
    assert "Bellen na bezwaar en informele aanpak (BIA)" in html  # the protocol to follow
    assert "Uw antwoorden wijzigen" in html


@pytest.mark.usefixtures("demo")  # the referral names the demo's protocols
def test_the_aid_speaks_danish_and_links_danish_protocols(client):
    html = client.get("/da/protocols/suitability/").content.decode()
    assert "Er det en sag for mægling?" in html
    assert "Hvilken slags konflikt drejer det sig om?" in html
    html = client.get("/da/protocols/suitability/", {**NEUTRAL, "willing": "unknown"}).content.decode()
    assert "Råd: Uformel tilgang ved medarbejderen" in html
    assert "Opkald efter en klage og den uformelle tilgang" in html


def test_the_aid_renders_in_english(client):
    html = client.get("/en/protocols/suitability/").content.decode()
    assert "Is this a case for mediation?" in html and "What kind of conflict is it?" in html


def test_the_form_is_a_fieldset_of_radio_buttons_per_question(client):
    html = client.get(reverse("protocols:suitability")).content.decode()
    assert html.count("<fieldset") == 8
    assert html.count('type="radio"') == 4 + 3 + 3 + 3 + 2 * 4
    assert "Om wat voor conflict gaat het?</legend>" in html


def test_missing_answers_are_listed_and_given_answers_kept(client):
    response = client.get(reverse("protocols:suitability"), {"setting": "complaint", "willing": "yes", "check": "1"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Beantwoord ook deze vragen:" in html
    assert "Wie heeft mediation ter sprake gebracht?" in html
    assert re.search(r'<input[^>]*value="complaint"[^>]*checked', html)
    assert re.search(r'<input[^>]*value="yes"[^>]*id="id_willing_0"[^>]*checked', html)
    assert "Advies:" not in html


def test_contradictory_answers_show_a_clear_message_and_keep_the_answers(client):
    response = client.get(reverse("protocols:suitability"), {**NEUTRAL, "initiative": "both", "willing": "no"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Sommige antwoorden spreken elkaar tegen:" in html
    assert "Dat kan niet allebei waar zijn." in html
    assert html.count(" checked") == 8


def test_tampered_answers_do_not_break_the_aid(client):
    response = client.get(reverse("protocols:suitability"), {**NEUTRAL, "willing": "<script>", "core": ["a", "b"]})
    assert response.status_code == 200
    assert "Kies een van de aangeboden antwoorden." in response.content.decode()


def test_an_anonymous_run_stores_nothing(client):
    sessions, saved = Session.objects.count(), SavedSuitabilityResult.objects.count()
    client.get(reverse("protocols:suitability"))
    client.get(reverse("protocols:suitability"), NEUTRAL)
    client.get(reverse("protocols:suitability"), {"setting": "objection", "check": "1"})
    assert Session.objects.count() == sessions
    assert SavedSuitabilityResult.objects.count() == saved
    assert "sessionid" not in client.cookies
    response = client.post(reverse("protocols:suitability_save"), NEUTRAL)
    assert response.status_code == 302 and "/accounts/login/" in response.url
    assert SavedSuitabilityResult.objects.count() == saved


def test_a_member_saves_a_result_only_they_can_see(client, make_user, make_organisation):
    owner = make_user("bewaar@almere-test.example", organisation=make_organisation("almere-test"))
    other = make_user("ander@zeist-test.example", organisation=make_organisation("zeist-test"))
    client.force_login(owner)
    html = client.get(reverse("protocols:suitability"), {**NEUTRAL, "sensitive": "yes"}).content.decode()
    assert "Advies bewaren" in html
    response = client.post(reverse("protocols:suitability_save"), {**NEUTRAL, "sensitive": "yes", "label": "ZK-77"})
    assert response.url == reverse("protocols:saved_results")
    saved = SavedSuitabilityResult.objects.get(user=owner)
    assert saved.outcome == Outcome.EXTERNAL and saved.label == "ZK-77"
    assert "ZK-77" in client.get(response.url).content.decode()
    assert "Externe mediator" in client.get(reverse("protocols:saved_result", args=[saved.pk])).content.decode()

    client.force_login(other)
    assert "ZK-77" not in client.get(reverse("protocols:saved_results")).content.decode()
    assert client.get(reverse("protocols:saved_result", args=[saved.pk])).status_code == 404
    assert client.post(reverse("protocols:saved_result", args=[saved.pk])).status_code == 404
    assert SavedSuitabilityResult.objects.filter(pk=saved.pk).exists()

    client.force_login(owner)
    client.post(reverse("protocols:saved_result", args=[saved.pk]))
    assert not SavedSuitabilityResult.objects.filter(pk=saved.pk).exists()


def test_an_incomplete_save_is_refused_without_storing(client, make_user, make_organisation):
    client.force_login(make_user("half@almere-test.example", organisation=make_organisation("almere-test")))
    response = client.post(reverse("protocols:suitability_save"), {"setting": "objection"})
    assert response.status_code == 302 and response.url.startswith(reverse("protocols:suitability"))
    assert not SavedSuitabilityResult.objects.exists()


def test_editors_maintain_questions_and_rules_in_the_cms(client, editor):
    client.force_login(editor)
    for model in ("suitabilityquestion", "suitabilityrule"):
        response = client.get(reverse(f"wagtailsnippets_protocols_{model}:list"))
        assert response.status_code == 200, model
    rule = SuitabilityRule.objects.get(key="all-willing")
    assert client.get(reverse("wagtailsnippets_protocols_suitabilityrule:edit", args=[rule.pk])).status_code == 200


def test_a_changed_rule_changes_the_advice_without_a_deploy():
    rule = SuitabilityRule.objects.get(key="all-willing")
    rule.outcome = Outcome.POOL
    rule.save()
    assert run().outcome == Outcome.POOL
