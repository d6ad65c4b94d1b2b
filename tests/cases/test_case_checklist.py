"""A case follows a protocol: its steps' checklist items become the case's checklist, with the version they came
from; items are ticked off idempotently; switching protocol keeps what was ticked."""

import datetime

import pytest
from django.utils import translation

from cases.choices import EventAction
from cases.models import CaseEvent, ChecklistItem
from cases.services import work as services
from tests import factories
from tests.cases.work_world import assert_nobody_else, build, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    w = build()
    w.protocol = factories.protocol_page(
        "Bellen na een bezwaar",
        steps=[
            factories.protocol_step("Bellen", items=("Binnen vijf dagen gebeld", "Afspraken genoteerd")),
            factories.protocol_step("Bevestigen", items=("Brief verstuurd",)),
        ],
    )
    w.other = factories.protocol_page("Mediation na een hoorzitting", steps=1)
    return w


def items(case):
    return list(ChecklistItem.objects.filter(case=case).values_list("step_title", "text"))


def test_the_handler_chooses_a_protocol_and_its_checklist_is_copied(client, w, post):
    client.force_login(w.handler)
    page = client.get(url("choose_protocol", w.case))
    assert page.status_code == 200
    assert "Bellen na een bezwaar" in page.content.decode()
    response = post(url("choose_protocol", w.case), {"protocol": w.protocol.pk})
    assert response.status_code == 302
    assert response.url.endswith("#checklist")
    w.case.refresh_from_db()
    assert w.case.protocol_id == w.protocol.pk
    assert w.case.protocol_title == "Bellen na een bezwaar"
    assert w.case.protocol_revision_id == w.protocol.live_revision_id is not None
    assert items(w.case) == [
        ("Bellen", "Binnen vijf dagen gebeld"),
        ("Bellen", "Afspraken genoteerd"),
        ("Bevestigen", "Brief verstuurd"),
    ]
    assert CaseEvent.objects.filter(case=w.case, action=EventAction.CHECKLIST, actor=w.handler).count() == 1


def test_a_protocol_the_person_cannot_read_cannot_be_chosen(client, w, post):
    draft = factories.protocol_page("Concept dat nog niet af is", steps=1, publish=False)
    client.force_login(w.handler)
    assert "Concept dat nog niet af is" not in client.get(url("choose_protocol", w.case)).content.decode()
    with translation.override("en"):
        response = post(url("choose_protocol", w.case), {"protocol": draft.pk})
        assert "This protocol cannot be chosen" in response.content.decode()
    assert response.status_code == 200
    assert not ChecklistItem.objects.exists()


def test_ticking_is_idempotent_and_records_who_and_when(client, w, post):
    services.follow_protocol(w.case, w.protocol, w.handler)
    item = ChecklistItem.objects.first()
    client.force_login(w.handler)
    assert client.get(url("tick", w.case, item.pk)).status_code == 405
    for _ in range(2):  # a double click
        assert post(url("tick", w.case, item.pk), {"done": "1"}).status_code == 302
    item.refresh_from_db()
    assert item.is_done and item.done_by == w.handler
    assert CaseEvent.objects.filter(case=w.case, action=EventAction.CHECKLIST).count() == 2  # followed, ticked once
    post(url("tick", w.case, item.pk), {"done": "0"})
    item.refresh_from_db()
    assert not item.is_done and item.done_by is None


def test_switching_protocol_replaces_open_items_and_keeps_ticked_ones(w):
    services.follow_protocol(w.case, w.protocol, w.handler)
    ticked = ChecklistItem.objects.get(text="Afspraken genoteerd")
    services.tick(ticked, w.coordinator, done=True)
    services.follow_protocol(w.case, w.other, w.handler)
    assert items(w.case) == [("Stap 1", "Punt 1a"), ("Stap 1", "Punt 1b"), ("Bellen", "Afspraken genoteerd")]
    kept = ChecklistItem.objects.get(text="Afspraken genoteerd")
    assert kept.pk == ticked.pk and kept.done_by == w.coordinator
    w.case.refresh_from_db()
    assert w.case.protocol_title == "Mediation na een hoorzitting"


def test_following_a_new_version_keeps_a_ticked_item_in_its_new_place(w):
    services.follow_protocol(w.case, w.protocol, w.handler)
    services.tick(ChecklistItem.objects.get(text="Brief verstuurd"), w.handler, done=True)
    first_revision = w.case.protocol_revision_id
    w.protocol.steps = [
        factories.protocol_step("Bevestigen", items=("Brief verstuurd", "Kopie in het dossier")),
        factories.protocol_step("Bellen", items=("Binnen drie dagen gebeld",)),
    ]
    w.protocol.save_revision().publish()
    w.protocol.refresh_from_db()
    case = services.follow_protocol(w.case, w.protocol, w.handler)
    assert case.protocol_revision_id != first_revision
    assert items(w.case) == [
        ("Bevestigen", "Brief verstuurd"),
        ("Bevestigen", "Kopie in het dossier"),
        ("Bellen", "Binnen drie dagen gebeld"),
    ]
    assert ChecklistItem.objects.get(text="Brief verstuurd").is_done


def test_the_case_page_groups_the_checklist_by_step_with_the_version_and_a_link(client, w):
    services.follow_protocol(w.case, w.protocol, w.handler)
    services.tick(ChecklistItem.objects.get(text="Brief verstuurd"), w.handler, done=True)
    client.force_login(w.handler)
    with translation.override("en"):
        content = client.get(w.case.get_absolute_url()).content.decode()
    assert content.index(">Bellen</h3>") < content.index(">Bevestigen</h3>")
    assert "version of" in content
    assert f'href="{w.protocol.url}"' in content
    assert "1 of 3 items done." in content
    assert 'name="done" value="0"' in content and 'name="done" value="1"' in content


def test_a_closed_case_keeps_its_checklist_as_it_was(client, w, post):
    services.follow_protocol(w.case, w.protocol, w.handler)
    item = ChecklistItem.objects.first()
    w.case.refresh_from_db()
    w.case.status = "closed"
    w.case.closed_on = datetime.date(2026, 10, 1)
    w.case.outcome = "agreement"
    w.case.save()
    client.force_login(w.handler)
    with translation.override("en"):
        response = post(url("tick", w.case, item.pk), {"done": "1"}, follow=True)
        assert "This case is closed; reopen it to add to it." in response.content.decode()
    item.refresh_from_db()
    assert not item.is_done
    assert post(url("choose_protocol", w.case), {"protocol": w.other.pk}).status_code == 302
    assert ChecklistItem.objects.filter(text="Punt 1a").count() == 0


def test_nobody_else_reaches_the_checklist(client, w):
    services.follow_protocol(w.case, w.protocol, w.handler)
    item = ChecklistItem.objects.first()
    assert_nobody_else(client, w, "get", url("choose_protocol", w.case))
    assert_nobody_else(client, w, "post", url("choose_protocol", w.case), {"protocol": w.other.pk})
    assert_nobody_else(client, w, "post", url("tick", w.case, item.pk), {"done": "1"})
    item.refresh_from_db()
    assert not item.is_done
    w.case.refresh_from_db()
    assert w.case.protocol_id == w.protocol.pk


def test_the_case_page_takes_the_same_queries_for_a_short_or_long_checklist(client, w, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    services.follow_protocol(w.case, w.protocol, w.handler)
    client.force_login(w.handler)
    client.get(w.case.get_absolute_url())
    with CaptureQueriesContext(connection) as few:
        client.get(w.case.get_absolute_url())
    long = factories.protocol_page("Lang protocol", steps=12)
    services.follow_protocol(w.case, long, w.handler)
    for item in ChecklistItem.objects.filter(case=w.case)[:10]:
        services.tick(item, w.coordinator, done=True)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(w.case.get_absolute_url()).status_code == 200
