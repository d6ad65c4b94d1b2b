"""Find a mediator: who shows for whom, the filters, conflict of interest, and the suitability aid's way in."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from tests import factories

pytestmark = pytest.mark.django_db

FIND = reverse("pool:find")


@pytest.fixture
def world(db):
    """Almere and Zeist share a network; Aarhus is in another one. Each has mediators of every kind."""
    almere = factories.OrganisationFactory(name="Almere")
    zeist = factories.OrganisationFactory(name="Zeist")
    aarhus = factories.OrganisationFactory(name="Aarhus")
    factories.network("Regio Midden", organisations=[almere, zeist])
    factories.network("Jylland", organisations=[aarhus])

    def person(organisation, first, last):
        return factories.member(organisation=organisation, first_name=first, last_name=last)

    return {
        "almere": almere,
        "zeist": zeist,
        "aarhus": aarhus,
        "asker": factories.coordinator(organisation=almere, first_name="Anna", last_name="Asker"),
        "almere_internal": factories.mediator(
            person(almere, "Ida", "Intern"), kind="internal", consent="not_asked", expertise=[("domain", "hr")]
        ),
        "almere_pool": factories.mediator(
            person(almere, "Pim", "Eigenpool"), kind="pool", expertise=[("domain", "hr"), ("language", "nl")]
        ),
        "zeist_pool": factories.mediator(
            person(zeist, "Zora", "Zeister"),
            kind="both",
            region="Utrecht",
            expertise=[("domain", "hr"), ("conflict", "employer_employee"), ("language", "nl")],
        ),
        "zeist_pending": factories.mediator(person(zeist, "Piet", "Wachtend"), kind="pool", consent="pending"),
        "zeist_internal": factories.mediator(person(zeist, "Inge", "Zeistintern"), kind="internal"),
        "aarhus_pool": factories.mediator(person(aarhus, "Aksel", "Aarhusen"), kind="pool"),
        "almere_external": factories.external_mediator(
            almere, "Extern Bureau Flevo", firm="Flevo Mediation", expertise=[("domain", "taxes")]
        ),
        "zeist_external": factories.external_mediator(zeist, "Extern Bureau Zeist"),
    }


def names(response) -> list[str]:
    return [result.name for result in response.context["page_obj"].object_list]


def test_a_visitor_is_sent_to_log_in_and_sees_no_name(client, world):
    response = client.get(FIND + "?kind=pool", follow=True)
    html = response.content.decode()
    assert response.redirect_chain[0][0].startswith(reverse("accounts:login"))
    for last in ("Intern", "Zeister", "Aarhusen", "Extern Bureau"):
        assert last not in html


def test_a_member_sees_own_internal_the_networks_pool_and_own_externals(as_user, world):
    response = as_user(world["asker"]).get(FIND)
    assert response.status_code == 200
    found = names(response)
    assert found == ["Ida Intern", "Zora Zeister", "Extern Bureau Flevo"]
    kinds = [result.kind for result in response.context["page_obj"].object_list]
    assert kinds == ["internal", "pool", "external"]


def test_a_pool_mediator_of_the_own_organisation_is_never_proposed(as_user, world):
    """Conflict of interest: Pim is in the pool, but for Almere's own cases he is not independent."""
    for kind in ("", "pool"):
        assert "Pim Eigenpool" not in names(as_user(world["asker"]).get(FIND, {"kind": kind}))
    # Zeist's members do see him, as a pool mediator from Almere.
    zeist_member = factories.member(organisation=world["zeist"])
    assert "Pim Eigenpool" in names(as_user(zeist_member).get(FIND, {"kind": "pool"}))


def test_pool_mediators_waiting_for_consent_or_outside_the_networks_do_not_show(as_user, world):
    found = names(as_user(world["asker"]).get(FIND, {"kind": "pool"}))
    assert found == ["Zora Zeister"]


def test_a_network_that_ended_shows_no_pool(as_user, world):
    world["zeist"].network_memberships.update(status="left")
    assert names(as_user(world["asker"]).get(FIND, {"kind": "pool"})) == []


def test_another_organisation_s_internal_and_external_mediators_never_show(as_user, world):
    found = names(as_user(world["asker"]).get(FIND))
    assert "Inge Zeistintern" not in found and "Extern Bureau Zeist" not in found


def test_each_result_is_labelled_with_its_kind_and_network(as_user, world):
    with translation.override("en"):
        html = as_user(world["asker"]).get("/en/pool/find/").content.decode()
    assert "Internal mediator" in html and "Regional pool" in html and "External mediator" in html
    assert "network: Regio Midden" in html
    assert reverse("pool:profile", args=[world["zeist_pool"].pk]).replace("/nl/", "/en/") in html
    assert reverse("pool:external", args=[world["almere_external"].pk]).replace("/nl/", "/en/") in html


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"kind": "internal"}, ["Ida Intern"]),
        ({"kind": "external"}, ["Extern Bureau Flevo"]),
        ({"domain": "hr"}, ["Ida Intern", "Zora Zeister"]),
        ({"domain": "taxes"}, ["Extern Bureau Flevo"]),
        ({"conflict": "employer_employee"}, ["Zora Zeister"]),
        ({"domain": "hr", "language": "nl"}, ["Zora Zeister"]),
        ({"region": "utre"}, ["Zora Zeister"]),
        ({"kind": "pool", "language": "da"}, []),
    ],
)
def test_the_filters_narrow_the_list(as_user, world, filters, expected):
    assert names(as_user(world["asker"]).get(FIND, filters)) == expected


def test_available_now_leaves_out_who_is_away(as_user, world):
    later = timezone.localdate() + timedelta(days=30)
    world["zeist_pool"].available_from = later
    world["zeist_pool"].save()
    client = as_user(world["asker"])
    assert "Zora Zeister" not in names(client.get(FIND, {"available": "on"}))
    with translation.override("en"):
        html = client.get("/en/pool/find/", {"kind": "pool"}).content.decode()
    assert "Not before" in html


def test_an_unknown_filter_value_is_reported_and_the_rest_applies(as_user, world):
    response = as_user(world["asker"]).get(FIND, {"domain": "astrology", "kind": "internal"})
    assert response.status_code == 200
    assert response.context["form"].errors["domain"]
    assert names(response) == ["Ida Intern"]


def test_an_empty_result_suggests_what_to_try_and_lets_a_coordinator_ask_the_network(as_user, world):
    network = world["almere"].network_memberships.get().network
    with translation.override("en"):
        html = as_user(world["asker"]).get("/en/pool/find/", {"language": "ar"}).content.decode()
    assert "No mediator matches these filters." in html
    assert f"/en/pool/networks/{network.slug}/ask/" in html


def test_an_empty_result_offers_no_asking_to_a_member_who_may_not_ask(as_user, world):
    member = factories.member(organisation=world["almere"])
    html = as_user(member).get(FIND, {"language": "ar"}).content.decode()
    assert "/ask/" not in html


def test_the_list_does_not_grow_in_queries_with_more_mediators(as_user, world, django_assert_max_num_queries):
    client = as_user(world["asker"])
    with django_assert_max_num_queries(30) as few:
        client.get(FIND)
    for number in range(25):
        user = factories.member(organisation=world["zeist"])
        factories.mediator(user, kind="both", expertise=[("domain", "hr"), ("language", "nl")])
        factories.external_mediator(world["almere"], f"Bureau {number}", expertise=[("domain", "hr")])
        factories.mediator(factories.member(organisation=world["almere"]), kind="internal")
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(FIND, {"domain": "hr"})
    assert response.context["count"] > 30


def test_a_long_list_is_paged(as_user, world):
    for number in range(25):
        factories.external_mediator(world["almere"], f"Bureau {number:02}")
    client = as_user(world["asker"])
    first = client.get(FIND, {"kind": "external"})
    assert len(names(first)) == 20
    second = client.get(FIND, {"kind": "external", "page": "2"})
    assert len(names(second)) == 6
    assert "?kind=external&amp;page=2" in first.content.decode()


# --- the suitability aid's way in ---------------------------------------------------------------------------------

NEUTRAL = {
    "setting": "objection",
    "initiative": "one",
    "willing": "yes",
    "core": "relation",
    "sensitive": "no",
    "financial": "no",
    "internal_mediator": "yes",
    "lawyer": "no",
}


@pytest.mark.parametrize(
    ("changes", "kind", "conflict"),
    [
        ({"internal_mediator": "no"}, "pool", "citizen_government"),
        ({"setting": "complaint"}, "internal", "citizen_government"),
        ({"setting": "workplace"}, "internal", "employer_employee"),
        ({"setting": "organisations"}, "pool", "between_organisations"),
        ({"sensitive": "yes"}, "external", "citizen_government"),
    ],
)
def test_the_suitability_advice_links_to_the_list_filtered_by_kind_and_conflict(client, changes, kind, conflict):
    response = client.get(reverse("protocols:suitability"), {**NEUTRAL, **changes})
    assert response.context["evaluation"].outcome == kind
    assert f'href="{FIND}?kind={kind}&amp;conflict={conflict}"' in response.content.decode()


def test_an_advice_without_a_mediator_has_no_link(client):
    response = client.get(reverse("protocols:suitability"), {**NEUTRAL, "willing": "no"})
    assert FIND not in response.content.decode()


def test_a_visitor_following_the_advice_lands_on_the_filtered_list_after_logging_in(client, world):
    advice = client.get(
        reverse("protocols:suitability"), {**NEUTRAL, "internal_mediator": "no", "setting": "workplace"}
    )
    link = f"{FIND}?kind=pool&conflict=employer_employee"
    assert link.replace("&", "&amp;") in advice.content.decode()
    response = client.get(link)
    login_url = response["Location"]
    assert login_url.startswith(reverse("accounts:login"))
    page = client.get(login_url)
    assert page.status_code == 200
    user = world["asker"]
    response = client.post(login_url, {"username": user.email, "password": factories.PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == link
    assert names(response) == ["Zora Zeister"]
