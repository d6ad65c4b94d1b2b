"""Visitors' pages are cacheable and served again from the cache; members' pages are private and keep their
published text cached per revision. Real views, the Django test client, PostgreSQL; what must never leak from the
cache is proven in tests/trust/test_page_cache.py."""

import pytest
from django.core.cache import cache
from django.test import Client
from wagtail.contrib.frontend_cache.backends.base import BaseBackend

from core import page_cache
from forum.models import ForumGroup
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]


@pytest.fixture
def member():
    return factories.member("lid@almere.example", first_name="Lotte", last_name="Lid")


@pytest.fixture
def member_client(member):
    client = Client()
    client.force_login(member)
    return client


@pytest.fixture
def public_pages(people):
    """The kinds of page a visitor reads: home, protocol, content, training, forum index and a public thread."""
    group = factories.forum_group("open-intervisie", visibility=ForumGroup.Visibility.PUBLIC)
    thread = factories.forum_thread(group, people["group_member"], title="Een open vraag")
    return {
        "home": factories.home().url,
        "protocol": factories.protocol_page("Protocol voor iedereen", steps=3).url,
        "content": factories.content_page("Achtergrond", "Over bemiddelen.").url,
        "training": factories.publish(factories.training_module("Training voor iedereen", publish=False)).url,
        "forum": "/nl/forum/",
        "group": f"/nl/forum/groups/{group.slug}/",
        "thread": f"/nl/forum/threads/{thread.pk}/",
    }


def directives(response) -> set[str]:
    return {part.strip().split("=")[0] for part in response.get("Cache-Control", "").split(",") if part.strip()}


def test_a_visitors_public_page_is_public_sets_no_cookie_and_carries_no_token(client, public_pages, settings):
    for name, url in public_pages.items():
        response = client.get(url)
        assert response.status_code == 200, name
        assert directives(response) == {"public", "max-age"}, name
        assert f"max-age={settings.PAGE_CACHE_MAX_AGE}" in response["Cache-Control"], name
        vary = {value.strip().lower() for value in response["Vary"].split(",")}
        assert {"cookie", "hx-request"} <= vary, name
        assert not response.cookies, (name, list(response.cookies))
        html = response.content.decode()
        assert "csrfmiddlewaretoken" not in html and "X-CSRFToken" not in html, name


def test_a_members_page_is_private_and_carries_the_token_for_htmx(member_client, public_pages):
    for name, url in public_pages.items():
        response = member_client.get(url)
        assert response.status_code == 200, name
        assert "private" in directives(response) and "public" not in directives(response), name
        assert "X-CSRFToken" in response.content.decode(), name
        assert "X-Cache" not in response, name


@pytest.mark.parametrize("url", ["/nl/accounts/login/", "/nl/accounts/signup/", "/nl/accounts/password/reset/"])
def test_a_visitors_form_page_gets_its_token_and_is_never_stored(client, url):
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 200
        assert "csrftoken" in response.cookies
        assert "csrfmiddlewaretoken" in response.content.decode()
        assert {"private", "no-store"} <= directives(response)
        assert "X-Cache" not in response


def test_the_evaluation_page_keeps_its_never_cache_headers_and_its_token(client):
    response = client.get("/nl/evaluation/")
    assert response.status_code == 200
    assert {"no-cache", "no-store", "private"} <= directives(response)
    assert "csrftoken" in response.cookies
    assert "csrfmiddlewaretoken" in response.content.decode()


def test_a_visitors_repeat_view_comes_from_the_cache_without_a_query(client, public_pages, django_assert_num_queries):
    for name, url in public_pages.items():
        first = client.get(url)
        assert first["X-Cache"] == "miss", name
        with django_assert_num_queries(0):
            again = client.get(url)
        assert again["X-Cache"] == "hit", name
        assert again.content == first.content, name
        assert again["Cache-Control"] == first["Cache-Control"], name
        assert not again.cookies, name


def test_an_htmx_request_and_a_full_page_are_kept_apart(client, public_pages):
    url = public_pages["protocol"]
    client.get(url)
    assert client.get(url, headers={"HX-Request": "true"})["X-Cache"] == "miss"
    assert client.get(url, headers={"HX-Request": "true"})["X-Cache"] == "hit"
    assert client.get(url)["X-Cache"] == "hit"


def test_the_query_string_is_part_of_the_key(client):
    index = factories.protocol_page("Gefilterd protocol").get_parent().url
    client.get(index)
    assert client.get(f"{index}?setting=objection")["X-Cache"] == "miss"
    assert client.get(index)["X-Cache"] == "hit"


def test_a_visitor_with_a_session_cookie_is_neither_served_nor_stored(client, public_pages):
    url = public_pages["home"]
    client.get(url)
    client.cookies["sessionid"] = "not-a-real-session"
    response = client.get(url)
    assert "X-Cache" not in response
    assert "private" in directives(response)


def test_a_change_takes_a_new_generation_only_once_it_is_committed(django_capture_on_commit_callbacks):
    page = factories.content_page("Voor de wijziging", "Tekst.")
    before, _ = page_cache.read("anything")
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
        # Not yet: a request now still reads the committed rows of before, and must store them under the old stamp.
        assert page_cache.read("anything")[0] == before
    assert page_cache.read("anything")[0] != before


class UnreachableCache:
    def __getattr__(self, name):
        def fail(*args, **kwargs):
            raise ConnectionError("the cache server does not answer")

        return fail


def test_without_a_reachable_page_cache_pages_are_served_all_the_same(client, public_pages, monkeypatch):
    monkeypatch.setattr(page_cache, "cache", UnreachableCache())
    for _ in range(2):
        response = client.get(public_pages["protocol"])
        assert response.status_code == 200
        assert "X-Cache" not in response
        assert "public" in directives(response)


# --- members: the published text per revision ----------------------------------------------------------------------


def test_a_members_protocol_page_keeps_its_query_count_and_reads_less_once_its_text_is_cached(
    member_client, django_assert_max_num_queries
):
    page = factories.protocol_page("Protocol voor leden", steps=30)
    member_client.get(page.url)  # warm what is cached per process (content types, site root paths)
    cache.delete_many([page_cache.fragment_key(page, part, _request()) for part in ("text", "tags")])
    with django_assert_max_num_queries(30) as first:
        response = member_client.get(page.url)
    assert response.content.decode().count('class="protocol-step"') == 30
    with django_assert_max_num_queries(30) as again:
        response = member_client.get(page.url)
    assert response.content.decode().count('class="protocol-step"') == 30
    assert len(again.captured_queries) < len(first.captured_queries)
    for _ in range(10):
        factories.protocol_page(steps=3)
    with django_assert_max_num_queries(len(again.captured_queries)):
        member_client.get(page.url)


def test_a_new_revision_shows_at_once_to_members(member_client):
    page = factories.protocol_page("Protocol met versies", steps=1)
    assert "Stap 1" in member_client.get(page.url).content.decode()
    page.steps = [factories.protocol_step("Nieuwe eerste stap")]
    factories.publish(page)
    html = member_client.get(page.url).content.decode()
    assert "Nieuwe eerste stap" in html


def test_a_members_own_checklists_are_not_part_of_the_cached_text(member_client, member, make_user):
    from protocols import services

    page = factories.protocol_page("Protocol met checklists", steps=1)
    services.start_checklist(member, page, label="Lottes eigen lijst")
    assert "Lottes eigen lijst" in member_client.get(page.url).content.decode()
    other = Client()
    other.force_login(make_user("ander@almere.example", organisation=member.memberships.first().organisation))
    assert "Lottes eigen lijst" not in other.get(page.url).content.decode()


def _request():
    from django.test import RequestFactory

    return RequestFactory().get("/")


def test_addresses_without_a_language_are_neither_looked_up_nor_public(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert "X-Cache" not in response
    assert "public" not in directives(response)


class RecordingBackend(BaseBackend):
    """A front-end cache that notes what it is asked to purge (configured as settings.WAGTAILFRONTENDCACHE)."""

    purged: list[str] = []

    def purge(self, url) -> None:
        RecordingBackend.purged.append(url)


def test_a_cdn_in_front_is_purged_on_the_same_changes(settings, django_capture_on_commit_callbacks):
    settings.WAGTAILFRONTENDCACHE = {"test": {"BACKEND": f"{__name__}.RecordingBackend"}}
    RecordingBackend.purged = []
    parent = factories.content_page("Thema", "Over het thema.")
    page = factories.content_page("Onderwerp", "Tekst.", parent=parent)
    RecordingBackend.purged = []
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    purged = set(RecordingBackend.purged)
    assert "http://testserver/" in purged
    for url in (page.get_full_url(), parent.get_full_url(), factories.home().get_full_url()):
        assert url in purged, url
    # The same address in the other languages, as Wagtail's purge does for language-prefixed addresses.
    assert page.get_full_url().replace("/nl/", "/da/", 1) in purged
