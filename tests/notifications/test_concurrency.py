"""Digests and immediate mails run as background tasks; two workers at once must never mail anything twice."""

import threading

import pytest
from django.core import mail
from django.db import connection

from accounts.models import Organisation, User
from notifications import kinds
from notifications.models import Notification
from notifications.tasks import send_notification_digests, send_notification_email

PARALLEL = 6


def run_in_parallel(work):
    barrier = threading.Barrier(PARALLEL)
    results, errors = [], []

    def run():
        try:
            barrier.wait()  # all connections open and ready: start together
            results.append(work())
        except Exception as error:
            errors.append(repr(error))
        finally:
            connection.close()  # this thread's own connection

    threads = [threading.Thread(target=run) for _ in range(PARALLEL)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    return results


@pytest.fixture
def committed_notifications(committed_db, stand_in):
    recipient = User.objects.create_user("parallel-digest@test.example", password="a-long-test-password")
    posts = [Organisation.objects.create(slug=f"parallel-post-{n}", name=f"Parallel post {n}") for n in range(3)]
    replies = [Notification.objects.create(recipient=recipient, kind=kinds.REPLY, target=post) for post in posts]
    mention = Notification.objects.create(recipient=recipient, kind=kinds.MENTION, target=posts[0])
    mail.outbox = []
    return recipient, replies, mention


@pytest.mark.django_db(transaction=True)
def test_parallel_digest_runs_send_one_digest(committed_notifications):
    recipient, replies, _ = committed_notifications
    results = run_in_parallel(send_notification_digests.call)
    assert sorted(results) == [0] * (PARALLEL - 1) + [1]
    assert [m.to for m in mail.outbox] == [[recipient.email]]
    assert "Parallel post 2" in mail.outbox[0].body
    assert Notification.objects.filter(pk__in=[n.pk for n in replies], digested_at__isnull=True).count() == 0


@pytest.mark.django_db(transaction=True)
def test_the_same_immediate_mail_run_twice_at_once_is_sent_once(committed_notifications):
    _, _, mention = committed_notifications
    results = run_in_parallel(lambda: send_notification_email.call(mention.pk))
    assert sorted(results) == [False] * (PARALLEL - 1) + [True]
    assert len(mail.outbox) == 1
