"""Publishing a protocol in the CMS: steps are required, and every published version carries its own change note."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from protocols.models import ProtocolPage, PublishedVersion

pytestmark = pytest.mark.django_db


def list_block(items):
    data = {str(i): {"value": item, "deleted": "", "order": str(i), "id": ""} for i, item in enumerate(items)}
    data["count"] = str(len(items))
    return data


def edit_data(page, *, steps=1, change_note="Tweede versie: stap toegevoegd.", action="action-publish"):
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "summary": page.summary,
            "conflict_setting": "objection",
            "phase": "any",
            "tags": "bezwaar",
            "when_to_use": rich_text("<p>Als de inwoner bezwaar maakt.</p>"),
            "when_not_to_use": rich_text(""),
            "roles_and_mandate": rich_text("<p>Behandelaar.</p>"),
            "confidentiality": rich_text(""),
            "voluntariness": rich_text(""),
            "recorded": rich_text(""),
            "steps": streamfield(
                [
                    (
                        "step",
                        {
                            "title": f"Stap {n}",
                            "responsible_role": "Behandelaar",
                            "actions": rich_text("<p>Bel de indiener.</p>"),
                            "checklist": list_block([f"Punt {n}"]),
                            "typical_duration": "",
                            "documents": list_block([]),
                        },
                    )
                    for n in range(1, steps + 1)
                ]
            ),
            "related_protocols": inline_formset([]),
            "review_owner": "",
            "last_reviewed": "2026-01-15",
            "review_interval_months": "12",
            "change_note": change_note,
        }
    )
    data[action] = "1"
    return data


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def test_editor_publishes_a_protocol_with_steps_and_a_new_change_note(editor_client, make_protocol):
    page = make_protocol(steps=1)
    response = editor_client.post(edit_url(page), edit_data(page, steps=2))
    assert response.status_code == 302, response.content.decode()[:3000]
    page.refresh_from_db()
    assert len(page.steps) == 2
    assert page.change_note == "Tweede versie: stap toegevoegd."
    assert list(PublishedVersion.objects.filter(page=page).values_list("change_note", flat=True)) == [
        "Tweede versie: stap toegevoegd.",
        "Eerste versie.",
    ]


def test_a_protocol_without_steps_cannot_be_published(editor_client, make_protocol):
    page = make_protocol(steps=1)
    response = editor_client.post(edit_url(page), edit_data(page, steps=0))
    assert response.status_code == 200
    assert "Een protocol zonder stappen kan niet worden gepubliceerd." in response.content.decode()
    page.refresh_from_db()
    assert len(page.steps) == 1
    assert PublishedVersion.objects.filter(page=page).count() == 1


def test_a_draft_without_steps_may_be_saved(editor_client, make_protocol):
    page = make_protocol(steps=1)
    response = editor_client.post(edit_url(page), edit_data(page, steps=0, change_note="", action="action-save"))
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.has_unpublished_changes and len(page.steps) == 1  # the live version is untouched


def test_publishing_requires_a_change_note(editor_client, make_protocol):
    page = make_protocol(steps=1)
    response = editor_client.post(edit_url(page), edit_data(page, change_note=""))
    assert response.status_code == 200
    assert "Beschrijf wat er in deze versie is veranderd" in response.content.decode()
    assert PublishedVersion.objects.filter(page=page).count() == 1


def test_publishing_with_the_previous_versions_note_is_refused(editor_client, make_protocol):
    page = make_protocol(steps=1, change_note="Eerste versie.")
    response = editor_client.post(edit_url(page), edit_data(page, steps=2, change_note="Eerste versie."))
    assert response.status_code == 200
    assert "Dit is de wijzigingsnotitie van de versie die al gepubliceerd is." in response.content.decode()
    assert PublishedVersion.objects.filter(page=page).count() == 1


def test_creating_and_publishing_a_new_protocol_without_steps_is_refused(editor_client, dutch_index):
    page = ProtocolPage(title="Nieuw protocol", slug="nieuw-protocol", summary="Kort.")
    url = reverse("wagtailadmin_pages:add", args=["protocols", "protocolpage", dutch_index.pk])
    response = editor_client.post(url, edit_data(page, steps=0, change_note="Eerste versie."))
    assert response.status_code == 200
    assert "Een protocol zonder stappen kan niet worden gepubliceerd." in response.content.decode()
    assert not ProtocolPage.objects.filter(slug="nieuw-protocol").exists()
    response = editor_client.post(url, edit_data(page, steps=1, change_note="Eerste versie."))
    assert response.status_code == 302
    created = ProtocolPage.objects.get(slug="nieuw-protocol")
    assert created.live and PublishedVersion.objects.get(page=created).change_note == "Eerste versie."


def test_editor_opens_the_add_and_edit_forms(editor_client, make_protocol, dutch_index):
    page = make_protocol()
    assert editor_client.get(edit_url(page)).status_code == 200
    add = reverse("wagtailadmin_pages:add", args=["protocols", "protocolpage", dutch_index.pk])
    html = editor_client.get(add).content.decode()
    assert "Wijzigingsnotitie" in html or "wijzigingsnotitie" in html.lower()
