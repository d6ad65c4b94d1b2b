"""The mediator pool in a real browser, as the issue's story goes: the Almere coordinator's suitability advice
"regional pool" leads to a pre-filtered list; she asks the network; a Zeist pool mediator offers; Almere chooses;
Zeist's coordinator approves; both see the contact details; the mediator logs 6 hours and the ledger moves by
Zeist +6, Almere −6. axe-core on every pool page type; a visitor never sees a mediator's name."""

from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accounts.models import Organisation
from pool import ledger
from pool.models import MediatorRequest, Network
from tests.e2e.helpers import check_accessibility, log_in

ALMERE = "coordinator@almere.example"
ZEIST_COORDINATOR = "coordinator@zeist.example"
MEDIATOR = "mediator@zeist.example"
MEDIATOR_NAME = "Yvonne Bos"
TITLE = "Spanning tussen wijkteam en een bewoner over een zorgbesluit"


def balances():
    network = Network.objects.get(slug="midden-nederland")
    book = ledger.ledger(network, timezone.localdate().year)
    by_slug = {row.slug: row.balance for row in book.rows}
    return by_slug.get("zeist", Decimal(0)), by_slug.get("almere", Decimal(0))


@pytest.mark.browser
def test_from_the_suitability_advice_to_a_loan_and_the_ledger(page):
    zeist_before, almere_before = balances()

    # A visitor following the advice is asked to log in first and sees no mediator.
    page.goto("/nl/pool/find/?kind=pool&conflict=citizen_government")
    expect(page.locator("h1")).to_have_text("Inloggen")
    expect(page.locator("main")).not_to_contain_text(MEDIATOR_NAME)

    log_in(page, ALMERE)
    page.goto(
        "/nl/protocols/suitability/?setting=objection&initiative=one&willing=yes&core=relation&sensitive=no"
        "&financial=no&internal_mediator=no&lawyer=no"
    )
    page.get_by_role("link", name="Een mediator vinden").click()
    expect(page).to_have_url("/nl/pool/find/?kind=pool&conflict=citizen_government", ignore_case=True)
    expect(page.get_by_label("Soort mediator")).to_have_value("pool")
    check_accessibility(page, "pool-find")

    page.goto("/nl/pool/networks/midden-nederland/")
    check_accessibility(page, "pool-network")
    page.get_by_role("link", name="Dit netwerk om een mediator vragen").click()
    check_accessibility(page, "pool-request-form")
    page.get_by_label("Kort onderwerp").fill(TITLE)
    page.locator('select[name="conflict_kind"]').select_option("citizen_government")
    page.locator('select[name="domain"]').select_option("social")
    page.get_by_label("Geanonimiseerde beschrijving").fill(
        "Een bewoner is het niet eens met een besluit over huishoudelijke hulp. De gesprekken met het wijkteam lopen "
        "vast; beide kanten willen er wel samen uit komen."
    )
    page.get_by_role("button", name="Verzoek plaatsen").click()
    expect(page.locator("h1")).to_have_text(TITLE)
    request = MediatorRequest.objects.get(title=TITLE)
    request_url = f"/nl/pool/requests/{request.pk}/"
    check_accessibility(page, "pool-request-open")

    log_in(page, MEDIATOR)
    page.goto("/nl/pool/")
    expect(page.locator("main")).to_contain_text(TITLE)
    check_accessibility(page, "pool-index")
    page.goto(request_url)
    page.get_by_label("Bericht aan de aanvrager").fill("Ik heb ervaring met het wijkteam en kan volgende week.")
    page.get_by_role("button", name="Aanbieden om het op te pakken").click()
    expect(page.locator("main")).to_contain_text("Ik heb ervaring met het wijkteam")

    log_in(page, ALMERE)
    page.goto(request_url)
    expect(page.locator("main")).to_contain_text(MEDIATOR_NAME)
    expect(page.locator("main")).not_to_contain_text(MEDIATOR)  # no contact details before the approval
    page.get_by_role("button", name="Dit aanbod kiezen").click()
    expect(page.locator("main")).to_contain_text("Aanbod gekozen, wacht op goedkeuring")

    log_in(page, ZEIST_COORDINATOR)
    page.goto(request_url)
    page.get_by_role("button", name="Uitlening goedkeuren").click()
    expect(page.locator("main")).to_contain_text("Contactgegevens")
    expect(page.locator("main")).to_contain_text(ALMERE)
    check_accessibility(page, "pool-request-loaned")

    log_in(page, ALMERE)
    page.goto(request_url)
    expect(page.locator("main")).to_contain_text(MEDIATOR)

    log_in(page, MEDIATOR)
    page.goto(request_url)
    expect(page.locator("main")).to_contain_text(ALMERE)
    page.get_by_label("Uren besteed aan de zaak").fill("6")
    page.get_by_label("Datum waarop de zaak is afgerond").fill(timezone.localdate().isoformat())
    page.get_by_role("button", name="Uren registreren").click()
    expect(page.locator("main")).to_contain_text("Afgerond")

    zeist_after, almere_after = balances()
    assert (zeist_after - zeist_before, almere_after - almere_before) == (Decimal(6), Decimal(-6))
    page.goto("/nl/pool/networks/midden-nederland/ledger/")
    expect(page.get_by_role("table")).to_contain_text("Gemeente Zeist")
    check_accessibility(page, "pool-ledger")

    # Nobody outside the network reads the request: a Danish member of another network gets a 404.
    log_in(page, "medlem@kk.example")
    response = page.goto(request_url)
    assert response.status == 404


@pytest.mark.browser
def test_every_other_pool_page_type_passes_axe(page):
    log_in(page, ALMERE)
    zeist = Organisation.objects.get(slug="zeist")
    mediator = zeist.mediator_profiles.get(user__email=MEDIATOR)
    for name, url in [
        ("pool-networks", "/nl/pool/networks/"),
        ("pool-my-profile", "/nl/pool/profile/"),
        ("pool-profile", f"/nl/pool/mediators/{mediator.pk}/"),
        ("pool-organisation-mediators", "/nl/pool/organisation/almere/mediators/"),
        ("pool-requesters", "/nl/pool/organisation/almere/requesters/"),
        ("pool-external-new", "/nl/pool/organisation/almere/externals/new/"),
    ]:
        response = page.goto(url)
        assert response.status == 200, url
        check_accessibility(page, name)
    external = Organisation.objects.get(slug="almere").external_mediators.first()
    page.goto(f"/nl/pool/externals/{external.pk}/")
    check_accessibility(page, "pool-external")
    for state in ("withdrawn", "completed", "chosen"):
        request = MediatorRequest.objects.filter(network__slug="midden-nederland", status=state).first()
        page.goto(f"/nl/pool/requests/{request.pk}/")
        expect(page.locator("h1")).to_have_text(request.title)
        check_accessibility(page, f"pool-request-{state}")

    log_in(page, "medlem@kk.example")
    page.goto("/da/pool/networks/hovedstaden/ledger/")
    expect(page.locator("html")).to_have_attribute("lang", "da")
    check_accessibility(page, "pool-ledger-da")
