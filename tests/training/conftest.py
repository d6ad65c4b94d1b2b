"""Fixtures for the training specs: a module with sessions in the Dutch catalogue, members to enrol."""

import pytest

from tests import factories


@pytest.fixture
def module(trainer):
    return factories.training_module(owner=trainer)


@pytest.fixture
def session(module):
    return module.sessions.get()


@pytest.fixture
def members(make_user):
    """`members(n)`: n new active members of a new organisation."""
    counter = {"n": 0}

    def make(count, prefix="deelnemer", language="nl"):
        counter["n"] += 1
        organisation = factories.OrganisationFactory()
        return [
            make_user(
                f"{prefix}{counter['n']}-{i}@test.example", organisation=organisation, preferred_language=language
            )
            for i in range(1, count + 1)
        ]

    return make
