"""The dilemma specs' cast: a member with a worksheet on the Dutch step-plan, and two colleagues of theirs."""

import pytest

from tests import factories


@pytest.fixture
def plan(db):
    return factories.dilemma_plan("nl")


@pytest.fixture
def organisation(db):
    return factories.OrganisationFactory(name="Gemeente Almere")


@pytest.fixture
def owner(organisation):
    return factories.member("lid@almere.example", organisation=organisation, first_name="Lotte", last_name="Lid")


@pytest.fixture
def colleague(make_user, organisation):
    """An active member of the same organisation, not invited to anything yet."""
    return make_user("collega@almere.example", organisation=organisation)


@pytest.fixture
def stranger(make_user, organisation):
    return make_user("buitenstaander@almere.example", organisation=organisation)


@pytest.fixture
def worksheet(owner, plan):
    return factories.worksheet(owner, plan=plan)
