"""Contract 1: notify() and register_target() as the forum uses them."""

import pytest
from django.core import mail
from django.core.exceptions import ImproperlyConfigured

from accounts.models import User
from notifications import kinds
from notifications.models import Notification
from notifications.services import notify

pytestmark = pytest.mark.django_db


def test_notify_records_after_commit_and_mails_immediately(
    stand_in, post_target, alice, bob, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert notify(alice, kinds.MENTION, post_target, actor=bob) is None  # inside a transaction: not yet
        assert not Notification.objects.exists()
    notification = Notification.objects.get()
    assert (notification.recipient, notification.kind, notification.target, notification.actor) == (
        alice,
        kinds.MENTION,
        post_target,
        bob,
    )
    assert notification.emailed_at is not None
    assert [m.to for m in mail.outbox] == [[alice.email]]
    assert "Reply about the garden fence" in mail.outbox[0].subject


def test_nothing_is_recorded_when_the_transaction_rolls_back(
    stand_in, post_target, alice, bob, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notify(alice, kinds.REPLY, post_target, actor=bob)
    # A rollback discards the callbacks instead of running them.
    assert len(callbacks) == 1
    assert not Notification.objects.exists()


def test_the_actor_is_never_notified_about_their_own_doing(
    stand_in, post_target, alice, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert notify(alice, kinds.REPLY, post_target, actor=alice) is None
    assert callbacks == []
    assert not Notification.objects.exists()


def test_a_target_the_recipient_cannot_read_is_not_recorded(
    stand_in, post_target, alice, bob, django_capture_on_commit_callbacks
):
    stand_in.private[post_target.slug] = {bob.email}
    with django_capture_on_commit_callbacks(execute=True):
        notify(alice, kinds.REPLY, post_target, actor=bob)
    assert not Notification.objects.exists()
    assert mail.outbox == []


def test_an_inactive_recipient_is_not_notified(stand_in, post_target, alice, bob, django_capture_on_commit_callbacks):
    User.objects.filter(pk=alice.pk).update(is_active=False)
    alice.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        notify(alice, kinds.MENTION, post_target, actor=bob)
    assert not Notification.objects.exists()


def test_unregistered_targets_and_unknown_kinds_are_programming_errors(stand_in, alice, bob):
    with pytest.raises(ImproperlyConfigured):
        notify(alice, kinds.REPLY, bob)  # a User is not a registered target
    with pytest.raises(ValueError):
        notify(alice, "gossip", alice.memberships.get().organisation)
