"""The mediation route of a case: choosing the mediator (internal, from the pool, external), the officials and their
mandate, the steps in order, the meetings, and who may touch any of it."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from cases.choices import EventAction, RouteStep
from cases.errors import CaseError
from cases.models import Assignment, CaseEvent, Meeting, Official, StepRecord
from cases.services import route as services
from pool.models import Loan
from tests import factories
from tests.cases.route_world import STARTED, build, in_mediation, to_officials_step

pytestmark = pytest.mark.django_db

MANDATE = "Mag de vergunningvoorwaarden aanpassen binnen de beleidsregels."


@pytest.fixture
def w():
    return build()


def url(name, case, *args):
    return reverse(f"cases:{name}", args=[case.pk, *args])


def mediation_data(**changes):
    return {"started_on": STARTED.isoformat(), "source": "internal"} | changes


# --- the mediator --------------------------------------------------------------------------------------------------


def test_going_to_mediation_with_an_internal_mediator_assigns_them_and_records_the_intake(as_user, post, w):
    as_user(w.handler)
    response = post(url("start_mediation", w.case), mediation_data(mediator_profile=w.mediator.pk))
    assert response.status_code == 302
    w.case.refresh_from_db()
    assert w.case.mediator_source == "internal" and w.case.mediator_profile == w.mediator
    assert w.case.mediation_started_on == STARTED and w.case.route_step == RouteStep.INTAKE
    assert StepRecord.objects.get(case=w.case).step == RouteStep.INTAKE
    assert Assignment.objects.get(case=w.case, user=w.mediator_user).role == "mediator"
    assert CaseEvent.objects.filter(case=w.case, action=EventAction.MEDIATION).count() == 1
    # The mediator can now open the case.
    as_user(w.mediator_user)
    assert as_user(w.mediator_user).get(w.case.get_absolute_url()).status_code == 200


def test_only_current_internal_mediators_of_the_organisation_can_be_chosen(as_user, post, w):
    zeist_mediator = factories.mediator(organisation=w.zeist, kind="internal")
    pool_only = factories.mediator(organisation=w.almere, kind="pool")
    left = factories.mediator(organisation=w.almere, kind="both")
    left.user.memberships.update(status="ended")
    as_user(w.handler)
    response = as_user(w.handler).get(url("start_mediation", w.case))
    assert list(response.context["form"].fields["mediator_profile"].queryset) == [w.mediator]
    for profile in (zeist_mediator, pool_only, left):
        response = post(url("start_mediation", w.case), mediation_data(mediator_profile=profile.pk))
        assert response.status_code == 400
        assert response.context["form"].data["mediator_profile"] == str(profile.pk)
    with pytest.raises(CaseError):
        services.start_mediation(w.case.pk, w.handler, started_on=STARTED, source="internal", profile=zeist_mediator)
    w.case.refresh_from_db()
    assert not w.case.in_mediation


def test_choosing_a_source_without_its_mediator_keeps_what_was_typed(as_user, post, w):
    as_user(w.handler)
    with translation.override("en"):
        response = post(url("start_mediation", w.case), mediation_data(source="external"))
        errors = [str(error) for error in response.context["form"].errors["external_mediator"]]
    assert response.status_code == 400
    assert errors == ["Choose one of your organisation's external mediators."]
    assert response.context["form"].data["started_on"] == STARTED.isoformat()


def test_mediation_cannot_start_before_the_case_was_received(as_user, post, w):
    as_user(w.handler)
    data = mediation_data(started_on="2026-08-01", mediator_profile=w.mediator.pk)
    response = post(url("start_mediation", w.case), data)
    assert response.status_code == 400
    assert "started_on" in response.context["form"].errors


def make_loan(w):
    network = factories.network("Netwerk Flevoland", organisations=[w.almere, w.zeist])
    lender = factories.mediator(
        factories.member("lotte.lender@zeist.example", organisation=w.zeist, first_name="Lotte", last_name="Lener"),
        organisation=w.zeist,
    )
    request = factories.mediator_request(network, w.handler, title="Vastgelopen gesprek over een vergunning")
    return Loan.objects.create(
        request=request,
        mediator=lender,
        network=network,
        lending_organisation=w.zeist,
        borrowing_organisation=w.almere,
    )


def test_a_mediator_from_the_pool_is_an_approved_loan_shown_with_network_and_request(as_user, post, w):
    loan = make_loan(w)
    as_user(w.handler)
    with translation.override("en"):
        page = as_user(w.handler).get(url("start_mediation", w.case)).content.decode()
        assert "Lotte Lener (Zeist) via Netwerk Flevoland, request Vastgelopen gesprek over een vergunning" in page
        response = post(url("start_mediation", w.case), mediation_data(source="pool", loan=loan.pk))
        assert response.status_code == 302
        w.case.refresh_from_db()
        assert w.case.loan == loan and w.case.mediator_source == "pool"
        page = as_user(w.handler).get(w.case.get_absolute_url()).content.decode()
        assert "via Netwerk Flevoland" in page
        assert reverse("pool:request", args=[loan.request_id]) in page


def test_a_loan_to_another_organisation_cannot_be_chosen(as_user, post, w):
    loan = make_loan(w)
    Loan.objects.filter(pk=loan.pk).update(borrowing_organisation=factories.OrganisationFactory())
    as_user(w.handler)
    response = post(url("start_mediation", w.case), mediation_data(source="pool", loan=loan.pk))
    assert response.status_code == 400


def test_without_loans_the_form_says_so_and_links_to_the_pool(as_user, w):
    with translation.override("en"):
        page = as_user(w.handler).get(url("start_mediation", w.case)).content.decode()
        assert "There is no approved loan of a mediator from the pool for your organisation." in page
        assert reverse("pool:index") in page


def test_an_external_mediator_shows_our_contact_person_and_warns_without_one(as_user, post, w):
    with_contact = factories.external_mediator(w.almere, "Bureau Vrede", contact_person=w.coordinator)
    without = factories.external_mediator(w.almere, "Bureau Stilte")
    factories.external_mediator(w.zeist, "Bureau Elders")
    as_user(w.handler)
    response = as_user(w.handler).get(url("start_mediation", w.case))
    assert list(response.context["form"].fields["external_mediator"].queryset) == [without, with_contact]
    data = mediation_data(source="external", external_mediator=with_contact.pk)
    assert post(url("start_mediation", w.case), data).status_code == 302
    with translation.override("en"):
        page = as_user(w.handler).get(w.case.get_absolute_url()).content.decode()
        assert w.coordinator.get_full_name() in page
        assert "has no fixed contact person" not in page
        assert reverse("pool:external", args=[with_contact.pk]) in page
        post(url("start_mediation", w.case), mediation_data(source="external", external_mediator=without.pk))
        page = as_user(w.handler).get(w.case.get_absolute_url()).content.decode()
    assert "has no fixed contact person" in page


def test_changing_the_mediator_later_moves_the_case_to_the_new_one(w):
    in_mediation(w)
    external = factories.external_mediator(w.almere)
    services.reach_step(w.case.pk, w.handler, step="consent", on=STARTED)
    case = services.start_mediation(w.case.pk, w.handler, started_on=STARTED, source="external", external=external)
    assert case.mediator_source == "external" and case.external_mediator == external
    assert case.mediator_profile is None
    assert case.route_step == RouteStep.CONSENT
    assert set(StepRecord.objects.filter(case=w.case).values_list("step", flat=True)) == {"intake", "consent"}
    assert CaseEvent.objects.filter(case=w.case, action=EventAction.MEDIATION).count() == 3


# --- steps ---------------------------------------------------------------------------------------------------------


def test_steps_follow_the_route_but_pre_meetings_may_be_left_out(w):
    in_mediation(w)
    day = STARTED + datetime.timedelta(days=1)
    with translation.override("en"), pytest.raises(CaseError, match="Record the earlier steps first"):
        services.reach_step(w.case.pk, w.handler, step="officials", on=day)
    services.reach_step(w.case.pk, w.handler, step="consent", on=day)
    services.reach_step(w.case.pk, w.handler, step="officials", on=day)
    official = services.add_official(w.case.pk, w.handler, role="team_leader", mandate=MANDATE)
    services.confirm_mandate(w.case.pk, official.pk, w.handler)
    case = services.reach_step(w.case.pk, w.handler, step="meeting", on=day)
    assert case.route_step == RouteStep.MEETING
    assert not StepRecord.objects.filter(case=w.case, step="pre_meetings").exists()
    with pytest.raises(CaseError):
        services.reach_step(w.case.pk, w.handler, step="consent", on=day)
    with pytest.raises(CaseError):
        services.reach_step(w.case.pk, w.handler, step="outcome", on=day)


def test_a_step_cannot_be_dated_before_an_earlier_one(w):
    in_mediation(w)
    with pytest.raises(CaseError):
        services.reach_step(w.case.pk, w.handler, step="consent", on=STARTED - datetime.timedelta(days=1))


def test_a_refused_step_is_shown_with_what_was_chosen(as_user, post, w):
    in_mediation(w)
    as_user(w.handler)
    with translation.override("en"):
        response = post(url("reach_step", w.case), {"route-step": "meeting", "route-reached_on": "2026-09-20"})
    assert response.status_code == 400
    assert "Record the earlier steps first" in response.content.decode()
    assert response.context["form"].data["route-step"] == "meeting"


def test_the_case_page_lists_the_steps_in_order_with_the_current_one_marked(as_user, w):
    to_officials_step(w)
    with translation.override("en"):
        page = as_user(w.handler).get(w.case.get_absolute_url()).content.decode()
    assert page.count('aria-current="step"') == 1
    current = page.index('aria-current="step"')
    assert page.index("Other party asked and willing", current) - current < 200
    steps = page[page.index("Intake") :]  # the route's list (the header names the current step too)
    assert steps.index("Other party asked and willing") < steps.index("Individual pre-meetings")


def test_a_case_outside_mediation_shows_the_way_in(as_user, w):
    with translation.override("en"):
        page = as_user(w.handler).get(w.case.get_absolute_url()).content.decode()
        assert "This case has not gone to mediation." in page
        assert url("start_mediation", w.case) in page


# --- officials and meetings ----------------------------------------------------------------------------------------


def test_an_official_is_added_by_role_and_their_mandate_confirmed_with_date_and_who(as_user, post, w):
    to_officials_step(w)
    as_user(w.handler)
    assert as_user(w.handler).get(url("add_official", w.case)).context["form"]["role"].value() == "team_leader"
    assert post(url("add_official", w.case), {"role": "team_leader", "mandate": MANDATE}).status_code == 302
    official = Official.objects.get(case=w.case)
    assert not official.mandate_confirmed
    with translation.override("en"):
        page = as_user(w.handler).get(w.case.get_absolute_url()).content.decode()
    assert "Mandate unconfirmed" in page
    assert post(url("confirm_mandate", w.case, official.pk)).status_code == 302
    official.refresh_from_db()
    assert official.mandate_confirmed_by == w.handler and official.mandate_confirmed_on is not None
    with translation.override("en"):
        page = as_user(w.handler).get(w.case.get_absolute_url()).content.decode()
    assert "Mandate confirmed" in page and "Mandate unconfirmed" not in page
    assert post(url("remove_official", w.case, official.pk)).status_code == 302
    assert not Official.objects.exists()
    assert CaseEvent.objects.filter(case=w.case, action=EventAction.MEDIATION).count() == 5


def test_an_official_of_another_case_cannot_be_confirmed_through_this_one(as_user, post, w):
    to_officials_step(w)
    other = factories.case(w.almere, handler=w.handler, reference="BZ-2")
    services.start_mediation(other.pk, w.handler, started_on=STARTED, source="internal", profile=w.mediator)
    official = services.add_official(other.pk, w.handler, role="manager", mandate=MANDATE)
    as_user(w.handler)
    post(url("confirm_mandate", w.case, official.pk))
    official.refresh_from_db()
    assert not official.mandate_confirmed


@pytest.mark.parametrize(
    "text",
    [
        "Bevestigd door BSN 111222333.",
        "Mandaat per mail van jan@voorbeeld.nl.",
        "Bel 06-12345678 voor het mandaat.",
        "Met mevrouw Bakker besproken.",
        "CPR 010203-1234 oplyst.",
    ],
)
def test_a_mandate_with_personal_data_is_saved_only_once_confirmed(as_user, post, w, text):
    to_officials_step(w)
    as_user(w.handler)
    data = {"role": "team_leader", "mandate": text}
    response = post(url("add_official", w.case), data)
    assert response.status_code == 400
    assert response.context["form"].findings
    assert not Official.objects.exists()
    seen = response.context["form"].data["findings_seen"]
    response = post(url("add_official", w.case), {**data, "confirm_findings": "on", "findings_seen": seen})
    assert response.status_code == 302
    assert Official.objects.get().mandate == text


def test_a_pre_meeting_says_with_whom_and_a_mediation_meeting_notes_the_supporter(as_user, post, w):
    to_officials_step(w)
    as_user(w.handler)
    response = post(url("add_meeting", w.case), {"kind": "pre_meeting", "held_on": "2026-09-14"})
    assert response.status_code == 400 and "with_role" in response.context["form"].errors
    data = {"kind": "pre_meeting", "held_on": "2026-09-14", "with_role": "citizen"}
    assert post(url("add_meeting", w.case), data).status_code == 302
    official = services.add_official(w.case.pk, w.handler, role="team_leader", mandate=MANDATE)
    services.confirm_mandate(w.case.pk, official.pk, w.handler)
    services.reach_step(w.case.pk, w.handler, step="officials", on=datetime.date(2026, 9, 15))
    data = {"kind": "mediation", "held_on": "2026-09-20", "duration_minutes": "90", "supporter_present": "on"}
    assert post(url("add_meeting", w.case), data).status_code == 302
    meeting = Meeting.objects.get(kind="mediation")
    assert meeting.duration_minutes == 90 and meeting.supporter_present and meeting.with_role == ""
    w.case.refresh_from_db()
    assert w.case.route_step == RouteStep.MEETING
    assert StepRecord.objects.get(case=w.case, step="meeting").reached_on == datetime.date(2026, 9, 20)
    with translation.override("en"):
        page = as_user(w.handler).get(w.case.get_absolute_url()).content.decode()
    assert "90 minutes" in page and "with a supporter (bisidder)" in page


def test_nothing_of_the_route_changes_on_a_closed_case(w):
    to_officials_step(w)
    services.close(w.case.pk, w.handler, outcome="stopped_by_party", closed_on=STARTED)
    with pytest.raises(CaseError):
        services.add_official(w.case.pk, w.handler, role="team_leader", mandate=MANDATE)
    with pytest.raises(CaseError):
        services.reach_step(w.case.pk, w.handler, step="officials", on=STARTED)


# --- who may -------------------------------------------------------------------------------------------------------


def all_urls(case, official):
    return {
        "start_mediation": url("start_mediation", case),
        "add_official": url("add_official", case),
        "confirm_mandate": url("confirm_mandate", case, official.pk),
        "remove_official": url("remove_official", case, official.pk),
        "reach_step": url("reach_step", case),
        "add_meeting": url("add_meeting", case),
        "close": url("close", case),
        "reopen": url("reopen", case),
        "hours": url("hours", case),
    }


POST_ONLY = {"confirm_mandate", "remove_official", "reach_step", "reopen"}


@pytest.mark.parametrize("who", ["colleague", "zeist_coordinator"])
def test_people_who_may_not_read_the_case_get_a_404_on_every_route_url(client, w, who):
    to_officials_step(w)
    official = services.add_official(w.case.pk, w.handler, role="team_leader", mandate=MANDATE)
    client.force_login(getattr(w, who))
    for name, address in all_urls(w.case, official).items():
        if name not in POST_ONLY:
            assert client.get(address).status_code == 404, name
        data = {"route-step": "meeting", "route-reached_on": "2026-09-20"}
        assert client.post(address, data).status_code == 404, name
    official.refresh_from_db()
    assert not official.mandate_confirmed and Official.objects.count() == 1
    assert not CaseEvent.objects.filter(actor=getattr(w, who)).exists()


def test_a_visitor_is_sent_to_log_in_on_every_route_url(client, w):
    to_officials_step(w)
    official = services.add_official(w.case.pk, w.handler, role="team_leader", mandate=MANDATE)
    for name, address in all_urls(w.case, official).items():
        for response in (client.get(address), client.post(address)):
            assert response.status_code == 302, name
            assert "login" in response["Location"], name


def test_the_coordinator_works_on_the_route_without_being_assigned(as_user, post, w):
    to_officials_step(w)
    as_user(w.coordinator)
    assert post(url("add_official", w.case), {"role": "manager", "mandate": MANDATE}).status_code == 302


def test_post_only_actions_refuse_a_get(as_user, w):
    to_officials_step(w)
    official = services.add_official(w.case.pk, w.handler, role="team_leader", mandate=MANDATE)
    client = as_user(w.handler)
    for name, address in all_urls(w.case, official).items():
        if name in POST_ONLY:
            assert client.get(address).status_code == 405, name
    official.refresh_from_db()
    assert not official.mandate_confirmed


def test_the_case_page_route_section_takes_the_same_queries_however_much_it_holds(
    as_user, w, django_assert_max_num_queries
):
    in_mediation(w)
    client = as_user(w.handler)
    client.get(w.case.get_absolute_url())
    with django_assert_max_num_queries(40) as few:
        client.get(w.case.get_absolute_url())
    for number in range(6):
        official = services.add_official(w.case.pk, w.handler, role="team_leader", mandate=f"{MANDATE} {number}")
        services.confirm_mandate(w.case.pk, official.pk, w.handler)
        services.add_meeting(w.case.pk, w.handler, kind="pre_meeting", held_on=STARTED, with_role="citizen")
    services.set_hours(w.case.pk, w.handler, {"handler": 3, "mediator": 4, "officials": 2})
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(w.case.get_absolute_url())


def test_every_form_page_of_the_route_opens_for_someone_working_on_the_case(as_user, w):
    to_officials_step(w)
    official = services.add_official(w.case.pk, w.handler, role="team_leader", mandate=MANDATE)
    client = as_user(w.handler)
    for name, address in all_urls(w.case, official).items():
        if name not in POST_ONLY:
            response = client.get(address)
            assert response.status_code == 200, name
            assert 'method="post"' in response.content.decode(), name
