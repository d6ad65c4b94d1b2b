"""A reply's side effects (search index, watchers' and mentioned members' notifications, their mails) are tasks
queued in the reply's own transaction, on the production queue (the database backend):

- the request costs the same number of queries with 1 watcher or 200: the fan-out is one task per post;
- the tasks are committed with the reply and rolled back with it; nothing runs after the commit that could fail it;
- the task notifies exactly the watchers who may read the group (not the author, not a former member), and running
  it again (its worker died) records and mails nobody twice;
- a failing fan-out task leaves the committed reply as it is and shows as a failed task.
"""

import contextlib
import threading
from unittest import mock

import pytest
from django.core import mail
from django.db import OperationalError, connection, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_tasks import TaskResultStatus

from accounts.models import Membership, User
from forum import services
from forum.models import ForumGroup, GroupMembership, Post, ThreadWatch
from notifications import kinds
from notifications.kinds import Delivery
from notifications.models import Notification, NotificationSetting
from tests import factories
from tests.helpers import queued_tasks, run_again, run_queued_tasks


def add_watchers(thread, organisation, count, *, prefix="kijker") -> list[User]:
    """`count` members of the thread's group who watch it, in a handful of queries."""
    users = User.objects.bulk_create(
        User(
            email=f"{prefix}{n}@{organisation.slug}.example",
            first_name="Kijker",
            last_name=str(n),
            email_verified_at=timezone.now(),
            password="!",
        )
        for n in range(count)
    )
    Membership.objects.bulk_create(
        Membership(user=user, organisation=organisation, status=Membership.Status.ACTIVE) for user in users
    )
    GroupMembership.objects.bulk_create(
        GroupMembership(group=thread.group, user=user, status=GroupMembership.Status.ACTIVE) for user in users
    )
    ThreadWatch.objects.bulk_create(ThreadWatch(thread=thread, user=user) for user in users)
    return users


@pytest.fixture
def world(make_user):
    almere = factories.OrganisationFactory(name="Gemeente Almere", slug="almere")
    author = make_user("auteur@almere.example", organisation=almere, first_name="Anne", last_name="Auteur")
    replier = make_user("replier@almere.example", organisation=almere, first_name="Rik", last_name="Reageerder")
    group = ForumGroup.objects.create(
        slug="besloten", name="Besloten", visibility=ForumGroup.Visibility.PRIVATE, join_policy="invitation"
    )
    for user in (author, replier):
        GroupMembership.objects.create(group=group, user=user, status=GroupMembership.Status.ACTIVE)
    return {"organisation": almere, "author": author, "replier": replier, "group": group}


def new_thread(world, title):
    return services.create_thread(world["group"], world["author"], title=title, body_markdown="De situatie.")


def reply_url(thread):
    return reverse("forum:reply", kwargs={"pk": thread.pk})


@pytest.mark.django_db
def test_a_reply_costs_the_same_queries_with_1_or_200_watchers(world, client, post, database_queue, settings):
    settings.FORUM_POST_LIMIT = 100
    small, large = new_thread(world, "Eén kijker"), new_thread(world, "Tweehonderd kijkers")
    add_watchers(small, world["organisation"], 1, prefix="een")
    add_watchers(large, world["organisation"], 200, prefix="veel")
    client.force_login(world["replier"])
    # A first reply in each: the replier starts watching, and whatever is looked up once per process is looked up.
    for thread in (small, large):
        assert client.post(reply_url(thread), {"body": "Eerste reactie."}).status_code == 302

    # `post` runs what the request leaves for after its commit, as production does in the same request.
    with CaptureQueriesContext(connection) as one_watcher:
        assert post(reply_url(small), {"body": "Tweede reactie."}).status_code == 302
    with CaptureQueriesContext(connection) as many_watchers:
        assert post(reply_url(large), {"body": "Tweede reactie."}).status_code == 302

    assert len(many_watchers) == len(one_watcher), [q["sql"] for q in many_watchers]
    # The request queued the fan-out and recorded nothing itself.
    assert queued_tasks("announce_post").count() == 6  # two threads' first posts and four replies
    assert not Notification.objects.exists()


@pytest.mark.django_db
def test_the_tasks_are_queued_with_the_reply_and_rolled_back_with_it(world, database_queue):
    thread = new_thread(world, "Terugdraaien")
    before = queued_tasks().count()
    with pytest.raises(RuntimeError), transaction.atomic():
        services.reply(thread, world["replier"], "Een reactie die niet doorgaat.")
        assert queued_tasks().count() > before  # the announcement and the index task, in the same transaction
        raise RuntimeError("something later in the request fails")
    assert queued_tasks().count() == before
    services.reply(thread, world["replier"], "Een reactie die doorgaat.")
    assert queued_tasks("announce_post").count() == 2
    assert queued_tasks("sync_documents").count() >= 2


@pytest.mark.django_db
def test_the_task_notifies_the_readers_once_however_often_it_runs(world, database_queue):
    thread = new_thread(world, "Wie hoort het")
    watchers = add_watchers(thread, world["organisation"], 3)
    former = watchers[0]
    GroupMembership.objects.filter(user=former).update(status=GroupMembership.Status.REMOVED)
    eager = watchers[1]
    NotificationSetting.objects.create(user=eager, kind=kinds.REPLY, delivery=Delivery.IMMEDIATELY)
    run_queued_tasks()
    mail.outbox = []

    services.reply(thread, world["replier"], "Kijk eens, @anne-auteur en @kijker-2.")
    run_queued_tasks()
    replies = set(Notification.objects.filter(kind=kinds.REPLY).values_list("recipient_id", flat=True))
    mentions = set(Notification.objects.filter(kind=kinds.MENTION).values_list("recipient_id", flat=True))
    # The author watches their own thread; the former member does not hear of it; the replier not of their own reply.
    assert replies == {world["author"].pk, eager.pk, watchers[2].pk}
    assert mentions == {world["author"].pk, watchers[2].pk}
    # Replies go to the daily digest unless chosen otherwise; mentions are mailed at once.
    assert sorted(m.to[0] for m in mail.outbox) == sorted([eager.email, world["author"].email, watchers[2].email])
    sent = len(mail.outbox)

    run_again("announce_post")
    run_again("record_notifications")
    run_again("send_notification_email")
    assert Notification.objects.filter(kind=kinds.REPLY).count() == 3
    assert Notification.objects.filter(kind=kinds.MENTION).count() == 2
    assert len(mail.outbox) == sent


@pytest.mark.django_db
def test_a_failing_fan_out_leaves_the_reply_and_shows_as_a_failed_task(world, client, database_queue):
    thread = new_thread(world, "Mislukte taak")
    watcher = add_watchers(thread, world["organisation"], 1)[0]
    client.force_login(world["replier"])
    response = client.post(reply_url(thread), {"body": "Deze reactie blijft staan."})
    assert response.status_code == 302
    with mock.patch("notifications.services.registry.readers", side_effect=RuntimeError("fan-out broke")):
        run_queued_tasks()
    failed = queued_tasks("announce_post").filter(status=TaskResultStatus.FAILED)
    assert failed.count() == 1
    assert "fan-out broke" in failed.get().traceback
    assert Post.objects.filter(body_markdown="Deze reactie blijft staan.").exists()
    assert not Notification.objects.exists()
    # Once the cause is gone, running the failed task again notifies the watcher.
    run_again("announce_post")
    assert Notification.objects.filter(recipient=watcher, kind=kinds.REPLY).exists()


@contextlib.contextmanager
def database_down_right_after_each_commit():
    """Every query fails while the commit's hooks run: the moment a database restart hits a request whose change is
    already committed."""
    state = threading.local()
    run_hooks = BaseDatabaseWrapper.run_and_clear_commit_hooks

    def hooks_with_the_database_down(self):
        state.down = True
        try:
            run_hooks(self)
        finally:
            state.down = False

    def execute(execute, sql, params, many, context):
        if getattr(state, "down", False):
            raise OperationalError("terminating connection due to administrator command")
        return execute(sql, params, many, context)

    with (
        mock.patch.object(BaseDatabaseWrapper, "run_and_clear_commit_hooks", hooks_with_the_database_down),
        connection.execute_wrapper(execute),
    ):
        yield


@pytest.mark.django_db(transaction=True)
def test_a_committed_reply_never_answers_an_error_when_the_database_fails_after_the_commit(
    committed_db, make_user, client, database_queue
):
    almere = factories.OrganisationFactory(name="Gemeente Almere", slug="almere")
    author = make_user("auteur@almere.example", organisation=almere, first_name="Anne", last_name="Auteur")
    replier = make_user("replier@almere.example", organisation=almere, first_name="Rik", last_name="Reageerder")
    group = ForumGroup.objects.create(slug="besloten", name="Besloten", visibility=ForumGroup.Visibility.PRIVATE)
    for user in (author, replier):
        GroupMembership.objects.create(group=group, user=user, status=GroupMembership.Status.ACTIVE)
    thread = services.create_thread(group, author, title="Na de commit", body_markdown="De situatie.")
    client.force_login(replier)

    with database_down_right_after_each_commit():
        response = client.post(reply_url(thread), {"body": "Gepubliceerd, dus geen foutpagina."})

    assert response.status_code == 302
    post = Post.objects.get(body_markdown="Gepubliceerd, dus geen foutpagina.")
    # Nothing was lost: the reply's tasks were committed with it, and a worker does them.
    run_queued_tasks()
    assert Notification.objects.filter(recipient=author, kind=kinds.REPLY, object_id=post.pk).exists()
    from search.models import SearchDocument

    assert SearchDocument.objects.filter(source_id=post.pk, kind="forum_post").exists()
