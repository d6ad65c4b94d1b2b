"""Thread pages stay cheap as threads grow; feeds; "discuss in the forum"; Danish."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page

from forum import services
from forum.models import Post, PostStatus, Thread, ThreadPseudonym
from tests import factories

pytestmark = pytest.mark.django_db


def _thread_with(group, people, count):
    thread = services.create_thread(group, people["group_member"], title=f"Draad {count}", body_markdown="Start")
    authors = [people["group_member"], people["other_member"], people["group_moderator"]]
    now = timezone.now()
    posts = []
    for i in range(count - 1):
        author = authors[i % 3]
        pseudonymous = i % 5 == 0 and author == people["other_member"]
        posts.append(
            Post(
                thread=thread,
                author=author,
                is_pseudonymous=pseudonymous,
                body_markdown=f"Reactie {i}",
                body_html=f"<p>Reactie {i}</p>",
                status=PostStatus.PUBLISHED,
                created_at=now,
            )
        )
    Post.objects.bulk_create(posts)
    ThreadPseudonym.objects.get_or_create(thread=thread, user=people["other_member"], defaults={"number": 1})
    services.refresh_thread_stats(thread)
    return thread


def _queries_for(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_a_thread_page_needs_the_same_number_of_queries_with_10_or_1000_posts(client, people, make_group):
    group = make_group(
        "lang",
        allow_pseudonyms=True,
        members=[people["group_member"], people["other_member"]],
        moderators=[people["group_moderator"]],
    )
    short, long = _thread_with(group, people, 10), _thread_with(group, people, 1000)
    client.force_login(people["group_member"])
    for thread in (short, long):
        client.get(thread.get_absolute_url())  # first visit: the read marker is created
    # The last page of each (10 posts: page 1; 1,000 posts: page 50), on a repeat visit.
    queries_short = _queries_for(client, short.get_absolute_url())
    queries_long = _queries_for(client, long.get_absolute_url() + "?page=50")
    assert queries_short == queries_long
    assert queries_long <= 30


def test_a_group_page_needs_the_same_number_of_queries_with_few_or_many_threads(client, people, make_group):
    groups = []
    for slug, count in (("weinig", 2), ("veel", 40)):
        group = make_group(slug, allow_pseudonyms=True, members=[people["group_member"], people["other_member"]])
        for i in range(count):
            thread = services.create_thread(
                group, people["other_member"], title=f"Draad {i}", body_markdown="Start", pseudonymous=i % 2 == 0
            )
            # Move earlier posts out of the rate-limit window: this test is about queries, not about limits.
            Post.objects.filter(author=people["other_member"]).update(created_at=timezone.now() - timedelta(hours=1))
            services.reply(thread, people["group_member"], "Antwoord")
            Post.objects.filter(author=people["group_member"]).update(created_at=timezone.now() - timedelta(hours=1))
        groups.append(group)
    client.force_login(people["group_member"])
    few, many = (_queries_for(client, group.get_absolute_url()) for group in groups)
    assert few == many


def test_a_public_group_has_rss_and_atom_feeds_of_its_threads(client, people, public_group):
    services.create_thread(public_group, people["group_member"], title="Openbare draad", body_markdown="Inhoud")
    rss = client.get(f"/nl/forum/groups/{public_group.slug}/feed/rss/")
    atom = client.get(f"/nl/forum/groups/{public_group.slug}/feed/atom/")
    assert rss.status_code == 200 and "Openbare draad" in rss.content.decode()
    assert atom.status_code == 200 and "<feed" in atom.content.decode()


def test_platform_groups_have_no_feed(client, people, make_group):
    group = make_group("platform-feed", visibility="platform", members=[people["group_member"]])
    services.create_thread(group, people["group_member"], title="Niet in een feed", body_markdown="Inhoud")
    assert client.get(f"/nl/forum/groups/{group.slug}/feed/rss/").status_code == 404


def test_discuss_a_page_offers_the_groups_and_links_the_new_thread(post, client, people, public_group):
    page = Page.objects.live().filter(depth__gt=2).first()
    client.force_login(people["group_member"])
    response = client.get(f"/nl/forum/discuss/page/{page.pk}/")
    assert response.status_code == 200
    assert f"/nl/forum/groups/{public_group.slug}/new/?page={page.pk}" in response.content.decode()
    form = client.get(f"/nl/forum/groups/{public_group.slug}/new/?page={page.pk}").content.decode()
    assert page.title in form
    post(
        f"/nl/forum/groups/{public_group.slug}/new/",
        {"template": "free", "title": "Over deze pagina", "body": "Wat vinden jullie?", "related_page": page.pk},
    )
    thread = Thread.objects.get(title="Over deze pagina")
    assert thread.related_page_id == page.pk
    response = client.get(f"/nl/forum/discuss/page/{page.pk}/")
    assert response.status_code == 302 and response["Location"] == thread.get_absolute_url()


def test_discussing_a_page_never_leads_an_outsider_into_a_private_thread(client, people, private_group):
    page = Page.objects.live().filter(depth__gt=2).first()
    services.create_thread(
        private_group, people["group_member"], title="Besloten over pagina", body_markdown="X", related_page=page
    )
    client.force_login(people["platform_member"])
    response = client.get(f"/nl/forum/discuss/page/{page.pk}/")
    assert response.status_code == 200
    assert "Besloten over pagina" not in response.content.decode()


@pytest.mark.usefixtures("demo")  # the demo's Danish group and its thread
def test_the_danish_forum(client):
    from accounts.models import User

    client.force_login(User.objects.get(email="medlem@kk.example"))
    group_page = client.get("/da/forum/groups/maegling-i-kommunerne/").content.decode()
    assert "Mægling i kommunerne" in group_page
    assert "Start en tråd" in group_page
    thread = Thread.objects.get(group__slug="maegling-i-kommunerne")
    assert "Svar" in client.get(f"/da/forum/threads/{thread.pk}/").content.decode()


def test_a_pseudonym_in_danish(client, people, make_group):
    group = make_group("dansk", language="da", allow_pseudonyms=True, members=[people["group_member"]])
    thread = services.create_thread(
        group, people["group_member"], title="Sag", body_markdown="Tekst", pseudonymous=True
    )
    client.force_login(people["group_member"])
    assert "Deltager 1" in client.get(f"/da/forum/threads/{thread.pk}/").content.decode()


def test_administrators_manage_groups_and_group_moderators_in_the_cms(client):
    factories.forum_group(name="Intervisie regio Eemland", visibility="private")
    client.force_login(factories.superuser("admin@kennisplatform.example"))
    assert "Intervisie regio Eemland" in client.get("/cms/forum_groups/").content.decode()
    assert client.get("/cms/forum_group_members/").status_code == 200
