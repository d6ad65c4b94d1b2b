"""Mediator profiles: one's own, reading a colleague's, and the coordinator's confirmation before lending."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import translation

from accounts.models import Membership
from accounts.services import remove_member
from pool.choices import LendingConsent
from pool.errors import PoolError
from pool.models import Expertise, MediatorProfile, Requester
from pool.services import profiles as services
from tests import factories

pytestmark = pytest.mark.django_db


def profile_data(organisation, **changes):
    data = {
        "kind": "both",
        "organisation": organisation.pk,
        "domains": ["hr", "social"],
        "conflict_kinds": ["employer_employee"],
        "languages": ["nl", "en"],
        "region": "Flevoland",
        "register_number": "MfN-1234",
        "registrations": "Statuut interne mediator",
        "phone": "",
        "capacity_per_quarter": "2",
        "available_from": "",
        "introduction": "Arbeidsjurist, twaalf jaar bij de gemeente.",
    }
    data.update(changes)
    return data


@pytest.fixture
def almere(db):
    return factories.OrganisationFactory(name="Almere", region="Flevoland")


@pytest.fixture
def zeist(db):
    return factories.OrganisationFactory(name="Zeist", region="Utrecht")


# --- my profile ---------------------------------------------------------------------------------------------------


def test_a_visitor_is_sent_to_log_in_for_the_profile_form(client):
    response = client.get(reverse("pool:my_profile"))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_someone_without_an_active_membership_gets_the_membership_page(as_user, almere):
    pending = factories.person(organisation=almere, status=Membership.Status.PENDING)
    response = as_user(pending).get(reverse("pool:my_profile"))
    assert response.status_code == 403


def test_the_form_offers_the_only_organisation_and_its_region(as_user, almere):
    user = factories.member(organisation=almere)
    response = as_user(user).get(reverse("pool:my_profile"))
    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["organisation"] == almere.pk
    assert form.initial["region"] == "Flevoland"


def test_saving_a_pool_profile_asks_the_coordinator_and_writes_the_expertise(as_user, post, almere):
    user = factories.member(organisation=almere)
    as_user(user)
    response = post(reverse("pool:my_profile"), profile_data(almere))
    assert response.status_code == 302
    profile = MediatorProfile.objects.get(user=user)
    assert profile.kind == "both"
    assert profile.lending_consent == LendingConsent.PENDING
    assert profile.capacity_per_quarter == 2
    assert set(Expertise.objects.filter(profile=profile).values_list("facet", "value")) == {
        ("domain", "hr"),
        ("domain", "social"),
        ("conflict", "employer_employee"),
        ("language", "nl"),
        ("language", "en"),
    }


def test_saving_again_replaces_the_expertise(as_user, post, almere):
    user = factories.member(organisation=almere)
    factories.mediator(user, organisation=almere, expertise=[("domain", "taxes"), ("language", "da")])
    as_user(user)
    post(reverse("pool:my_profile"), profile_data(almere, domains=["taxes"], languages=[], conflict_kinds=[]))
    assert list(Expertise.objects.filter(profile__user=user).values_list("facet", "value")) == [("domain", "taxes")]


def test_the_form_shows_the_saved_expertise(as_user, almere):
    user = factories.member(organisation=almere)
    factories.mediator(user, organisation=almere, expertise=[("domain", "taxes"), ("language", "da")])
    form = as_user(user).get(reverse("pool:my_profile")).context["form"]
    assert form.initial["domains"] == ["taxes"] and form.initial["languages"] == ["da"]


def test_a_confirmed_pool_mediator_stays_confirmed_when_editing_their_profile(as_user, post, almere):
    user = factories.member(organisation=almere)
    factories.mediator(user, organisation=almere, kind="pool", consent="confirmed")
    as_user(user)
    post(reverse("pool:my_profile"), profile_data(almere, kind="pool", introduction="Nieuwe tekst."))
    assert MediatorProfile.objects.get(user=user).lending_consent == LendingConsent.CONFIRMED


def test_offering_oneself_again_after_a_refusal_asks_again(almere):
    user = factories.member(organisation=almere)
    factories.mediator(user, organisation=almere, kind="pool", consent="refused")
    saved = services.save_profile(user, _cleaned(almere, kind="pool"))
    assert saved.consent_requested
    assert saved.profile.lending_consent == LendingConsent.PENDING


def test_going_back_to_internal_only_forgets_the_consent(as_user, post, almere):
    user = factories.member(organisation=almere)
    factories.mediator(user, organisation=almere, kind="pool", consent="confirmed")
    as_user(user)
    post(reverse("pool:my_profile"), profile_data(almere, kind="internal"))
    profile = MediatorProfile.objects.get(user=user)
    assert profile.lending_consent == LendingConsent.NOT_ASKED
    assert profile.consent_decided_by is None


def test_moving_a_confirmed_profile_to_another_organisation_asks_its_coordinator(almere, zeist):
    user = factories.member(organisation=almere)
    factories.MembershipFactory(user=user, organisation=zeist)
    factories.mediator(user, organisation=almere, kind="pool", consent="confirmed")
    saved = services.save_profile(user, _cleaned(zeist, kind="pool"))
    assert saved.profile.organisation == zeist
    assert saved.profile.lending_consent == LendingConsent.PENDING


def test_nobody_mediates_for_an_organisation_they_are_not_a_member_of(almere, zeist):
    user = factories.member(organisation=almere)
    with pytest.raises(PoolError):
        services.save_profile(user, _cleaned(zeist))


def test_an_organisation_of_someone_else_is_not_a_choice(as_user, post, almere, zeist):
    user = factories.member(organisation=almere)
    as_user(user)
    response = post(reverse("pool:my_profile"), profile_data(zeist))
    assert response.status_code == 400
    assert not MediatorProfile.objects.exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [("capacity_per_quarter", "99"), ("capacity_per_quarter", "-1"), ("available_from", "31-02-2026")],
)
def test_bad_input_is_refused_and_keeps_what_was_typed(as_user, post, almere, field, value):
    user = factories.member(organisation=almere)
    as_user(user)
    response = post(reverse("pool:my_profile"), profile_data(almere, **{field: value}))
    assert response.status_code == 400
    assert response.context["form"].errors[field]
    html = response.content.decode()
    assert f'value="{value}"' in html
    assert "Arbeidsjurist, twaalf jaar bij de gemeente." in html
    assert not MediatorProfile.objects.exists()


def test_a_date_in_the_past_is_accepted(as_user, post, almere):
    user = factories.member(organisation=almere)
    as_user(user)
    response = post(reverse("pool:my_profile"), profile_data(almere, available_from="2020-01-01"))
    assert response.status_code == 302
    profile = MediatorProfile.objects.get(user=user)
    assert profile.available_from == date(2020, 1, 1)
    assert profile.is_available()


def test_an_introduction_naming_someone_must_be_confirmed(as_user, post, almere):
    user = factories.member(organisation=almere)
    as_user(user)
    text = "Ik bemiddelde tussen mevrouw Jansen en de afdeling."
    response = post(reverse("pool:my_profile"), profile_data(almere, introduction=text))
    assert response.status_code == 400
    assert "Jansen" in response.content.decode()
    seen = response.context["form"].data["findings_seen"]
    response = post(
        reverse("pool:my_profile"),
        profile_data(almere, introduction=text, confirm_findings="on", findings_seen=seen),
    )
    assert response.status_code == 302
    assert MediatorProfile.objects.get(user=user).introduction == text


def test_removing_the_profile_asks_first_and_takes_the_expertise(as_user, post, almere):
    user = factories.member(organisation=almere)
    factories.mediator(user, organisation=almere, expertise=[("domain", "hr")])
    as_user(user)
    assert as_user(user).get(reverse("pool:delete_profile")).status_code == 200
    assert MediatorProfile.objects.exists()
    response = post(reverse("pool:delete_profile"))
    assert response.status_code == 302
    assert not MediatorProfile.objects.exists()
    assert not Expertise.objects.exists()


def test_the_member_profile_page_links_to_the_mediator_profile(as_user, almere):
    user = factories.member(organisation=almere)
    html = as_user(user).get(reverse("accounts:profile")).content.decode()
    assert reverse("pool:my_profile") in html and reverse("pool:find") in html
    assert reverse("pool:organisation_mediators", args=[almere.slug]) not in html


def test_a_coordinator_s_profile_page_links_to_the_organisation_s_mediators(as_user, almere):
    boss = factories.coordinator(organisation=almere)
    html = as_user(boss).get(reverse("accounts:profile")).content.decode()
    assert reverse("pool:organisation_mediators", args=[almere.slug]) in html


def _cleaned(organisation, **changes):
    cleaned = {
        "organisation": organisation,
        "kind": "pool",
        "region": "",
        "register_number": "",
        "registrations": "",
        "phone": "",
        "capacity_per_quarter": 1,
        "available_from": None,
        "introduction": "",
        "domains": [],
        "conflict_kinds": [],
        "languages": [],
    }
    cleaned.update(changes)
    return cleaned


# --- reading a profile --------------------------------------------------------------------------------------------


@pytest.fixture
def pool_mediator(almere, zeist):
    """A Zeist pool mediator, confirmed, in a network with Almere."""
    factories.network("Regio Midden", organisations=[almere, zeist])
    user = factories.member(organisation=zeist, first_name="Zora", last_name="Zeister", email="zora@zeist.example")
    return factories.mediator(user, organisation=zeist, phone="030-1234567", expertise=[("domain", "hr")])


def test_a_visitor_never_sees_a_profile(client, pool_mediator):
    response = client.get(reverse("pool:profile", args=[pool_mediator.pk]))
    assert response.status_code == 302
    assert "Zeister" not in response.content.decode()


def test_a_network_member_reads_a_pool_profile_without_contact_details(as_user, almere, pool_mediator):
    reader = factories.member(organisation=almere)
    with translation.override("en"):
        response = as_user(reader).get(reverse("pool:profile", args=[pool_mediator.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Zora Zeister" in html and "HR and employment" in html
    assert "zora@zeist.example" not in html and "030-1234567" not in html


def test_a_colleague_of_the_same_organisation_sees_the_contact_details(as_user, zeist, pool_mediator):
    pool_mediator.kind = "both"
    pool_mediator.save()
    colleague = factories.member(organisation=zeist)
    html = as_user(colleague).get(reverse("pool:profile", args=[pool_mediator.pk])).content.decode()
    assert "zora@zeist.example" in html and "030-1234567" in html


def test_a_member_outside_the_network_gets_a_404(as_user, pool_mediator):
    outsider = factories.member()
    assert as_user(outsider).get(reverse("pool:profile", args=[pool_mediator.pk])).status_code == 404


def test_a_pool_profile_waiting_for_consent_is_hidden_from_the_network(as_user, almere, pool_mediator):
    pool_mediator.lending_consent = LendingConsent.PENDING
    pool_mediator.save()
    reader = factories.member(organisation=almere)
    assert as_user(reader).get(reverse("pool:profile", args=[pool_mediator.pk])).status_code == 404


def test_a_removed_member_s_profile_is_hidden(as_user, almere, zeist, pool_mediator):
    boss = factories.coordinator(organisation=zeist)
    membership = Membership.objects.get(user=pool_mediator.user, organisation=zeist)
    remove_member(membership.pk, organisation=zeist, removed_by=boss)
    reader = factories.member(organisation=almere)
    assert as_user(reader).get(reverse("pool:profile", args=[pool_mediator.pk])).status_code == 404


# --- the coordinator's screen -------------------------------------------------------------------------------------


def test_only_the_organisation_s_coordinators_see_its_mediators_screen(client, as_user, almere, zeist):
    url = reverse("pool:organisation_mediators", args=[almere.slug])
    assert client.get(url).status_code == 302
    assert as_user(factories.member(organisation=almere)).get(url).status_code == 404
    assert as_user(factories.coordinator(organisation=zeist)).get(url).status_code == 404
    assert as_user(factories.coordinator(organisation=almere)).get(url).status_code == 200


def test_the_coordinator_confirms_lending_and_the_profile_enters_the_pool(as_user, post, almere):
    boss = factories.coordinator(organisation=almere)
    profile = factories.mediator(organisation=almere, consent="pending")
    as_user(boss)
    with translation.override("en"):
        html = as_user(boss).get(reverse("pool:organisation_mediators", args=[almere.slug])).content.decode()
    assert "Waiting for the coordinator" in html
    url = reverse("pool:decide_consent", args=[almere.slug, profile.pk])
    assert post(url, {"decision": "confirm"}).status_code == 302
    profile.refresh_from_db()
    assert profile.in_pool
    assert profile.consent_decided_by == boss
    post(url, {"decision": "refuse"})
    profile.refresh_from_db()
    assert profile.lending_consent == LendingConsent.REFUSED and not profile.in_pool


def test_a_member_cannot_confirm_lending(as_user, post, almere):
    profile = factories.mediator(organisation=almere, consent="pending")
    as_user(factories.member(organisation=almere))
    response = post(reverse("pool:decide_consent", args=[almere.slug, profile.pk]), {"decision": "confirm"})
    assert response.status_code == 404
    profile.refresh_from_db()
    assert profile.lending_consent == LendingConsent.PENDING


def test_a_coordinator_of_another_organisation_cannot_confirm_lending(almere, zeist):
    profile = factories.mediator(organisation=almere, consent="pending")
    with pytest.raises(PoolError):
        services.decide_consent(profile.pk, confirm=True, decided_by=factories.coordinator(organisation=zeist))


def test_deciding_twice_the_same_way_says_so(almere):
    boss = factories.coordinator(organisation=almere)
    profile = factories.mediator(organisation=almere, consent="pending")
    services.decide_consent(profile.pk, confirm=True, decided_by=boss)
    with pytest.raises(PoolError):
        services.decide_consent(profile.pk, confirm=True, decided_by=boss)


def test_consent_is_decided_by_post_only(as_user, almere):
    boss = factories.coordinator(organisation=almere)
    profile = factories.mediator(organisation=almere, consent="pending")
    response = as_user(boss).get(reverse("pool:decide_consent", args=[almere.slug, profile.pk]))
    assert response.status_code == 405


def test_the_coordinator_screen_does_not_grow_in_queries(as_user, almere, django_assert_max_num_queries):
    boss = factories.coordinator(organisation=almere)
    url = reverse("pool:organisation_mediators", args=[almere.slug])
    factories.mediator(organisation=almere, expertise=[("domain", "hr")])
    factories.external_mediator(almere, expertise=[("language", "nl")])
    client = as_user(boss)
    with django_assert_max_num_queries(30) as few:
        client.get(url)
    for _ in range(6):
        factories.mediator(organisation=almere, expertise=[("domain", "hr")])
        factories.external_mediator(almere, expertise=[("language", "nl")], contact_person=boss)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)


# --- who may ask the networks -------------------------------------------------------------------------------------


def test_the_coordinator_allows_a_colleague_to_ask_and_takes_it_back(as_user, post, almere):
    boss = factories.coordinator(organisation=almere)
    colleague = factories.member(organisation=almere, first_name="Cas", last_name="Collega")
    as_user(boss)
    url = reverse("pool:requesters", args=[almere.slug])
    assert as_user(boss).get(url).status_code == 200
    assert post(url, {"member": colleague.pk}).status_code == 302
    requester = Requester.objects.get()
    assert (requester.user, requester.organisation, requester.granted_by) == (colleague, almere, boss)
    assert "Cas Collega" in as_user(boss).get(url).content.decode()
    post(reverse("pool:remove_requester", args=[almere.slug, requester.pk]))
    assert not Requester.objects.exists()


def test_only_active_members_of_the_organisation_can_be_allowed(as_user, post, almere, zeist):
    boss = factories.coordinator(organisation=almere)
    stranger = factories.member(organisation=zeist)
    as_user(boss)
    response = post(reverse("pool:requesters", args=[almere.slug]), {"member": stranger.pk})
    assert response.status_code == 400
    assert not Requester.objects.exists()


def test_a_member_cannot_manage_who_may_ask(as_user, post, almere):
    member = factories.member(organisation=almere)
    as_user(member)
    assert as_user(member).get(reverse("pool:requesters", args=[almere.slug])).status_code == 404
    assert post(reverse("pool:requesters", args=[almere.slug]), {"member": member.pk}).status_code == 404
    assert not Requester.objects.exists()
