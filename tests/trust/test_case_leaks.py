"""Nothing of a case leaks: every person who may not read it × every surface, each checked for every case canary.

The world is tests/trust/case_canaries.py: one closed Almere case with a canary in every free-text field, read only by
its handler and Almere's coordinator. Every page of the register for that case (each URL of cases/urls.py, with the
case's own ids), the register's index, search, autocomplete, "did you mean", tag pages, the sitemap, the feeds, the
pool's pages, the CMS (the platform administrator included: cases are never registered there) are free of every
canary for everyone; notifications, mails and "download my data" for everyone who may not read the case. Positive
controls prove the fetch works: the handler and the coordinator see every canary on the case page.
"""

from urllib.parse import urlsplit

import pytest
from django.db import transaction
from django.urls import URLPattern, reverse
from django.utils import translation

from cases import urls as case_urls
from tests.trust.case_canaries import (
    CANARIES,
    COORDINATOR,
    HANDLER,
    OUTSIDERS,
    ROLES,
    SHARED,
    build_case_world,
)
from tests.trust.test_leak_matrix import Cell

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once for the whole matrix, inside a transaction rolled back at the end."""
    with django_db_blocker.unblock(), transaction.atomic():
        built = build_case_world()
        yield built
        transaction.set_rollback(True)


def url(name, **kwargs) -> str:
    with translation.override("nl"):
        return reverse(name, kwargs=kwargs)


# --- every page of the register, for the canary case ----------------------------------------------------------------


def _kwargs(pattern: URLPattern, world) -> dict:
    """The URL's arguments, from the canary case and its rows."""
    case = world["case"]
    values = {
        "pk": case.pk,
        "party_pk": world["party"].pk,
        "assignment_pk": world["handler_assignment"].pk,
        "contact_pk": world["contact"].pk,
        "informal_pk": world["informal"].pk,
        "item_pk": world["item"].pk,
        "official_pk": world["official"].pk,
        "slug": world["almere"].slug,
        "language": "nl",
    }
    names = pattern.pattern.converters.keys()
    missing = set(names) - set(values)
    assert not missing, f"{pattern.name}: no value for {missing}: add it above"
    return {name: values[name] for name in names}


def case_urls_for(world, *, own_only=False) -> list[str]:
    """Every address of the register, filled in with the canary case's (and its organisation's) ids; `own_only`
    leaves out the two every member may open (the list and the registration form), which name no case."""
    found = []
    for pattern in case_urls.urlpatterns:
        if own_only and not pattern.pattern.converters:
            continue
        found.append(url(f"cases:{pattern.name}", **_kwargs(pattern, world)))
        if "language" in pattern.pattern.converters:
            found += [
                url(f"cases:{pattern.name}", **(_kwargs(pattern, world) | {"language": lang})) for lang in ["da", "en"]
            ]
    return found


def register_pages(cell):
    return cell.gets(*case_urls_for(cell.world))


# --- the rest of the platform ------------------------------------------------------------------------------------


def search_hits(cell):
    """The finders of the fields a search index would most likely hold (every field also carries SHARED, searched
    once below: a search for each of the ten finders costs seconds per role and proves no more)."""
    names = ("reference", "summary", "record")
    return cell.gets(*(url("search:search") + f"?q={CANARIES[name].finder}" for name in names))


def search_counts(cell):
    from search import services as search_services

    counted = []
    for canary in CANARIES.values():
        page = search_services.search_page(cell.user, {"q": canary.finder})
        if page.response is not None and page.response.total > 0:
            counted.append(canary.token)
    return " ".join(counted)


def shared_search(cell):
    """The word every canary shares: one search that would reach every field of the case at once."""
    return cell.get(url("search:search") + f"?q={SHARED}")


def autocomplete(cell):
    return cell.gets(url("search:autocomplete") + f"?q={SHARED[:8]}", url("search:autocomplete") + "?q=boomkikk")


def did_you_mean(cell):
    """Asked for a misspelt finder: a suggestion of the finder would give the canary away."""
    return cell.gets(*(url("search:search") + f"?q={CANARIES[name].misspelt}" for name in ("reference", "summary")))


def tag_pages(cell):
    return cell.gets(url("tags:tag", slug=SHARED), url("tags:tag", slug=CANARIES["summary"].finder))


def sitemap(cell):
    return cell.get("/sitemap.xml")


def feeds(cell):
    slug = cell.world["public_group"].slug
    return cell.gets(url("forum:feed_rss", slug=slug), url("forum:feed_atom", slug=slug), url("training:calendar"))


def pool_pages(cell):
    return cell.gets(url("pool:index"), url("pool:find"), url("pool:networks"), url("pool:my_profile"))


def measurement_pages(cell):
    """The organisation's figures: the dashboard, its CSV and report, the benchmark and the coordinators' choices,
    and the public evaluation page. Figures only: the coordinator reads them, but never a case's text."""
    slug = cell.world["almere"].slug
    names = ("dashboard", "export_csv", "report", "benchmark", "settings", "access")
    return cell.gets(
        url("measurement:index"), *(url(f"measurement:{name}", slug=slug) for name in names), url("evaluation:enter")
    )


def evaluation_codes(cell):
    """Handing out evaluation codes for the closed canary case: its readers only."""
    pk = cell.world["case"].pk
    return cell.gets(url("measurement:evaluation_codes", pk=pk), url("measurement:evaluation_slips", pk=pk))


def cms(cell):
    """The CMS: its dashboard, snippets, page search and history; the cases app registers nothing there."""
    finders = [canary.finder for canary in CANARIES.values()]
    return cell.gets(
        "/cms/",
        "/cms/snippets/",
        "/cms/reports/site-history/",
        f"/cms/pages/search/?q={SHARED}",
        *(f"/cms/pages/search/?q={finder}" for finder in finders[:2]),
    )


def notifications(cell):
    return cell.get(url("notifications:list"))


def mails(cell):
    return cell.world.mails.get(cell.role, "")


def gdpr_export(cell):
    return cell.client.post(url("accounts:my_data")).content.decode()


# Surfaces nobody ever finds a case on, the readers included.
NOWHERE = {
    "search hits": search_hits,
    "search for the shared word": shared_search,
    "result counts": search_counts,
    "autocomplete": autocomplete,
    "did you mean": did_you_mean,
    "tag pages": tag_pages,
    "sitemap.xml": sitemap,
    "RSS, Atom and iCal feeds": feeds,
    "pool pages": pool_pages,
    "measurement pages": measurement_pages,
    "CMS": cms,
}
# Surfaces that show a case (or tell about it) to its readers only.
READERS_ONLY = {
    "every page of the register for the case": register_pages,
    "evaluation codes of the case": evaluation_codes,
    "in-app notifications": notifications,
    "notification mails": mails,
    "GDPR export": gdpr_export,
}


def seen_in(text: str, look_for: str = "token") -> list[str]:
    text = text.lower()
    return sorted(name for name, canary in CANARIES.items() if getattr(canary, look_for) in text)


def _cell(client, world, role) -> Cell:
    account = world.users[role]
    if account is not None:
        client.force_login(account)
    return Cell(client=client, world=world, role=role)


@pytest.mark.parametrize("surface", NOWHERE, ids=str)
@pytest.mark.parametrize("role", ROLES)
def test_nobody_finds_a_case_outside_the_register(world, client, role, surface):
    cell = _cell(client, world, role)
    look_for = "finder" if surface == "did you mean" else "token"
    leaked = seen_in(NOWHERE[surface](cell), look_for)
    assert not leaked, f"{role} sees {leaked} on {surface}"


@pytest.mark.parametrize("surface", READERS_ONLY, ids=str)
@pytest.mark.parametrize("role", OUTSIDERS)
def test_nobody_but_its_readers_sees_anything_of_a_case(world, client, role, surface):
    cell = _cell(client, world, role)
    leaked = seen_in(READERS_ONLY[surface](cell))
    assert not leaked, f"{role} sees {leaked} on {surface}"


@pytest.mark.parametrize("role", OUTSIDERS)
def test_no_page_of_the_case_opens_for_those_who_may_not_read_it(world, client, role):
    """Not found, the login or membership page, or "method not allowed" for a POST-only address: never the page."""
    _cell(client, world, role)
    opened = {}
    for address in case_urls_for(world, own_only=True):
        response = client.get(address)
        redirected_to = urlsplit(response["Location"]).path if response.status_code == 302 else ""
        if response.status_code == 200 or "/cases/" in redirected_to:
            opened[address] = response.status_code
    assert not opened, f"{role} gets {opened}"


@pytest.mark.parametrize("role", OUTSIDERS)
def test_nobody_who_may_not_read_the_case_hands_out_its_evaluation_codes(world, client, role):
    _cell(client, world, role)
    pk = world["case"].pk
    for address in (url("measurement:evaluation_codes", pk=pk), url("measurement:evaluation_slips", pk=pk)):
        response = client.get(address)
        redirected_to = urlsplit(response["Location"]).path if response.status_code == 302 else ""
        assert response.status_code in (302, 403, 404) and "/measurement/" not in redirected_to, (address, role)


# --- positive controls: the surface works, so the negatives above can fail -------------------------------------


@pytest.mark.parametrize("role", (HANDLER, COORDINATOR))
def test_the_handler_and_the_coordinator_see_every_canary_on_the_case_page(world, client, role):
    _cell(client, world, role)
    response = client.get(url("cases:detail", pk=world["case"].pk))
    assert response.status_code == 200
    missing = sorted(set(CANARIES) - set(seen_in(response.content.decode())))
    assert not missing, f"{role} misses {missing} on the case page"


def test_the_world_has_every_canary_in_the_case(world):
    """The canaries are really in the case's fields (a rename of a field would otherwise prove nothing)."""
    case = world["case"]
    texts = " ".join(
        [case.reference, case.summary, case.record]
        + [p.description for p in case.parties.all()]
        + [f"{c.summary} {c.next_step}" for c in case.contacts.all()]
        + [f"{i.agreements} {i.actions} {i.remaining}" for i in case.informal_approaches.all()]
        + [o.mandate for o in case.officials.all()]
    )
    assert seen_in(texts) == sorted(CANARIES)
