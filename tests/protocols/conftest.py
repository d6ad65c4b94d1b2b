import pytest

from accounts.models import User
from protocols.models import ProtocolIndexPage
from tests import factories


@pytest.fixture
def dutch_index(db):
    return ProtocolIndexPage.objects.get(locale__language_code="nl")


@pytest.fixture
def editor(db):
    return User.objects.get(email="redacteur@almere.example")


@pytest.fixture
def make_protocol(db):
    """`make_protocol(title, steps=…, publish=…)`: a Dutch protocol (see factories.protocol_page)."""
    return factories.protocol_page


@pytest.fixture(autouse=True)
def _demo(demo):
    """These specs still look up the demo content's people and pages."""
