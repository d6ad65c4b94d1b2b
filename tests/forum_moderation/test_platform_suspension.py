"""A site moderator suspends or silences a member in every group at once: the member sees until when wherever they
would post, nothing they send is saved, it ends by itself, and only site moderators can do it."""

import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import formats, timezone, translation

from forum import permissions as forum_permissions
from forum import services as forum_services
from forum.errors import ForumError
from forum.models import Post, Thread
from forum.moderation import suspensions
from forum.moderation.models import AuditEntry, PlatformSuspension

pytestmark = pytest.mark.django_db


def act_url(kind, obj, action, language="nl"):
    with translation.override(language):
        return reverse("forum_moderation:act", kwargs={"kind": kind, "pk": obj.pk, "action_id": action})


def suspend_url(member):
    return act_url("account", member, "suspend_platform")


def en(name, **kwargs):
    with translation.override("en"):
        return reverse(name, kwargs=kwargs)


def until_text(suspension, language="en"):
    with translation.override(language):
        return formats.date_format(timezone.localtime(suspension.ends_at), "DATETIME_FORMAT")


def suspend(world, member=None, *, kind="suspended", days=7):
    return suspensions.suspend(
        member or world.author, by=world.site_moderator, kind=kind, days=days, reason="Herhaaldelijk grof."
    )


def test_a_member_suspended_platform_wide_cannot_post_in_any_group_and_sees_until_when(world, as_user, post, client):
    thread_a = world.thread(title="In groep A")
    thread_b = world.thread(world.group_b, title="In groep B")
    as_user(world.site_moderator)

    response = post(
        suspend_url(world.author),
        {"suspend_platform-kind": "suspended", "suspend_platform-days": "10", "suspend_platform-reason": "Grof."},
    )

    assert response.status_code == 302
    suspension = PlatformSuspension.objects.get(user=world.author)
    assert suspension.ends_at - suspension.starts_at == timedelta(days=10)
    as_user(world.author)
    until = until_text(suspension)
    for thread in (thread_a, thread_b):
        page = client.get(en("forum:thread", pk=thread.pk)).content.decode()
        assert f"You are suspended from the forum until {until}" in page
        assert 'name="body"' not in page, "the reply box is replaced by the message"
        group_page = client.get(en("forum:group", slug=thread.group.slug)).content.decode()
        assert f"until {until}" in group_page and en("forum:new_thread", slug=thread.group.slug) not in group_page
    posts_before, threads_before = Post.objects.count(), Thread.objects.count()
    refused_reply = client.post(en("forum:reply", pk=thread_b.pk), {"body": "Toch nog even dit."})
    refused_thread = client.post(
        en("forum:new_thread", slug=world.group_b.slug), {"template": "free", "title": "Nieuw", "body": "Tekst."}
    )
    refused_edit = client.post(en("forum:edit_post", pk=thread_a.first_post.pk), {"body": "Anders."})
    assert f"until {until}" in refused_reply.content.decode()
    assert f"until {until}" in refused_thread.content.decode()
    assert refused_edit.status_code == 404, "editing one's posts is posting too"
    assert (Post.objects.count(), Thread.objects.count()) == (posts_before, threads_before)
    thread_a.first_post.refresh_from_db()
    assert thread_a.first_post.body_markdown == "Wat zouden jullie doen?"
    # Reporting is refused too for a suspension (not for a silence).
    other = world.reply(thread_b, "Van een ander.", author=world.moderator_b)
    assert client.get(en("forum_moderation:report", pk=other.pk)).status_code == 404


def test_the_services_refuse_a_suspended_member_whatever_surface_calls_them(world):
    thread = world.thread()
    suspend(world, kind="silenced")
    for attempt in (
        lambda: forum_services.reply(thread, world.author, "Via een andere weg."),
        lambda: world.thread(world.group_b, title="Omweg"),
        lambda: forum_services.edit_post(thread.first_post, world.author, "Gewijzigd."),
    ):
        with pytest.raises(ForumError):
            attempt()
    assert not forum_permissions.groups_open_to_posting(world.author).exists()
    assert not forum_permissions.threads_open_to_replies(world.author).exists()
    assert not forum_permissions.editable_posts(world.author).exists()


def test_a_silenced_member_may_still_report(world):
    thread = world.thread(author=world.reader)
    suspend(world, kind="silenced")
    assert forum_permissions.reportable_posts(world.author).filter(pk=thread.first_post.pk).exists()


def test_a_group_moderator_suspended_platform_wide_cannot_post_in_their_own_group(world):
    thread = world.thread()
    suspend(world, world.moderator_a)
    with pytest.raises(ForumError):
        forum_services.reply(thread, world.moderator_a, "Als moderator.")


def test_the_member_is_told_by_mail_in_their_language_until_when_and_why(world, as_user, post):
    world.author.preferred_language = "da"
    world.author.save(update_fields=["preferred_language"])
    as_user(world.site_moderator)
    post(
        suspend_url(world.author),
        {"suspend_platform-kind": "suspended", "suspend_platform-days": "3", "suspend_platform-reason": "Grof."},
    )
    suspension = PlatformSuspension.objects.get(user=world.author)
    (message,) = mail.outbox
    assert message.to == [world.author.email] and message.extra_headers["Content-Language"] == "da"
    assert until_text(suspension, "da") in message.body and "Grof." in message.body
    entry = AuditEntry.objects.get(action="suspend_platform")
    assert (entry.subject, entry.actor, entry.group) == (world.author, world.site_moderator, None)
    assert entry.reason == "Grof."


def test_the_suspension_and_its_lifting_stay_in_the_members_notifications_without_a_second_mail(
    world, as_user, post, client
):
    as_user(world.site_moderator)
    post(
        suspend_url(world.author),
        {"suspend_platform-kind": "suspended", "suspend_platform-days": "3", "suspend_platform-reason": "Grof."},
    )
    suspension = PlatformSuspension.objects.get(user=world.author)
    as_user(world.author)
    with translation.override("en"):
        listing = client.get(reverse("notifications:list")).content.decode()
        assert f"You are suspended from the forum until {until_text(suspension)}" in listing and "Grof." in listing
    assert len(mail.outbox) == 1, "the suspension mail only, not a notification mail besides"

    as_user(world.site_moderator)
    post(act_url("account", world.author, "lift_platform_suspension"), {"lift_platform_suspension-reason": ""})
    as_user(world.author)
    with translation.override("en"):
        assert "Your forum suspension was lifted" in client.get(reverse("notifications:list")).content.decode()
    # Nobody else sees it in their list.
    as_user(world.reader)
    with translation.override("en"):
        assert "suspended from the forum" not in client.get(reverse("notifications:list")).content.decode()


def test_lifting_lets_the_member_post_again_and_is_logged(world, as_user, post):
    thread = world.thread()
    suspend(world)
    as_user(world.site_moderator)

    response = post(
        act_url("account", world.author, "lift_platform_suspension"), {"lift_platform_suspension-reason": "Gesprek."}
    )

    assert response.status_code == 302
    assert PlatformSuspension.objects.get(user=world.author).lifted_by == world.site_moderator
    assert AuditEntry.objects.filter(action="lift_platform_suspension", subject=world.author).exists()
    assert forum_services.reply(thread, world.author, "Weer mee.").pk
    assert len(mail.outbox) == 1, "the member hears that they can post again"


def test_it_ends_by_itself_when_its_time_is_up(world):
    thread = world.thread()
    suspension = suspend(world, days=1)
    PlatformSuspension.objects.filter(pk=suspension.pk).update(
        starts_at=timezone.now() - timedelta(days=2), ends_at=timezone.now() - timedelta(seconds=1)
    )
    assert suspensions.active_suspension(world.author) is None
    assert forum_services.reply(thread, world.author, "Weer mee.").pk
    assert forum_permissions.threads_open_to_replies(world.author).filter(pk=thread.pk).exists()


def test_a_second_suspension_while_one_is_active_is_refused_with_a_message(world, as_user, post):
    suspend(world)
    as_user(world.site_moderator)
    # The action is not offered while one is active, so the form is refused outright.
    response = post(
        suspend_url(world.author),
        {"suspend_platform-kind": "silenced", "suspend_platform-days": "3", "suspend_platform-reason": "Nog eens."},
    )
    assert response.status_code == 404
    with pytest.raises(ForumError):
        suspend(world, kind="silenced")
    assert PlatformSuspension.objects.filter(user=world.author).count() == 1


@pytest.mark.parametrize("who", ["moderator_a", "author", "reader"])
def test_only_site_moderators_suspend_platform_wide(world, as_user, post, who):
    as_user(getattr(world, who))
    response = post(
        suspend_url(world.reporter),
        {"suspend_platform-kind": "suspended", "suspend_platform-days": "3", "suspend_platform-reason": "Nee."},
    )
    assert response.status_code == 404
    assert not PlatformSuspension.objects.exists()


def test_a_site_moderator_cannot_suspend_themselves_or_another_site_moderator(world, as_user, post, make_user):
    from django.contrib.auth.models import Group

    from accounts import roles

    colleague = make_user("collega-sitemod@mod.example", organisation=world.author.memberships.first().organisation)
    colleague.groups.add(Group.objects.get(name=roles.MODERATORS))
    as_user(world.site_moderator)
    for target in (world.site_moderator, colleague):
        data = {"suspend_platform-kind": "suspended", "suspend_platform-days": "3", "suspend_platform-reason": "X"}
        assert post(suspend_url(target), data).status_code == 404
    assert not PlatformSuspension.objects.exists()


def test_bad_input_keeps_what_was_typed_and_says_why(world, as_user, post):
    as_user(world.site_moderator)
    response = post(
        act_url("account", world.author, "suspend_platform", "en"),
        {"suspend_platform-kind": "suspended", "suspend_platform-days": "400", "suspend_platform-reason": "Getypt."},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Suspend for at most 365 days." in page and "Getypt." in page
    assert not PlatformSuspension.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_two_site_moderators_suspending_at_once_leave_one_suspension(committed_db, world, make_user):
    from django.contrib.auth.models import Group

    from accounts import roles

    second = make_user("tweede-sitemod@mod.example", organisation=world.author.memberships.first().organisation)
    second.groups.add(Group.objects.get(name=roles.MODERATORS))
    barrier = threading.Barrier(2)
    codes, errors = [], []

    def attempt(moderator):
        try:
            client = Client()
            client.force_login(moderator)
            data = {"suspend_platform-kind": "suspended", "suspend_platform-days": "5", "suspend_platform-reason": "R"}
            barrier.wait()
            codes.append(client.post(suspend_url(world.author), data).status_code)
        except Exception as error:
            errors.append(repr(error))
        finally:
            connection.close()

    workers = [threading.Thread(target=attempt, args=(m,)) for m in (world.site_moderator, second)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()

    assert errors == []
    assert sorted(codes) in ([302, 400], [302, 404]), codes
    assert PlatformSuspension.objects.filter(user=world.author).count() == 1
    assert AuditEntry.objects.filter(action="suspend_platform").count() == 1
