"""Nothing private leaks, anywhere, to anyone: every role × every surface, each checked for every canary.

One table (SURFACES) says how to fetch a surface and which canaries belong on it. Every cell asserts both ways:
a canary the role may not read is absent, and a canary the role may read is present where it belongs, so a surface
that silently stopped showing anything fails too (the "public" canary is read by everyone for that reason).
Adding a surface is one line in the table.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import translation

from protocols.models import PublishedVersion
from search import services as search_services
from tests.trust.canaries import (
    CANARIES,
    GROUP_MEMBER,
    MEMBER,
    PASSWORD,
    PENDING,
    ROLES,
    SEARCHABLE,
    SHARED,
    SITE_MODERATOR,
    TAGGED,
    UNVERIFIED,
    World,
    build_world,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once for the whole matrix, inside a transaction that is rolled back at the end (each test runs in a
    savepoint within it)."""
    with django_db_blocker.unblock(), transaction.atomic():
        built = build_world()
        yield built
        transaction.set_rollback(True)


@dataclass
class Cell:
    client: object
    world: World
    role: str

    @property
    def user(self):
        return self.world.user(self.role)

    def get(self, url, **extra) -> str:
        return self.client.get(url, **extra).content.decode()

    def gets(self, *urls) -> str:
        return "\n".join(self.get(url) for url in urls)


def url(name, **kwargs) -> str:
    with translation.override("nl"):
        return reverse(name, kwargs=kwargs)


# --- how each surface is fetched ----------------------------------------------------------------------------------


def pages(cell):
    return cell.gets(cell.world["members_page"].url, cell.world["public_page"].url)


def protocol_pages(cell):
    return cell.gets(cell.world["members_protocol"].url, cell.world["public_protocol"].url)


def protocol_view(name):
    def fetch(cell):
        return cell.gets(*(url(name, page_id=cell.world[p].pk) for p in ("members_protocol", "public_protocol")))

    return fetch


def protocol_compare(cell):
    texts = []
    for name in ("members_protocol", "public_protocol"):
        page = cell.world[name]
        old, new = PublishedVersion.objects.filter(page=page).order_by("published_at", "pk")[:2]
        texts.append(
            cell.get(url("protocols:compare", page_id=page.pk) + f"?from={old.revision_id}&to={new.revision_id}")
        )
    return "\n".join(texts)


def checklists(cell):
    return cell.gets(
        *(
            url("protocols:checklist", page_id=cell.world[p].pk, run_id=cell.world[f"{p}_run"].pk)
            for p in ("members_protocol", "public_protocol")
        )
    )


def discuss_members_page(cell):
    return cell.client.get(
        url("forum:discuss_page", page_id=cell.world["members_page"].pk), follow=True
    ).content.decode()


def new_thread_about_members_page(cell):
    return cell.get(
        url("forum:new_thread", slug=cell.world["public_group"].slug) + f"?page={cell.world['members_page'].pk}"
    )


def indexes(cell):
    from knowledge.experiences.models import ExperienceIndexPage
    from knowledge.training.models import TrainingIndexPage
    from protocols.models import ProtocolIndexPage

    found = [
        model.objects.live().filter(locale__language_code="nl").first()
        for model in (ProtocolIndexPage, ExperienceIndexPage, TrainingIndexPage)
    ]
    return cell.gets("/nl/", *(page.url for page in found if page is not None), cell.world["module"].url)


def forum_lists(cell):
    groups = ("public_group", "platform_group", "private_group", "turned_group")
    return cell.gets(url("forum:index"), *(url("forum:group", slug=cell.world[g].slug) for g in groups))


def threads(cell):
    names = ("public_thread", "platform_thread", "private_thread", "hidden_thread", "formerly_platform")
    return cell.gets(*(url("forum:thread", pk=cell.world[t].pk) for t in names))


def post_permalinks(cell):
    posts = ("held_post", "hidden_post", "private_reply")
    return "\n".join(
        cell.client.get(url("forum:post", pk=cell.world[p].pk), follow=True).content.decode() for p in posts
    )


def post_histories(cell):
    return cell.gets(*(url("forum:post_history", pk=cell.world[p].pk) for p in ("held_post", "hidden_post")))


def feeds(cell):
    groups = ("public_group", "platform_group", "private_group")
    return cell.gets(*(url(f"forum:feed_{kind}", slug=cell.world[g].slug) for g in groups for kind in ("rss", "atom")))


def search_hits(cell):
    return cell.gets(*(url("search:search") + f"?q={canary.finder}" for canary in CANARIES.values()))


def search_counts(cell):
    """The number of results, as the search service reports it: a canary's token for each finder that counts."""
    counted = []
    for canary in CANARIES.values():
        page = search_services.search_page(cell.user if cell.user else _anonymous(), {"q": canary.finder})
        if page.response is not None and page.response.total > 0:
            counted.append(canary.token)
    return " ".join(counted)


def facets(cell):
    page = search_services.search_page(cell.user if cell.user else _anonymous(), {"q": SHARED})
    values = [f"{v.value} {v.label} {v.count}" for group in page.response.facets.values() for v in group]
    return " ".join(values) + "\n" + cell.get(url("search:search") + f"?q={SHARED}")


def autocomplete(cell):
    return cell.gets(*(url("search:autocomplete") + f"?q={canary.finder[:8]}" for canary in CANARIES.values()))


def did_you_mean(cell):
    return cell.gets(*(url("search:search") + f"?q={canary.misspelt}" for canary in CANARIES.values()))


def did_you_mean_oracle(cell):
    """A search for a canary's own word: the token stands for "answered as if the word exists" (results, or no
    suggestion of the public decoy), which only a reader may be told."""
    answered = []
    for canary in CANARIES.values():
        if canary.name != "public" and canary.decoy not in cell.get(url("search:search") + f"?q={canary.finder}"):
            answered.append(canary.token)
    return " ".join(answered)


def tag_pages(cell):
    return cell.gets(*(url("tags:tag", slug=CANARIES[name].finder) for name in TAGGED))


def sitemap(cell):
    return cell.get("/sitemap.xml")


def notifications(cell):
    return cell.get(url("notifications:list"))


def mails(cell):
    return cell.world.mails.get(cell.role, "")


def gdpr_export(cell):
    return cell.client.post(url("accounts:my_data")).content.decode()


def worksheets(cell):
    pk = cell.world["worksheet"].pk
    return cell.gets(
        url("dilemmas:list"),
        url("dilemmas:worksheet", pk=pk),
        url("dilemmas:memo", pk=pk),
        url("dilemmas:sharing", pk=pk),
    )


def experience_submissions(cell):
    pk = cell.world["pending_experience"].pk
    return cell.gets(
        url("experiences:moderation"),
        url("experiences:review", pk=pk),
        url("experiences:submission", pk=pk),
        url("experiences:my_contributions"),
    )


def forum_moderation(cell):
    return cell.gets(url("forum_moderation:queue"))


def enrolments(cell):
    return cell.gets(
        url("training:enrolment", pk=cell.world["enrolment"].pk),
        url("training:my_trainings"),
        url("training:session_enrol", pk=cell.world["session"].pk),
    )


def calendars(cell):
    session, module = cell.world["session"], cell.world["module"]
    return cell.gets(
        url("training:calendar"),
        url("training:module_calendar", pk=module.pk),
        url("training:session_calendar", pk=session.pk),
    )


def _anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


# --- the table ----------------------------------------------------------------------------------------------------

ALL = None  # every role that may read the canary


@dataclass(frozen=True)
class Surface:
    name: str
    fetch: Callable[[Cell], str]
    # Canaries that belong here: each is expected for the roles given (ALL: every reader of the canary).
    shows: dict = field(default_factory=dict)
    # What to look for in the response: the canary's "token", or its "finder" where the token is what was asked.
    look_for: str = "token"


SURFACES = [
    Surface("page", pages, {"public": ALL, "members_page": ALL}),
    Surface("protocol page", protocol_pages, {"public": ALL, "members_protocol": ALL}),
    Surface("protocol print", protocol_view("protocols:print"), {"public": ALL, "members_protocol": ALL}),
    Surface("protocol history", protocol_view("protocols:history"), {"public": ALL, "members_protocol": ALL}),
    Surface("protocol diff", protocol_compare, {"public": ALL, "members_protocol": ALL}),
    Surface("protocol checklist", checklists, {"public": {MEMBER}, "members_protocol": {MEMBER}}),
    Surface("discuss a page in the forum", discuss_members_page, {"members_page": ALL}),
    Surface("new thread about a page", new_thread_about_members_page, {"members_page": ALL}),
    Surface("indexes and catalogue", indexes, {"public": ALL}),
    Surface(
        "forum index and thread lists",
        forum_lists,
        dict.fromkeys(("public", "platform_thread", "private_thread", "formerly_platform", "hidden_thread"), ALL),
    ),
    Surface(
        "thread pages",
        threads,
        {
            **dict.fromkeys(("public", "platform_thread", "private_thread", "private_reply", "formerly_platform"), ALL),
            **dict.fromkeys(("held_post", "hidden_post", "hidden_thread"), ALL),
        },
    ),
    Surface("post links", post_permalinks, {"held_post": ALL, "hidden_post": ALL, "private_reply": ALL}),
    Surface("post history", post_histories),
    Surface("RSS and Atom feeds", feeds, {"public": ALL}),
    Surface("search hits", search_hits, dict.fromkeys(SEARCHABLE, ALL)),
    Surface("result counts", search_counts, dict.fromkeys(SEARCHABLE, ALL)),
    Surface("facets", facets, dict.fromkeys(TAGGED, ALL), look_for="finder"),
    Surface("autocomplete", autocomplete, dict.fromkeys(set(SEARCHABLE) - {"private_reply"}, ALL)),
    Surface("did you mean", did_you_mean, dict.fromkeys(SEARCHABLE, ALL), look_for="finder"),
    Surface("did you mean: known words", did_you_mean_oracle, dict.fromkeys(set(SEARCHABLE) - {"public"}, ALL)),
    Surface("tag pages", tag_pages, dict.fromkeys(TAGGED, ALL)),
    Surface("sitemap.xml", sitemap, {"public": ALL}, look_for="finder"),
    Surface(
        "in-app notifications",
        notifications,
        {"private_thread": {GROUP_MEMBER}, "private_reply": {GROUP_MEMBER}, "held_post": {SITE_MODERATOR}},
    ),
    Surface(
        "notification mails and digests",
        mails,
        {
            "private_thread": {GROUP_MEMBER},
            "private_reply": {GROUP_MEMBER},
            "held_post": {SITE_MODERATOR},
            "meeting_link": {MEMBER},
        },
    ),
    Surface("GDPR export", gdpr_export, {"worksheet": {MEMBER}, "worksheet_comment": {GROUP_MEMBER}}),
    Surface("worksheets", worksheets, {"worksheet": ALL, "worksheet_comment": ALL}),
    Surface("experience submissions", experience_submissions, {"pending_experience": ALL}),
    Surface("forum review queue", forum_moderation, {"held_post": ALL}),
    Surface("enrolment", enrolments, {"meeting_link": ALL}),
    Surface("iCal feeds", calendars),
]


def expected_present(surface: Surface, role: str) -> set[str]:
    present = set()
    for name, roles in surface.shows.items():
        readers = CANARIES[name].readers
        if role in readers and (roles is ALL or role in roles):
            present.add(name)
    return present


def seen_in(text: str, look_for: str) -> set[str]:
    return {name for name, canary in CANARIES.items() if getattr(canary, look_for) in text}


@pytest.mark.parametrize("surface", SURFACES, ids=lambda surface: surface.name)
@pytest.mark.parametrize("role", ROLES)
def test_no_canary_leaks_and_each_shows_where_it_belongs(world, client, role, surface):
    account = world.users[role]
    if account is not None:
        client.force_login(account)
    text = surface.fetch(Cell(client=client, world=world, role=role))
    seen = seen_in(text, surface.look_for)
    may_read = {name for name, canary in CANARIES.items() if role in canary.readers}
    leaked, missing = sorted(seen - may_read), sorted(expected_present(surface, role) - seen)
    assert not leaked, f"{role} sees {leaked} on {surface.name}, which they may not read"
    assert not missing, f"{role} misses {missing} on {surface.name}, where it belongs"


# --- the real login paths ------------------------------------------------------------------------------------------

LOGIN_PATHS = {
    "platform login": "/nl/accounts/login/",
    "Wagtail front-end login": "/nl/_util/login/",
    "CMS login": "/cms/login/",
}
MEMBERS_ONLY_SURFACES = [s for s in SURFACES if s.name in ("page", "protocol page", "search hits", "thread pages")]


@pytest.mark.parametrize("surface", MEMBERS_ONLY_SURFACES, ids=lambda surface: surface.name)
@pytest.mark.parametrize("path", LOGIN_PATHS.values(), ids=LOGIN_PATHS.keys())
@pytest.mark.parametrize("role", (UNVERIFIED, PENDING))
def test_no_login_path_lets_a_non_member_read_members_content(world, client, role, path, surface):
    next_url = world["members_page"].url
    client.post(
        f"{path}?next={next_url}", {"username": world.users[role].email, "password": PASSWORD, "next": next_url}
    )
    text = surface.fetch(Cell(client=client, world=world, role=role))
    may_read = {name for name, canary in CANARIES.items() if role in canary.readers}
    leaked = sorted(seen_in(text, surface.look_for) - may_read)
    assert not leaked, f"{role}, after trying {path}, sees {leaked} on {surface.name}"


def test_a_member_logging_in_on_the_platform_reads_members_content(world, client):
    next_url = world["members_page"].url
    response = client.post(
        f"{LOGIN_PATHS['platform login']}?next={next_url}",
        {"username": world.users[MEMBER].email, "password": PASSWORD, "next": next_url},
    )
    assert response.status_code == 302
    assert CANARIES["members_page"].token in client.get(next_url).content.decode()
