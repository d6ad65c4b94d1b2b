"""Pre-moderation per group (off / first N posts of a new member / everything), end to end with the forum's posting."""

import pytest
from django.urls import reverse

from forum.models import ForumGroup, Post, PostStatus, Thread
from forum.moderation.models import ReviewItem

pytestmark = pytest.mark.django_db


def approve(post_request, item):
    url = reverse("forum_moderation:act", kwargs={"kind": "item", "pk": item.pk, "action_id": "approve"})
    return post_request(url, {"version": item.version})


def test_without_pre_moderation_posts_appear_at_once_and_nothing_is_queued(world):
    thread = world.thread()
    reply = world.reply(thread)
    assert thread.first_post.status == reply.status == PostStatus.PUBLISHED
    assert not ReviewItem.objects.filter(post__thread=thread).exists()


def test_first_n_posts_of_a_new_member_wait_for_approval_then_they_post_freely(world, as_user, post, client):
    world.group_a.premoderation = ForumGroup.Premoderation.FIRST_POSTS
    world.group_a.premoderation_first_posts = 2
    world.group_a.save()
    thread = world.thread(author=world.moderator_a, title="Welkomstdraad")
    assert thread.first_post.status == PostStatus.PUBLISHED, "moderators are never held"

    first = world.reply(thread, "Mijn eerste bijdrage.")
    as_user(world.reader)
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "Mijn eerste bijdrage." not in page, "a held post is invisible to other members"
    as_user(world.author)
    assert "Mijn eerste bijdrage." in client.get(thread.get_absolute_url()).content.decode(), "but not to its author"

    as_user(world.moderator_a)
    assert approve(post, ReviewItem.objects.get(post=first)).status_code == 302
    second = world.reply(thread, "Mijn tweede bijdrage.")
    assert second.status == PostStatus.HELD
    approve(post, ReviewItem.objects.get(post=second))
    third = world.reply(thread, "Mijn derde bijdrage.")

    assert third.status == PostStatus.PUBLISHED
    assert not ReviewItem.objects.filter(post=third).exists()
    thread.refresh_from_db()
    assert thread.reply_count == 3


def test_everything_is_held_when_the_group_pre_moderates_all_posts(world, as_user, post, client):
    world.group_a.premoderation = ForumGroup.Premoderation.ALL
    world.group_a.save()
    thread = world.thread(title="Volledig gemodereerd")
    item = ReviewItem.objects.get(post=thread.first_post)
    as_user(world.moderator_a)
    queue = client.get(reverse("forum_moderation:queue")).content.decode()
    assert "Volledig gemodereerd" in queue and "Voormoderatie" in queue

    approve(post, item)
    for number in range(3):
        reply = world.reply(thread, f"Reactie {number}")
        assert reply.status == PostStatus.HELD
    assert ReviewItem.objects.pending().filter(post__thread=thread).count() == 3


def test_what_never_appeared_goes_with_a_deleted_account_and_leaves_the_queue(world):
    from accounts.privacy import delete_account

    world.group_b.premoderation = ForumGroup.Premoderation.ALL
    world.group_b.save()
    held_thread = world.thread(world.group_b, title="Nooit verschenen", author=world.author)
    published = world.thread(world.group_b, title="Wel verschenen", author=world.moderator_b)
    held_reply = world.reply(published, "Een reactie die nog wacht.")
    answered = world.reply(world.thread(world.group_a, author=world.reader), "Een gepubliceerde reactie.")
    assert ReviewItem.objects.pending().filter(post__in=[held_thread.first_post, held_reply]).count() == 2

    delete_account(world.author)

    assert not Thread.objects.filter(pk=held_thread.pk).exists()
    assert not Post.objects.filter(pk=held_reply.pk).exists()
    assert not ReviewItem.objects.filter(post__thread__group=world.group_b).exists()
    answered.refresh_from_db()
    assert answered.author_id is None and answered.body_markdown == "Een gepubliceerde reactie."
    assert Post.objects.filter(thread=published).count() == 1
