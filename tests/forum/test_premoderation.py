"""Pre-moderation: held posts are seen only by their author and moderators, and never counted."""

import pytest

from forum import services
from forum.models import PostStatus, Thread

pytestmark = pytest.mark.django_db


@pytest.fixture
def group(make_group, people):
    return make_group(
        "voorgemodereerd",
        visibility="platform",
        premoderation="all",
        members=[people["group_member"], people["other_member"]],
        moderators=[people["group_moderator"]],
    )


def test_with_premoderation_off_posts_are_published_at_once(make_group, people):
    group = make_group("vrij", members=[people["group_member"]])
    thread = services.create_thread(group, people["group_member"], title="Vrij", body_markdown="Meteen zichtbaar")
    assert thread.status == PostStatus.PUBLISHED


def test_a_held_reply_is_seen_by_its_author_and_moderators_only_and_not_counted(client, people, group, committed):
    thread = services.create_thread(group, people["group_moderator"], title="Open vraag", body_markdown="Start")
    assert thread.status == PostStatus.PUBLISHED  # moderators are never held
    with committed():
        held = services.reply(thread, people["group_member"], "Wacht op moderatie geheimpje")
    assert held.status == PostStatus.HELD
    thread.refresh_from_db()
    assert thread.reply_count == 0 and thread.last_post_id == thread.first_post_id

    client.force_login(people["other_member"])
    assert "geheimpje" not in client.get(thread.get_absolute_url()).content.decode()
    assert f"/forum/posts/{held.pk}/" not in client.get("/nl/search/", {"q": "geheimpje"}).content.decode()
    listing = client.get(group.get_absolute_url()).content.decode()
    assert "0 reacties" in listing

    client.force_login(people["group_member"])
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "geheimpje" in page and "Wacht op moderatie" in page

    client.force_login(people["group_moderator"])
    assert "geheimpje" in client.get(thread.get_absolute_url()).content.decode()

    with committed():
        services.approve_post(held)
    thread.refresh_from_db()
    assert thread.reply_count == 1 and thread.last_post == held
    client.force_login(people["other_member"])
    assert "geheimpje" in client.get(thread.get_absolute_url()).content.decode()


def test_a_held_first_post_keeps_the_whole_thread_out_of_sight(client, people, group):
    thread = services.create_thread(group, people["group_member"], title="Verborgen draadtitel", body_markdown="X")
    assert thread.status == PostStatus.HELD
    client.force_login(people["other_member"])
    assert "Verborgen draadtitel" not in client.get(group.get_absolute_url()).content.decode()
    assert client.get(thread.get_absolute_url()).status_code == 404
    client.force_login(people["group_member"])
    assert "Verborgen draadtitel" in client.get(group.get_absolute_url()).content.decode()
    services.approve_post(thread.first_post)
    thread.refresh_from_db()
    assert thread.status == PostStatus.PUBLISHED
    client.force_login(people["other_member"])
    assert client.get(thread.get_absolute_url()).status_code == 200


def test_first_posts_of_a_new_member_are_held_until_n_are_approved(make_group, people):
    group = make_group(
        "eerste-berichten",
        premoderation="first_posts",
        premoderation_first_posts=2,
        members=[people["group_member"]],
        moderators=[people["group_moderator"]],
    )
    thread = services.create_thread(group, people["group_moderator"], title="Welkom", body_markdown="Stel je voor")
    first = services.reply(thread, people["group_member"], "Eén")
    assert first.status == PostStatus.HELD
    services.approve_post(first)
    second = services.reply(thread, people["group_member"], "Twee")
    assert second.status == PostStatus.HELD
    services.approve_post(second)
    third = services.reply(thread, people["group_member"], "Drie")
    assert third.status == PostStatus.PUBLISHED


def test_hidden_and_rejected_posts_leave_counts_last_post_and_search(client, people, make_group, committed):
    group = make_group("verbergen", members=[people["group_member"], people["other_member"]])
    with committed():
        thread = services.create_thread(group, people["group_member"], title="Draad", body_markdown="Start")
        reply = services.reply(thread, people["other_member"], "Verborgen zoekwoordje")
    client.force_login(people["group_member"])
    assert f"/forum/posts/{reply.pk}/" in client.get("/nl/search/", {"q": "zoekwoordje"}).content.decode()
    with committed():
        services.hide_post(reply)
    thread.refresh_from_db()
    assert thread.reply_count == 0 and thread.last_post_id == thread.first_post_id
    assert f"/forum/posts/{reply.pk}/" not in client.get("/nl/search/", {"q": "zoekwoordje"}).content.decode()
    assert "zoekwoordje" not in client.get(thread.get_absolute_url()).content.decode()
    with committed():
        services.reject_post(thread.first_post)
    assert Thread.objects.get(pk=thread.pk).status == PostStatus.REJECTED
    client.force_login(people["other_member"])
    assert client.get(thread.get_absolute_url()).status_code == 404


def test_an_edit_in_a_fully_premoderated_group_is_held_again(people, group):
    thread = services.create_thread(group, people["group_moderator"], title="Vraag", body_markdown="Start")
    reply = services.reply(thread, people["group_member"], "Netjes")
    services.approve_post(reply)
    services.edit_post(reply, people["group_member"], "Nu iets heel anders")
    reply.refresh_from_db()
    assert reply.status == PostStatus.HELD


def test_moving_a_thread_into_a_private_group_hides_it_from_outsiders_search(client, people, make_group, committed):
    public = make_group("openbaar", visibility="public", members=[people["group_member"]])
    private = make_group("dicht", visibility="private", members=[people["group_member"]])
    with committed():
        thread = services.create_thread(public, people["group_member"], title="Verhuisde draad", body_markdown="Woord")
        services.reply(thread, people["group_member"], "Verhuisreactie uniekwoord")
    assert "Verhuisde draad" in client.get("/nl/search/", {"q": "uniekwoord"}).content.decode()
    with committed():
        services.move_thread(thread, private)
    assert "Verhuisde draad" not in client.get("/nl/search/", {"q": "uniekwoord"}).content.decode()
    client.force_login(people["group_member"])
    assert "Verhuisde draad" in client.get("/nl/search/", {"q": "uniekwoord"}).content.decode()
