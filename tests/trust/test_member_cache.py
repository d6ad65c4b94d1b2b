"""A member's repeat view of a page comes from the cache, and never a byte of it reaches anyone else or outlives a
change: each page is first proven to be served from the cache (X-Cache: member-hit), then the change is made and
committed as production commits (`django_capture_on_commit_callbacks(execute=True)`), and the very next request
shows it. Real views, the Django test client, PostgreSQL.
"""

import re

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from accounts import roles
from accounts.models import Membership
from core import member_cache
from notifications.kinds import Kind
from notifications.models import Notification
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]

LOG_OUT = "Uitloggen"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def from_cache(response) -> bool:
    return response.get("X-Cache") == member_cache.HIT


def cached_for(client, url):
    """Read until the member's view comes from the cache (the first answer sets the CSRF cookie the key holds)."""
    for _ in range(3):
        response = client.get(url)
        assert response.status_code == 200, url
    assert from_cache(response), url
    return response


def test_a_members_repeat_view_of_a_page_comes_from_the_cache_in_two_queries(django_assert_max_num_queries):
    member = factories.member(first_name="Lotte", last_name="Lid")
    page = factories.protocol_page("Bellen na bezwaar")
    client = signed_in(member)
    cached_for(client, page.url)
    # The session and the person: both are checked before anything stored is served.
    with django_assert_max_num_queries(2):
        response = client.get(page.url)
    assert from_cache(response)
    html = response.content.decode()
    assert "Bellen na bezwaar" in html and LOG_OUT in html
    assert "private" in response["Cache-Control"]


def test_two_members_never_get_each_others_page_and_a_visitor_gets_neither(client):
    page = factories.content_page("Voor iedereen", "Tekst.")
    first = signed_in(factories.member(first_name="Eerste"))
    second = signed_in(factories.member(first_name="Tweede"))
    first_html = cached_for(first, page.url).content.decode()
    first_token = TOKEN.search(first_html).group(1)
    response = second.get(page.url)
    assert not from_cache(response)
    assert TOKEN.search(response.content.decode()).group(1) != first_token
    for _ in range(2):
        response = client.get(page.url)
        assert not from_cache(response)
        assert LOG_OUT not in response.content.decode()


def test_a_notification_that_arrives_shows_at_once(committed):
    member = factories.member()
    author = factories.member()
    group = factories.forum_group("open-groep", visibility="public", members=[member, author])
    thread = factories.forum_thread(group, member)
    post = factories.forum_post(thread, author)
    page = factories.content_page("Pagina", "Tekst.")
    client = signed_in(member)
    assert "utrecht-badge-counter" not in cached_for(client, page.url).content.decode()
    with committed():
        Notification.objects.create(recipient=member, kind=Kind.REPLY, target=post, actor=author)
    response = client.get(page.url)
    assert not from_cache(response)
    assert '<span class="utrecht-badge-counter" aria-hidden="true">1</span>' in response.content.decode()


def test_a_new_role_shows_at_once(committed):
    member = factories.member()
    page = factories.content_page("Pagina", "Tekst.")
    client = signed_in(member)
    assert "Redactieomgeving" not in cached_for(client, page.url).content.decode()
    with committed():
        member.groups.add(Group.objects.get(name=roles.EDITORS))
    response = client.get(page.url)
    assert not from_cache(response)
    assert "Redactieomgeving" in response.content.decode()


def test_a_membership_ended_by_a_bulk_update_ends_the_stored_members_only_page(committed):
    member = factories.member()
    page = factories.experience_page(f"Leden {LOG_OUT}-kanarie", members_only=True)
    client = signed_in(member)
    cached_for(client, page.url)
    with committed():
        # An update sends no signal: the write itself is what counts.
        Membership.objects.filter(user=member).update(status=Membership.Status.REMOVED)
    response = client.get(page.url)
    assert not from_cache(response)
    assert response.status_code == 403


def test_after_logging_out_the_old_cookies_get_nothing_stored(committed):
    member = factories.member()
    page = factories.content_page("Pagina", "Tekst.")
    client = signed_in(member)
    cached_for(client, page.url)
    old_cookies = {name: morsel.value for name, morsel in client.cookies.items()}
    with committed():
        client.post("/nl/accounts/logout/")
    stale = Client()
    for name, value in old_cookies.items():
        stale.cookies[name] = value
    response = stale.get(page.url)
    assert not from_cache(response)
    assert LOG_OUT not in response.content.decode()


def test_the_token_in_a_served_page_is_accepted(committed):
    member = factories.member()
    page = factories.content_page("Pagina", "Tekst.")
    client = signed_in(member)
    client.handler.enforce_csrf_checks = True
    response = cached_for(client, page.url)
    token = TOKEN.search(response.content.decode()).group(1)
    with committed():
        response = client.post("/nl/accounts/logout/", {"csrfmiddlewaretoken": token})
    assert response.status_code == 302


def test_a_page_showing_a_message_is_not_stored_and_the_message_is_not_shown_again(committed):
    member = factories.member()
    page = factories.content_page("Pagina", "Tekst.")
    client = signed_in(member)
    cached_for(client, page.url)
    with committed():
        # Saving the profile says so in a message on the next page.
        client.post("/nl/accounts/profile/", {"first_name": "Nieuw", "last_name": "Naam", "preferred_language": "nl"})
    shown = [client.get(page.url) for _ in range(2)]
    assert not any(from_cache(response) for response in shown)
    messages = [response.content.decode().count("utrecht-alert") for response in shown]
    assert messages[0] >= 1 and messages[1] == 0


def test_nothing_is_stored_when_sessions_live_outside_the_database(settings):
    # A session kept in the cache changes without a database write, so no generation would end what it showed.
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cache"
    page = factories.content_page("Pagina", "Tekst.")
    client = signed_in(factories.member())
    responses = [client.get(page.url) for _ in range(3)]
    assert all(response.status_code == 200 and LOG_OUT in response.content.decode() for response in responses)
    assert not any(from_cache(response) for response in responses)
