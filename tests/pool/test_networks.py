"""Regional networks: the directory, a network's page, joining and deciding, the agreements.

A network's pages are its members' business: anyone else, a visitor included, gets a 404. Organisations ask to join
through their coordinators and a network coordinator decides; the agreements are Markdown through the sanitiser.
"""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import Membership
from pool.choices import NetworkMembershipStatus
from pool.errors import PoolError
from pool.models import Loan, Network, NetworkMembership
from pool.services import networks as services
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english(_default_language):
    """The pages in English (URLs reversed as /en/…): the strings asserted are the msgids themselves."""
    translation.activate("en")


@pytest.fixture
def world():
    """Almere and Zeist in "Regio Midden" (coordinated by Nina of Zeist), Aarhus in a Danish network, Lelystad in
    none. Mira of Zeist is a pool mediator; Rob left Almere."""
    almere = factories.OrganisationFactory(name="Gemeente Almere", slug="almere", region="Flevoland")
    zeist = factories.OrganisationFactory(name="Gemeente Zeist", slug="zeist", region="Utrecht")
    aarhus = factories.OrganisationFactory(name="Aarhus Kommune", slug="aarhus", country="DK", region="Midtjylland")
    lelystad = factories.OrganisationFactory(name="Gemeente Lelystad", slug="lelystad", region="Flevoland")
    nina = factories.member("nina@zeist.example", organisation=zeist, first_name="Nina", last_name="Netwerk")
    midden = factories.network(
        "Regio Midden",
        slug="regio-midden",
        organisations=[almere, zeist],
        coordinators=[nina],
        description="Zeven gemeenten lenen elkaar mediators.",
    )
    jylland = factories.network("Netværk Jylland", slug="jylland", organisations=[aarhus])
    rob = factories.member("rob@almere.example", organisation=almere)
    Membership.objects.filter(user=rob).update(status=Membership.Status.REMOVED)
    people = {
        "almere_member": factories.member("anna@almere.example", organisation=almere),
        "almere_coordinator": factories.coordinator("carla@almere.example", organisation=almere),
        "zeist_mediator": factories.member("mira@zeist.example", organisation=zeist, first_name="Mira"),
        "network_coordinator": nina,
        "aarhus_member": factories.member("ane@aarhus.example", organisation=aarhus),
        "lelystad_coordinator": factories.coordinator("lotte@lelystad.example", organisation=lelystad),
        "removed_member": rob,
        "no_organisation": factories.person("zonder@example.org"),
    }
    profile = factories.mediator(people["zeist_mediator"], organisation=zeist)
    return {
        "almere": almere,
        "zeist": zeist,
        "aarhus": aarhus,
        "lelystad": lelystad,
        "midden": midden,
        "jylland": jylland,
        "profile": profile,
        **people,
    }


def _count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def _url(name, network, **kwargs):
    return reverse(f"pool:{name}", kwargs={"slug": network.slug, **kwargs})


# --- who may read a network's pages -------------------------------------------------------------------------------

NETWORK_PAGES = ["network", "network_ledger", "network_ledger_csv"]


@pytest.mark.parametrize("page", NETWORK_PAGES)
@pytest.mark.parametrize("who", [None, "aarhus_member", "removed_member", "no_organisation", "lelystad_coordinator"])
def test_a_network_page_is_not_found_for_anyone_outside_the_network(client, world, page, who):
    if who:
        client.force_login(world[who])
    response = client.get(_url(page, world["midden"]))
    assert response.status_code == 404
    assert b"Regio Midden" not in response.content


@pytest.mark.parametrize("page", NETWORK_PAGES)
@pytest.mark.parametrize("who", ["almere_member", "zeist_mediator", "network_coordinator"])
def test_members_of_participating_organisations_and_the_coordinators_read_a_network(client, world, page, who):
    client.force_login(world[who])
    assert client.get(_url(page, world["midden"])).status_code == 200


def test_the_network_coordinator_needs_an_active_membership_of_the_platform(client, world):
    Membership.objects.filter(user=world["network_coordinator"]).update(status=Membership.Status.REMOVED)
    client.force_login(world["network_coordinator"])
    assert client.get(_url("network", world["midden"])).status_code == 404


@pytest.mark.parametrize("page", ["network_agreements"])
@pytest.mark.parametrize("who", [None, "almere_member", "almere_coordinator", "aarhus_member", "zeist_mediator"])
def test_only_network_coordinators_edit_the_agreements(client, world, page, who):
    if who:
        client.force_login(world[who])
    assert client.get(_url(page, world["midden"])).status_code == 404


def test_only_network_coordinators_decide_on_requests_to_join(client, world):
    row = services.ask_to_join(world["lelystad_coordinator"], world["midden"], world["lelystad"], "Graag")
    url = _url("network_decide", world["midden"], pk=row.pk)
    for who in ("almere_coordinator", "aarhus_member", "lelystad_coordinator"):
        client.force_login(world[who])
        assert client.post(url, {"decision": "admit"}).status_code == 404
    row.refresh_from_db()
    assert row.is_requested


# --- the directory -------------------------------------------------------------------------------------------------


def test_the_directory_sends_visitors_to_log_in_and_tells_non_members_why_not(client, world):
    url = reverse("pool:networks")
    response = client.get(url)
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]
    client.force_login(world["no_organisation"])
    response = client.get(url)
    assert response.status_code == 403
    assert b"Regio Midden" not in response.content


def test_the_directory_lists_every_network_with_its_organisations_and_countries(client, world):
    world["midden"].memberships.create(organisation=world["aarhus"], status=NetworkMembershipStatus.ACTIVE)
    client.force_login(world["aarhus_member"])
    response = client.get(reverse("pool:networks"))
    text = response.content.decode()
    assert response.status_code == 200
    assert "Regio Midden" in text and "Netværk Jylland" in text
    assert "3 organisations take part" in text and "Countries: Denmark, Netherlands" in text
    assert "1 organisation takes part" in text


def test_the_directory_shows_each_coordinated_organisation_its_state_and_a_way_to_ask(client, world):
    world["almere_coordinator"].memberships.create(
        organisation=world["lelystad"], role=Membership.Role.COORDINATOR, status=Membership.Status.ACTIVE
    )
    client.force_login(world["almere_coordinator"])
    text = client.get(reverse("pool:networks")).content.decode()
    assert text.index('id="network-jylland"') < text.index('id="network-regio-midden"')  # by name
    midden = text[text.index('id="network-regio-midden"') :]
    assert "Participating" in midden and "Not participating" in midden
    join = reverse("pool:network_join", kwargs={"slug": "regio-midden"})
    assert f"{join}?organisation={world['lelystad'].pk}" in midden
    assert f"{join}?organisation={world['almere'].pk}" not in midden


def test_a_member_who_coordinates_nothing_sees_no_ask_button(client, world):
    client.force_login(world["almere_member"])
    text = client.get(reverse("pool:networks")).content.decode()
    assert "Ask to join" not in text and "Your organisations" not in text


def test_the_directory_takes_a_fixed_number_of_queries(client, world, django_assert_max_num_queries):
    coordinator = world["almere_coordinator"]
    client.force_login(coordinator)
    client.get(reverse("pool:networks"))
    baseline = _count_queries(client, reverse("pool:networks"))
    for number in range(6):
        organisations = [factories.OrganisationFactory(country="DK" if number % 2 else "NL") for _ in range(3)]
        factories.network(organisations=organisations)
        extra = factories.OrganisationFactory()
        Membership.objects.create(
            user=coordinator, organisation=extra, role=Membership.Role.COORDINATOR, status=Membership.Status.ACTIVE
        )
    with django_assert_max_num_queries(min(baseline, 20)):
        response = client.get(reverse("pool:networks"))
    assert response.content.decode().count("Testnetwerk") >= 6


# --- asking to join and deciding -----------------------------------------------------------------------------------


def test_a_coordinator_asks_to_join_and_a_network_coordinator_admits(client, world, post):
    client.force_login(world["lelystad_coordinator"])
    join = _url("network_join", world["midden"])
    form = client.get(f"{join}?organisation={world['lelystad'].pk}")
    assert form.status_code == 200 and b"Why your organisation wants to join" in form.content
    response = post(join, {"organisation": world["lelystad"].pk, "motivation": "Wij hebben twee mediators."})
    assert response.status_code == 302
    row = NetworkMembership.objects.get(network=world["midden"], organisation=world["lelystad"])
    assert row.is_requested and row.requested_by == world["lelystad_coordinator"]
    assert row.motivation == "Wij hebben twee mediators."

    client.force_login(world["network_coordinator"])
    page = client.get(_url("network", world["midden"])).content.decode()
    assert "Gemeente Lelystad" in page and "Wij hebben twee mediators." in page
    assert _url("network_decide", world["midden"], pk=row.pk) in page
    response = post(_url("network_decide", world["midden"], pk=row.pk), {"decision": "admit", "reason": ""})
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.is_active and row.decided_by == world["network_coordinator"]

    client.force_login(world["lelystad_coordinator"])
    assert client.get(_url("network", world["midden"])).status_code == 200


def test_declining_needs_a_reason_and_keeps_what_was_typed(client, world, post):
    row = services.ask_to_join(world["lelystad_coordinator"], world["midden"], world["lelystad"], "Graag")
    client.force_login(world["network_coordinator"])
    url = _url("network_decide", world["midden"], pk=row.pk)
    response = post(url, {"decision": "decline", "reason": "  "})
    assert response.status_code == 200
    assert b"Give a reason when you decline" in response.content
    row.refresh_from_db()
    assert row.is_requested
    response = post(url, {"decision": "decline", "reason": "Eerst de afspraken met de regio rond maken."})
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.status == NetworkMembershipStatus.DECLINED
    assert row.reason == "Eerst de afspraken met de regio rond maken."


def test_a_reason_naming_someone_is_checked_for_personal_data_first(client, world, post):
    row = services.ask_to_join(world["lelystad_coordinator"], world["midden"], world["lelystad"], "Graag")
    client.force_login(world["network_coordinator"])
    url = _url("network_decide", world["midden"], pk=row.pk)
    reason = "Bel eerst mevrouw Jansen op 06-12345678."
    response = post(url, {"decision": "decline", "reason": reason})
    assert response.status_code == 200 and b"Possible personal data" in response.content
    assert reason.encode() in response.content  # nothing typed is lost
    row.refresh_from_db()
    assert row.is_requested
    digest = response.context["form"].data["findings_seen"]
    data = {"decision": "decline", "reason": reason, "confirm_findings": "on", "findings_seen": digest}
    assert post(url, data).status_code == 302
    row.refresh_from_db()
    assert row.status == NetworkMembershipStatus.DECLINED


def test_the_network_coordinators_hear_of_a_request_to_join_and_the_organisation_of_the_answer(
    world, django_capture_on_commit_callbacks
):
    from notifications.models import Notification

    asker, nina = world["lelystad_coordinator"], world["network_coordinator"]
    with django_capture_on_commit_callbacks(execute=True):
        row = services.ask_to_join(asker, world["midden"], world["lelystad"], "Wij hebben twee mediators.")
    told = Notification.objects.get(recipient=nina)
    assert told.kind == "pool_network" and told.target == row
    assert mail.outbox[-1].to == [nina.email]
    assert world["midden"].get_absolute_url().split("/pool/")[1] in mail.outbox[-1].body
    assert not Notification.objects.filter(recipient=asker).exists(), "nobody is told about their own doing"

    with django_capture_on_commit_callbacks(execute=True):
        services.decide_membership(nina, row.pk, services.DECLINE, "Eerst een kennismaking, graag.")
    answer = Notification.objects.get(recipient=asker)
    assert answer.kind == "pool_network"
    assert "Eerst een kennismaking, graag." in mail.outbox[-1].body
    assert world["almere_coordinator"].email not in {address for message in mail.outbox for address in message.to}


def test_asking_again_after_a_decline_reopens_the_request(world):
    asker = world["lelystad_coordinator"]
    row = services.ask_to_join(asker, world["midden"], world["lelystad"], "Eerste keer")
    services.decide_membership(world["network_coordinator"], row.pk, services.DECLINE, "Nog niet")
    again = services.ask_to_join(asker, world["midden"], world["lelystad"], "Tweede keer")
    assert again.pk == row.pk and again.is_requested
    assert again.motivation == "Tweede keer" and again.reason == "" and again.decided_by is None


def test_a_participating_or_waiting_organisation_cannot_ask_again(world):
    with pytest.raises(PoolError, match="already takes part"):
        services.ask_to_join(world["almere_coordinator"], world["midden"], world["almere"])
    services.ask_to_join(world["lelystad_coordinator"], world["midden"], world["lelystad"])
    with pytest.raises(PoolError, match="already asked"):
        services.ask_to_join(world["lelystad_coordinator"], world["midden"], world["lelystad"])


def test_only_a_coordinator_of_the_organisation_may_ask(world):
    for who in ("almere_member", "network_coordinator", "removed_member"):
        with pytest.raises(PoolError):
            services.ask_to_join(world[who], world["jylland"], world["almere"])
    assert not NetworkMembership.objects.filter(network=world["jylland"], organisation=world["almere"]).exists()


def test_the_join_page_offers_only_organisations_that_may_still_ask(client, world):
    client.force_login(world["almere_coordinator"])
    response = client.get(_url("network_join", world["midden"]))
    assert response.status_code == 302  # Almere takes part already
    response = client.post(_url("network_join", world["midden"]), {"organisation": world["almere"].pk})
    assert response.status_code == 302
    assert NetworkMembership.objects.get(network=world["midden"], organisation=world["almere"]).is_active
    client.force_login(world["almere_coordinator"])
    response = client.post(_url("network_join", world["jylland"]), {"organisation": world["zeist"].pk})
    assert response.status_code == 200 and response.context["form"].errors  # not their organisation
    assert not NetworkMembership.objects.filter(network=world["jylland"], organisation=world["zeist"]).exists()


def test_a_second_row_for_the_same_organisation_is_refused_by_the_database(world):
    with pytest.raises(IntegrityError), transaction.atomic():
        NetworkMembership.objects.create(network=world["midden"], organisation=world["almere"])


def test_a_request_lost_to_a_simultaneous_one_is_refused_with_a_message(world, monkeypatch):
    """Two colleagues ask at once: both find no row, the second insert hits the unique constraint."""
    asker = world["lelystad_coordinator"]
    real_filter = NetworkMembership.objects.select_for_update

    def racing():
        queryset = real_filter()
        NetworkMembership.objects.create(network=world["midden"], organisation=world["lelystad"], requested_by=asker)
        return queryset.none()

    monkeypatch.setattr(NetworkMembership.objects, "select_for_update", racing)
    with pytest.raises(PoolError, match="already asked"):
        services.ask_to_join(asker, world["midden"], world["lelystad"], "Tegelijk")


def test_a_request_is_decided_once(world):
    row = services.ask_to_join(world["lelystad_coordinator"], world["midden"], world["lelystad"])
    services.decide_membership(world["network_coordinator"], row.pk, services.ADMIT)
    with pytest.raises(PoolError, match="already been decided"):
        services.decide_membership(world["network_coordinator"], row.pk, services.DECLINE, "Toch niet")
    row.refresh_from_db()
    assert row.is_active


# --- the network page ----------------------------------------------------------------------------------------------


def test_the_network_page_shows_organisations_mediators_requests_and_hours(client, world):
    other_mediator = factories.mediator(organisation=world["almere"], available_from=date.today() + timedelta(days=30))
    not_confirmed = factories.mediator(organisation=world["zeist"], consent="pending")
    outsider = factories.mediator(organisation=world["aarhus"])
    asked = factories.mediator_request(world["midden"], world["almere_coordinator"], title="Burenruzie over een schuur")
    factories.mediator_request(world["midden"], world["almere_coordinator"], title="Al klaar", status="completed")
    request = factories.mediator_request(world["midden"], world["almere_coordinator"], title="Gekozen", status="loaned")
    Loan.objects.create(
        request=request,
        network=world["midden"],
        lending_organisation=world["zeist"],
        borrowing_organisation=world["almere"],
        hours=Decimal("6"),
        completed_on=timezone.localdate(),
    )
    client.force_login(world["almere_member"])
    response = client.get(_url("network", world["midden"]))
    text = response.content.decode()
    assert "Gemeente Almere" in text and "Gemeente Zeist" in text and "Flevoland" in text
    assert "Nina Netwerk" in text
    assert reverse("pool:profile", kwargs={"pk": world["profile"].pk}) in text
    assert reverse("pool:profile", kwargs={"pk": other_mediator.pk}) in text and "Not available until" in text
    assert reverse("pool:profile", kwargs={"pk": not_confirmed.pk}) not in text
    assert reverse("pool:profile", kwargs={"pk": outsider.pk}) not in text
    assert reverse("pool:request", kwargs={"pk": asked.pk}) in text and "Burenruzie over een schuur" in text
    assert "Al klaar" not in text and "Gekozen" not in text
    assert "+6" in text and "-6" in text
    assert reverse("pool:network_ledger", kwargs={"slug": "regio-midden"}) in text
    assert reverse("pool:request_create", kwargs={"slug": "regio-midden"}) not in text  # a member may not ask
    assert "Requests to join" not in text and "Edit the agreements" not in text


def test_coordinators_of_a_participating_organisation_see_the_ask_link(client, world):
    client.force_login(world["almere_coordinator"])
    text = client.get(_url("network", world["midden"])).content.decode()
    assert reverse("pool:request_create", kwargs={"slug": "regio-midden"}) in text


def test_the_network_page_takes_a_fixed_number_of_queries(client, world, django_assert_max_num_queries):
    viewer = world["network_coordinator"]
    client.force_login(viewer)
    client.get(_url("network", world["midden"]))
    baseline = _count_queries(client, _url("network", world["midden"]))
    for number in range(5):
        organisation = factories.OrganisationFactory(region=f"Regio {number}")
        world["midden"].memberships.create(organisation=organisation, status=NetworkMembershipStatus.ACTIVE)
        factories.mediator(organisation=organisation)
        asker = factories.coordinator(organisation=organisation)
        factories.mediator_request(world["midden"], asker, title=f"Verzoek {number}")
        world["midden"].coordinators.add(factories.member(organisation=organisation))
        waiting = factories.OrganisationFactory()
        world["midden"].memberships.create(organisation=waiting, status=NetworkMembershipStatus.REQUESTED)
        request = factories.mediator_request(world["midden"], asker, title=f"Geleend {number}", status="completed")
        Loan.objects.create(
            request=request,
            network=world["midden"],
            lending_organisation=world["zeist"],
            borrowing_organisation=organisation,
            hours=Decimal("2.5"),
            completed_on=timezone.localdate(),
        )
    with django_assert_max_num_queries(min(baseline, 25)):
        response = client.get(_url("network", world["midden"]))
    text = response.content.decode()
    assert text.count("Verzoek ") == 5 and text.count("pool-join-request") == 5


# --- the agreements ------------------------------------------------------------------------------------------------


def test_agreements_are_markdown_and_a_script_in_them_is_never_rendered(client, world, post):
    client.force_login(world["network_coordinator"])
    url = _url("network_agreements", world["midden"])
    form = client.get(url)
    text = (
        "## Uitlenen\n\n- Maximaal **twee** zaken per kwartaal\n\n<script>alert('x')</script>\n\n"
        "[klik](javascript:alert(1)) <img src=x onerror=alert(1)>"
    )
    response = post(url, {"agreements": text, "based_on": form.context["form"]["based_on"].value() or ""})
    assert response.status_code == 302
    world["midden"].refresh_from_db()
    assert world["midden"].agreements_updated_by == world["network_coordinator"]
    assert world["midden"].agreements_updated_at is not None
    client.force_login(world["almere_member"])
    page = client.get(_url("network", world["midden"])).content.decode()
    agreements = page[page.index('class="pool-agreements"') :]
    assert "<h3>Uitlenen</h3>" in agreements and "<strong>twee</strong>" in agreements
    assert "<script>alert" not in page and "javascript:alert" not in page and "onerror" not in page


def test_a_colleague_saving_in_between_is_not_overwritten_unseen(client, world, post):
    second = factories.member(organisation=world["zeist"])
    world["midden"].coordinators.add(second)
    services.save_agreements(second, world["midden"], "Eerste versie")
    client.force_login(world["network_coordinator"])
    url = _url("network_agreements", world["midden"])
    started_from = client.get(url).context["form"]["based_on"].value()
    services.save_agreements(second, world["midden"], "Versie van een collega")
    response = post(url, {"agreements": "Mijn versie", "based_on": started_from})
    assert response.status_code == 200 and b"A colleague changed the agreements" in response.content
    assert b"Mijn versie" in response.content
    world["midden"].refresh_from_db()
    assert world["midden"].agreements == "Versie van een collega"


def test_only_network_coordinators_save_agreements_in_the_service(world):
    with pytest.raises(PoolError):
        services.save_agreements(world["almere_coordinator"], world["midden"], "Niet van mij")


# --- the CMS -------------------------------------------------------------------------------------------------------


def test_administrators_create_a_network_and_name_its_coordinators_in_the_cms(client, world):
    client.force_login(factories.superuser("admin@kennisplatform.example"))
    assert "Regio Midden" in client.get("/cms/pool_networks/").content.decode()
    form = client.get("/cms/pool_networks/new/").content.decode()
    assert "nina@zeist.example" in form or "Nina Netwerk" in form
    assert "zonder@example.org" not in form  # not a member: cannot act as a coordinator
    response = client.post(
        "/cms/pool_networks/new/",
        {
            "name": "Grensregio Sønderjylland",
            "slug": "graensregion",
            "description": "Danish and German-border municipalities",
            "coordinators": [world["aarhus_member"].pk],
            "agreements": "## Afspraken",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    network = Network.objects.get(slug="graensregion")
    assert list(network.coordinators.all()) == [world["aarhus_member"]]
    assert client.get("/cms/pool_network_participants/").status_code == 200
