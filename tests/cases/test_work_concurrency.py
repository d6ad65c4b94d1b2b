"""Working one case at the same moment on PostgreSQL: a double tick stays one tick, two contacts logged at once are
both kept, and two people choosing a protocol at once leave one checklist, not two."""

import datetime
from functools import partial

import pytest

from cases.choices import EventAction
from cases.errors import CaseError
from cases.models import CaseEvent, ChecklistItem, Contact
from cases.services import work as services
from tests import factories
from tests.cases.work_world import build
from tests.helpers import at_once as run_at_once

at_once = partial(run_at_once, refused=CaseError)


@pytest.fixture
def w(committed_db):
    w = build()
    w.protocol = factories.protocol_page("Bellen na een bezwaar", steps=2)
    return w


@pytest.mark.django_db(transaction=True)
def test_two_ticks_of_one_item_at_once_make_one_tick(w):
    services.follow_protocol(w.case, w.protocol, w.handler)
    item = ChecklistItem.objects.first()
    at_once(
        (services.tick, (item, w.handler), {"done": True}),
        (services.tick, (item, w.coordinator), {"done": True}),
    )
    item.refresh_from_db()
    assert item.is_done
    ticks = CaseEvent.objects.filter(case=w.case, action=EventAction.CHECKLIST).count() - 1  # minus following
    assert ticks == 1


@pytest.mark.django_db(transaction=True)
def test_two_contacts_logged_at_once_are_both_kept(w):
    fields = {"happened_on": datetime.date(2026, 9, 3), "channel": "phone", "with_role": "citizen"}
    at_once(
        (services.add_contact, (w.case, w.handler), fields | {"summary": "Eerste"}),
        (services.add_contact, (w.case, w.coordinator), fields | {"summary": "Tweede"}),
    )
    assert sorted(Contact.objects.values_list("summary", flat=True)) == ["Eerste", "Tweede"]
    assert CaseEvent.objects.filter(case=w.case, action=EventAction.CONTACT).count() == 2


@pytest.mark.django_db(transaction=True)
def test_one_protocol_chosen_twice_at_once_leaves_one_checklist(w):
    at_once(
        (services.follow_protocol, (w.case, w.protocol, w.handler), {}),
        (services.follow_protocol, (w.case, w.protocol, w.coordinator), {}),
    )
    assert ChecklistItem.objects.filter(case=w.case).count() == 4
