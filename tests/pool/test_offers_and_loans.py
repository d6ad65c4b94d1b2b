"""From offer to loan: choosing, the lending coordinator's approval, contact details, hours, and every way out."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from pool.errors import PoolError
from pool.models import ConflictDeclaration, Loan, Offer
from pool.services import requests as services
from tests import factories
from tests.pool.request_world import ask, build

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return build()


def url(name, pk):
    return reverse(name, kwargs={"pk": pk})


def contacts_shown(client, user, mediator_request, w) -> bool:
    client.force_login(user)
    page = client.get(mediator_request.get_absolute_url()).content.decode()
    mediator_mail = w.zeist_mediator_user.email in page
    requester_mail = w.almere_coordinator.email in page
    assert mediator_mail == requester_mail
    return mediator_mail


def test_the_whole_path_from_asking_to_six_hours_between_zeist_and_almere(client, w, post):
    # Almere asks.
    client.force_login(w.almere_coordinator)
    post(
        reverse("pool:request_create", kwargs={"slug": w.network.slug}),
        {
            "organisation": w.almere.pk,
            "title": "Vastgelopen bezwaar over een omgevingsvergunning",
            "conflict_kind": "citizen_government",
            "domain": "environment",
            "language": "nl",
            "urgency": "normal",
            "description": "De bewoner en de vergunningverlener zien elkaar alleen nog als tegenstander.",
        },
    )
    mediator_request = w.network.requests.get()

    # A Zeist pool mediator offers.
    client.force_login(w.zeist_mediator_user)
    response = post(url("pool:offer", mediator_request.pk), {"message": "Ik heb ervaring met vergunningen."})
    assert response.status_code == 302
    offer = Offer.objects.get(request=mediator_request)
    assert offer.organisation == w.zeist and offer.is_open

    # Almere sees the offer with the mediator's name, but no contact details yet.
    client.force_login(w.almere_coordinator)
    page = client.get(mediator_request.get_absolute_url()).content.decode()
    assert "Zeger Zwart" in page and "Ik heb ervaring met vergunningen." in page
    assert reverse("pool:profile", kwargs={"pk": w.zeist_mediator.pk}) in page
    assert not contacts_shown(client, w.almere_coordinator, mediator_request, w)
    assert "030 123 4567" not in page

    # Almere chooses.
    client.force_login(w.almere_coordinator)
    post(url("pool:offer_choose", offer.pk))
    offer.refresh_from_db()
    mediator_request.refresh_from_db()
    assert offer.is_chosen and offer.committed_at is not None and mediator_request.is_chosen
    assert not contacts_shown(client, w.zeist_mediator_user, mediator_request, w)

    # Zeist's coordinator approves.
    client.force_login(w.zeist_coordinator)
    page = client.get(mediator_request.get_absolute_url()).content.decode()
    assert url("pool:offer_approve", offer.pk) in page
    post(url("pool:offer_approve", offer.pk))
    mediator_request.refresh_from_db()
    assert mediator_request.is_loaned
    loan = Loan.objects.get(request=mediator_request)
    assert (loan.lending_organisation, loan.borrowing_organisation, loan.mediator) == (
        w.zeist,
        w.almere,
        w.zeist_mediator,
    )

    # Both now see each other's contact details; the rest of the network does not.
    assert contacts_shown(client, w.almere_coordinator, mediator_request, w)
    assert contacts_shown(client, w.zeist_mediator_user, mediator_request, w)
    assert "030 123 4567" in client.get(mediator_request.get_absolute_url()).content.decode()
    assert not contacts_shown(client, w.utrecht_mediator_user, mediator_request, w)
    assert not contacts_shown(client, w.almere_member, mediator_request, w)

    # After the case the mediator records 6 hours.
    client.force_login(w.zeist_mediator_user)
    with translation.override("en"):
        hours_url = url("pool:loan_hours", loan.pk)
    response = post(hours_url, {"hours": "6", "completed_on": timezone.localdate().isoformat()})
    assert response.status_code == 302
    mediator_request.refresh_from_db()
    loan.refresh_from_db()
    assert mediator_request.is_completed
    assert loan.hours == Decimal("6") and loan.completed_on == timezone.localdate()


def _chosen(w):
    mediator_request = ask(w)
    offer = services.make_offer(mediator_request.pk, w.zeist_mediator_user, "")
    services.choose_offer(offer.pk, w.almere_coordinator)
    return mediator_request, offer


def _loaned(w):
    mediator_request, offer = _chosen(w)
    loan = services.approve_offer(offer.pk, w.zeist_coordinator)
    return mediator_request, offer, loan


# --- conflict of interest --------------------------------------------------------------------------------------


def test_a_mediator_never_offers_on_their_own_organisations_request(w):
    mediator_request = ask(w)
    with translation.override("en"), pytest.raises(PoolError, match="own organisation"):
        services.make_offer(mediator_request.pk, w.almere_mediator_user)
    assert not Offer.objects.exists()


def test_a_declared_conflict_hides_the_offer_button_and_withdraws_an_open_offer(client, w, post):
    mediator_request = ask(w)
    offer = services.make_offer(mediator_request.pk, w.zeist_mediator_user, "")
    client.force_login(w.zeist_mediator_user)
    post(url("pool:declare_conflict", mediator_request.pk))
    assert ConflictDeclaration.objects.filter(request=mediator_request, mediator=w.zeist_mediator).exists()
    offer.refresh_from_db()
    assert offer.status == "withdrawn"
    with translation.override("en"):
        page = client.get(mediator_request.get_absolute_url()).content.decode()
    assert url("pool:offer", mediator_request.pk) not in page
    assert url("pool:declare_conflict", mediator_request.pk) not in page
    assert "You declared a conflict of interest" in page
    with pytest.raises(PoolError):
        services.make_offer(mediator_request.pk, w.zeist_mediator_user)


def test_a_chosen_mediator_who_declares_a_conflict_reopens_the_request(w):
    mediator_request, offer = _chosen(w)
    services.declare_conflict(mediator_request.pk, w.zeist_mediator_user)
    mediator_request.refresh_from_db()
    offer.refresh_from_db()
    assert mediator_request.is_open and offer.status == "withdrawn"


def test_an_outsider_or_an_unconfirmed_mediator_cannot_offer(w):
    mediator_request = ask(w)
    with pytest.raises(PoolError):
        services.make_offer(mediator_request.pk, w.lelystad_mediator.user)
    unconfirmed = factories.mediator(organisation=w.utrecht, consent="pending")
    with pytest.raises(PoolError):
        services.make_offer(mediator_request.pk, unconfirmed.user)
    internal = factories.mediator(organisation=w.zeist, kind="internal")
    with pytest.raises(PoolError):
        services.make_offer(mediator_request.pk, internal.user)


def test_an_outsider_gets_404_on_every_action(client, w):
    mediator_request, offer, loan = _loaned(w)
    client.force_login(w.outsider)
    for name, pk in [
        ("pool:offer", mediator_request.pk),
        ("pool:declare_conflict", mediator_request.pk),
        ("pool:request_withdraw", mediator_request.pk),
        ("pool:offer_choose", offer.pk),
        ("pool:offer_withdraw", offer.pk),
        ("pool:offer_approve", offer.pk),
        ("pool:offer_refuse", offer.pk),
        ("pool:loan_hours", loan.pk),
    ]:
        assert client.post(url(name, pk), {"reason": "x", "hours": "1"}).status_code == 404, name


# --- choosing, approving, refusing ------------------------------------------------------------------------------


def test_only_the_lending_coordinator_approves(w):
    _request, offer = _chosen(w)
    for someone in (w.almere_coordinator, w.utrecht_coordinator, w.zeist_mediator_user):
        with pytest.raises(PoolError):
            services.approve_offer(offer.pk, someone)
    assert not Loan.objects.exists()


def test_approval_closes_the_other_offers_with_a_reason_shown_to_their_mediator(client, w):
    mediator_request = ask(w)
    other = services.make_offer(mediator_request.pk, w.utrecht_mediator_user, "")
    offer = services.make_offer(mediator_request.pk, w.zeist_mediator_user, "")
    services.choose_offer(offer.pk, w.almere_coordinator)
    other.refresh_from_db()
    assert other.is_open, "until the loan is approved the others stay open"
    services.approve_offer(offer.pk, w.zeist_coordinator)
    other.refresh_from_db()
    assert other.status == "declined" and other.reason == services.ANOTHER_OFFER_CHOSEN
    client.force_login(w.utrecht_mediator_user)
    with translation.override("en"):
        page = client.get(mediator_request.get_absolute_url()).content.decode()
    assert "Another offer was chosen." in page


def test_a_refused_loan_reopens_the_request_for_another_choice(client, w, post):
    mediator_request = ask(w)
    other = services.make_offer(mediator_request.pk, w.utrecht_mediator_user, "")
    _offer = services.make_offer(mediator_request.pk, w.zeist_mediator_user, "")
    services.choose_offer(_offer.pk, w.almere_coordinator)
    client.force_login(w.zeist_coordinator)
    with translation.override("en"):
        response = post(url("pool:offer_refuse", _offer.pk), {"refuse-reason": ""})
        assert "Give a reason." in response.content.decode()
    post(url("pool:offer_refuse", _offer.pk), {"refuse-reason": "Zeger is dit kwartaal volgeboekt."})
    _offer.refresh_from_db()
    mediator_request.refresh_from_db()
    assert _offer.status == "refused" and _offer.reason == "Zeger is dit kwartaal volgeboekt."
    assert mediator_request.is_open
    services.choose_offer(other.pk, w.almere_coordinator)
    client.force_login(w.almere_coordinator)
    assert "Zeger is dit kwartaal volgeboekt." in client.get(mediator_request.get_absolute_url()).content.decode()


def test_one_chosen_offer_at_a_time(w):
    mediator_request = ask(w)
    first = services.make_offer(mediator_request.pk, w.zeist_mediator_user, "")
    second = services.make_offer(mediator_request.pk, w.utrecht_mediator_user, "")
    services.choose_offer(first.pk, w.almere_coordinator)
    with pytest.raises(PoolError):
        services.choose_offer(second.pk, w.almere_coordinator)


def test_a_mediator_without_room_this_quarter_cannot_be_chosen(w):
    w.zeist_mediator.capacity_per_quarter = 1
    w.zeist_mediator.save()
    busy = ask(w, title="Eerder verzoek")
    factories.offer(busy, w.zeist_mediator, status="approved")
    mediator_request = ask(w)
    offer = services.make_offer(mediator_request.pk, w.zeist_mediator_user, "")
    with translation.override("en"), pytest.raises(PoolError, match="no room left this quarter"):
        services.choose_offer(offer.pk, w.almere_coordinator)


def test_last_quarters_loans_do_not_count_against_this_quarter(w):
    w.zeist_mediator.capacity_per_quarter = 1
    w.zeist_mediator.save()
    factories.offer(
        ask(w, title="Oud"), w.zeist_mediator, status="approved", committed_at=timezone.now() - timedelta(days=120)
    )
    mediator_request = ask(w)
    offer = services.make_offer(mediator_request.pk, w.zeist_mediator_user, "")
    services.choose_offer(offer.pk, w.almere_coordinator)


def test_the_mediator_withdraws_an_open_offer_but_not_a_chosen_one(client, w, post):
    mediator_request = ask(w)
    offer = services.make_offer(mediator_request.pk, w.zeist_mediator_user, "")
    client.force_login(w.zeist_mediator_user)
    post(url("pool:offer_withdraw", offer.pk))
    offer.refresh_from_db()
    assert offer.status == "withdrawn"
    _other_request, chosen = _chosen(w)
    with pytest.raises(PoolError):
        services.withdraw_offer(chosen.pk, w.zeist_mediator_user)
    with pytest.raises(PoolError):
        services.withdraw_offer(chosen.pk, w.utrecht_mediator_user)


def test_an_offer_message_with_personal_data_is_not_sent_and_kept(client, w):
    mediator_request = ask(w)
    client.force_login(w.zeist_mediator_user)
    with translation.override("en"):
        response = client.post(url("pool:offer", mediator_request.pk), {"message": "Bel me op 06-12345678"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "<mark>06-12345678</mark>" in page and "Bel me op 06-12345678</textarea>" in page
    assert not Offer.objects.exists()


# --- withdrawing a request --------------------------------------------------------------------------------------


def test_withdrawing_needs_a_reason_and_declines_the_offers_with_it(client, w, post):
    mediator_request = ask(w)
    offer = services.make_offer(mediator_request.pk, w.zeist_mediator_user, "")
    client.force_login(w.almere_coordinator)
    with translation.override("en"):
        response = post(url("pool:request_withdraw", mediator_request.pk), {"withdraw-reason": ""})
        assert "Give a reason." in response.content.decode()
        response = post(
            url("pool:request_withdraw", mediator_request.pk), {"withdraw-reason": "Mw. de Vries belde op 0612345678"}
        )
        assert "may contain personal data" in response.content.decode()
    post(
        url("pool:request_withdraw", mediator_request.pk), {"withdraw-reason": "De partijen hebben het zelf opgelost."}
    )
    mediator_request.refresh_from_db()
    offer.refresh_from_db()
    assert mediator_request.is_withdrawn and mediator_request.close_reason == "De partijen hebben het zelf opgelost."
    assert offer.status == "declined" and offer.reason == "De partijen hebben het zelf opgelost."
    client.force_login(w.utrecht_mediator_user)
    assert "De partijen hebben het zelf opgelost." in client.get(mediator_request.get_absolute_url()).content.decode()


def test_only_the_requester_side_withdraws(client, w):
    mediator_request = ask(w)
    client.force_login(w.almere_member)
    assert client.post(url("pool:request_withdraw", mediator_request.pk), {"withdraw-reason": "x"}).status_code == 404
    with pytest.raises(PoolError):
        services.withdraw_request(mediator_request.pk, w.zeist_coordinator, "Weg ermee")


def test_a_loan_with_hours_can_no_longer_be_withdrawn_but_one_without_can(w):
    mediator_request, _offer, loan = _loaned(w)
    services.withdraw_request(mediator_request.pk, w.almere_coordinator, "De zaak is afgeblazen.")
    with pytest.raises(PoolError):
        services.record_hours(loan.pk, w.zeist_mediator_user, Decimal("2"), timezone.localdate())
    other_request, _other, other_loan = _loaned(build_more(w))
    services.record_hours(other_loan.pk, w.zeist_mediator_user, Decimal("3"), timezone.localdate())
    with pytest.raises(PoolError):
        services.withdraw_request(other_request.pk, w.almere_coordinator, "Te laat")


def build_more(w):
    """The same people, for a second loan of the same mediator (capacity 2)."""
    w.zeist_mediator.capacity_per_quarter = 2
    w.zeist_mediator.save()
    return w


# --- hours --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hours", "message"),
    [
        ("0", "above 0"),
        ("-3", "above 0"),
        ("1000.5", "at most 1000"),
        ("zes", "as a number"),
        ("", "Enter the hours"),
        ("1.234", "two decimals"),
    ],
)
def test_bad_hours_get_a_clear_message(client, w, hours, message):
    _request, _offer, loan = _loaned(w)
    client.force_login(w.zeist_mediator_user)
    with translation.override("en"):
        response = client.post(
            url("pool:loan_hours", loan.pk), {"hours": hours, "completed_on": timezone.localdate().isoformat()}
        )
    assert response.status_code == 200
    assert message in response.content.decode()
    loan.refresh_from_db()
    assert loan.hours is None


def test_hours_are_read_in_the_persons_language(client, w):
    _request, _offer, loan = _loaned(w)
    client.force_login(w.zeist_mediator_user)
    client.post(url("pool:loan_hours", loan.pk), {"hours": "7,5", "completed_on": timezone.localdate().isoformat()})
    loan.refresh_from_db()
    assert loan.hours == Decimal("7.5")
    with translation.override("en"):
        client.post(
            url("pool:loan_hours", loan.pk), {"hours": "6.25", "completed_on": timezone.localdate().isoformat()}
        )
    loan.refresh_from_db()
    assert loan.hours == Decimal("6.25")


def test_a_finish_date_in_the_future_is_refused(client, w):
    _request, _offer, loan = _loaned(w)
    client.force_login(w.zeist_mediator_user)
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    with translation.override("en"):
        response = client.post(url("pool:loan_hours", loan.pk), {"hours": "6", "completed_on": tomorrow})
    assert "cannot be in the future" in response.content.decode()


def test_only_the_mediator_and_the_lending_coordinator_record_hours(client, w):
    _request, _offer, loan = _loaned(w)
    client.force_login(w.almere_coordinator)
    assert client.post(url("pool:loan_hours", loan.pk), {"hours": "6"}).status_code == 404
    services.record_hours(loan.pk, w.zeist_coordinator, Decimal("4"), timezone.localdate())
    loan.refresh_from_db()
    assert loan.hours == Decimal("4")


# --- odd input ----------------------------------------------------------------------------------------------------

ODD_VALUES = ["", "x" * 5000, "\x00", "1e400", "NaN", "-0", "9999-99-99", "<script>", "١٢", "0,0001"]


def test_odd_input_never_gets_a_server_error(client, w):
    mediator_request, offer = _chosen(w)
    open_request = ask(w, title="Nog open")
    open_offer = services.make_offer(open_request.pk, w.utrecht_mediator_user, "")
    _loan_request, _loan_offer, loan = _loaned(build_more(w))
    posts = [
        (w.almere_coordinator, reverse("pool:request_create", kwargs={"slug": w.network.slug})),
        (w.utrecht_mediator_user, url("pool:offer", mediator_request.pk)),
        (w.utrecht_mediator_user, url("pool:declare_conflict", open_request.pk)),
        (w.almere_coordinator, url("pool:request_withdraw", open_request.pk)),
        (w.almere_coordinator, url("pool:offer_choose", open_offer.pk)),
        (w.utrecht_mediator_user, url("pool:offer_withdraw", open_offer.pk)),
        (w.zeist_coordinator, url("pool:offer_approve", offer.pk)),
        (w.zeist_coordinator, url("pool:offer_refuse", offer.pk)),
        (w.zeist_mediator_user, url("pool:loan_hours", loan.pk)),
    ]
    fields = [
        "organisation", "title", "conflict_kind", "domain", "language", "urgency", "period_start", "period_end",
        "description", "message", "withdraw-reason", "refuse-reason", "hours", "completed_on",
    ]  # fmt: skip
    for user, address in posts:
        client.force_login(user)
        for value in ODD_VALUES:
            response = client.post(address, dict.fromkeys(fields, value))
            assert response.status_code < 500, (address, value)
        response = client.post(address, {name: [ODD_VALUES[1], ODD_VALUES[3]] for name in fields})
        assert response.status_code < 500, address


def test_only_the_requesting_side_sees_who_offered_others_see_the_count(client, w):
    mediator_request = ask(w)
    services.make_offer(mediator_request.pk, w.zeist_mediator_user, "Bericht van Zeger")
    services.make_offer(mediator_request.pk, w.utrecht_mediator_user, "")
    for someone in (w.almere_member, w.utrecht_mediator_user, w.utrecht_coordinator):
        client.force_login(someone)
        with translation.override("en"):
            page = client.get(mediator_request.get_absolute_url()).content.decode()
        assert "Zeger Zwart" not in page and "Bericht van Zeger" not in page
        assert "2 mediators have offered to take this request." in page
    client.force_login(w.zeist_coordinator)
    assert "Bericht van Zeger" in client.get(mediator_request.get_absolute_url()).content.decode(), (
        "the lending coordinator sees their own mediator's offer"
    )
