import pytest

from tests import factories


@pytest.fixture
def dutch_index(db):
    return factories.protocol_index("nl")


@pytest.fixture
def make_protocol(db):
    """`make_protocol(title, steps=…, publish=…)`: a Dutch protocol (see factories.protocol_page)."""
    return factories.protocol_page
