"""The pool's visibility matrix, proved on the rules the views look objects up in: visitor, member of another
network, network member, colleague and coordinator of the asking organisation, lending coordinator, network
coordinator, pool mediator.

Each canary (tests/trust/pool_canaries.py) says by hand who may read it. For every role: the object check, the
queryset filter and the text the filtered queryset hands a page must all give that answer, so a view that finds its
object in the queryset (404 otherwise) shows each canary to its readers and to nobody else.
"""

import pytest
from django.db import transaction

from pool import permissions
from tests.trust.pool_canaries import (
    CANARIES,
    COORDINATOR,
    LENDING_COORDINATOR,
    NETWORK_COORDINATOR,
    POOL_MEDIATOR,
    ROLES,
    VISITOR,
    build_pool_world,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_pool_world()
        transaction.set_rollback(True)


def _request_text(request):
    return f"{request.title} {request.description}"


def _profile_text(profile):
    return f"{profile} {profile.phone}"


def _contact_text(loan):
    """What a loan's parties are shown of each other: the mediator's name, phone and e-mail address."""
    return f"{loan.mediator} {loan.mediator.phone} {loan.mediator.user.email}"


# canary → (rule, the objects carrying it, the text a page gets from each object the rule's queryset lets through)
SPEC = {
    "request_title": (permissions.READ_REQUEST, ("request", "loaned_request"), _request_text),
    "request_description": (permissions.READ_REQUEST, ("request", "loaned_request"), _request_text),
    "mediator_name": (permissions.READ_PROFILE, ("profile",), _profile_text),
    "internal_name": (permissions.READ_PROFILE, ("internal_profile",), _profile_text),
    "pending_name": (permissions.READ_PROFILE, ("pending_profile",), _profile_text),
    "danish_mediator_name": (permissions.READ_PROFILE, ("danish_profile",), _profile_text),
    "contacts": (permissions.SEE_CONTACTS, ("loan",), _contact_text),
    "external_name": (permissions.READ_EXTERNAL, ("external",), lambda external: external.name),
    "contract_notes": (permissions.READ_EXTERNAL, ("external",), lambda external: external.contract_notes),
    "agreements": (permissions.READ_NETWORK, ("network",), lambda network: network.agreements),
}


def test_every_canary_has_its_rule():
    assert set(SPEC) == set(CANARIES)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", SPEC)
def test_each_canary_is_seen_by_exactly_its_readers(world, name, role):
    rule, carriers, text_of = SPEC[name]
    canary = CANARIES[name]
    expected = role in canary.readers
    user = world.user(role)
    readable = list(rule.filter(user))
    for carrier in carriers:
        obj = type(world[carrier]).objects.get(pk=world[carrier].pk)
        assert rule.check(user, obj) is expected, f"{role}: object check on {carrier}"
        assert (obj.pk in {o.pk for o in readable}) is expected, f"{role}: queryset on {carrier}"
    seen = any(canary.token in text_of(obj) for obj in readable)
    assert seen is expected, f"{role} {'misses' if expected else 'sees'} the {name} canary"


@pytest.mark.parametrize("role", ROLES)
def test_the_network_ledger_is_read_by_the_network_only(world, role):
    """The ledger belongs to the network page: members of its organisations and its coordinator, no one else."""
    user = world.user(role)
    network, other_network = world["network"], world["other_network"]
    readable = set(permissions.readable_networks(user).values_list("pk", flat=True))
    expected = role in CANARIES["agreements"].readers
    assert permissions.can_read_network(user, network) is expected
    assert (network.pk in readable) is expected
    assert (other_network.pk in readable) is (role == "other_network_member")


def test_a_visitor_sees_no_mediator_and_nothing_of_the_pool(world):
    visitor = world.user(VISITOR)
    for rule in (
        permissions.READ_NETWORK,
        permissions.READ_PROFILE,
        permissions.READ_EXTERNAL,
        permissions.READ_REQUEST,
        permissions.SEE_CONTACTS,
        permissions.OFFER,
        permissions.ASK,
    ):
        assert not rule.filter(visitor).exists(), rule
    assert permissions.own_pool_profile(visitor) is None


@pytest.mark.parametrize("role", ROLES)
def test_only_the_pool_mediator_of_another_organisation_may_offer_on_the_open_request(world, role):
    user, request = world.user(role), world["request"]
    expected = role == POOL_MEDIATOR
    assert permissions.can_offer(user, request) is expected
    assert permissions.offerable_requests(user).filter(pk=request.pk).exists() is expected


@pytest.mark.parametrize("role", ROLES)
def test_only_the_asking_organisations_coordinator_and_the_network_coordinator_may_do_their_part(world, role):
    """Asking: Almere's coordinator (not its plain members). Coordinating the network: its coordinator only, though
    they work for an organisation outside it. Confirming the lending: Zeist's coordinator."""
    user = world.user(role)
    network = world["network"]
    assert permissions.can_ask(user, network) is (role in (COORDINATOR, LENDING_COORDINATOR))
    assert permissions.can_coordinate_network(user, network) is (role == NETWORK_COORDINATOR)
    assert permissions.can_confirm_lending(user, world["pending_profile"]) is (role == LENDING_COORDINATOR)
    assert permissions.can_manage_request(user, world["request"]) is (role == COORDINATOR)
