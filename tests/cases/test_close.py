"""Closing a case with its outcome, the hours per role and the short record; reopening it."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from cases.choices import EventAction, RouteStep
from cases.errors import CaseError
from cases.models import Case, CaseEvent, Hours, StepRecord
from cases.services import route as services
from tests.cases.route_world import build, in_mediation

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return build()


def url(name, case):
    return reverse(f"cases:{name}", args=[case.pk])


def closing(**changes):
    return {"outcome": "withdrawn", "closed_on": "2026-09-30"} | changes


def test_closing_records_the_outcome_and_the_hours(as_user, post, w):
    as_user(w.handler)
    data = closing(**{"hours-handler": "3", "hours-coordinator": "0", "hours-other": ""})
    assert post(url("close", w.case), data).status_code == 302
    case = Case.objects.get(pk=w.case.pk)
    assert case.status == "closed" and case.outcome == "withdrawn" and case.closed_on == datetime.date(2026, 9, 30)
    assert case.agreement_written is None and case.route_step == ""
    assert list(Hours.objects.values_list("role", "hours")) == [("handler", Decimal("3.00"))]
    assert CaseEvent.objects.filter(case=case, action=EventAction.CLOSED).count() == 1


def test_a_case_in_mediation_reaches_its_outcome_step_when_closed(w):
    in_mediation(w)
    case = services.close(w.case.pk, w.handler, outcome="stopped_by_mediator", closed_on=datetime.date(2026, 9, 30))
    assert case.route_step == RouteStep.OUTCOME
    assert StepRecord.objects.get(case=case, step="outcome").reached_on == datetime.date(2026, 9, 30)


def test_an_outcome_is_required_and_nothing_typed_is_lost(as_user, post, w):
    as_user(w.handler)
    response = post(url("close", w.case), {"closed_on": "2026-09-30", "hours-mediator": "7"})
    assert response.status_code == 400
    assert "outcome" in response.context["form"].errors
    assert response.context["hours_form"].data["hours-mediator"] == "7"
    assert Case.objects.get(pk=w.case.pk).is_open


def test_a_case_cannot_be_closed_before_it_was_received(as_user, post, w):
    as_user(w.handler)
    with translation.override("en"):
        response = post(url("close", w.case), closing(closed_on="2026-08-01"))
    assert response.status_code == 400
    assert "cannot be closed before the date it was received" in response.content.decode()
    with pytest.raises(CaseError):
        services.close(w.case.pk, w.handler, outcome="withdrawn", closed_on=datetime.date(2026, 8, 1))
    assert Case.objects.get(pk=w.case.pk).is_open


def test_an_agreement_says_whether_it_was_put_in_writing_and_other_outcomes_do_not(as_user, post, w):
    as_user(w.handler)
    response = post(url("close", w.case), closing(outcome="agreement"))
    assert response.status_code == 400 and "agreement_written" in response.context["form"].errors
    assert post(url("close", w.case), closing(outcome="not_resolved", agreement_written="yes")).status_code == 302
    assert Case.objects.get(pk=w.case.pk).agreement_written is None


def test_a_short_record_only_when_the_parties_agreed_to_one(as_user, post, w):
    as_user(w.handler)
    record = "De partijen spreken af dat de vergunning met een extra voorwaarde blijft staan."
    response = post(url("close", w.case), closing(outcome="agreement", agreement_written="no", record=record))
    assert response.status_code == 400
    assert "record" in response.context["form"].errors
    assert response.context["form"].data["record"] == record
    with pytest.raises(CaseError):
        services.close(w.case.pk, w.handler, outcome="agreement", closed_on=datetime.date(2026, 9, 30), record=record)
    data = closing(outcome="agreement", agreement_written="no", record=record, record_agreed="on")
    assert post(url("close", w.case), data).status_code == 302
    case = Case.objects.get(pk=w.case.pk)
    assert case.record_agreed and case.record == record
    with translation.override("en"):
        page = as_user(w.handler).get(case.get_absolute_url()).content.decode()
    assert record in page


@pytest.mark.parametrize(
    "text",
    [
        "Burger met BSN 111222333 trekt het bezwaar in.",
        "Afschrift naar jan@voorbeeld.nl.",
        "Terugbellen op 06-12345678.",
        "Mevrouw Bakker is akkoord.",
    ],
)
def test_a_short_record_with_personal_data_is_saved_only_once_confirmed(as_user, post, w, text):
    as_user(w.handler)
    data = closing(outcome="agreement", agreement_written="yes", record=text, record_agreed="on")
    response = post(url("close", w.case), data)
    assert response.status_code == 400 and response.context["form"].findings
    assert Case.objects.get(pk=w.case.pk).is_open
    seen = response.context["form"].data["findings_seen"]
    assert post(url("close", w.case), {**data, "confirm_findings": "on", "findings_seen": seen}).status_code == 302
    assert Case.objects.get(pk=w.case.pk).record == text


@pytest.mark.parametrize("language", ["nl", "da"])
def test_hours_take_a_decimal_comma_in_dutch_and_danish(as_user, post, w, language):
    as_user(w.handler)
    with translation.override(language):
        address = url("close", w.case)
        assert post(address, closing(**{"hours-mediator": "7,5"})).status_code == 302
        page = as_user(w.handler).get(w.case.get_absolute_url()).content.decode()
    assert Hours.objects.get(case=w.case, role="mediator").hours == Decimal("7.5")
    assert "7,50" in page


@pytest.mark.parametrize("typed", ["zeven", "-1", "1001", "1,234"])
def test_impossible_hours_are_refused_with_what_was_typed_kept(as_user, post, w, typed):
    as_user(w.handler)
    response = post(url("hours", w.case), {"hours-handler": typed})
    assert response.status_code == 400
    assert "handler" in response.context["form"].errors
    assert response.context["form"].data["hours-handler"] == typed
    assert not Hours.objects.exists()


def test_hours_are_edited_on_an_open_or_closed_case_and_0_removes_a_role(as_user, post, w):
    as_user(w.handler)
    assert post(url("hours", w.case), {"hours-handler": "2", "hours-mediator": "5"}).status_code == 302
    services.close(w.case.pk, w.handler, outcome="withdrawn", closed_on=datetime.date(2026, 9, 30))
    response = as_user(w.handler).get(url("hours", w.case))
    assert response.context["form"]["mediator"].value() == Decimal("5.00")
    assert post(url("hours", w.case), {"hours-handler": "0", "hours-mediator": "6,25"}).status_code == 302
    assert list(Hours.objects.values_list("role", "hours")) == [("mediator", Decimal("6.25"))]


def test_closing_a_closed_case_again_is_refused_without_a_server_error(as_user, post, w):
    services.close(w.case.pk, w.handler, outcome="withdrawn", closed_on=datetime.date(2026, 9, 30))
    as_user(w.handler)
    with translation.override("en"):
        response = post(url("close", w.case), closing(outcome="agreement", agreement_written="yes"))
    assert response.status_code == 400
    assert "This case is closed already." in response.content.decode()
    assert Case.objects.get(pk=w.case.pk).outcome == "withdrawn"


def test_reopening_clears_the_outcome_and_keeps_the_hours(as_user, post, w):
    in_mediation(w)
    services.close(
        w.case.pk,
        w.handler,
        outcome="agreement",
        agreement_written=True,
        closed_on=datetime.date(2026, 9, 30),
        hours={"mediator": Decimal("7")},
    )
    as_user(w.handler)
    with translation.override("en"):
        page = as_user(w.handler).get(w.case.get_absolute_url()).content.decode()
        assert "Agreement reached" in page and url("reopen", w.case) in page
    assert post(url("reopen", w.case)).status_code == 302
    case = Case.objects.get(pk=w.case.pk)
    assert case.is_open and case.outcome == "" and case.closed_on is None and case.agreement_written is None
    assert case.route_step == RouteStep.INTAKE
    assert not StepRecord.objects.filter(case=case, step="outcome").exists()
    assert Hours.objects.get(case=case).hours == Decimal("7")
    assert CaseEvent.objects.filter(case=case, action=EventAction.REOPENED).count() == 1
    with pytest.raises(CaseError):
        services.reopen(case.pk, w.handler)
