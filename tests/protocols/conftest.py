import itertools

import pytest
from django.utils import translation

from accounts.models import User
from protocols.models import ProtocolIndexPage, ProtocolPage

_numbers = itertools.count(1)


@pytest.fixture(autouse=True)
def _dutch():
    """reverse() follows the active language, and a request in another language leaves that one active."""
    translation.activate("nl")
    yield
    translation.activate("nl")


def step(title="Bellen", items=("Gebeld",), role="Behandelaar", actions="<p>Bel de indiener.</p>"):
    return {
        "type": "step",
        "value": {
            "title": title,
            "responsible_role": role,
            "actions": actions,
            "checklist": list(items),
            "typical_duration": "",
            "documents": [],
        },
    }


@pytest.fixture
def dutch_index(db):
    return ProtocolIndexPage.objects.get(locale__language_code="nl")


@pytest.fixture
def editor(db):
    return User.objects.get(email="redacteur@almere.example")


@pytest.fixture
def make_protocol(dutch_index):
    """A published Dutch protocol. `steps` is a number of generated steps or a list of raw step blocks."""

    def make(title=None, steps=1, publish=True, change_note="Eerste versie.", **fields):
        number = next(_numbers)
        title = title or f"Testprotocol {number}"
        if isinstance(steps, int):
            steps = [step(f"Stap {n}", items=(f"Punt {n}a", f"Punt {n}b")) for n in range(1, steps + 1)]
        fields.setdefault("conflict_setting", "objection")
        page = ProtocolPage(
            title=title,
            slug=f"testprotocol-{number}",
            summary=f"Samenvatting van {title}",
            steps=steps,
            change_note=change_note,
            live=False,
            **fields,
        )
        index = ProtocolIndexPage.objects.get(pk=dutch_index.pk)
        index.add_child(instance=page)
        if publish:
            page.save_revision().publish()
        return ProtocolPage.objects.get(pk=page.pk)

    return make
