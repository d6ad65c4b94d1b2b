"""A mediator's capacity and a loan's approval hold when people act at the same moment: real parallel connections
on PostgreSQL, each thread its own transaction."""

import time
from functools import partial

import pytest

from pool.errors import PoolError
from pool.models import Loan, Offer
from pool.services import requests as services
from tests import factories
from tests.helpers import at_once as run_at_once
from tests.pool.request_world import ask, build

at_once = partial(run_at_once, refused=PoolError)


@pytest.fixture
def slow_capacity_count(monkeypatch):
    """Widen the window between counting a mediator's commitments and writing the choice, so that without the lock
    both choices would see room."""
    count = services.committed_this_quarter

    def slowly(*args, **kwargs):
        result = count(*args, **kwargs)
        time.sleep(0.3)
        return result

    monkeypatch.setattr(services, "committed_this_quarter", slowly)


@pytest.mark.django_db(transaction=True)
def test_two_requesters_choosing_a_mediator_with_room_for_one_at_once_one_wins(committed_db, slow_capacity_count):
    w = build(capacity_per_quarter=1)
    almere_request = ask(w, title="Almere vraagt")
    utrecht_request = factories.mediator_request(w.network, w.utrecht_coordinator, title="Utrecht vraagt")
    first = services.make_offer(almere_request.pk, w.zeist_mediator_user, "")
    second = services.make_offer(utrecht_request.pk, w.zeist_mediator_user, "")

    results, errors = at_once(
        (services.choose_offer, (first.pk, w.almere_coordinator)),
        (services.choose_offer, (second.pk, w.utrecht_coordinator)),
    )

    assert len(results) == 1
    assert errors == ["This mediator has no room left this quarter."]
    statuses = sorted(Offer.objects.filter(mediator=w.zeist_mediator).values_list("status", flat=True))
    assert statuses == ["chosen", "open"]


@pytest.mark.django_db(transaction=True)
def test_two_coordinators_approving_the_same_offer_at_once_make_one_loan(committed_db):
    w = build()
    other_coordinator = factories.coordinator("zeno.coordinator@zeist.example", organisation=w.zeist)
    mediator_request = ask(w)
    offer = services.make_offer(mediator_request.pk, w.zeist_mediator_user, "")
    services.choose_offer(offer.pk, w.almere_coordinator)

    results, errors = at_once(
        (services.approve_offer, (offer.pk, w.zeist_coordinator)),
        (services.approve_offer, (offer.pk, other_coordinator)),
    )

    assert len(results) == 1
    assert errors == ["This offer is not waiting for approval."]
    assert Loan.objects.filter(request=mediator_request).count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_offers_on_one_request_chosen_at_once_leave_one_chosen(committed_db):
    w = build()
    mediator_request = ask(w)
    first = services.make_offer(mediator_request.pk, w.zeist_mediator_user, "")
    second = services.make_offer(mediator_request.pk, w.utrecht_mediator_user, "")

    results, errors = at_once(
        (services.choose_offer, (first.pk, w.almere_coordinator)),
        (services.choose_offer, (second.pk, w.almere_coordinator)),
    )

    assert len(results) == 1 and len(errors) == 1
    assert Offer.objects.filter(request=mediator_request, status="chosen").count() == 1
