"""Readers: the protocol index with filters, the protocol page, its print version, history and diff — per language."""

import datetime

import pytest
from django.urls import reverse

from protocols.models import ProtocolPage, PublishedVersion
from tests.factories import protocol_step as step

# These specs read the demo's protocols: their steps, translations and filters.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]

DRAFT_CANARY = "KANARIE-CONCEPT-7781"


def demo(slug):
    return ProtocolPage.objects.get(slug=slug)


@pytest.mark.parametrize(
    ("language", "slug", "expected"),
    [
        (
            "nl",
            "bellen-na-bezwaar-en-informele-aanpak",
            ["Stappen", "Stap 1:", "Rollen en mandaat", "Laatst herzien op"],
        ),
        ("da", "opkald-efter-klage-og-uformel-tilgang", ["Trin", "Trin 1:", "Roller og mandat", "Senest gennemgået"]),
        ("en", "calling-after-an-objection", ["Steps", "Step 1:", "Roles and mandate", "Last reviewed on"]),
    ],
)
def test_protocol_page_renders_in_its_language(client, language, slug, expected):
    page = demo(slug)
    html = client.get(page.url).content.decode()
    assert f'<html lang="{language}"' in html
    assert page.title in html
    for text in expected:
        assert text in html, text
    assert page.next_review.strftime("%Y") in html


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/nl/protocollen/", ["Protocollen filteren", "Bellen na bezwaar en informele aanpak (BIA)", "3 protocollen"]),
        ("/da/procedurer/", ["Filtrér procedurer", "Mægling mellem borger og forvaltning", "4 procedurer"]),
        ("/en/protocols/", ["Filter protocols", "Calling after an objection", "2 protocols"]),
    ],
)
def test_index_renders_in_each_language(client, url, expected):
    html = client.get(url).content.decode()
    for text in expected:
        assert text in html, text


def test_index_filters_by_setting_phase_and_tag_without_javascript(client):
    html = client.get("/nl/protocollen/?setting=workplace").content.decode()
    assert "Mediation tussen medewerker en leidinggevende" in html
    assert "Bellen na bezwaar en informele aanpak" not in html
    assert "1 protocol" in html

    html = client.get("/nl/protocollen/?tag=bia").content.decode()
    assert "Bellen na bezwaar en informele aanpak" in html
    assert "Mediation bij een bezwaar" not in html

    html = client.get("/nl/protocollen/?phase=during_objection").content.decode()
    assert "Mediation bij een bezwaar" in html
    # "any phase" protocols fit every phase.
    assert "Mediation tussen medewerker en leidinggevende" in html
    assert "Bellen na bezwaar en informele aanpak" not in html


def test_index_ignores_unknown_filter_values(client):
    response = client.get("/nl/protocollen/?setting=onzin&tag=%3Cscript%3E")
    assert response.status_code == 200
    assert "3 protocollen" in response.content.decode()


def test_print_version_has_numbered_steps_and_no_navigation(client):
    page = demo("mediation-bij-een-bezwaar")
    html = client.get(reverse("protocols:print", args=[page.pk])).content.decode()
    assert "Stap 1:" in html and "Stap 7:" in html
    assert 'class="protocol-checklist__item"' in html
    assert "Hoofdnavigatie" not in html and "Inloggen" not in html
    assert "protocols-print.css" in html


def test_protocol_page_carries_the_print_stylesheet(client):
    html = client.get(demo("mediation-bij-een-bezwaar").url).content.decode()
    assert 'protocols-print.css" media="print"' in html


def publish(page, note, steps):
    page = ProtocolPage.objects.get(pk=page.pk)
    page.steps = steps
    page.change_note = note
    page.save_revision().publish()
    return page


@pytest.fixture
def three_versions_and_a_draft(make_protocol):
    page = make_protocol(title="Geschiedenisprotocol", steps=[step("Bellen", items=("Gebeld",))])
    publish(page, "Controlepunt over terugbellen toegevoegd.", [step("Bellen", items=("Gebeld", "Teruggebeld"))])
    publish(
        page,
        "Stap twee toegevoegd.",
        [step("Bellen", items=("Gebeld", "Teruggebeld")), step("Vastleggen", items=("BIA ingevuld",))],
    )
    page = ProtocolPage.objects.get(pk=page.pk)
    page.steps = [step(DRAFT_CANARY, items=(DRAFT_CANARY,))]
    page.summary = DRAFT_CANARY
    page.change_note = DRAFT_CANARY
    draft = page.save_revision()
    return ProtocolPage.objects.get(pk=page.pk), draft


def test_history_lists_exactly_the_published_versions_with_their_notes(client, three_versions_and_a_draft):
    page, _draft = three_versions_and_a_draft
    html = client.get(reverse("protocols:history", args=[page.pk])).content.decode()
    assert html.count('<tr class="utrecht-table__row">') == 1 + 3  # header + three versions
    notes = ["Stap twee toegevoegd.", "Controlepunt over terugbellen toegevoegd.", "Eerste versie."]
    positions = [html.index(note) for note in notes]
    assert positions == sorted(positions), "newest first"
    assert DRAFT_CANARY not in html


def test_diff_between_two_published_versions_shows_added_and_removed_lines(client, three_versions_and_a_draft):
    page, _draft = three_versions_and_a_draft
    first, second, third = sorted(PublishedVersion.objects.filter(page=page), key=lambda v: v.published_at)
    url = reverse("protocols:compare", args=[page.pk])
    html = client.get(url, {"from": first.revision_id, "to": third.revision_id}).content.decode()
    assert '<ins><span class="site-visually-hidden">toegevoegd: </span>☐ Teruggebeld</ins>' in html
    assert "Stap 2: Vastleggen" in html
    assert DRAFT_CANARY not in html
    # Backwards, the same line is removed.
    html = client.get(url, {"from": third.revision_id, "to": second.revision_id}).content.decode()
    assert '<del><span class="site-visually-hidden">verwijderd: </span>☐ BIA ingevuld</del>' in html


def test_drafts_never_reach_readers(client, three_versions_and_a_draft, make_user, make_organisation):
    page, draft = three_versions_and_a_draft
    member = make_user("lezer@almere-test.example", organisation=make_organisation("almere-test"))
    client.force_login(member)
    run_url = client.post(reverse("protocols:checklist_start", args=[page.pk])).url
    for url in [
        page.url,
        reverse("protocols:history", args=[page.pk]),
        reverse("protocols:print", args=[page.pk]),
        run_url,
        page.get_parent().url,
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert DRAFT_CANARY not in response.content.decode(), url
    published = PublishedVersion.objects.filter(page=page).first()
    compare = reverse("protocols:compare", args=[page.pk])
    assert client.get(compare, {"from": published.revision_id, "to": draft.pk}).status_code == 404
    assert client.get(compare, {"from": published.revision_id, "to": 999_999}).status_code == 404
    assert client.get(compare, {"from": "x", "to": published.revision_id}).status_code == 404


def test_history_of_an_unpublished_protocol_is_not_found(client, make_protocol):
    page = make_protocol()
    page.unpublish()
    for name in ("protocols:history", "protocols:print"):
        assert client.get(reverse(name, args=[page.pk])).status_code == 404
    assert client.get(reverse("protocols:history", args=[999_999])).status_code == 404


def test_next_review_follows_the_last_review_and_the_interval(make_protocol):
    page = make_protocol(last_reviewed=datetime.date(2026, 1, 31), review_interval_months=1)
    assert page.next_review == datetime.date(2026, 2, 28)


def test_protocol_page_queries_do_not_grow_with_steps_or_protocols(
    client, make_protocol, django_assert_max_num_queries
):
    page = make_protocol(steps=30)
    client.get(page.url)  # warm caches that are per process (content types, site root paths)
    with django_assert_max_num_queries(20):
        response = client.get(page.url)
    assert response.content.decode().count('class="protocol-step"') == 30
    for _ in range(20):
        make_protocol(steps=3)
    with django_assert_max_num_queries(20):
        client.get(page.url)
    index_url = page.get_parent().url
    client.get(index_url)
    with django_assert_max_num_queries(20):
        response = client.get(index_url)
    assert "24 protocollen" in response.content.decode()
