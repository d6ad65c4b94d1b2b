"""The demo shows notifications at once after logging in, and loading it twice changes nothing."""

import pytest

from accounts.models import User
from notifications import demo
from notifications.models import Notification
from notifications.services import unread_count

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


class Progress:
    def iterate(self, items, what):
        yield from items

    def step(self, message):
        pass


def test_demo_members_have_notifications_with_some_unread():
    member = User.objects.get(email="lid@almere.example")
    total = Notification.objects.filter(recipient=member).count()
    assert total >= 2
    assert 1 <= unread_count(member) <= demo.UNREAD_PER_PERSON < total


def test_loading_twice_adds_nothing():
    before = Notification.objects.count()
    demo.load(Progress())
    assert Notification.objects.count() == before
