"""Nobody outside a private group finds a trace of its content: not its name, threads, posts, members or counts.

The canary word is in the group's name, the thread title, the first post and a reply. Each role × each surface.
"""

import pytest
from django.contrib.auth.models import AnonymousUser

from forum import permissions
from tests.forum.helpers import CANARY

pytestmark = pytest.mark.django_db

INSIDERS = ["group_member", "group_moderator", "site_moderator"]
OUTSIDERS = ["visitor", "platform_member", "outsider"]


def _client_for(client, people, role):
    if role != "visitor":
        client.force_login(people[role])
    return client


def _user(people, role):
    return AnonymousUser() if role == "visitor" else people[role]


@pytest.mark.parametrize("role", OUTSIDERS)
def test_outsiders_find_no_trace_of_a_private_group(client, people, canary_thread, role):
    client = _client_for(client, people, role)
    group, post = canary_thread.group, canary_thread.first_post
    reply = canary_thread.posts.exclude(pk=post.pk).get()

    listing = client.get("/nl/forum/")
    assert listing.status_code == 200
    assert CANARY not in listing.content.decode()
    for url in [
        group.get_absolute_url(),
        f"/nl/forum/groups/{group.slug}/members/",
        canary_thread.get_absolute_url(),
        f"/nl/forum/threads/{canary_thread.pk}/reply/",
        post.get_absolute_url(),
        reply.get_absolute_url(),
        f"/nl/forum/posts/{post.pk}/history/",
        f"/nl/forum/groups/{group.slug}/feed/rss/",
        f"/nl/forum/groups/{group.slug}/feed/atom/",
        f"/nl/forum/groups/{group.slug}/new/",
        "/nl/forum/my/groups/",
        "/nl/accounts/profile/",
        "/nl/notifications/",
    ]:
        response = client.get(url)
        assert response.status_code in (200, 302, 404), url  # 302 = login first, for visitors
        if url.startswith("/nl/forum/groups/") or "/threads/" in url or "/posts/" in url:
            assert response.status_code in (302, 404), url
        assert CANARY not in response.content.decode()
    # The search page repeats the query, so look for the content around it: titles, text and links.
    for query in (CANARY, "vertrouwelijke situatie", "antwoord"):
        results = client.get("/nl/search/", {"q": query}).content.decode()
        assert f"Casus {CANARY}" not in results
        assert f"/forum/threads/{canary_thread.pk}/" not in results
        assert f"/forum/posts/{reply.pk}/" not in results
    assert "Casus" not in client.get("/nl/search/autocomplete/", {"q": "casu"}).content.decode()

    user = _user(people, role)
    assert not permissions.visible_groups(user).filter(pk=group.pk).exists()
    assert not permissions.visible_threads(user).filter(pk=canary_thread.pk).exists()
    assert not permissions.visible_posts(user).filter(thread=canary_thread).exists()


@pytest.mark.parametrize("role", INSIDERS)
def test_group_members_and_moderators_read_everything(client, people, canary_thread, role):
    client = _client_for(client, people, role)
    group = canary_thread.group
    assert CANARY in client.get("/nl/forum/").content.decode()
    assert CANARY in client.get(group.get_absolute_url()).content.decode()
    members_page = client.get(f"/nl/forum/groups/{group.slug}/members/").content.decode()
    assert "Gerda Groen" in members_page
    thread_page = client.get(canary_thread.get_absolute_url()).content.decode()
    assert f"Een antwoord over {CANARY}" in thread_page
    results = client.get("/nl/search/", {"q": CANARY}).content.decode()
    assert f"Casus {CANARY}" in results


def test_the_member_list_of_a_public_group_is_for_platform_members_only(client, people, public_group):
    members_url = f"/nl/forum/groups/{public_group.slug}/members/"
    assert client.get(public_group.get_absolute_url()).status_code == 200
    assert client.get(members_url).status_code == 404
    client.force_login(people["outsider"])
    assert client.get(members_url).status_code == 404
    client.force_login(people["platform_member"])
    assert "Gerda Groen" in client.get(members_url).content.decode()


def test_an_invited_person_sees_the_group_name_but_not_its_threads(client, people, canary_thread):
    from forum import services

    invitee = people["platform_member"]
    services.invite(canary_thread.group, invitee, by=people["group_moderator"])
    client.force_login(invitee)
    page = client.get(canary_thread.group.get_absolute_url()).content.decode()
    assert "Accepteer de uitnodiging" in page
    assert f"Casus {CANARY}" not in page
    assert client.get(canary_thread.get_absolute_url()).status_code == 404


def test_a_removed_member_loses_access_at_once(client, people, canary_thread):
    from forum import services

    member = people["other_member"]
    client.force_login(member)
    assert f"Casus {CANARY}" in client.get("/nl/search/", {"q": CANARY}).content.decode()
    services.remove_member(canary_thread.group.memberships.get(user=member))
    assert client.get(canary_thread.get_absolute_url()).status_code == 404
    assert f"Casus {CANARY}" not in client.get("/nl/search/", {"q": CANARY}).content.decode()


def test_public_and_platform_groups_are_read_by_whom_they_promise(client, people, make_group, committed):
    from forum import services

    platform = make_group("platformgroep", visibility="platform", members=[people["group_member"]])
    public = make_group("publiekegroep", visibility="public", members=[people["group_member"]])
    with committed():
        platform_thread = services.create_thread(
            platform, people["group_member"], title="Platformdraad zeldzaamwoord", body_markdown="Tekst."
        )
        public_thread = services.create_thread(
            public, people["group_member"], title="Publieke draad openwoord", body_markdown="Tekst."
        )
    assert client.get(platform_thread.get_absolute_url()).status_code == 404
    assert client.get(public_thread.get_absolute_url()).status_code == 200
    assert "Platformdraad" not in client.get("/nl/search/", {"q": "zeldzaamwoord"}).content.decode()
    assert "Publieke draad" in client.get("/nl/search/", {"q": "openwoord"}).content.decode()
    client.force_login(people["platform_member"])
    assert client.get(platform_thread.get_absolute_url()).status_code == 200
    assert "Platformdraad" in client.get("/nl/search/", {"q": "zeldzaamwoord"}).content.decode()


def test_no_mail_or_notification_about_a_private_group_reaches_an_outsider(people, canary_thread, committed):
    from django.core import mail

    from forum import services
    from notifications.models import Notification

    with committed():
        # A mention of someone outside the group is not a mention: it links nothing and notifies nobody.
        services.reply(canary_thread, people["group_member"], f"Wat vinden @pia-tester en @otto-oranje van {CANARY}?")
    insiders = {people[role].email for role in ("group_member", "other_member", "group_moderator")}
    canary_mails = [message for message in mail.outbox if CANARY in message.body]
    assert [message.to for message in canary_mails] == [["other@amersfoort.example"]]  # Otto's mention mail
    assert all(set(message.to) <= insiders for message in mail.outbox)
    for role in OUTSIDERS[1:]:
        assert not Notification.objects.filter(recipient=people[role]).exists()
