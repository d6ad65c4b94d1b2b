"""Group moderators see and act on their own groups' items only (404 elsewhere); site moderators see everything."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from forum import services as forum_services
from forum.moderation import permissions, services
from forum.moderation.models import ReviewItem

pytestmark = pytest.mark.django_db


@pytest.fixture
def items(world):
    thread_a = world.thread(title="Draad in groep A")
    thread_b = world.thread(world.group_b, title="Draad in groep B")
    services.report_post(thread_a.first_post, world.reporter, reason="spam")
    services.report_post(thread_b.first_post, world.moderator_a, reason="spam")
    return ReviewItem.objects.get(post=thread_a.first_post), ReviewItem.objects.get(post=thread_b.first_post)


def test_the_queryset_gives_each_moderator_their_own_groups_and_site_moderators_all(world, items):
    item_a, item_b = items
    assert set(permissions.reviewable_items(world.moderator_a)) == {item_a}
    assert set(permissions.reviewable_items(world.moderator_b)) == {item_b}
    assert {item_a, item_b} <= set(permissions.reviewable_items(world.site_moderator))
    assert not permissions.reviewable_items(world.reader).exists()


def test_a_group_moderator_of_b_cannot_see_or_act_on_group_a(world, items, as_user, client):
    item_a, item_b = items
    as_user(world.moderator_b)
    queue = client.get(reverse("forum_moderation:queue")).content.decode()
    assert "Draad in groep B" in queue and "Draad in groep A" not in queue
    assert client.get(reverse("forum_moderation:item", kwargs={"pk": item_a.pk})).status_code == 404
    assert client.get(reverse("forum_moderation:post", kwargs={"pk": item_a.post_id})).status_code == 404
    url = reverse("forum_moderation:act", kwargs={"kind": "item", "pk": item_a.pk, "action_id": "hide"})
    response = client.post(url, {"version": item_a.version, "hide-category": "spam", "hide-reason": "Weg ermee"})
    assert response.status_code == 404
    item_a.refresh_from_db()
    assert item_a.status == "pending"
    assert client.get(reverse("forum_moderation:item", kwargs={"pk": item_b.pk})).status_code == 200


def test_a_group_filter_for_a_group_one_does_not_moderate_shows_nothing_of_it(world, items, as_user, client):
    as_user(world.moderator_b)
    page = client.get(reverse("forum_moderation:queue"), {"group": world.group_a.pk}).content.decode()
    assert "Draad in groep A" not in page


def test_the_site_moderator_sees_every_groups_items(world, items, as_user, client):
    as_user(world.site_moderator)
    queue = client.get(reverse("forum_moderation:queue")).content.decode()
    assert "Draad in groep A" in queue and "Draad in groep B" in queue


def test_members_and_visitors_have_no_queue(world, items, as_user, client):
    assert client.get(reverse("forum_moderation:queue")).status_code == 302
    as_user(world.reader)
    assert client.get(reverse("forum_moderation:queue")).status_code == 404


def test_the_queue_does_as_many_queries_for_30_items_as_for_one(
    world, as_user, client, django_assert_max_num_queries, monkeypatch
):
    monkeypatch.setattr(forum_services, "POST_LIMIT", 1000)
    monkeypatch.setattr(services, "REPORT_LIMIT", 1000)

    def add_items(count):
        for number in range(count):
            thread = world.thread(title=f"Draad {number}")
            services.report_post(thread.first_post, world.reporter, reason="spam")
            services.report_post(thread.first_post, world.reader, reason="other", text="Reclame")

    as_user(world.moderator_a)
    add_items(1)
    with CaptureQueriesContext(connection) as one_item:
        client.get(reverse("forum_moderation:queue"))
    add_items(29)
    with django_assert_max_num_queries(len(one_item.captured_queries)):
        response = client.get(reverse("forum_moderation:queue"))
    assert response.content.decode().count("2 meldingen") == 25, "one page of 25"


def test_the_queue_shows_open_items_by_default_and_decided_ones_on_request(world, items, as_user, client):
    item_a, _item_b = items
    services.decide(item_a, version=1, actor=world.moderator_a, status="ignored", decision="ignore")
    as_user(world.moderator_a)
    queue = reverse("forum_moderation:queue")
    assert "Draad in groep A" not in client.get(queue).content.decode()
    assert "Draad in groep A" in client.get(queue, {"status": "ignored"}).content.decode()
    assert "Draad in groep A" in client.get(queue, {"status": ""}).content.decode()
