"""Fixtures for the shared-experience specs: members, moderators, a valid submission and published experiences."""

import itertools

import pytest

from accounts.models import Organisation, User
from knowledge.experiences.forms import CHECKLIST

_numbers = itertools.count(1)
ALL_TICKED = [key for key, _label in CHECKLIST]
# A made-up citizen service number that passes the 11-proof (9·1+8·1+7·1+6·2+5·2+4·2+3·3+2·3−3 = 66).
BSN = "111222333"


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


@pytest.fixture(autouse=True)
def _demo(demo):
    """These specs still look up the demo content's people and pages."""
