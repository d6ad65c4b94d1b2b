"""The confirmation letter of an informal approach: a Word document in nl, da and en, from the default wording or the
organisation's own, addressed to "the citizen" with room for the address; and the coordinators' letter editor."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import translation
from docx import Document

from cases import letters
from cases.choices import EventAction
from cases.models import Case, CaseEvent, Contact, InformalApproach, LetterTemplate, Party
from tests.cases.work_world import assert_nobody_else, build, informal, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    w = build()
    w.informal = informal(w.case, called_on=datetime.date(2026, 9, 4))
    return w


def text_of(response) -> str:
    document = Document(io.BytesIO(response.content))
    return "\n".join(paragraph.text for paragraph in document.paragraphs)


def letter_url(w, language=None):
    target = url("letter", w.case, w.informal.pk)
    return f"{target}?language={language}" if language else target


@pytest.mark.parametrize(
    ("language", "addressee", "date", "result"),
    [
        ("nl", "Aan: de indiener van het bezwaar", "4 september 2026", "U heeft uw bezwaar voor een deel ingetrokken."),
        ("da", "Til: borgeren", "4. september 2026", "Du har trukket en del af din klage tilbage."),
        (
            "en",
            "To: the person who lodged the objection",
            "4 September 2026",
            "You have withdrawn part of your objection.",
        ),
    ],
)
def test_the_letter_is_a_word_document_in_each_language(client, w, language, addressee, date, result):
    client.force_login(w.handler)
    response = client.get(letter_url(w, language))
    assert response.status_code == 200
    assert response["Content-Type"] == letters.CONTENT_TYPE
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert "bz-2026-0042" in response["Content-Disposition"]
    text = text_of(response)
    assert addressee in text
    assert date in text
    assert result in text
    assert "De gemeente legt het besluit opnieuw uit." in text
    assert "De indiener krijgt een nieuwe tekening." in text
    assert "Het bezwaar tegen de hoogte van de dakkapel blijft staan." in text
    assert "BZ-2026-0042" in text
    assert "Gemeente Almere" in text
    assert "{" not in text


def test_the_actions_are_a_bulleted_list_and_the_address_is_left_blank(client, w):
    client.force_login(w.handler)
    document = Document(io.BytesIO(client.get(letter_url(w, "nl")).content))
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert bullets == ["Behandelaar stuurt de tekening vóór 1 december", "Indiener laat binnen twee weken weten"]
    texts = [p.text for p in document.paragraphs]
    after_addressee = texts[texts.index("Aan: de indiener van het bezwaar") + 1 :][:4]
    assert after_addressee == ["", "", "", ""]


def test_the_letter_defaults_to_the_language_of_the_page(client, w):
    client.force_login(w.handler)
    assert "Aan: de indiener van het bezwaar" in text_of(client.get(letter_url(w)))
    with translation.override("da"):
        assert "Til: borgeren" in text_of(client.get(url("letter", w.case, w.informal.pk)))


def test_an_unknown_language_is_a_404(client, w):
    client.force_login(w.handler)
    assert client.get(letter_url(w, "fr")).status_code == 404


def test_a_line_with_nothing_to_fill_in_is_left_out(client, w):
    w.informal.result = "withdrawn"
    w.informal.remaining = ""
    w.informal.save()
    client.force_login(w.handler)
    text = text_of(client.get(letter_url(w, "nl")))
    assert "Wat nog overblijft" not in text
    assert "U heeft uw bezwaar ingetrokken." in text


def test_the_organisations_own_template_is_used(client, w):
    LetterTemplate.objects.create(
        organisation=w.almere,
        language="da",
        body="Hej\n\nAftalt den {call_date}:\n{agreements}\n\nOpgaver:\n{actions}\n\n{{Tak}} fra {organisation}",
    )
    client.force_login(w.handler)
    text = text_of(client.get(letter_url(w, "da")))
    assert "Aftalt den 4. september 2026:" in text
    assert "{Tak} fra Gemeente Almere" in text
    assert "Kære borger" not in text
    # The Dutch letter still has the default wording.
    assert "Geachte heer, mevrouw," in text_of(client.get(letter_url(w, "nl")))


def test_downloading_is_logged_and_stores_nothing_else(client, w):
    client.force_login(w.handler)
    counts = [model.objects.count() for model in (Case, Contact, InformalApproach, Party, LetterTemplate)]
    client.get(letter_url(w, "en"))
    assert [model.objects.count() for model in (Case, Contact, InformalApproach, Party, LetterTemplate)] == counts
    assert CaseEvent.objects.filter(case=w.case, action=EventAction.LETTER, actor=w.handler).count() == 1


def test_nobody_else_gets_the_letter(client, w):
    assert_nobody_else(client, w, "get", letter_url(w, "nl"))
    assert not CaseEvent.objects.filter(action=EventAction.LETTER).exists()


def test_a_letter_of_another_case_is_not_found_through_this_one(client, w):
    from tests import factories

    other = factories.case(w.almere, handler=w.coordinator, reference="ANDER")
    foreign = informal(other)
    client.force_login(w.handler)
    assert client.get(url("letter", w.case, foreign.pk)).status_code == 404


# --- the coordinators' letter editor -----------------------------------------------------------------------------


def editor_url(w, language="nl", slug=None):
    return reverse("cases:letter_template", kwargs={"slug": slug or w.almere.slug, "language": language})


def test_the_coordinator_edits_and_resets_the_letter(client, w, post):
    client.force_login(w.coordinator)
    page = client.get(editor_url(w, "da"))
    assert page.status_code == 200
    assert "Kære borger" in page.content.decode()  # the default wording to start from
    assert "{call_date}" in page.content.decode()
    response = post(editor_url(w, "da"), {"body": "Kære borger\n\n{agreements}\n\n{organisation}"})
    assert response.status_code == 302
    assert LetterTemplate.objects.get(organisation=w.almere, language="da").updated_by == w.coordinator
    response = post(editor_url(w, "da"), {"reset": "1"})
    assert response.status_code == 302
    assert not LetterTemplate.objects.exists()


def test_unknown_placeholders_and_stray_braces_are_refused_with_the_text_kept(client, w, post):
    client.force_login(w.coordinator)
    with translation.override("en"):
        response = post(editor_url(w, "en"), {"body": "Dear {name},\n\n{agreements} and {adres}\n}"})
        content = response.content.decode()
    assert response.status_code == 200
    assert "Unknown placeholders: {name}, {adres}" in content
    assert "A brace opens or closes no placeholder" in content
    assert "Dear {name}," in content
    assert not LetterTemplate.objects.exists()


@pytest.mark.parametrize(
    "text",
    ["Met vriendelijke groet, mevrouw Jansen", "Bel 020-1234567", "Mail naar balie@almere.example", "BSN 111222333"],
)
def test_personal_data_in_the_letter_text_is_caught(client, w, post, text):
    client.force_login(w.coordinator)
    body = "{agreements}\n\n" + text
    response = post(editor_url(w, "nl"), {"body": body})
    assert response.status_code == 200
    form = response.context["form"]
    assert form.findings and "confirm_findings" in form.errors
    assert not LetterTemplate.objects.exists()
    data = {"body": body, "confirm_findings": "on", "findings_seen": form.data["findings_seen"]}
    assert post(editor_url(w, "nl"), data).status_code == 302
    assert LetterTemplate.objects.get().body == body


def test_only_the_organisations_coordinators_reach_the_editor(client, w, post):
    for outsider in (w.handler, w.colleague, w.zeist_coordinator):
        client.force_login(outsider)
        assert client.get(editor_url(w)).status_code == 404
        assert post(editor_url(w), {"body": "{agreements}"}).status_code == 404
    client.logout()
    response = client.get(editor_url(w))
    assert response.status_code == 302 and "login" in response.url
    client.force_login(w.coordinator)
    assert client.get(editor_url(w, "fr")).status_code == 404
    assert client.get(editor_url(w, slug=w.zeist.slug)).status_code == 404
    assert not LetterTemplate.objects.exists()


def test_the_default_letters_pass_the_detector_and_use_known_placeholders():
    from core.personal_data import detect

    for language, body in letters.DEFAULT_BODIES.items():
        assert letters.template_problems(body) == ([], False), language
        assert detect(body) == [], language


def test_the_case_page_links_coordinators_to_the_letter_wording(client, w):
    editor = editor_url(w, "nl")
    client.force_login(w.coordinator)
    assert editor in client.get(w.case.get_absolute_url()).content.decode()
    client.force_login(w.handler)
    assert editor not in client.get(w.case.get_absolute_url()).content.decode()
