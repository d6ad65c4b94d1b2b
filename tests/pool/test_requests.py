"""Asking a network for a mediator: the form, the request page, and who may see it at all."""

import pytest
from django.urls import reverse
from django.utils import translation

from accounts.models import Membership
from pool.models import MediatorRequest
from pool.services import requests as services
from tests import factories
from tests.pool.request_world import ask, build

pytestmark = pytest.mark.django_db

CANARY = "Kanarieverzoek-7731"


@pytest.fixture
def w():
    return build()


def form_data(w, **overrides):
    data = {
        "organisation": w.almere.pk,
        "title": "Bezwaar tegen een geweigerde vergunning",
        "conflict_kind": "citizen_government",
        "domain": "environment",
        "language": "nl",
        "urgency": "soon",
        "period_start": "2027-01-10",
        "period_end": "2027-02-10",
        "description": "Een bewoner en de afdeling vergunningen praten al maanden langs elkaar heen.",
    }
    return data | overrides


def create_url(w):
    return reverse("pool:request_create", kwargs={"slug": w.network.slug})


def test_the_coordinator_asks_the_network_and_lands_on_the_request(client, w, post):
    client.force_login(w.almere_coordinator)
    page = client.get(create_url(w))
    assert page.status_code == 200
    # Asking for one organisation only: the choice is not shown.
    assert 'type="hidden" name="organisation"' in page.content.decode()
    with translation.override("en"):
        page = client.get(reverse("pool:request_create", kwargs={"slug": w.network.slug}))
        assert "no names of citizens or colleagues" in page.content.decode().lower()
    response = post(create_url(w), form_data(w))
    mediator_request = MediatorRequest.objects.get()
    assert response.status_code == 302
    assert response.url == mediator_request.get_absolute_url()
    assert mediator_request.organisation == w.almere
    assert mediator_request.requested_by == w.almere_coordinator
    assert mediator_request.urgency == "soon"
    assert str(mediator_request.period_end) == "2027-02-10"


def test_a_member_the_organisation_allows_may_ask_and_chooses_between_organisations(client, w):
    from pool.models import Requester

    w.network.memberships.create(organisation=w.lelystad, status="active")
    Membership.objects.create(user=w.almere_member, organisation=w.lelystad, status="active")
    Requester.objects.create(organisation=w.almere, user=w.almere_member)
    Requester.objects.create(organisation=w.lelystad, user=w.almere_member)
    client.force_login(w.almere_member)
    page = client.get(create_url(w)).content.decode()
    assert '<select name="organisation"' in page
    assert "Gemeente Lelystad" in page and "Gemeente Almere" in page


def test_a_member_who_may_not_ask_gets_a_page_that_says_so(client, w):
    client.force_login(w.almere_member)
    with translation.override("en"):
        response = client.get(reverse("pool:request_create", kwargs={"slug": w.network.slug}))
    assert response.status_code == 403
    assert "Ask your coordinator" in response.content.decode()


@pytest.mark.parametrize("who", ["visitor", "outsider", "removed"])
def test_outsiders_cannot_even_find_the_form(client, w, who):
    if who != "visitor":
        client.force_login(getattr(w, who))
    assert client.get(create_url(w)).status_code == 404


def test_personal_data_stops_the_request_and_nothing_typed_is_lost(client, w):
    client.force_login(w.almere_coordinator)
    description = "Mevr. Jansen (06-12345678) is boos op de afdeling vergunningen."
    with translation.override("en"):
        url = reverse("pool:request_create", kwargs={"slug": w.network.slug})
        response = client.post(url, form_data(w, description=description, title="Conflict met dhr. Pietersen"))
    page = response.content.decode()
    assert response.status_code == 200
    assert MediatorRequest.objects.count() == 0
    assert "may contain personal data" in page
    assert "<mark>06-12345678</mark>" in page and "<mark>Pietersen</mark>" in page
    assert "Mevr. Jansen (06-12345678) is boos" in page, "the description is kept"
    assert 'value="Conflict met dhr. Pietersen"' in page
    assert 'value="2027-01-10"' in page


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"period_start": "2027-03-01", "period_end": "2027-02-01"}, "cannot be before its start"),
        ({"title": ""}, "Give the request a short subject."),
        ({"description": ""}, "Describe the conflict"),
        ({"domain": "astrology"}, "Select a valid choice"),
        ({"period_start": "not a date"}, "Enter a valid date"),
        ({"organisation": "999999"}, "You cannot ask this network on behalf of this organisation."),
    ],
)
def test_bad_input_gets_a_clear_message_and_no_request(client, w, overrides, message):
    client.force_login(w.almere_coordinator)
    with translation.override("en"):
        response = client.post(
            reverse("pool:request_create", kwargs={"slug": w.network.slug}), form_data(w, **overrides)
        )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert MediatorRequest.objects.count() == 0


def test_the_service_refuses_an_organisation_the_person_may_not_ask_for(w):
    from pool.errors import PoolError

    with pytest.raises(PoolError):
        services.create_request(
            w.network,
            w.almere_coordinator,
            organisation=w.zeist,
            title="x",
            conflict_kind="citizen_government",
            domain="taxes",
            language="nl",
            urgency="normal",
            description="x",
        )


# --- who sees a request -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("visitor", 404),
        ("outsider", 404),
        ("removed", 404),
        ("almere_member", 200),
        ("almere_coordinator", 200),
        ("zeist_mediator_user", 200),
        ("zeist_coordinator", 200),
        ("utrecht_mediator_user", 200),
    ],
)
def test_only_the_network_reads_a_request(client, w, who, status):
    mediator_request = ask(w, title=f"Verzoek {CANARY}")
    if who != "visitor":
        client.force_login(getattr(w, who))
    response = client.get(mediator_request.get_absolute_url())
    assert response.status_code == status
    assert (CANARY in response.content.decode()) is (status == 200)


def test_a_network_coordinator_outside_the_participating_organisations_reads_it(client, w):
    network_coordinator = factories.member("nina.netwerk@provincie.example")
    w.network.coordinators.add(network_coordinator)
    mediator_request = ask(w)
    client.force_login(network_coordinator)
    assert client.get(mediator_request.get_absolute_url()).status_code == 200


def test_the_request_page_shows_the_right_actions_to_each(client, w):
    mediator_request = ask(w)
    url = mediator_request.get_absolute_url()
    offer_url = reverse("pool:offer", kwargs={"pk": mediator_request.pk})
    conflict_url = reverse("pool:declare_conflict", kwargs={"pk": mediator_request.pk})
    withdraw_url = reverse("pool:request_withdraw", kwargs={"pk": mediator_request.pk})

    client.force_login(w.zeist_mediator_user)
    page = client.get(url).content.decode()
    assert offer_url in page and conflict_url in page and withdraw_url not in page

    client.force_login(w.almere_mediator_user)
    page = client.get(url).content.decode()
    assert offer_url not in page and conflict_url not in page, "never for their own organisation's case"

    client.force_login(w.almere_coordinator)
    page = client.get(url).content.decode()
    assert withdraw_url in page and offer_url not in page

    client.force_login(w.almere_member)
    page = client.get(url).content.decode()
    assert withdraw_url not in page and offer_url not in page


def test_a_visitor_withdrawing_an_offer_finds_nothing(client, w):
    offer = factories.offer(ask(w), w.zeist_mediator)
    response = client.post(reverse("pool:offer_withdraw", kwargs={"pk": offer.pk}))
    assert response.status_code == 404
    offer.refresh_from_db()
    assert offer.is_open


def test_state_changes_are_post_only(client, w):
    mediator_request = ask(w)
    client.force_login(w.zeist_mediator_user)
    for name in ("pool:offer", "pool:declare_conflict", "pool:request_withdraw"):
        assert client.get(reverse(name, kwargs={"pk": mediator_request.pk})).status_code == 405


# --- the pool's start page --------------------------------------------------------------------------------------


def test_visitors_are_asked_to_log_in_and_non_members_are_turned_away(client, w):
    response = client.get(reverse("pool:index"))
    assert response.status_code == 302 and "login" in response.url
    client.force_login(w.removed)
    assert client.get(reverse("pool:index")).status_code == 403


def test_the_start_page_shows_each_person_what_waits_for_them(client, w):
    from pool.services import requests as pool_services

    mine = ask(w, title="Ons eigen verzoek")
    offered = ask(w, title="Verzoek met een keuze")
    offer = pool_services.make_offer(offered.pk, w.zeist_mediator_user, "")
    pool_services.choose_offer(offer.pk, w.almere_coordinator)

    client.force_login(w.zeist_coordinator)
    page = client.get(reverse("pool:index")).content.decode()
    assert "Verzoek met een keuze" in page, "the loan waiting for approval"

    client.force_login(w.utrecht_mediator_user)
    page = client.get(reverse("pool:index")).content.decode()
    assert mine.get_absolute_url() in page, "a request to offer on"
    assert reverse("pool:request_create", kwargs={"slug": w.network.slug}) not in page

    client.force_login(w.almere_member)
    page = client.get(reverse("pool:index")).content.decode()
    assert "Ons eigen verzoek" in page, "the organisation's requests and their states"
    assert reverse("pool:request_create", kwargs={"slug": w.network.slug}) not in page

    client.force_login(w.almere_coordinator)
    page = client.get(reverse("pool:index")).content.decode()
    assert reverse("pool:request_create", kwargs={"slug": w.network.slug}) in page

    pool_services.approve_offer(offer.pk, w.zeist_coordinator)
    client.force_login(w.zeist_mediator_user)
    with translation.override("en"):
        page = client.get(reverse("pool:index")).content.decode()
    assert "Loans waiting for the hours" in page and "Verzoek met een keuze" in page


def test_a_coordinator_sees_colleagues_waiting_for_the_lending_confirmation(client, w):
    waiting = factories.mediator(organisation=w.zeist_mediator.organisation, consent="pending")
    name = str(waiting)
    client.force_login(w.zeist_coordinator)
    with translation.override("en"):
        page = client.get(reverse("pool:index")).content.decode()
    assert "Colleagues waiting for your confirmation" in page and name in page
    client.force_login(w.almere_coordinator)
    assert name not in client.get(reverse("pool:index")).content.decode()


def _busy_world(w, number):
    from pool.services import requests as pool_services

    for n in range(number):
        mediator_request = ask(w, title=f"Verzoek {n}")
        pool_services.make_offer(mediator_request.pk, w.utrecht_mediator_user, "")
        offer = pool_services.make_offer(mediator_request.pk, w.zeist_mediator_user, "")
        if n % 2:
            pool_services.choose_offer(offer.pk, w.almere_coordinator)
            pool_services.approve_offer(offer.pk, w.zeist_coordinator)
        else:
            factories.mediator_request(w.network, w.utrecht_coordinator, title=f"Utrecht {n}")


@pytest.mark.parametrize("who", ["almere_coordinator", "zeist_mediator_user", "zeist_coordinator"])
def test_the_start_page_takes_a_fixed_number_of_queries(client, w, who, django_assert_max_num_queries):
    w.zeist_mediator.capacity_per_quarter = 20
    w.zeist_mediator.save()
    client.force_login(getattr(w, who))
    _busy_world(w, 2)
    # 21: the page's own, plus what every page asks (the main navigation asks once whether the person reads a
    # dashboard); the point is the second count below, which must not grow with the requests and offers.
    with django_assert_max_num_queries(21) as few:
        client.get(reverse("pool:index"))
    _busy_world(w, 8)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(reverse("pool:index")).status_code == 200


def _offers_from_many_mediators(w, mediator_request, number):
    from pool.services import requests as pool_services

    for n in range(number):
        colleague = factories.member(f"mediator{n}.{mediator_request.pk}@utrecht.example", organisation=w.utrecht)
        factories.mediator(colleague, organisation=w.utrecht)
        pool_services.make_offer(mediator_request.pk, colleague, "")


@pytest.mark.parametrize("who", ["almere_coordinator", "utrecht_mediator_user"])
def test_a_request_page_takes_the_same_queries_with_many_offers(client, w, who, django_assert_max_num_queries):
    few_offers, many_offers = ask(w, title="Weinig"), ask(w, title="Veel")
    _offers_from_many_mediators(w, few_offers, 2)
    _offers_from_many_mediators(w, many_offers, 12)
    client.force_login(getattr(w, who))
    with django_assert_max_num_queries(30) as few:
        assert client.get(reverse("pool:request", args=[few_offers.pk])).status_code == 200
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(reverse("pool:request", args=[many_offers.pk])).status_code == 200


def test_members_see_the_pool_in_the_main_navigation_visitors_do_not(client, w):
    with translation.override("en"):
        assert ">Mediators<" not in client.get("/en/").content.decode()
        client.force_login(w.almere_member)
        assert ">Mediators<" in client.get("/en/").content.decode()
        client.force_login(w.removed)
        assert ">Mediators<" not in client.get("/en/").content.decode()
