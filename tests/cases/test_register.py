"""The register: the list of cases, registering one, the case page's register sections, editing the details and the
people involved; who may reach any of it."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from cases.choices import EventAction
from cases.models import Assignment, Case, CaseEvent, Party
from tests import factories
from tests.cases.register_world import build

pytestmark = pytest.mark.django_db

BSN = "111222333"
FINDINGS = [
    BSN,
    "iemand@example.org",
    "06-12345678",
    "mevrouw Jansen",
]


@pytest.fixture
def w():
    return build()


def create_data(w, **overrides):
    data = {
        "organisation": w.almere.pk,
        "reference": "BZ-2026-0101",
        "kind": "objection",
        "policy_domain": "environment",
        "origin": "hearing_referral",
        "received_on": "2026-10-01",
        "decision_due_on": "2026-12-10",
        "summary": "Bezwaar tegen een omgevingsvergunning.\nDe buurman is boos.",
        "party_role_1": "citizen",
        "party_description_1": "buurman die bezwaar maakte",
        "party_role_2": "team_leader",
        "party_description_2": "",
        "party_role_3": "",
        "party_description_3": "",
        "party_role_4": "",
        "party_description_4": "",
    }
    return data | overrides


def edit_data(case, **overrides):
    data = {
        "reference": case.reference,
        "kind": case.kind,
        "policy_domain": case.policy_domain,
        "origin": case.origin,
        "received_on": case.received_on.isoformat(),
        "decision_due_on": case.decision_due_on.isoformat() if case.decision_due_on else "",
        "summary": case.summary,
        "version": case.version,
    }
    return data | overrides


def events(case, action):
    return CaseEvent.objects.filter(case=case, action=action).count()


# --- the list ------------------------------------------------------------------------------------------------------


def test_the_handler_sees_their_case_and_a_colleague_sees_an_empty_list(client, w):
    client.force_login(w.handler)
    page = client.get(reverse("cases:index")).content.decode()
    assert w.case.reference in page
    client.force_login(w.colleague)
    response = client.get(reverse("cases:index"))
    assert response.status_code == 200
    assert w.case.reference not in response.content.decode()
    with translation.override("en"):
        page = client.get(reverse("cases:index")).content.decode()
        assert "There are no cases for you yet." in page
        assert "Register a case" in page


def test_coordinators_see_every_case_of_their_organisation_and_no_other(client, w):
    other = factories.case(w.almere, handler=w.colleague, reference="BZ-ALM-2")
    zeist_case = factories.case(w.zeist, handler=w.zeist_coordinator, reference="ZST-1")
    client.force_login(w.coordinator)
    page = client.get(reverse("cases:index")).content.decode()
    assert w.case.reference in page and other.reference in page and zeist_case.reference not in page
    client.force_login(w.zeist_coordinator)
    page = client.get(reverse("cases:index")).content.decode()
    assert zeist_case.reference in page and w.case.reference not in page


def test_the_list_filters_by_status_kind_and_my_assignments(client, w):
    closed = factories.case(
        w.almere,
        handler=w.colleague,
        reference="GESLOTEN-1",
        kind="complaint",
        status="closed",
        closed_on=datetime.date(2026, 10, 1),
        outcome="agreement",
    )
    client.force_login(w.coordinator)
    url = reverse("cases:index")
    page = client.get(url, {"status": "closed"}).content.decode()
    assert closed.reference in page and w.case.reference not in page
    page = client.get(url, {"kind": "objection"}).content.decode()
    assert closed.reference not in page and w.case.reference in page
    page = client.get(url, {"mine": "1"}).content.decode()
    assert closed.reference not in page and w.case.reference not in page
    with translation.override("en"):
        assert "No cases match these filters." in client.get(reverse("cases:index"), {"mine": "1"}).content.decode()
    page = client.get(url, {"status": "nonsense", "kind": "nonsense"}).content.decode()
    assert closed.reference in page and w.case.reference in page


def test_the_list_flags_overdue_deadlines_and_those_within_a_week(client, w):
    today = datetime.date.today()
    factories.case(w.almere, handler=w.handler, reference="TE-LAAT", decision_due_on=today - datetime.timedelta(1))
    factories.case(w.almere, handler=w.handler, reference="BIJNA", decision_due_on=today + datetime.timedelta(3))
    client.force_login(w.handler)
    with translation.override("en"):
        page = client.get(reverse("cases:index")).content.decode()
    assert "Deadline passed" in page and "Within a week" in page


def test_the_list_pages_and_keeps_a_fixed_number_of_queries(client, w, django_assert_max_num_queries):
    client.force_login(w.coordinator)
    for number in range(2):
        factories.case(w.almere, handler=w.handler, reference=f"KLEIN-{number}")
    with django_assert_max_num_queries(20) as few:
        client.get(reverse("cases:index"))
    for number in range(28):
        factories.case(w.almere, handler=w.handler, reference=f"GROOT-{number}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(reverse("cases:index")).content.decode()
    assert 'aria-label="Pagina' in page or "utrecht-pagination" in page
    assert client.get(reverse("cases:index"), {"page": 2}).status_code == 200


# --- registering ---------------------------------------------------------------------------------------------------


def test_a_member_registers_a_case_and_becomes_its_handler(client, w, post):
    client.force_login(w.colleague)
    page = client.get(reverse("cases:create")).content.decode()
    assert 'type="hidden" name="organisation"' in page
    response = post(reverse("cases:create"), create_data(w))
    case = Case.objects.get(reference="BZ-2026-0101")
    assert response.status_code == 302 and response.url == case.get_absolute_url()
    assert case.organisation == w.almere and case.created_by == w.colleague
    assert case.origin == "hearing_referral" and case.decision_due_on == datetime.date(2026, 12, 10)
    assert list(case.parties.values_list("role", "description")) == [
        ("citizen", "buurman die bezwaar maakte"),
        ("team_leader", ""),
    ]
    assert list(case.assignments.values_list("user", "role")) == [(w.colleague.pk, "handler")]
    assert events(case, EventAction.CREATED) == 1
    assert client.get(case.get_absolute_url()).status_code == 200


def test_a_member_of_two_organisations_chooses_and_cannot_pick_a_third(client, w, post):
    factories.MembershipFactory(user=w.colleague, organisation=w.zeist)
    other = factories.OrganisationFactory(name="Gemeente Elders")
    client.force_login(w.colleague)
    page = client.get(reverse("cases:create")).content.decode()
    assert 'name="organisation"' in page and "Gemeente Zeist" in page and "Gemeente Elders" not in page
    response = post(reverse("cases:create"), create_data(w, organisation=other.pk))
    assert response.status_code == 200 and not Case.objects.filter(reference="BZ-2026-0101").exists()
    post(reverse("cases:create"), create_data(w, organisation=w.zeist.pk))
    assert Case.objects.get(reference="BZ-2026-0101").organisation == w.zeist


def test_a_deadline_before_the_received_date_is_refused_with_everything_kept(client, w, post):
    client.force_login(w.handler)
    with translation.override("en"):
        response = post(reverse("cases:create"), create_data(w, decision_due_on="2026-09-01"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "The decision deadline cannot be before the date the case was received." in page
    assert "BZ-2026-0101" in page and "buurman die bezwaar maakte" in page and "De buurman is boos." in page
    assert not Case.objects.filter(reference="BZ-2026-0101").exists()


def test_at_least_one_person_involved_is_required(client, w, post):
    client.force_login(w.handler)
    with translation.override("en"):
        response = post(reverse("cases:create"), create_data(w, party_role_1="", party_description_1=""))
    assert "Name at least one person involved, by role." in response.content.decode()
    assert not Case.objects.filter(reference="BZ-2026-0101").exists()


@pytest.mark.parametrize("field", ["reference", "summary", "party_description_1", "party_description_3"])
@pytest.mark.parametrize("finding", FINDINGS)
def test_the_detector_stops_personal_data_in_every_field_of_the_registration_until_confirmed(
    client, w, post, field, finding
):
    client.force_login(w.handler)
    text = f"Zie {finding}"
    extra = {"party_role_3": "representative"} if field == "party_description_3" else {}
    first = post(reverse("cases:create"), create_data(w, **{field: text}, **extra))
    assert first.status_code == 200
    assert f"<mark>{finding.split()[-1]}</mark>" in first.content.decode()
    assert not Case.objects.exists() or not Case.objects.filter(created_by=w.handler, pk__gt=w.case.pk).exists()
    digest = first.context["form"]["findings_seen"].value()
    confirmed = post(
        reverse("cases:create"),
        create_data(w, **{field: text}, **extra, confirm_findings="on", findings_seen=digest),
    )
    assert confirmed.status_code == 302


# --- the case page -------------------------------------------------------------------------------------------------


def test_the_case_page_shows_the_details_people_and_assignments_and_logs_the_opening(client, w):
    Party.objects.create(case=w.case, role="citizen", description="buurman")
    w.case.summary = "Eerste regel.\nTweede regel."
    w.case.save()
    client.force_login(w.handler)
    with translation.override("en"):
        page = client.get(w.case.get_absolute_url()).content.decode()
    assert '<h1 class="utrecht-heading-1">BZ-2026-0042</h1>' in page
    assert "Gemeente Almere" in page and "Open" in page
    assert "Citizen: buurman" in page
    assert "Hanna" in page and "(Handler)" in page
    assert "Eerste regel.<br>Tweede regel." in page
    assert f"/cases/{w.case.pk}/edit/" in page
    assert f"/cases/{w.case.pk}/assigned/" not in page  # only coordinators assign
    assert events(w.case, EventAction.OPENED) == 1
    client.force_login(w.coordinator)
    assert reverse("cases:assignments", args=[w.case.pk]) in client.get(w.case.get_absolute_url()).content.decode()


# --- editing -------------------------------------------------------------------------------------------------------


def test_editing_saves_raises_the_version_and_logs_the_change(client, w, post):
    client.force_login(w.handler)
    page = client.get(reverse("cases:edit", args=[w.case.pk])).content.decode()
    assert 'name="version" value="1"' in page
    response = post(reverse("cases:edit", args=[w.case.pk]), edit_data(w.case, summary="Nieuwe samenvatting."))
    assert response.status_code == 302
    w.case.refresh_from_db()
    assert w.case.summary == "Nieuwe samenvatting." and w.case.version == 2
    assert events(w.case, EventAction.CHANGED) == 1


def test_an_edit_from_an_old_version_is_refused_and_keeps_what_was_typed(client, w, post):
    client.force_login(w.handler)
    post(reverse("cases:edit", args=[w.case.pk]), edit_data(w.case, summary="Eerste wijziging."))
    with translation.override("en"):
        response = post(
            reverse("cases:edit", args=[w.case.pk]), edit_data(w.case, summary="Mijn eigen tekst.", version=1)
        )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Someone else changed this case while you were editing" in page
    assert "Mijn eigen tekst." in page
    assert "Eerste wijziging." in page  # their change, to compare with
    assert 'name="version" value="2"' in page
    w.case.refresh_from_db()
    assert w.case.summary == "Eerste wijziging." and w.case.version == 2
    # Having checked their change, saving again goes through.
    again = post(reverse("cases:edit", args=[w.case.pk]), edit_data(w.case, summary="Mijn eigen tekst.", version=2))
    assert again.status_code == 302
    w.case.refresh_from_db()
    assert w.case.summary == "Mijn eigen tekst." and w.case.version == 3


def test_editing_keeps_the_deadline_rule(client, w, post):
    client.force_login(w.handler)
    with translation.override("en"):
        response = post(reverse("cases:edit", args=[w.case.pk]), edit_data(w.case, decision_due_on="2026-01-01"))
    assert "The decision deadline cannot be before the date the case was received." in response.content.decode()
    w.case.refresh_from_db()
    assert w.case.version == 1


@pytest.mark.parametrize("field", ["reference", "summary"])
@pytest.mark.parametrize("finding", FINDINGS)
def test_the_detector_stops_personal_data_in_the_edited_details(client, w, post, field, finding):
    client.force_login(w.handler)
    response = post(reverse("cases:edit", args=[w.case.pk]), edit_data(w.case, **{field: f"Zie {finding}"}))
    assert response.status_code == 200 and f"<mark>{finding.split()[-1]}</mark>" in response.content.decode()
    w.case.refresh_from_db()
    assert w.case.version == 1


# --- the people involved -------------------------------------------------------------------------------------------


def test_people_involved_are_added_and_removed_by_role_and_logged(client, w, post):
    client.force_login(w.handler)
    url = reverse("cases:parties", args=[w.case.pk])
    assert post(url, {"role": "representative", "description": "advocaat van de inwoner"}).status_code == 302
    party = Party.objects.get(case=w.case)
    assert party.role == "representative"
    assert "advocaat van de inwoner" in client.get(url).content.decode()
    remove = reverse("cases:remove_party", args=[w.case.pk, party.pk])
    assert client.get(remove).status_code == 405
    assert post(remove).status_code == 302
    assert not Party.objects.filter(case=w.case).exists()
    assert events(w.case, EventAction.PARTY) == 2


@pytest.mark.parametrize("finding", FINDINGS)
def test_the_detector_stops_personal_data_in_a_party_description(client, w, post, finding):
    client.force_login(w.handler)
    url = reverse("cases:parties", args=[w.case.pk])
    response = post(url, {"role": "citizen", "description": f"Zie {finding}"})
    assert response.status_code == 200 and f"<mark>{finding.split()[-1]}</mark>" in response.content.decode()
    assert not Party.objects.filter(case=w.case).exists()


def test_a_party_of_another_case_cannot_be_removed_through_this_one(client, w, post):
    other = factories.case(w.almere, handler=w.handler, reference="ANDER")
    party = Party.objects.create(case=other, role="citizen")
    client.force_login(w.handler)
    post(reverse("cases:remove_party", args=[w.case.pk, party.pk]))
    assert Party.objects.filter(pk=party.pk).exists()


# --- who may reach the register's pages ----------------------------------------------------------------------------


def case_urls(w):
    party = Party.objects.create(case=w.case, role="citizen")
    assignment = Assignment.objects.get(case=w.case)
    pk = w.case.pk
    return [
        ("get", reverse("cases:detail", args=[pk])),
        ("get", reverse("cases:edit", args=[pk])),
        ("post", reverse("cases:edit", args=[pk])),
        ("get", reverse("cases:parties", args=[pk])),
        ("post", reverse("cases:parties", args=[pk])),
        ("post", reverse("cases:remove_party", args=[pk, party.pk])),
        ("get", reverse("cases:assignments", args=[pk])),
        ("post", reverse("cases:assignments", args=[pk])),
        ("post", reverse("cases:unassign", args=[pk, assignment.pk])),
    ]


@pytest.mark.parametrize("who", ["colleague", "zeist_coordinator", "superuser"])
def test_nobody_outside_the_case_reaches_any_of_its_register_pages(client, w, who):
    client.force_login(getattr(w, who))
    for method, url in case_urls(w):
        response = getattr(client, method)(url)
        assert response.status_code in (403, 404), (method, url, response.status_code)
        assert w.case.reference not in response.content.decode()
    assert Party.objects.filter(case=w.case).count() == 1
    assert Assignment.objects.filter(case=w.case).count() == 1
    assert not CaseEvent.objects.filter(case=w.case).exists()


def test_a_visitor_is_sent_to_log_in_from_every_register_page(client, w):
    for method, url in [("get", reverse("cases:index")), ("get", reverse("cases:create")), *case_urls(w)]:
        response = getattr(client, method)(url)
        assert response.status_code == 302, (method, url)
        assert "login" in response.url


def test_a_superuser_without_membership_sees_no_list_and_cannot_register(client, w):
    client.force_login(w.superuser)
    for url in (reverse("cases:index"), reverse("cases:create")):
        response = client.get(url)
        assert response.status_code in (302, 403, 404)
        assert w.case.reference not in response.content.decode()


def test_the_handler_cannot_manage_assignments(client, w):
    client.force_login(w.handler)
    assert client.get(reverse("cases:assignments", args=[w.case.pk])).status_code == 404


def test_the_main_navigation_shows_cases_to_members_only(client, w):
    client.force_login(w.colleague)
    assert reverse("cases:index") in client.get("/nl/").content.decode()
    client.logout()
    assert reverse("cases:index") not in client.get("/nl/").content.decode()
