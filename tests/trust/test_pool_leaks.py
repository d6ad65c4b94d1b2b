"""Nothing of the mediator pool leaks: every role × every surface, each checked for every pool canary.

The same matrix as test_leak_matrix.py, on the pool's world (tests/trust/pool_canaries.py): mediator names, request
titles and descriptions, contact details, contract notes and agreements. Search, autocomplete, "did you mean", the
sitemap and the feeds show none of them to anyone; notifications and "download my data" only to their readers; each
pool page shows them to its readers and answers 404 to everyone else (a visitor may get the login page instead).
"""

import pytest
from django.db import transaction

from pool import permissions
from search import services as search_services
from tests import factories
from tests.trust.pool_canaries import (
    CANARIES,
    COLLEAGUE,
    COORDINATOR,
    LENDING_COORDINATOR,
    NETWORK_MEMBER,
    OTHER_NETWORK_MEMBER,
    POOL_MEDIATOR,
    ROLES,
    VISITOR,
    build_pool_world,
)
from tests.trust.test_leak_matrix import ALL, Cell, Surface, url

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once for the whole matrix, inside a transaction rolled back at the end."""
    with django_db_blocker.unblock(), transaction.atomic():
        built = build_pool_world()
        # A public forum group with a thread, so its feeds have something to show. (Not by a mediator: a forum
        # author's name is the forum's to show, which would say nothing here.)
        group = factories.forum_group("kanariepool-open", visibility="public")
        factories.forum_thread(group, built.users[COLLEAGUE], title="Een open vraag", body="Wie weet raad?")
        built.objects["public_group"] = group
        yield built
        transaction.set_rollback(True)


# --- the surfaces the rest of the platform offers -----------------------------------------------------------------


def search_hits(cell):
    return cell.gets(*(url("search:search") + f"?q={canary.finder}" for canary in CANARIES.values()))


def search_counts(cell):
    counted = []
    for canary in CANARIES.values():
        page = search_services.search_page(cell.user, {"q": canary.finder})
        if page.response is not None and page.response.total > 0:
            counted.append(canary.token)
    return " ".join(counted)


def autocomplete(cell):
    return cell.gets(*(url("search:autocomplete") + f"?q={canary.finder[:8]}" for canary in CANARIES.values()))


def did_you_mean(cell):
    """Asked for a misspelt finder: a suggestion of the finder would give the canary away."""
    return cell.gets(*(url("search:search") + f"?q={canary.misspelt}" for canary in CANARIES.values()))


def sitemap(cell):
    return cell.get("/sitemap.xml")


def feeds(cell):
    slug = cell.world["public_group"].slug
    return cell.gets(url("forum:feed_rss", slug=slug), url("forum:feed_atom", slug=slug), url("training:calendar"))


def notifications(cell):
    return cell.get(url("notifications:list"))


def gdpr_export(cell):
    return cell.client.post(url("accounts:my_data")).content.decode()


# --- the pool's own pages -----------------------------------------------------------------------------------------


def pool_index(cell):
    return cell.gets(url("pool:index"), url("pool:networks"), url("pool:my_profile"))


def network_pages(cell):
    return cell.gets(*(url("pool:network", slug=cell.world[n].slug) for n in ("network", "other_network")))


def ledgers(cell):
    slug = cell.world["network"].slug
    return cell.gets(url("pool:network_ledger", slug=slug), url("pool:network_ledger_csv", slug=slug))


def request_pages(cell):
    return cell.gets(*(url("pool:request", pk=cell.world[r].pk) for r in ("request", "loaned_request")))


PROFILES = ("profile", "internal_profile", "pending_profile", "danish_profile")


def profile_pages(cell):
    return cell.gets(*(url("pool:profile", pk=cell.world[p].pk) for p in PROFILES))


def organisation_mediators(cell):
    return cell.gets(
        *(url("pool:organisation_mediators", slug=cell.world[o].slug) for o in ("almere", "zeist", "odense"))
    )


def find(cell):
    return cell.get(url("pool:find"))


def external_page(cell):
    return cell.get(url("pool:external", pk=cell.world["external"].pk))


SURFACES = [
    # Outside the pool: nobody, ever (profiles and requests are never indexed, fed or mapped).
    Surface("search hits", search_hits),
    Surface("result counts", search_counts),
    Surface("autocomplete", autocomplete),
    Surface("did you mean", did_you_mean, look_for="finder"),
    Surface("sitemap.xml", sitemap),
    Surface("RSS, Atom and iCal feeds", feeds),
    Surface("in-app notifications", notifications),
    # A person's own name and address are in their export; nobody else's pool data is.
    Surface("GDPR export", gdpr_export, {"mediator_name": {POOL_MEDIATOR}, "contacts": {POOL_MEDIATOR}}),
    # The pool's pages.
    Surface("pool index, networks directory and my profile", pool_index),
    Surface(
        "network pages",
        network_pages,
        dict.fromkeys(("agreements", "request_title", "mediator_name", "danish_mediator_name"), ALL),
    ),
    Surface("network ledger and CSV", ledgers),
    # Contact details: at least the asking coordinator sees the lent mediator's on the loaned request.
    Surface(
        "request pages",
        request_pages,
        {"request_title": ALL, "request_description": ALL, "contacts": {COORDINATOR}},
    ),
    Surface(
        "mediator profiles",
        profile_pages,
        dict.fromkeys(("mediator_name", "internal_name", "pending_name", "danish_mediator_name"), ALL),
    ),
    Surface(
        "an organisation's mediators",
        organisation_mediators,
        {"internal_name": {COORDINATOR}, "pending_name": {LENDING_COORDINATOR}},
    ),
    # The network's pool (never one's own organisation's), one's own internal and external mediators.
    Surface(
        "find a mediator",
        find,
        {
            "mediator_name": {COORDINATOR, COLLEAGUE, NETWORK_MEMBER},
            "danish_mediator_name": {OTHER_NETWORK_MEMBER},
            "internal_name": ALL,
            "external_name": ALL,
        },
    ),
    Surface("external mediator", external_page, {"external_name": ALL, "contract_notes": ALL}),
]


def expected_present(surface: Surface, role: str) -> set[str]:
    present = set()
    for name, roles in surface.shows.items():
        if role in CANARIES[name].readers and (roles is ALL or role in roles):
            present.add(name)
    return present


def seen_in(text: str, look_for: str) -> set[str]:
    """Case-insensitive: a template may capitalise a name."""
    text = text.lower()
    return {name for name, canary in CANARIES.items() if getattr(canary, look_for) in text}


def _client_for(client, world, role):
    account = world.users[role]
    if account is not None:
        client.force_login(account)
    return client


@pytest.mark.parametrize("surface", SURFACES, ids=lambda surface: surface.name)
@pytest.mark.parametrize("role", ROLES)
def test_no_pool_canary_leaks_and_each_shows_where_it_belongs(world, client, role, surface):
    client = _client_for(client, world, role)
    text = surface.fetch(Cell(client=client, world=world, role=role))
    seen = seen_in(text, surface.look_for)
    may_read = {name for name, canary in CANARIES.items() if role in canary.readers}
    leaked, missing = sorted(seen - may_read), sorted(expected_present(surface, role) - seen)
    assert not leaked, f"{role} sees {leaked} on {surface.name}, which they may not read"
    assert not missing, f"{role} misses {missing} on {surface.name}, where it belongs"


# --- each page opens exactly for those its rule admits --------------------------------------------------------------

# page → (URL name, the URL's arguments from the world, the rule and the object it is about)
PAGES = {
    "network": ("pool:network", lambda w: {"slug": w["network"].slug}, permissions.READ_NETWORK, "network"),
    "other network": (
        "pool:network",
        lambda w: {"slug": w["other_network"].slug},
        permissions.READ_NETWORK,
        "other_network",
    ),
    "ledger": ("pool:network_ledger", lambda w: {"slug": w["network"].slug}, permissions.READ_NETWORK, "network"),
    "ledger CSV": (
        "pool:network_ledger_csv",
        lambda w: {"slug": w["network"].slug},
        permissions.READ_NETWORK,
        "network",
    ),
    "open request": ("pool:request", lambda w: {"pk": w["request"].pk}, permissions.READ_REQUEST, "request"),
    "loaned request": (
        "pool:request",
        lambda w: {"pk": w["loaned_request"].pk},
        permissions.READ_REQUEST,
        "loaned_request",
    ),
    **{
        f"profile: {name}": ("pool:profile", lambda w, name=name: {"pk": w[name].pk}, permissions.READ_PROFILE, name)
        for name in PROFILES
    },
    "external mediator": ("pool:external", lambda w: {"pk": w["external"].pk}, permissions.READ_EXTERNAL, "external"),
}


def _login_redirect(response) -> bool:
    return response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("role", ROLES)
def test_each_pool_page_opens_exactly_for_those_its_rule_admits(world, client, role, page):
    name, kwargs, rule, carrier = PAGES[page]
    client = _client_for(client, world, role)
    response = client.get(url(name, **kwargs(world)))
    if rule.check(world.user(role), world[carrier]):
        assert response.status_code == 200, f"{role} is refused {page}"
    elif role == VISITOR:
        assert response.status_code == 404 or _login_redirect(response), f"a visitor gets {response.status_code}"
    else:
        assert response.status_code == 404, f"{role} gets {response.status_code} on {page}"


@pytest.mark.parametrize("name", ("pool:index", "pool:find", "pool:networks"))
@pytest.mark.parametrize("role", ROLES)
def test_the_pool_pages_for_every_member_send_a_visitor_to_the_login(world, client, role, name):
    response = _client_for(client, world, role).get(url(name))
    if role == VISITOR:
        assert _login_redirect(response), f"a visitor gets {response.status_code} on {name}"
    else:
        assert response.status_code == 200, f"{role} gets {response.status_code} on {name}"
