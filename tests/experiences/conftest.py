"""Fixtures for the shared-experience specs: members, moderators, a valid submission and published experiences."""

import itertools

import pytest
from django.utils import translation

from accounts.models import Organisation, User
from knowledge.experiences.forms import CHECKLIST
from knowledge.experiences.models import ExperienceIndexPage, ExperiencePage

_numbers = itertools.count(1)
ALL_TICKED = [key for key, _label in CHECKLIST]
# A made-up citizen service number that passes the 11-proof (9·1+8·1+7·1+6·2+5·2+4·2+3·3+2·3−3 = 66).
BSN = "111222333"


@pytest.fixture(autouse=True)
def _dutch():
    """Requests activate their page's language in this thread; start every spec in Dutch, whatever ran before."""
    with translation.override("nl"):
        yield


@pytest.fixture
def member(make_user):
    return make_user("anne@almere.example", organisation=Organisation.objects.get(slug="almere"), first_name="Anne")


@pytest.fixture
def other_member(make_user):
    return make_user("bram@zeist.example", organisation=Organisation.objects.get(slug="zeist"), first_name="Bram")


@pytest.fixture
def moderator(db):
    return User.objects.get(email="moderator@hilversum.example")


@pytest.fixture
def editor(db):
    return User.objects.get(email="redacteur@almere.example")


def submission_data(**overrides) -> dict:
    data = {
        "title": "Bezwaar over een kapvergunning",
        "setting": "citizen_government",
        "case_kind": "Bezwaar tegen een kapvergunning",
        "what_happened": "Een inwoner maakte bezwaar tegen het kappen van een boom naast zijn tuin.",
        "approach": "Wij belden de inwoner en spraken op locatie met de boomdeskundige.",
        "outcome": "resolved",
        "lessons": "Samen ter plekke kijken werkte beter dan een brief.",
        "tags": "bezwaar, bomen",
        "checklist": ALL_TICKED,
    }
    data.update(overrides)
    return data


def build_experience(title="Testervaring", *, language="nl", tags=(), **fields) -> ExperiencePage:
    index = ExperienceIndexPage.objects.get(locale__language_code=language)
    page = ExperiencePage(
        title=title,
        slug=f"testervaring-{next(_numbers)}",
        setting=fields.pop("setting", "citizen_government"),
        case_kind=fields.pop("case_kind", "Bezwaar"),
        what_happened=fields.pop("what_happened", "Er gebeurde iets."),
        approach=fields.pop("approach", "Wij belden."),
        outcome=fields.pop("outcome", "resolved"),
        lessons=fields.pop("lessons", "Bellen helpt."),
        **fields,
    )
    index.add_child(instance=page)
    page.tags.set(list(tags))
    page.save_revision().publish()
    return ExperiencePage.objects.get(pk=page.pk)
