"""The experience specs' cast: two members of different municipalities (moderator and editor: tests/conftest.py)."""

import pytest

from tests import factories


@pytest.fixture
def member(make_user):
    almere = factories.OrganisationFactory(name="Gemeente Almere")
    return make_user("anne@almere.example", organisation=almere, first_name="Anne")


@pytest.fixture
def other_member(make_user):
    zeist = factories.OrganisationFactory(name="Gemeente Zeist")
    return make_user("bram@zeist.example", organisation=zeist, first_name="Bram")
