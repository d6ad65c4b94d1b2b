"""Two people working on one case at the same moment lose nothing: real parallel connections on PostgreSQL, each
thread its own transaction."""

from functools import partial

import pytest

from cases.choices import EventAction
from cases.errors import CaseError
from cases.models import Case, CaseEvent, Party
from cases.services import register as services
from tests.cases.register_world import build
from tests.helpers import at_once as run_at_once

at_once = partial(run_at_once, refused=CaseError)


def details(case, **changes):
    return {name: getattr(case, name) for name in services.DETAIL_FIELDS} | changes


@pytest.mark.django_db(transaction=True)
def test_two_edits_from_the_same_version_save_one_and_refuse_the_other(committed_db):
    w = build()
    case = w.case
    results, errors = at_once(
        (services.update_case, (case.pk, details(case, summary="De versie van Hanna."), 1, w.handler)),
        (services.update_case, (case.pk, details(case, summary="De versie van Coby."), 1, w.coordinator)),
    )
    assert len(results) == 1
    assert errors == [
        "Someone else changed this case while you were editing; your text is kept below: check their change and "
        "save again."
    ]
    case = Case.objects.get(pk=case.pk)
    assert case.version == 2
    assert case.summary == results[0].summary
    assert CaseEvent.objects.filter(case=case, action=EventAction.CHANGED).count() == 1


@pytest.mark.django_db(transaction=True)
def test_many_edits_from_one_version_never_save_more_than_one(committed_db):
    w = build()
    case = w.case
    calls = [
        (services.update_case, (case.pk, details(case, summary=f"Versie {number}."), 1, w.handler))
        for number in range(4)
    ]
    results, errors = at_once(*calls)
    assert len(results) == 1 and len(errors) == 3
    assert Case.objects.get(pk=case.pk).version == 2


@pytest.mark.django_db(transaction=True)
def test_two_people_adding_people_involved_at_once_both_land(committed_db):
    w = build()
    case = w.case
    results, errors = at_once(
        (services.add_party, (case.pk, "citizen", "buurman", w.handler)),
        (services.add_party, (case.pk, "representative", "advocaat", w.coordinator)),
    )
    assert errors == [] and len(results) == 2
    assert sorted(Party.objects.filter(case=case).values_list("role", flat=True)) == ["citizen", "representative"]
    assert CaseEvent.objects.filter(case=case, action=EventAction.PARTY).count() == 2
    # Adding people does not touch the details' version: an edit of the details still saves.
    services.update_case(case.pk, details(Case.objects.get(pk=case.pk), summary="Daarna."), 1, w.handler)
