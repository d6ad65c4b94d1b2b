"""External mediators: kept by the organisation's coordinators, seen (contract notes included) by its members only."""

import pytest
from django.urls import reverse
from django.utils import translation

from accounts.models import Membership
from pool.errors import PoolError
from pool.models import Expertise, ExternalMediator
from pool.services import externals as services
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def almere(db):
    return factories.OrganisationFactory(name="Almere")


@pytest.fixture
def boss(almere):
    return factories.coordinator(organisation=almere, first_name="Bea", last_name="Baas")


def external_data(contact, **changes):
    data = {
        "name": "Mr. M. de Vries",
        "firm": "De Vries Mediation",
        "email": "info@devries.example",
        "phone": "",
        "region": "Flevoland",
        "register_number": "MfN-9876",
        "contact_person": contact.pk,
        "contract_notes": "Raamcontract tot eind 2027, uurtarief volgens offerte.",
        "domains": ["taxes"],
        "conflict_kinds": ["citizen_government"],
        "languages": ["nl", "de"],
    }
    data.update(changes)
    return data


def test_a_coordinator_adds_an_external_mediator_with_expertise(as_user, post, almere, boss):
    as_user(boss)
    response = post(reverse("pool:external_create", args=[almere.slug]), external_data(boss))
    external = ExternalMediator.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("pool:external", args=[external.pk])
    assert (external.organisation, external.contact_person, external.created_by) == (almere, boss, boss)
    assert set(Expertise.objects.filter(external=external).values_list("facet", "value")) == {
        ("domain", "taxes"),
        ("conflict", "citizen_government"),
        ("language", "nl"),
        ("language", "de"),
    }


def test_only_the_organisation_s_coordinators_may_add_one(client, as_user, post, almere):
    url = reverse("pool:external_create", args=[almere.slug])
    assert client.get(url).status_code == 302
    member = factories.member(organisation=almere)
    assert as_user(member).get(url).status_code == 404
    assert post(url, external_data(member)).status_code == 404
    other = factories.coordinator()
    assert as_user(other).get(url).status_code == 404
    assert not ExternalMediator.objects.exists()


def test_the_contact_person_is_an_active_member_of_the_organisation(as_user, post, almere, boss):
    stranger = factories.member()
    as_user(boss)
    response = post(reverse("pool:external_create", args=[almere.slug]), external_data(stranger))
    assert response.status_code == 400
    assert response.context["form"].errors["contact_person"]
    assert "Raamcontract tot eind 2027" in response.content.decode()
    assert not ExternalMediator.objects.exists()


def test_the_service_refuses_a_contact_person_from_elsewhere(almere, boss):
    stranger = factories.member()
    with pytest.raises(PoolError):
        services.save_external(almere, {"name": "X", "contact_person": stranger}, by=boss)


def test_members_of_the_organisation_read_it_with_the_contract_notes(as_user, almere, boss):
    external = factories.external_mediator(almere, contract_notes="Raamcontract tot eind 2027.", contact_person=boss)
    member = factories.member(organisation=almere)
    with translation.override("en"):
        html = as_user(member).get(f"/en/pool/externals/{external.pk}/").content.decode()
    assert "Raamcontract tot eind 2027." in html
    assert "Bea Baas" in html
    assert f"/en/pool/externals/{external.pk}/edit/" not in html


@pytest.mark.parametrize("who", ["visitor", "other organisation", "removed member", "same network"])
def test_nobody_else_sees_an_external_mediator(client, as_user, almere, boss, who):
    external = factories.external_mediator(almere, contract_notes="Geheim tarief.")
    url = reverse("pool:external", args=[external.pk])
    if who == "visitor":
        response = client.get(url)
        assert response.status_code == 302
        assert "Geheim" not in response.content.decode()
        return
    if who == "other organisation":
        reader = factories.member()
    elif who == "same network":
        other = factories.OrganisationFactory()
        factories.network(organisations=[almere, other])
        reader = factories.member(organisation=other)
    else:
        reader = factories.member(organisation=almere)
        Membership.objects.filter(user=reader).update(status=Membership.Status.REMOVED)
    response = as_user(reader).get(url)
    assert response.status_code in (403, 404)
    assert "Geheim" not in response.content.decode()


def test_a_coordinator_edits_it_and_the_form_keeps_the_expertise(as_user, post, almere, boss):
    external = factories.external_mediator(almere, expertise=[("domain", "hr"), ("language", "nl")])
    as_user(boss)
    form = as_user(boss).get(reverse("pool:external_edit", args=[external.pk])).context["form"]
    assert form.initial["domains"] == ["hr"] and form.initial["languages"] == ["nl"]
    response = post(reverse("pool:external_edit", args=[external.pk]), external_data(boss, domains=[]))
    assert response.status_code == 302
    external.refresh_from_db()
    assert external.firm == "De Vries Mediation"
    assert not Expertise.objects.filter(external=external, facet="domain").exists()


def test_a_member_cannot_edit_or_delete(as_user, post, almere):
    external = factories.external_mediator(almere)
    member = factories.member(organisation=almere)
    as_user(member)
    assert as_user(member).get(reverse("pool:external_edit", args=[external.pk])).status_code == 404
    assert post(reverse("pool:external_delete", args=[external.pk])).status_code == 404
    assert ExternalMediator.objects.exists()


def test_deleting_asks_first(as_user, post, almere, boss):
    external = factories.external_mediator(almere, expertise=[("domain", "hr")])
    as_user(boss)
    assert as_user(boss).get(reverse("pool:external_delete", args=[external.pk])).status_code == 200
    assert ExternalMediator.objects.exists()
    response = post(reverse("pool:external_delete", args=[external.pk]))
    assert response["Location"] == reverse("pool:organisation_mediators", args=[almere.slug])
    assert not ExternalMediator.objects.exists() and not Expertise.objects.exists()


def test_contract_notes_naming_someone_must_be_confirmed(as_user, post, almere, boss):
    as_user(boss)
    data = external_data(boss, contract_notes="Afspraken gemaakt met mevrouw Bakker van inkoop.")
    response = post(reverse("pool:external_create", args=[almere.slug]), data)
    assert response.status_code == 400
    assert not ExternalMediator.objects.exists()
    seen = response.context["form"].data["findings_seen"]
    response = post(
        reverse("pool:external_create", args=[almere.slug]), {**data, "confirm_findings": "on", "findings_seen": seen}
    )
    assert response.status_code == 302


def test_a_bad_e_mail_address_keeps_what_was_typed(as_user, post, almere, boss):
    as_user(boss)
    response = post(reverse("pool:external_create", args=[almere.slug]), external_data(boss, email="niet-een-adres"))
    assert response.status_code == 400
    html = response.content.decode()
    assert 'value="niet-een-adres"' in html and 'value="De Vries Mediation"' in html


def test_the_coordinator_screen_lists_the_externals(as_user, almere, boss):
    factories.external_mediator(almere, "Bureau Flevo")
    html = as_user(boss).get(reverse("pool:organisation_mediators", args=[almere.slug])).content.decode()
    assert "Bureau Flevo" in html
    assert reverse("pool:external_create", args=[almere.slug]) in html
