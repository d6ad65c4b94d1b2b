"""GDPR and offboarding for the case register: "download my data", "delete my account", a membership that ends."""

import pytest

from accounts import privacy
from accounts.models import Membership
from accounts.services import remove_member
from cases import permissions
from cases.choices import EventAction
from cases.models import Assignment, Case, CaseEvent, Contact
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def almere(db):
    return factories.OrganisationFactory(name="Almere")


@pytest.fixture
def handler(almere):
    return factories.member(organisation=almere)


@pytest.fixture
def boss(almere):
    return factories.coordinator(organisation=almere)


def test_the_export_lists_the_person_s_cases_and_counts_their_contacts_without_the_case_text(almere, handler):
    case = factories.case(almere, handler=handler, reference="BZ-2026-0042", summary="Kanarie: tekst van de burger.")
    Contact.objects.create(case=case, summary="Kanarie: gesprek.", recorded_by=handler)
    Contact.objects.create(case=case, summary="Kanarie: nog een.", recorded_by=handler)
    data = privacy.export(handler)
    assignments = data["case_assignments"]
    assert [(row["organisation"], row["case"], row["role"]) for row in assignments] == [
        ("Almere", "BZ-2026-0042", "handler")
    ]
    assert assignments[0]["assigned_at"]
    assert data["case_contacts"] == {"contacts_recorded": 2}
    assert "Kanarie" not in privacy.export_json(handler).decode()


def test_someone_without_cases_exports_empty_sections(almere):
    data = privacy.export(factories.member(organisation=almere))
    assert data["case_assignments"] == []
    assert data["case_contacts"] == {"contacts_recorded": 0}


def test_deleting_the_account_keeps_the_case_and_its_contacts_without_the_person(almere, handler):
    case = factories.case(almere, handler=handler)
    contact = Contact.objects.create(case=case, summary="Gesprek.", recorded_by=handler)
    CaseEvent.objects.create(case=case, organisation=almere, actor=handler, action=EventAction.OPENED)
    privacy.delete_account(handler)
    assert Case.objects.filter(pk=case.pk).exists()
    assert not Assignment.objects.exists()
    contact.refresh_from_db()
    assert contact.recorded_by is None
    assert CaseEvent.objects.get().actor is None


def test_leaving_the_organisation_takes_the_person_off_its_cases_with_a_log_entry(almere, handler, boss):
    first = factories.case(almere, handler=handler)
    second = factories.case(almere, handler=factories.member(organisation=almere), assigned=[handler])
    membership = Membership.objects.get(user=handler, organisation=almere)
    remove_member(membership.pk, organisation=almere, removed_by=boss)
    assert not Assignment.objects.filter(user=handler).exists()
    assert Assignment.objects.filter(case=second).count() == 1
    entries = CaseEvent.objects.filter(action=EventAction.ASSIGNED).order_by("case_id")
    assert [(entry.case_id, entry.actor) for entry in entries] == [(first.pk, boss), (second.pk, boss)]


def test_leaving_another_organisation_leaves_the_assignments_alone(almere, handler):
    case = factories.case(almere, handler=handler)
    other = factories.OrganisationFactory()
    factories.MembershipFactory(user=handler, organisation=other)
    other_boss = factories.coordinator(organisation=other)
    membership = Membership.objects.get(user=handler, organisation=other)
    remove_member(membership.pk, organisation=other, removed_by=other_boss)
    assert Assignment.objects.filter(user=handler, case=case).exists()
    assert permissions.can_read_case(handler, case)
    assert not CaseEvent.objects.exists()
