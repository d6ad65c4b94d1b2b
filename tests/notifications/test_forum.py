"""Notifications end to end with the forum's own services: replies, mentions, membership decisions, and the
private group whose content must never reach anyone outside it through a notification or an e-mail."""

import pytest
from django.core import mail

from forum import membership as forum_membership
from forum import services as forum
from forum.models import ForumGroup, GroupMembership
from notifications import kinds
from notifications.kinds import Delivery
from notifications.models import Notification
from notifications.services import set_deliveries, unread_count
from notifications.tasks import send_notification_digests
from tests import factories

pytestmark = pytest.mark.django_db

CANARY = "kanariegeel-5520"


@pytest.fixture
def people(make_user):
    almere = factories.OrganisationFactory(name="Gemeente Almere")
    amersfoort = factories.OrganisationFactory(name="Gemeente Amersfoort")
    return {
        "author": make_user("auteur@almere.example", organisation=almere, first_name="Anne", last_name="Auteur"),
        "colleague": make_user(
            "collega@amersfoort.example", organisation=amersfoort, first_name="Cees", last_name="Collega"
        ),
        "moderator": make_user("groepsmod@amersfoort.example", organisation=amersfoort, first_name="Mona"),
        "outsider": make_user("buiten@almere.example", organisation=almere, first_name="Bas"),
    }


@pytest.fixture
def private_group(people):
    group = ForumGroup.objects.create(
        slug="besloten-casuistiek",
        name=f"Besloten casuïstiek {CANARY}",
        visibility=ForumGroup.Visibility.PRIVATE,
        join_policy=ForumGroup.JoinPolicy.REQUEST,
    )
    for key in ("author", "colleague"):
        GroupMembership.objects.create(group=group, user=people[key], status=GroupMembership.Status.ACTIVE)
    GroupMembership.objects.create(
        group=group, user=people["moderator"], status=GroupMembership.Status.ACTIVE, role=GroupMembership.Role.MODERATOR
    )
    return group


@pytest.fixture
def thread(private_group, people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return forum.create_thread(
            private_group, people["author"], title=f"Casus {CANARY}", body_markdown=f"Situatie {CANARY}"
        )


def committed(django_capture_on_commit_callbacks, action, *args, **kwargs):
    with django_capture_on_commit_callbacks(execute=True):
        return action(*args, **kwargs)


def everything_sent() -> str:
    return "".join(m.subject + m.body + "".join(a[0] for a in m.alternatives) for m in mail.outbox)


def test_a_reply_notifies_the_thread_author_who_watches_automatically(
    thread, people, django_capture_on_commit_callbacks, client
):
    committed(
        django_capture_on_commit_callbacks, forum.reply, thread, people["colleague"], "Herkenbaar, ik zou eerst bellen."
    )
    notification = Notification.objects.get(recipient=people["author"])
    assert notification.kind == kinds.REPLY
    assert mail.outbox == []  # replies wait for the digest by default
    assert send_notification_digests.call() == 1
    assert "Herkenbaar, ik zou eerst bellen." in mail.outbox[0].body
    assert "Cees" not in everything_sent() and "Collega" not in everything_sent()
    client.force_login(people["author"])
    page = client.get("/nl/notifications/").content.decode()
    assert f"Casus {CANARY}" in page


def test_a_mention_is_mailed_at_once(thread, people, django_capture_on_commit_callbacks):
    committed(django_capture_on_commit_callbacks, forum.reply, thread, people["author"], "Wat vind jij, @cees-collega?")
    assert Notification.objects.get(recipient=people["colleague"]).kind == kinds.MENTION
    assert [m.to for m in mail.outbox] == [[people["colleague"].email]]
    assert "Wat vind jij" in mail.outbox[0].body
    assert "/nl/forum/posts/" in mail.outbox[0].body


def test_a_membership_decision_is_notified(private_group, people, make_user, django_capture_on_commit_callbacks):
    applicant = make_user("aanvrager@almere.example", organisation=people["author"].memberships.get().organisation)
    request = GroupMembership.objects.create(
        group=private_group, user=applicant, status=GroupMembership.Status.REQUESTED
    )
    committed(
        django_capture_on_commit_callbacks, forum_membership.decide_request, request, True, by=people["moderator"]
    )
    assert Notification.objects.get(recipient=applicant).kind == kinds.MEMBERSHIP
    assert [m.to for m in mail.outbox] == [[applicant.email]]
    assert mail.outbox[0].subject.endswith(f"Groepslidmaatschap: {private_group.name}")


class TestPrivateGroupCanary:
    """The private group's canary word never reaches someone outside it, whatever happened in between."""

    def test_an_outsider_gets_nothing(self, thread, people, django_capture_on_commit_callbacks, client):
        set_deliveries(people["outsider"], dict.fromkeys(kinds.Kind.values, Delivery.IMMEDIATELY))
        # The outsider cannot be mentioned (not a group member) and watches nothing.
        committed(
            django_capture_on_commit_callbacks, forum.reply, thread, people["colleague"], "Hoi @bas-tester, kijk eens"
        )
        send_notification_digests.call()
        assert not Notification.objects.filter(recipient=people["outsider"]).exists()
        assert people["outsider"].email not in [address for m in mail.outbox for address in m.to]
        client.force_login(people["outsider"])
        assert CANARY not in client.get("/nl/notifications/").content.decode()

    def test_a_removed_member_loses_the_notifications_and_gets_no_mail(
        self, thread, people, django_capture_on_commit_callbacks, client, task_queue
    ):
        colleague = people["colleague"]
        set_deliveries(colleague, {kinds.REPLY: Delivery.IMMEDIATELY})
        committed(django_capture_on_commit_callbacks, forum.reply, thread, colleague, "Eerste reactie")  # now watching
        committed(django_capture_on_commit_callbacks, forum.reply, thread, people["author"], f"Aanvulling {CANARY}")
        assert len(task_queue.mails) == 1  # the reply mail to the colleague is queued
        forum_membership.remove_member(GroupMembership.objects.get(group=thread.group, user=colleague))
        task_queue.run()
        send_notification_digests.call()
        assert colleague.email not in [address for m in mail.outbox for address in m.to]
        assert unread_count(colleague) == 0
        client.force_login(colleague)
        page = client.get("/nl/notifications/").content.decode()
        assert CANARY not in page
        assert "(1 ongelezen)" not in page

        # A later reply does not even create a notification for them.
        committed(django_capture_on_commit_callbacks, forum.reply, thread, people["author"], "Nog een reactie")
        assert Notification.objects.filter(recipient=colleague).count() == 1

    def test_a_post_hidden_after_the_reply_mail_was_queued_is_not_mailed(
        self, thread, people, django_capture_on_commit_callbacks, task_queue, client
    ):
        set_deliveries(people["author"], {kinds.REPLY: Delivery.IMMEDIATELY})
        post = committed(
            django_capture_on_commit_callbacks, forum.reply, thread, people["colleague"], f"Naam van de burger {CANARY}"
        )
        assert len(task_queue.mails) == 1
        forum.hide_post(post)
        task_queue.run()
        assert mail.outbox == []
        client.force_login(people["author"])
        assert "Naam van de burger" not in client.get("/nl/notifications/").content.decode()
        assert unread_count(people["author"]) == 0

    def test_the_group_moderator_still_sees_it(self, thread, people, django_capture_on_commit_callbacks, client):
        # Replies from the moderator's perspective: they watch after replying, then a member replies.
        committed(django_capture_on_commit_callbacks, forum.reply, thread, people["moderator"], "Ik lees mee.")
        committed(django_capture_on_commit_callbacks, forum.reply, thread, people["colleague"], f"Reactie {CANARY}")
        client.force_login(people["moderator"])
        assert f"Casus {CANARY}" in client.get("/nl/notifications/").content.decode()
