"""A member's private checklist: start, tick, note, resume, delete — and nobody else can read it."""

import pytest
from django.urls import reverse

from protocols import queries, services
from protocols.models import ChecklistRun, ChecklistTick, ProtocolPage

# These specs read the demo's protocols: their steps, translations and filters.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]

CANARY = "KANARIE-NOTITIE-4412"


@pytest.fixture
def protocol():
    return ProtocolPage.objects.get(slug="mediation-bij-een-bezwaar")


@pytest.fixture
def member_a(make_user, make_organisation):
    return make_user("a@almere-test.example", organisation=make_organisation("almere-test"))


@pytest.fixture
def member_b(make_user, make_organisation):
    return make_user("b@zeist-test.example", organisation=make_organisation("zeist-test"))


def item_keys(page):
    return [item.key for step in queries.checklist_steps(page) for item in step["items"]]


def test_member_works_through_a_checklist_and_resumes_it(client, member_a, protocol):
    client.force_login(member_a)
    response = client.post(reverse("protocols:checklist_start", args=[protocol.pk]))
    run = ChecklistRun.objects.get(user=member_a, page=protocol)
    assert response.url == reverse("protocols:checklist", args=[protocol.pk, run.pk])

    page = client.get(response.url).content.decode()
    assert "Vul geen persoonsgegevens van inwoners" in page
    assert 'aria-describedby="id_notes_help"' in page
    assert "0 van 15 punten gedaan" in page

    first, second = item_keys(protocol)[:2]
    response = client.post(
        response.url, {"items": [first, second], "notes": "Voorgesprek gepland.", "label": "Z-2026-12"}
    )
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert "2 van 15 punten gedaan" in page
    assert page.count(" checked>") == 2
    assert "Voorgesprek gepland." in page
    # Listed on the protocol page, so the member can find it again.
    assert "Z-2026-12" in client.get(protocol.url).content.decode()

    # Unticking one keeps the other.
    client.post(response.url, {"items": [second], "notes": "", "label": ""})
    assert list(ChecklistTick.objects.filter(run=run).values_list("item_key", flat=True)) == [second]


def test_unknown_item_keys_are_ignored(client, member_a, protocol):
    client.force_login(member_a)
    run = services.start_checklist(member_a, protocol)
    client.post(reverse("protocols:checklist", args=[protocol.pk, run.pk]), {"items": ["bestaat-niet"], "notes": ""})
    assert not run.ticks.exists()


def test_too_long_notes_keep_what_was_typed(client, member_a, protocol):
    client.force_login(member_a)
    run = services.start_checklist(member_a, protocol)
    first = item_keys(protocol)[0]
    response = client.post(
        reverse("protocols:checklist", args=[protocol.pk, run.pk]), {"items": [first], "notes": "x" * 2001}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "x" * 2001 in html
    assert " checked>" in html
    assert not run.ticks.exists()


def test_nobody_else_can_read_change_or_delete_a_checklist(client, member_a, member_b, protocol):
    run = services.start_checklist(member_a, protocol)
    services.update_checklist(run, item_keys(protocol)[:1], CANARY, CANARY)
    urls = [
        reverse("protocols:checklist", args=[protocol.pk, run.pk]),
        reverse("protocols:checklist_delete", args=[protocol.pk, run.pk]),
    ]
    client.force_login(member_b)
    for url in urls:
        response = client.get(url)
        assert response.status_code == 404
        assert CANARY not in response.content.decode()
        assert client.post(url, {"items": [], "notes": "overschreven"}).status_code == 404
    assert CANARY not in client.get(protocol.url).content.decode()
    run.refresh_from_db()
    assert run.notes == CANARY
    # The right run id under another protocol is not found either.
    other = ProtocolPage.objects.get(slug="bellen-na-bezwaar-en-informele-aanpak")
    client.force_login(member_a)
    assert client.get(reverse("protocols:checklist", args=[other.pk, run.pk])).status_code == 404


def test_visitors_are_sent_to_log_in_and_non_members_refused(client, protocol, make_user):
    url = reverse("protocols:checklist_start", args=[protocol.pk])
    response = client.post(url)
    assert response.status_code == 302 and "/accounts/login/" in response.url
    assert "als persoonlijke checklist gebruiken" in client.get(protocol.url).content.decode()
    client.force_login(make_user("zonder@lidmaatschap.example"))
    assert client.post(url).status_code == 403
    assert not ChecklistRun.objects.exists()


def test_member_deletes_a_checklist(client, member_a, protocol):
    run = services.start_checklist(member_a, protocol)
    services.update_checklist(run, item_keys(protocol)[:2], "", "")
    client.force_login(member_a)
    url = reverse("protocols:checklist_delete", args=[protocol.pk, run.pk])
    assert "kan niet ongedaan worden gemaakt" in client.get(url).content.decode()
    response = client.post(url)
    assert response.url == protocol.url
    assert not ChecklistRun.objects.filter(pk=run.pk).exists()
    assert not ChecklistTick.objects.filter(run_id=run.pk).exists()


def test_editing_an_item_unticks_it_but_keeps_the_others(member_a, protocol):
    run = services.start_checklist(member_a, protocol)
    keys = item_keys(protocol)
    services.update_checklist(run, keys[:2], "", "")
    page = ProtocolPage.objects.get(pk=protocol.pk)
    raw = page.steps.raw_data
    raw[0]["value"]["checklist"][0] = "Verzoek, aanleiding en datum genoteerd"
    page.steps = raw
    page.change_note = "Eerste controlepunt aangescherpt."
    page.save_revision().publish()
    page = ProtocolPage.objects.get(pk=protocol.pk)
    ticked = {
        item.text
        for step in queries.checklist_steps(page, set(run.ticks.values_list("item_key", flat=True)))
        for item in step["items"]
        if item.ticked
    }
    assert ticked == {"Bezwaartermijn en eventuele hoorzitting in beeld"}


def test_notes_with_personal_data_are_shown_back_and_saved_only_once_confirmed(client, member_a, protocol):
    client.force_login(member_a)
    run = services.start_checklist(member_a, protocol)
    checklist_url = reverse("protocols:checklist", args=[protocol.pk, run.pk])
    first = item_keys(protocol)[0]
    notes = "Mevrouw Jansen woont op Kerkstraat 12 in Amersfoort; geboren op 3 maart 1985."
    data = {"items": [first], "notes": notes, "label": "Z-2026-12"}

    response = client.post(checklist_url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Mogelijk persoonsgegevens" in html
    assert "<mark>Kerkstraat 12</mark>" in html and "<mark>Jansen</mark>" in html
    assert notes in html and " checked>" in html, "nothing typed or ticked is lost"
    run.refresh_from_db()
    assert run.notes == "" and not run.ticks.exists()

    seen = response.context["form"].data["findings_seen"]
    response = client.post(checklist_url, data | {"confirm_findings": "on", "findings_seen": seen})
    assert response.status_code == 302
    run.refresh_from_db()
    assert run.notes == notes and run.ticks.count() == 1
