"""The pool's demo content: the networks, mediators, requests and ledger a new user finds after `make run`, in states
the pool's rules allow, with no personal data in what people typed, and loaded twice without duplicates."""

from datetime import date, timedelta

import pytest
from django.db.models import Sum
from django.utils import timezone

from accounts.models import User
from core.personal_data import detect
from pool import demo, permissions
from pool.choices import (
    COMMITTED_OFFER_STATUSES,
    LendingConsent,
    MediatorKind,
    NetworkMembershipStatus,
    OfferStatus,
    RequestStatus,
)
from pool.models import (
    ConflictDeclaration,
    Expertise,
    ExternalMediator,
    Loan,
    MediatorProfile,
    MediatorRequest,
    Network,
    NetworkMembership,
    Offer,
    Requester,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]

SEVEN = {"almere", "hilversum", "zeist", "amersfoort", "gooise-meren", "utrechtse-heuvelrug", "lelystad"}


class Progress:
    def __init__(self):
        self.accounts = []

    def iterate(self, items, what):
        yield from items

    def step(self, message):
        pass

    def credentials(self, rows, password):
        self.accounts.extend(rows)


def person(email):
    return User.objects.get(email=email)


def active_slugs(network):
    return set(
        network.memberships.filter(status=NetworkMembershipStatus.ACTIVE).values_list("organisation__slug", flat=True)
    )


def balance(network, slug):
    loans = Loan.objects.filter(network=network, hours__isnull=False)
    lent = loans.filter(lending_organisation__slug=slug).aggregate(total=Sum("hours"))["total"] or 0
    borrowed = loans.filter(borrowing_organisation__slug=slug).aggregate(total=Sum("hours"))["total"] or 0
    return lent - borrowed


def test_the_dutch_network_has_seven_municipalities_and_a_request_to_join():
    network = Network.objects.get(slug=demo.MIDDEN_NEDERLAND)
    assert network.name == "Mediatorennetwerk Midden-Nederland"
    assert active_slugs(network) == SEVEN
    assert list(network.coordinators.values_list("email", flat=True)) == ["m.hendriks@hilversum.example"]
    subjects = ("## Zo loopt een verzoek", "factuur", "jaarbalans", "Vertrouwelijkheid", "Belangen", "leidinggevende")
    for subject in subjects:
        assert subject in network.agreements
    asked = network.memberships.get(status=NetworkMembershipStatus.REQUESTED)
    assert asked.organisation.slug == "provincie-utrecht" and asked.motivation and asked.decided_at is None


def test_the_danish_network_has_danish_pool_mediators():
    network = Network.objects.get(slug=demo.HOVEDSTADEN)
    assert network.name == "Mæglernetværk Hovedstaden"
    assert {"koebenhavn", "region-hovedstaden"} <= active_slugs(network)
    danish = permissions.pool_profiles().filter(organisation__slug__in=active_slugs(network))
    assert danish.count() >= 3
    for profile in danish:
        assert profile.user.preferred_language == "da"
        assert profile.expertise.filter(facet="language", value="da").exists()


def test_a_dozen_profiles_of_every_kind_with_one_away_and_one_waiting_for_consent():
    profiles = MediatorProfile.objects.all()
    assert 10 <= profiles.count() <= 16
    assert set(profiles.values_list("kind", flat=True)) == set(MediatorKind.values)
    assert profiles.filter(lending_consent=LendingConsent.PENDING).count() == 1
    away = profiles.filter(available_from__gt=timezone.localdate())
    assert away.count() == 1 and away.get().in_pool
    for profile in profiles:
        assert profile.introduction
        assert {"domain", "conflict", "language"} <= set(profile.expertise.values_list("facet", flat=True))
    # Every profile is current: its mediator is an active member of the organisation they mediate for.
    assert permissions.current_profiles().count() == profiles.count()


def test_external_mediators_have_their_organisations_contact_person_and_contract_notes():
    externals = ExternalMediator.objects.select_related("organisation", "contact_person")
    assert {external.organisation.slug for external in externals} == {"almere", "amersfoort"}
    for external in externals:
        assert external.contract_notes and external.firm
        assert external.contact_person.memberships.filter(organisation=external.organisation).exists()
        assert Expertise.objects.filter(external=external).exists()


def test_every_request_status_is_shown():
    assert set(MediatorRequest.objects.values_list("status", flat=True)) == set(RequestStatus.values)
    assert Offer.objects.filter(request__status=RequestStatus.OPEN).values("request").distinct().count() >= 2
    assert MediatorRequest.objects.filter(status=RequestStatus.OPEN, offers__isnull=True).exists()
    declined = Offer.objects.get(status=OfferStatus.DECLINED, reason__contains="Turks")
    assert ConflictDeclaration.objects.filter(request=declined.request).exists()


def test_requests_offers_and_loans_are_in_states_the_rules_allow():
    for offer in Offer.objects.select_related("request", "mediator"):
        assert offer.organisation_id == offer.mediator.organisation_id
        assert offer.mediator.organisation_id != offer.request.organisation_id, "never for their own organisation"
        assert (offer.committed_at is not None) == (offer.status in COMMITTED_OFFER_STATUSES)
        assert offer.created_at >= offer.request.created_at
    for request in MediatorRequest.objects.prefetch_related("offers"):
        committed = [offer for offer in request.offers.all() if offer.status in COMMITTED_OFFER_STATUSES]
        statuses = {offer.status for offer in request.offers.all()}
        has_loan = Loan.objects.filter(request=request).exists()
        if request.status == RequestStatus.OPEN:
            assert not committed and not has_loan and statuses <= {OfferStatus.OPEN}
        elif request.status == RequestStatus.CHOSEN:
            assert [offer.status for offer in committed] == [OfferStatus.CHOSEN] and not has_loan
        elif request.status in (RequestStatus.LOANED, RequestStatus.COMPLETED):
            assert [offer.status for offer in committed] == [OfferStatus.APPROVED]
            loan = request.loan
            assert loan.offer == committed[0] and loan.mediator == committed[0].mediator
            assert loan.lending_organisation_id == committed[0].organisation_id
            assert loan.borrowing_organisation_id == request.organisation_id
            assert loan.approved_by.memberships.filter(organisation=loan.lending_organisation, role="coordinator")
            assert OfferStatus.OPEN not in statuses
            assert loan.has_hours == (request.status == RequestStatus.COMPLETED)
        else:
            assert request.close_reason and request.closed_at and not has_loan
            assert OfferStatus.OPEN not in statuses
        assert permissions.can_ask(request.requested_by, request.network)


def test_a_year_of_ledger_with_zeist_lending_and_almere_borrowing():
    today = timezone.localdate()
    completed = Loan.objects.filter(request__status=RequestStatus.COMPLETED)
    assert completed.count() >= 12
    for loan in completed:
        assert 3 <= loan.hours <= 20
        assert today - timedelta(days=366) <= loan.completed_on < today
        assert loan.hours_recorded_at and loan.hours_recorded_by
    assert completed.filter(completed_on__lt=today - timedelta(days=270)).exists(), "the year is covered"
    network = Network.objects.get(slug=demo.MIDDEN_NEDERLAND)
    assert balance(network, "zeist") > 0 > balance(network, "almere")
    assert sum(balance(network, slug) for slug in SEVEN) == 0
    assert Loan.objects.filter(network__slug=demo.HOVEDSTADEN, hours__isnull=False).count() >= 3


def test_no_text_in_the_pool_demo_names_a_person():
    texts = []
    for request in MediatorRequest.objects.all():
        texts += [request.title, request.description, request.close_reason]
    for offer in Offer.objects.all():
        texts += [offer.message, offer.reason]
    texts += list(NetworkMembership.objects.values_list("motivation", flat=True))
    texts += list(MediatorProfile.objects.values_list("introduction", flat=True))
    texts += list(Network.objects.values_list("agreements", flat=True))
    findings = {text: detect(text) for text in texts if text}
    assert len(findings) > 40
    assert {text: found for text, found in findings.items() if found} == {}


def test_the_story_of_the_issue_can_be_played_with_the_demo_people():
    network = Network.objects.get(slug=demo.MIDDEN_NEDERLAND)
    almere = person("coordinator@almere.example")
    assert permissions.can_ask(almere, network)
    assert permissions.can_ask(person("b.kok@almere.example"), network)
    assert Requester.objects.filter(user__email="b.kok@almere.example", organisation__slug="almere").exists()
    assert not permissions.can_ask(person("lid@almere.example"), network)

    zeist_mediator = person("mediator@zeist.example")
    profile = permissions.own_pool_profile(zeist_mediator)
    assert profile is not None and profile.organisation.slug == "zeist" and profile.is_available()
    today = timezone.localdate()
    quarter = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    taken = profile.offers.filter(status__in=COMMITTED_OFFER_STATUSES, committed_at__date__gte=quarter).count()
    assert taken < profile.capacity_per_quarter, "room this quarter to offer on Almere's new request"
    assert permissions.offerable_requests(zeist_mediator).exists()

    chosen = Offer.objects.get(status=OfferStatus.CHOSEN)
    assert permissions.can_approve(person("coordinator@heuvelrug.example"), chosen)
    assert permissions.can_coordinate_network(person("m.hendriks@hilversum.example"), network)
    loan = Loan.objects.get(request__status=RequestStatus.LOANED, lending_organisation__slug="almere")
    assert permissions.can_see_contacts(almere, loan)
    # Nobody outside the network reads its requests.
    assert not permissions.readable_requests(person("medlem@kk.example")).filter(network=network).exists()
    assert permissions.readable_requests(person("lid@almere.example")).filter(network=network).exists()


def test_loading_twice_adds_nothing_and_prints_the_pool_logins():
    models = (
        Network,
        NetworkMembership,
        MediatorProfile,
        ExternalMediator,
        Expertise,
        Requester,
        MediatorRequest,
        Offer,
        ConflictDeclaration,
        Loan,
        User,
    )
    before = [model.objects.count() for model in models]
    progress = Progress()
    demo.load(progress)
    assert [model.objects.count() for model in models] == before
    printed = {email: label for label, email in progress.accounts}
    assert printed["coordinator@almere.example"] == "coordinator Almere (pool)"
    assert {"coordinator@zeist.example", "mediator@zeist.example", "m.hendriks@hilversum.example"} <= set(printed)
