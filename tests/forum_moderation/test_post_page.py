"""The thread page's moderation hooks and the moderation page of a single post (actions outside the queue)."""

import pytest
from django.urls import reverse

from forum import services as forum_services
from forum.models import PostStatus
from forum.moderation import services
from forum.moderation.models import AuditEntry, ReviewItem

pytestmark = pytest.mark.django_db


def act_url(kind, obj, action):
    return reverse("forum_moderation:act", kwargs={"kind": kind, "pk": obj.pk, "action_id": action})


def test_the_thread_page_offers_report_links_to_members_and_moderation_links_to_moderators(world, as_user, client):
    thread = world.thread()
    reply = world.reply(thread, "Een reactie van de lezer.", author=world.reader)
    report_own = reverse("forum_moderation:report", kwargs={"pk": reply.pk})
    report_other = reverse("forum_moderation:report", kwargs={"pk": thread.first_post.pk})
    moderate = reverse("forum_moderation:post", kwargs={"pk": reply.pk})

    as_user(world.reader)
    page = client.get(thread.get_absolute_url()).content.decode()
    assert report_other in page and report_own not in page, "nobody reports their own post"
    assert moderate not in page
    as_user(world.moderator_a)
    page = client.get(thread.get_absolute_url()).content.decode()
    assert moderate in page
    assert act_url("thread", thread, "lock") in page


def test_hiding_from_the_post_page_closes_the_open_review_item(world, as_user, post):
    thread = world.thread()
    services.report_post(thread.first_post, world.reporter, reason="spam")
    item = ReviewItem.objects.get(post=thread.first_post)
    as_user(world.moderator_a)

    response = post(
        act_url("post", thread.first_post, "hide_post"), {"hide_post-category": "spam", "hide_post-reason": "Reclame."}
    )

    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.status, item.decision, item.version) == ("rejected", "hide_post", 2)
    assert AuditEntry.objects.filter(action="hide_post", target_id=thread.first_post.pk).count() == 1


def test_a_hidden_post_can_be_published_again(world, as_user, post):
    thread = world.thread()
    forum_services.hide_post(thread.first_post)
    as_user(world.moderator_a)
    post(act_url("post", thread.first_post, "restore_post"), {})
    thread.first_post.refresh_from_db()
    assert thread.first_post.status == PostStatus.PUBLISHED


def test_each_action_has_a_page_of_its_own_and_unknown_actions_are_404(world, as_user, client):
    thread = world.thread()
    as_user(world.moderator_a)
    page = client.get(act_url("post", thread.first_post, "hide_post"))
    assert page.status_code == 200 and "Dit bericht verbergen" in page.content.decode()
    assert client.get(act_url("post", thread.first_post, "lock")).status_code == 404, "wrong kind of target"
    assert client.get(act_url("post", thread.first_post, "nonsense")).status_code == 404
    assert client.get(act_url("widget", thread.first_post, "hide_post")).status_code == 404


def test_after_an_action_only_a_local_next_address_is_followed(world, as_user, post):
    thread = world.thread()
    as_user(world.moderator_a)
    response = post(act_url("thread", thread, "lock"), {"next": "https://evil.example/"})
    assert response.url == thread.get_absolute_url()


def test_the_history_page_links_each_earlier_version_to_its_purge(world, as_user, client):
    thread = world.thread()
    forum_services.edit_post(thread.first_post, world.author, "Nieuwe tekst.")
    revision = thread.first_post.revisions.get()
    as_user(world.moderator_a)
    history = client.get(reverse("forum:post_history", kwargs={"pk": thread.first_post.pk})).content.decode()
    assert act_url("revision", revision, "purge_revision") in history
    as_user(world.author)
    history = client.get(reverse("forum:post_history", kwargs={"pk": thread.first_post.pk})).content.decode()
    assert act_url("revision", revision, "purge_revision") not in history
