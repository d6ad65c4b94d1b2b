"""Contract 1: notify() and register_target() as the apps use them.

notify() queues one task in the caller's transaction; the task records the notifications. With the immediate backend
(the test settings) the task runs at once; `database_queue` keeps it as a row, as production does.
"""

import pytest
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from accounts.models import User
from notifications import kinds
from notifications.models import Notification
from notifications.services import notify
from tests.helpers import queued_tasks, run_queued_tasks

pytestmark = pytest.mark.django_db


def test_notify_records_the_notification_and_mails_immediately(stand_in, post_target, alice, bob):
    notify(alice, kinds.MENTION, post_target, actor=bob)
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


def test_notify_queues_one_task_with_the_change_and_records_nothing_itself(
    stand_in, post_target, alice, bob, mette, database_queue
):
    notify([alice, mette], kinds.MENTION, post_target, actor=bob)
    assert queued_tasks("record_notifications").count() == 1
    assert not Notification.objects.exists()
    run_queued_tasks()
    assert set(Notification.objects.values_list("recipient__email", flat=True)) == {alice.email, mette.email}
    assert sorted(m.to[0] for m in mail.outbox) == sorted([alice.email, mette.email])


def test_nothing_is_queued_or_recorded_when_the_transaction_rolls_back(
    stand_in, post_target, alice, bob, database_queue
):
    with pytest.raises(RuntimeError), transaction.atomic():
        notify(alice, kinds.REPLY, post_target, actor=bob)
        assert queued_tasks().count() == 1
        raise RuntimeError("the change fails after notify()")
    assert not queued_tasks().exists()
    run_queued_tasks()
    assert not Notification.objects.exists()


def test_the_actor_is_never_notified_about_their_own_doing(stand_in, post_target, alice, database_queue):
    notify(alice, kinds.REPLY, post_target, actor=alice)
    assert not queued_tasks().exists()
    assert not Notification.objects.exists()


def test_a_target_the_recipient_cannot_read_is_not_recorded(stand_in, post_target, alice, bob, mette):
    stand_in.private[post_target.slug] = {bob.email, mette.email}
    notify([alice, mette], kinds.MENTION, post_target, actor=bob)
    assert list(Notification.objects.values_list("recipient", flat=True)) == [mette.pk]
    assert [m.to for m in mail.outbox] == [[mette.email]]


def test_who_may_read_is_decided_when_the_task_runs(stand_in, post_target, alice, bob, database_queue):
    notify(alice, kinds.MENTION, post_target, actor=bob)
    stand_in.hidden.add(post_target.slug)  # hidden after the change was committed, before a worker got to it
    run_queued_tasks()
    assert not Notification.objects.exists()
    assert mail.outbox == []


def test_an_inactive_recipient_is_not_notified(stand_in, post_target, alice, bob):
    User.objects.filter(pk=alice.pk).update(is_active=False)
    notify(alice, kinds.MENTION, post_target, actor=bob)
    assert not Notification.objects.exists()


def test_a_task_run_twice_records_and_mails_once(stand_in, post_target, alice, bob, mette, database_queue):
    from tests.helpers import run_again

    notify([alice, mette], kinds.MENTION, post_target, actor=bob)
    run_queued_tasks()
    run_again("record_notifications")
    run_again("send_notification_email")
    assert Notification.objects.count() == 2
    assert len(mail.outbox) == 2


def test_two_events_about_the_same_target_are_two_notifications(stand_in, post_target, alice, bob):
    notify(alice, kinds.MODERATION, post_target, actor=bob)
    notify(alice, kinds.MODERATION, post_target, actor=bob)  # e.g. a post hidden, restored and hidden again
    assert Notification.objects.count() == 2


def test_unregistered_targets_and_unknown_kinds_are_programming_errors(stand_in, alice, bob):
    with pytest.raises(ImproperlyConfigured):
        notify(alice, kinds.REPLY, bob)  # a User is not a registered target
    with pytest.raises(ValueError):
        notify(alice, "gossip", alice.memberships.get().organisation)
