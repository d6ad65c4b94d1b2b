"""GDPR and offboarding for the pool: "download my data", "delete my account", and a membership that ends."""

from decimal import Decimal

import pytest
from django.utils import translation

from accounts import privacy
from accounts.models import Membership
from accounts.services import remove_member
from pool.choices import LendingConsent, OfferStatus, RequestStatus
from pool.models import Expertise, Loan, MediatorProfile, MediatorRequest, Offer, Requester
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair(db):
    """Almere borrows from Zeist in one network: an asker in Almere, a pool mediator in Zeist."""
    almere = factories.OrganisationFactory(name="Almere")
    zeist = factories.OrganisationFactory(name="Zeist")
    network = factories.network("Regio Midden", organisations=[almere, zeist])
    asker = factories.coordinator(organisation=almere, first_name="Anna", last_name="Asker")
    mediator_user = factories.member("zora@zeist.example", organisation=zeist, first_name="Zora", last_name="Zeister")
    profile = factories.mediator(
        mediator_user,
        organisation=zeist,
        introduction="Arbeidsjurist met twaalf jaar ervaring.",
        expertise=[("domain", "hr"), ("language", "nl")],
    )
    return {"almere": almere, "zeist": zeist, "network": network, "asker": asker, "profile": profile}


def loan_for(pair, hours=Decimal("6")):
    request = factories.mediator_request(pair["network"], pair["asker"], status="completed", title="Teamconflict")
    chosen = factories.offer(request, pair["profile"], status="approved", message="Ik neem dit graag op me.")
    return Loan.objects.create(
        request=request,
        offer=chosen,
        mediator=pair["profile"],
        network=pair["network"],
        lending_organisation=pair["zeist"],
        borrowing_organisation=pair["almere"],
        hours=hours,
    )


def test_the_export_holds_the_profile_with_its_expertise(pair):
    data = privacy.export(pair["profile"].user)
    profile = data["mediator_profile"]
    assert profile["organisation"] == "Zeist"
    assert profile["introduction"] == "Arbeidsjurist met twaalf jaar ervaring."
    assert {"facet": "domain", "value": "hr"} in profile["expertise"]


def test_the_export_holds_the_requests_asked_the_offers_made_and_the_loans_worked(pair):
    loan_for(pair)
    asked = privacy.export(pair["asker"])["mediator_requests"]
    assert [(row["title"], row["status"]) for row in asked] == [("Teamconflict", "completed")]
    assert asked[0]["description"]
    mediator_data = privacy.export(pair["profile"].user)
    assert mediator_data["mediator_offers"] == [
        {
            "request": "Teamconflict",
            "status": "approved",
            "message": "Ik neem dit graag op me.",
            "created_at": mediator_data["mediator_offers"][0]["created_at"],
            "decided_at": None,
            "reason": "",
        }
    ]
    assert mediator_data["mediator_loans"][0]["hours"] == Decimal("6")
    assert privacy.export_json(pair["profile"].user)  # serialisable


def test_someone_without_a_profile_exports_empty_sections(pair):
    data = privacy.export(factories.member())
    assert data["mediator_profile"] is None
    assert data["mediator_requests"] == data["mediator_offers"] == data["mediator_loans"] == []


def test_deleting_a_mediator_s_account_keeps_the_loan_and_its_hours_without_a_name(pair):
    loan = loan_for(pair)
    privacy.delete_account(pair["profile"].user)
    assert not MediatorProfile.objects.exists()
    assert not Expertise.objects.exists()
    assert not Offer.objects.exists()
    loan.refresh_from_db()
    assert loan.hours == Decimal("6")
    assert (loan.lending_organisation, loan.borrowing_organisation) == (pair["zeist"], pair["almere"])
    assert loan.mediator is None and loan.offer is None
    assert "Zeister" not in str(loan) and "zora" not in str(loan)


def test_deleting_the_asker_s_account_keeps_the_request_without_them(pair):
    loan_for(pair)
    privacy.delete_account(pair["asker"])
    request = MediatorRequest.objects.get()
    assert request.requested_by is None
    assert Loan.objects.get().hours == Decimal("6")


def test_a_request_waiting_for_the_deleted_mediator_opens_again(pair):
    request = factories.mediator_request(pair["network"], pair["asker"], status="chosen")
    factories.offer(request, pair["profile"], status="chosen")
    privacy.delete_account(pair["profile"].user)
    request.refresh_from_db()
    assert request.status == RequestStatus.OPEN
    assert not request.offers.exists()


# --- a membership that ends -----------------------------------------------------------------------------------------


def test_when_the_mediator_leaves_their_open_offers_are_withdrawn_and_consent_lapses(pair):
    open_request = factories.mediator_request(pair["network"], pair["asker"])
    open_offer = factories.offer(open_request, pair["profile"])
    waiting = factories.mediator_request(pair["network"], pair["asker"], status="chosen")
    chosen = factories.offer(waiting, pair["profile"], status="chosen")
    boss = factories.coordinator(organisation=pair["zeist"])
    membership = Membership.objects.get(user=pair["profile"].user)
    with translation.override("en"):
        remove_member(membership.pk, organisation=pair["zeist"], removed_by=boss)
    open_offer.refresh_from_db()
    chosen.refresh_from_db()
    waiting.refresh_from_db()
    assert open_offer.status == chosen.status == OfferStatus.WITHDRAWN
    assert open_offer.reason == "The mediator's membership of the organisation ended."
    assert waiting.status == RequestStatus.OPEN
    profile = MediatorProfile.objects.get(pk=pair["profile"].pk)
    assert profile.lending_consent == LendingConsent.NOT_ASKED


def test_a_loan_already_approved_is_left_alone_when_the_mediator_leaves(pair):
    loan = loan_for(pair)
    boss = factories.coordinator(organisation=pair["zeist"])
    remove_member(Membership.objects.get(user=pair["profile"].user).pk, organisation=pair["zeist"], removed_by=boss)
    loan.refresh_from_db()
    assert loan.offer.status == OfferStatus.APPROVED and loan.hours == Decimal("6")


def test_leaving_an_organisation_ends_the_right_to_ask_on_its_behalf(pair):
    almere = pair["almere"]
    colleague = factories.member(organisation=almere)
    other = factories.OrganisationFactory()
    factories.MembershipFactory(user=colleague, organisation=other)
    Requester.objects.create(organisation=almere, user=colleague)
    Requester.objects.create(organisation=other, user=colleague)
    membership = Membership.objects.get(user=colleague, organisation=almere)
    remove_member(membership.pk, organisation=almere, removed_by=pair["asker"])
    assert list(Requester.objects.values_list("organisation", flat=True)) == [other.pk]


def test_leaving_another_organisation_leaves_the_profile_alone(pair):
    user = pair["profile"].user
    other = factories.OrganisationFactory()
    factories.MembershipFactory(user=user, organisation=other)
    boss = factories.coordinator(organisation=other)
    request = factories.mediator_request(pair["network"], pair["asker"])
    open_offer = factories.offer(request, pair["profile"])
    remove_member(Membership.objects.get(user=user, organisation=other).pk, organisation=other, removed_by=boss)
    open_offer.refresh_from_db()
    assert open_offer.status == OfferStatus.OPEN
    assert MediatorProfile.objects.get().lending_consent == LendingConsent.CONFIRMED
