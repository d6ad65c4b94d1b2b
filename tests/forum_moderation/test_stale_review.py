"""A moderator decides on the text they saw: an author's edit of a held post makes an earlier-opened decision stale."""

import re
import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import translation

from forum import services as forum_services
from forum.models import ForumGroup, Post, PostStatus
from forum.moderation.models import AuditEntry, ReviewItem

pytestmark = pytest.mark.django_db


def _held_thread(world):
    world.group_a.premoderation = ForumGroup.Premoderation.ALL
    world.group_a.save()
    thread = world.thread(title="Vastgehouden", body="De eerste tekst.")
    return thread.first_post, ReviewItem.objects.get(post=thread.first_post)


def _item_url(item, action="approve"):
    with translation.override("en"):
        return reverse("forum_moderation:act", kwargs={"kind": "item", "pk": item.pk, "action_id": action})


def _version_on_page(html):
    return int(re.search(r'name="version" value="(\d+)"', html).group(1))


def test_an_approve_of_a_held_post_the_author_changed_meanwhile_is_refused_and_publishes_nothing(
    world, as_user, post, client
):
    held, item = _held_thread(world)
    as_user(world.moderator_a)
    opened = client.get(reverse("forum_moderation:item", kwargs={"pk": item.pk}))
    seen_version = _version_on_page(opened.content.decode())
    assert "De eerste tekst." in opened.content.decode()

    forum_services.edit_post(Post.objects.get(pk=held.pk), world.author, "Een heel andere tekst.")

    response = post(_item_url(item), {"version": seen_version})
    assert response.status_code == 409
    page = response.content.decode()
    assert "The post has changed since you opened it. Review it again." in page
    assert "Een heel andere tekst." in page, "the moderator is shown the text as it is now"
    held.refresh_from_db()
    assert held.status == PostStatus.HELD and held.body_markdown == "Een heel andere tekst."
    assert not AuditEntry.objects.filter(action="approve", target_id=held.pk).exists()

    assert post(_item_url(item), {"version": _version_on_page(page)}).status_code == 302
    held.refresh_from_db()
    assert held.status == PostStatus.PUBLISHED and held.body_markdown == "Een heel andere tekst."


def test_an_edit_and_approve_on_a_stale_version_does_not_overwrite_the_authors_new_text(world, as_user, post):
    held, item = _held_thread(world)
    seen_version = item.version
    forum_services.edit_post(Post.objects.get(pk=held.pk), world.author, "Nieuwe tekst van de auteur.")
    as_user(world.moderator_a)
    response = post(
        _item_url(item, "edit_approve"),
        {"version": seen_version, "edit_approve-body_markdown": "De eerste tekst, bijgewerkt."},
    )
    assert response.status_code == 409
    held.refresh_from_db()
    assert held.status == PostStatus.HELD and held.body_markdown == "Nieuwe tekst van de auteur."


@pytest.mark.django_db(transaction=True)
def test_an_edit_and_an_approve_at_the_same_moment_never_publish_unseen_text(committed_db, world):
    """Either the approve wins (the old text is published, and the edit that follows is held again), or the edit
    wins (the approve is refused). Never the new text published by an approve of the old."""
    held, item = _held_thread(world)
    barrier = threading.Barrier(2, timeout=60)
    outcome, errors = {}, []

    def approve():
        try:
            client = Client()
            client.force_login(world.moderator_a)
            barrier.wait()
            outcome["approve"] = client.post(_item_url(item), {"version": item.version}).status_code
        except Exception as error:
            errors.append(repr(error))
        finally:
            connection.close()

    def edit():
        try:
            barrier.wait()
            forum_services.edit_post(Post.objects.get(pk=held.pk), world.author, "Tegelijk gewijzigd.")
        except Exception as error:
            errors.append(repr(error))
        finally:
            connection.close()

    workers = [threading.Thread(target=approve), threading.Thread(target=edit)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()

    assert errors == []
    held.refresh_from_db()
    assert held.body_markdown == "Tegelijk gewijzigd."
    if outcome["approve"] == 302:
        assert held.status == PostStatus.HELD, "the edit after the approval waits for a moderator again"
        assert ReviewItem.objects.filter(post=held, status=ReviewItem.Status.PENDING).exists()
    else:
        assert outcome["approve"] == 409
        assert held.status == PostStatus.HELD
