"""Delivery by e-mail: immediately, in the daily digest, or not at all — and never what the reader may not read."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import translation

from notifications import kinds
from notifications.kinds import Delivery
from notifications.models import Notification
from notifications.services import set_deliveries
from notifications.tasks import send_notification_digests

pytestmark = pytest.mark.django_db


def test_defaults_mail_mentions_at_once_and_keep_replies_for_the_digest(stand_in, post_target, alice, bob, deliver):
    deliver(alice, kinds.REPLY, post_target, actor=bob)
    assert mail.outbox == []
    deliver(alice, kinds.MENTION, post_target, actor=bob)
    assert len(mail.outbox) == 1
    assert Notification.objects.filter(recipient=alice).count() == 2


def test_the_immediate_mail_is_in_the_recipients_language_with_a_link_to_the_target(
    stand_in, post_target, mette, bob, deliver
):
    deliver(mette, kinds.MENTION, post_target, actor=bob)
    message = mail.outbox[0]
    assert message.to == [mette.email]
    assert message.extra_headers["Content-Language"] == "da"
    assert "Du blev nævnt" in message.subject
    assert "Hej Mette," in message.body
    assert "http://testserver/nl/stand-in/post-about-fence/" in message.body
    assert "The neighbours talked." in message.body


def test_someone_without_a_language_of_their_own_is_mailed_in_the_sites_language(
    stand_in, post_target, alice, bob, deliver
):
    alice.preferred_language = ""
    alice.save(update_fields=["preferred_language"])
    deliver(alice, kinds.MENTION, post_target, actor=bob)
    message = mail.outbox[0]
    assert message.extra_headers["Content-Language"] == "nl"
    assert "http://testserver/nl/" in message.body


@pytest.mark.parametrize("kind", kinds.Kind.values)
def test_every_kind_has_a_mail_of_its_own(stand_in, post_target, alice, bob, deliver, kind):
    set_deliveries(alice, {kind: Delivery.IMMEDIATELY})
    with translation.override("en"):
        deliver(alice, kind, post_target, actor=bob)
    message = mail.outbox[0]
    subject = kinds.MAIL_SUBJECT.get(kind, "%(title)s")
    assert message.subject.endswith(str(subject % {"title": post_target.name}))
    with translation.override("nl"):
        assert str(kinds.MAIL_LEAD[kind]) in message.body
    others = {str(lead) for other, lead in kinds.MAIL_LEAD.items() if lead != kinds.MAIL_LEAD[kind]}
    assert not any(lead in message.body for lead in others)


def test_the_actor_is_not_named_in_the_mail(stand_in, post_target, alice, make_user, deliver):
    # Pseudonymous posts: who replied is for the target's own text to say, never for the notification.
    actor = make_user("hidden-author@test.example", first_name="Zebulon", last_name="Secretname")
    deliver(alice, kinds.MENTION, post_target, actor=actor)
    message = mail.outbox[0]
    assert "Zebulon" not in message.body + message.subject + message.alternatives[0][0]
    assert "hidden-author" not in message.body


def test_off_means_no_mail_at_all_but_the_notification_is_listed(stand_in, post_target, alice, bob, deliver):
    set_deliveries(alice, {kinds.MENTION: Delivery.OFF, kinds.REPLY: Delivery.OFF})
    deliver(alice, kinds.MENTION, post_target, actor=bob)
    deliver(alice, kinds.REPLY, post_target, actor=bob)
    send_notification_digests.call()
    assert mail.outbox == []
    assert Notification.objects.filter(recipient=alice).count() == 2


def test_a_kind_switched_to_digest_waits_for_the_digest(stand_in, post_target, alice, bob, deliver):
    set_deliveries(alice, {kinds.MENTION: Delivery.DIGEST})
    deliver(alice, kinds.MENTION, post_target, actor=bob)
    assert mail.outbox == []
    assert send_notification_digests.call() == 1
    assert len(mail.outbox) == 1


def test_every_mail_carries_one_click_unsubscribe_headers(stand_in, post_target, alice, bob, deliver):
    deliver(alice, kinds.MENTION, post_target, actor=bob)
    headers = mail.outbox[0].extra_headers
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert headers["List-Unsubscribe"].startswith("<http://testserver/nl/notifications/unsubscribe/")
    assert headers["List-Unsubscribe"][1:-1] in mail.outbox[0].body


def test_a_target_hidden_after_the_mail_was_queued_is_not_mailed(
    stand_in, post_target, alice, bob, deliver, task_queue
):
    deliver(alice, kinds.MENTION, post_target, actor=bob)
    assert len(task_queue.mails) == 1  # queued, not yet sent
    stand_in.hidden.add(post_target.slug)  # e.g. a moderator hides the post
    task_queue.run()
    assert mail.outbox == []
    assert Notification.objects.get().emailed_at is None


def test_the_mail_shows_the_target_as_it_is_when_sent(stand_in, post_target, alice, bob, deliver, task_queue):
    deliver(alice, kinds.MENTION, post_target, actor=bob)
    post_target.name = "Edited title without the sensitive name"
    post_target.region = "Edited text."
    post_target.save()
    task_queue.run()
    body = mail.outbox[0].body
    assert "Edited title without the sensitive name" in body
    assert "garden fence" not in body + mail.outbox[0].subject
    assert "neighbours" not in body


def test_a_queued_mail_is_sent_once_even_if_the_task_runs_twice(stand_in, post_target, alice, bob, deliver, task_queue):
    deliver(alice, kinds.MENTION, post_target, actor=bob)
    task_queue.results.append(task_queue.mails[0])
    assert task_queue.run() == [True, False]
    assert len(mail.outbox) == 1


def test_a_notification_read_before_the_mail_went_out_is_not_mailed(
    stand_in, post_target, alice, bob, deliver, task_queue
):
    from notifications.services import mark_all_read

    deliver(alice, kinds.MENTION, post_target, actor=bob)
    assert len(task_queue.mails) == 1
    mark_all_read(alice)
    task_queue.run()
    assert mail.outbox == []


class TestDigest:
    def test_groups_a_persons_notifications_into_one_mail(
        self, stand_in, make_organisation, alice, mette, bob, deliver
    ):
        first = make_organisation("first-reply", name="First reply about the permit")
        second = make_organisation("second-reply", name="Second reply about the permit")
        deliver(alice, kinds.REPLY, first, actor=bob)
        deliver(alice, kinds.REPLY, second, actor=bob)
        deliver(mette, kinds.REPLY, first, actor=bob)
        assert send_notification_digests.call() == 2
        by_recipient = {m.to[0]: m for m in mail.outbox}
        assert set(by_recipient) == {alice.email, mette.email}
        alice_mail = by_recipient[alice.email]
        assert "First reply about the permit" in alice_mail.body
        assert "Second reply about the permit" in alice_mail.body
        assert "2 nieuwe meldingen" in alice_mail.subject
        assert "1 ny notifikation" in by_recipient[mette.email].subject
        assert by_recipient[mette.email].extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    def test_leaves_out_what_the_recipient_may_no_longer_read(self, stand_in, make_organisation, alice, bob, deliver):
        visible = make_organisation("visible-reply", name="A reply everybody may read")
        canary = make_organisation("canary-reply", name="Kanariepiet private reply")
        deliver(alice, kinds.REPLY, visible, actor=bob)
        deliver(alice, kinds.REPLY, canary, actor=bob)
        stand_in.private[canary.slug] = {bob.email}  # moved to a group alice is not in
        send_notification_digests.call()
        body = mail.outbox[0].body + mail.outbox[0].alternatives[0][0]
        assert "A reply everybody may read" in body
        assert "Kanariepiet" not in body + mail.outbox[0].subject

    def test_sends_nothing_when_everything_became_unreadable(self, stand_in, post_target, alice, bob, deliver):
        deliver(alice, kinds.REPLY, post_target, actor=bob)
        stand_in.hidden.add(post_target.slug)
        assert send_notification_digests.call() == 0
        assert mail.outbox == []

    def test_mails_each_notification_once(self, stand_in, post_target, alice, bob, deliver):
        deliver(alice, kinds.REPLY, post_target, actor=bob)
        assert send_notification_digests.call() == 1
        assert send_notification_digests.call() == 0
        assert len(mail.outbox) == 1
        assert Notification.objects.get().digested_at is not None

    def test_skips_what_was_read_or_already_mailed(self, stand_in, make_organisation, alice, bob, deliver):
        from notifications.services import mark_all_read

        read = make_organisation("read-reply", name="Already read on the site")
        deliver(alice, kinds.REPLY, read, actor=bob)
        mark_all_read(alice)
        deliver(alice, kinds.MENTION, make_organisation("mention", name="Mailed at once"), actor=bob)
        assert len(mail.outbox) == 1
        assert send_notification_digests.call() == 0

    def test_the_command_queues_the_digest_task(self, stand_in, post_target, alice, bob, deliver, capsys):
        deliver(alice, kinds.REPLY, post_target, actor=bob)
        call_command("send_notification_digests")
        assert "queued" in capsys.readouterr().out
        assert len(mail.outbox) == 1  # the immediate backend ran it
