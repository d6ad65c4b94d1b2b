"""Moderators hear of new items in their queue (a report, a held post); nobody else does, and nobody hears twice."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from accounts import roles
from forum.models import ForumGroup
from forum.moderation.models import ReviewItem
from notifications import kinds
from notifications.models import Notification

pytestmark = pytest.mark.django_db


def report_url(post):
    return reverse("forum_moderation:report", kwargs={"pk": post.pk})


def review_recipients():
    return set(Notification.objects.filter(kind=kinds.REVIEW).values_list("recipient__email", flat=True))


def site_moderators():
    """The world's site moderator and those of the demo content."""
    return set(get_user_model().objects.filter(groups__name=roles.MODERATORS).values_list("email", flat=True))


def test_a_report_reaches_the_groups_moderator_and_the_site_moderators_at_once(world, as_user, post):
    thread = world.thread(body="Hier staat een telefoonnummer van de inwoner.")
    as_user(world.reporter)
    post(report_url(thread.first_post), {"reason": "personal_data", "text": "Graag verwijderen."})

    assert world.site_moderator.email in site_moderators()
    assert review_recipients() == {world.moderator_a.email, *site_moderators()}
    mailed = {message.to[0]: message for message in mail.outbox}
    assert set(mailed) == {world.moderator_a.email, *site_moderators()}
    assert mailed[world.moderator_a.email].subject == "[Kennisplatform] Te beoordelen: Een lastige casus"
    body = mailed[world.moderator_a.email].body
    item = ReviewItem.objects.get(post=thread.first_post)
    assert f"/nl/forum/moderation/items/{item.pk}/" in body
    assert "Een lastige casus" in body and "Gemeld" in body
    # Who reported it is for the item page, not for a mail that may be forwarded.
    assert "Reporter" not in body and "Graag verwijderen." not in body


def test_a_second_report_on_the_same_open_item_notifies_nobody_again(world, as_user, post, make_user):
    thread = world.thread()
    as_user(world.reporter)
    post(report_url(thread.first_post), {"reason": "disrespectful"})
    as_user(world.reader)
    post(report_url(thread.first_post), {"reason": "disrespectful"})
    assert Notification.objects.filter(kind=kinds.REVIEW, recipient=world.moderator_a).count() == 1


def test_a_held_post_tells_its_moderators_but_not_its_author_nor_other_groups_moderators(
    world, django_capture_on_commit_callbacks
):
    world.group_b.premoderation = ForumGroup.Premoderation.ALL
    world.group_b.save()
    with django_capture_on_commit_callbacks(execute=True):
        thread = world.thread(world.group_b, title="Vraag over bezwaar", author=world.author)
    assert review_recipients() == {world.moderator_b.email, *site_moderators()}
    notification = Notification.objects.get(kind=kinds.REVIEW, recipient=world.moderator_b)
    assert notification.target == ReviewItem.objects.get(post=thread.first_post)


def test_the_notification_says_when_the_item_has_been_handled(world, as_user, post, client):
    thread = world.thread()
    as_user(world.reporter)
    post(report_url(thread.first_post), {"reason": "disrespectful"})
    item = ReviewItem.objects.get(post=thread.first_post)
    as_user(world.moderator_a)
    act = reverse("forum_moderation:act", kwargs={"kind": "item", "pk": item.pk, "action_id": "ignore"})
    assert post(act, {"version": item.version}).status_code == 302
    page = client.get("/nl/notifications/").content.decode()
    assert "Te beoordelen: Een lastige casus" in page and "Afgehandeld" in page


def test_only_moderators_are_offered_the_review_setting(world, as_user):
    label = "Berichten die wachten op beoordeling"
    assert label in as_user(world.moderator_a).get("/nl/notifications/settings/").content.decode()
    assert label in as_user(world.site_moderator).get("/nl/notifications/settings/").content.decode()
    assert label not in as_user(world.reader).get("/nl/notifications/settings/").content.decode()
