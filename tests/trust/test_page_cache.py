"""Never a private byte from the page cache: what a change hides is gone for the next visitor at once, and a
member's and a visitor's pages are never served to each other.

Each canary is first proven to be in the cache (the visitor's repeat view is a hit), then hidden the way the site
hides it, committed as production commits (`django_capture_on_commit_callbacks(execute=True)`), and the very next
visitor request must not hold it. Real views, the Django test client, PostgreSQL.
"""

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from forum import services as forum_services
from forum.models import ForumGroup
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]

CANARY = "CACHEKANARIE-5531"


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def member_client():
    client = Client()
    client.force_login(factories.member("lid@almere.example", first_name="Lotte", last_name="Lid"))
    return client


def cached_for_visitors(client, *urls):
    """Each url read twice by visitors: the second answer comes from the cache and shows the canary."""
    for url in urls:
        client.get(url)
        response = client.get(url)
        assert response["X-Cache"] == "hit", url
        assert CANARY in response.content.decode(), url


def shows_canary(response) -> bool:
    return CANARY in response.content.decode()


def test_a_page_made_members_only_is_gone_for_visitors_at_once(client, committed):
    parent = factories.content_page("Thema", "Over het thema.")
    page = factories.content_page(f"Pagina {CANARY}", f"Tekst {CANARY}.", parent=parent)
    cached_for_visitors(client, page.url, parent.url)
    with committed():
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(page.url)
    assert response.status_code == 302 and not shows_canary(response)
    assert not shows_canary(client.get(parent.url))


def test_an_unpublished_page_is_gone_for_visitors_at_once(client, committed):
    page = factories.protocol_page(f"Protocol {CANARY}", steps=[factories.protocol_step(f"Stap {CANARY}")])
    index = page.get_parent().url
    cached_for_visitors(client, page.url, index)
    with committed():
        page.unpublish()
    response = client.get(page.url)
    assert response.status_code == 404 and not shows_canary(response)
    assert not shows_canary(client.get(index))


def test_a_page_moved_under_a_members_only_page_is_gone_for_visitors_at_once(client, committed):
    closed = factories.content_page("Voor leden", "Alleen leden.", restriction=PageViewRestriction.LOGIN)
    page = factories.content_page(f"Verhuisd {CANARY}", f"Tekst {CANARY}.")
    old_url = page.url
    cached_for_visitors(client, old_url)
    with committed():
        page.move(closed, pos="last-child")
    assert not shows_canary(client.get(old_url))
    page.refresh_from_db()
    assert not shows_canary(client.get(page.url))


def test_a_forum_group_made_private_is_gone_for_visitors_at_once(client, people, committed):
    group = factories.forum_group("open-kanarie", name=f"Groep {CANARY}", visibility=ForumGroup.Visibility.PUBLIC)
    thread = factories.forum_thread(group, people["group_member"], title=f"Draad {CANARY}")
    urls = ["/nl/forum/", f"/nl/forum/groups/{group.slug}/", f"/nl/forum/threads/{thread.pk}/"]
    cached_for_visitors(client, *urls)
    with committed():
        group.visibility = ForumGroup.Visibility.PRIVATE
        group.save()
    for url in urls:
        response = client.get(url)
        assert not shows_canary(response), url
    assert client.get(urls[2]).status_code == 404


def test_a_hidden_forum_post_is_gone_for_visitors_at_once(client, people, committed):
    group = factories.forum_group("open-groep-verborgen", visibility=ForumGroup.Visibility.PUBLIC)
    thread = factories.forum_thread(group, people["group_member"], title="Een open vraag")
    post = factories.forum_post(thread, people["other_member"], body=f"Een reactie met {CANARY}.")
    url = f"/nl/forum/threads/{thread.pk}/"
    cached_for_visitors(client, url)
    with committed():
        forum_services.hide_post(post)
    response = client.get(url)
    assert response.status_code == 200 and not shows_canary(response)


def test_a_members_page_is_never_stored_for_visitors(client, member_client):
    page = factories.content_page(f"Openbaar {CANARY}", "Voor iedereen.")
    member_page = member_client.get(page.url).content.decode()
    assert "Uitloggen" in member_page and "X-CSRFToken" in member_page
    response = client.get(page.url)
    assert response["X-Cache"] == "miss"
    html = response.content.decode()
    assert "Uitloggen" not in html and "X-CSRFToken" not in html


def test_a_visitors_cached_page_is_never_served_to_a_member(client, member_client):
    page = factories.content_page(f"Openbaar {CANARY}", "Voor iedereen.")
    cached_for_visitors(client, page.url)
    response = member_client.get(page.url)
    assert "X-Cache" not in response
    assert "Uitloggen" in response.content.decode()


def test_the_text_of_a_members_only_page_cached_for_a_member_never_reaches_a_visitor(client, member_client):
    page = factories.content_page(f"Leden {CANARY}", f"Tekst {CANARY}.", restriction=PageViewRestriction.LOGIN)
    assert shows_canary(member_client.get(page.url))
    assert shows_canary(member_client.get(page.url))  # now from the text cached per revision
    for _ in range(2):
        response = client.get(page.url)
        assert response.status_code == 302 and not shows_canary(response)
