"""THE MANDATE RULE: a mediation cannot reach its meeting while an official's mandate is unconfirmed, or without an
official at the table at all. The issue's path through a case, the rule in the service, and the rule when people act
at the same moment (real parallel connections on PostgreSQL)."""

import datetime
import time
from functools import partial

import pytest
from django.urls import reverse
from django.utils import translation

from cases.choices import EventAction, RouteStep
from cases.errors import CaseError
from cases.models import Case, CaseEvent, Hours, Meeting, Official, StepRecord
from cases.services import route as services
from tests.cases.route_world import STARTED, build, to_officials_step
from tests.helpers import at_once as run_at_once

at_once = partial(run_at_once, refused=CaseError)

MANDATE = "Mag de vergunningvoorwaarden aanpassen binnen de beleidsregels."
UNCONFIRMED = "The mediation meeting cannot take place while a mandate is unconfirmed (Team leader)."


def url(name, case, *args):
    return reverse(f"cases:{name}", args=[case.pk, *args])


def step_data(step, on):
    return {"route-step": step, "route-reached_on": on}


@pytest.mark.django_db
def test_the_meeting_is_refused_until_the_team_leaders_mandate_is_confirmed_then_the_case_closes_with_an_agreement(
    as_user, post
):
    w = build()
    as_user(w.handler)
    with translation.override("en"):
        data = {"started_on": "2026-09-10", "source": "internal", "mediator_profile": w.mediator.pk}
        assert post(url("start_mediation", w.case), data).status_code == 302
        assert post(url("reach_step", w.case), step_data("consent", "2026-09-12")).status_code == 302
        data = {"role": "team_leader", "mandate": MANDATE}
        assert post(url("add_official", w.case), data).status_code == 302
        assert post(url("reach_step", w.case), step_data("officials", "2026-09-14")).status_code == 302
        page = as_user(w.handler).get(w.case.get_absolute_url()).content.decode()
        assert UNCONFIRMED.split(" (")[0] in page

        response = post(url("reach_step", w.case), step_data("meeting", "2026-09-20"))
        assert response.status_code == 400
        assert UNCONFIRMED in response.content.decode()
        meeting = {"kind": "mediation", "held_on": "2026-09-20", "duration_minutes": "90"}
        response = post(url("add_meeting", w.case), meeting)
        assert response.status_code == 400 and UNCONFIRMED in response.content.decode()
        assert not StepRecord.objects.filter(case=w.case, step="meeting").exists()
        assert not Meeting.objects.exists()

        official = Official.objects.get(case=w.case)
        assert post(url("confirm_mandate", w.case, official.pk)).status_code == 302
        assert post(url("add_meeting", w.case), meeting).status_code == 302
        closing = {"outcome": "agreement", "closed_on": "2026-09-21", "agreement_written": "yes", "hours-mediator": "7"}
        assert post(url("close", w.case), closing).status_code == 302

    case = Case.objects.get(pk=w.case.pk)
    assert case.status == "closed" and case.outcome == "agreement" and case.agreement_written is True
    assert case.route_step == RouteStep.OUTCOME
    steps = StepRecord.objects.filter(case=case).order_by("reached_on", "pk").values_list("step", flat=True)
    assert list(steps) == ["intake", "consent", "officials", "meeting", "outcome"]
    assert sum(row.hours for row in Hours.objects.filter(case=case)) == 7
    assert CaseEvent.objects.filter(case=case, action=EventAction.CLOSED).count() == 1


@pytest.mark.django_db
def test_without_any_official_at_the_table_the_meeting_is_refused():
    w = build()
    to_officials_step(w)
    services.reach_step(w.case.pk, w.handler, step="officials", on=STARTED + datetime.timedelta(days=3))
    with translation.override("en"), pytest.raises(CaseError, match="without an official at the table"):
        services.reach_step(w.case.pk, w.handler, step="meeting", on=STARTED + datetime.timedelta(days=5))


@pytest.mark.django_db
def test_removing_the_confirmed_official_leaves_no_mandate_for_the_meeting():
    w = build()
    to_officials_step(w)
    official = services.add_official(w.case.pk, w.handler, role="team_leader", mandate=MANDATE)
    services.confirm_mandate(w.case.pk, official.pk, w.handler)
    services.remove_official(w.case.pk, official.pk, w.handler)
    with pytest.raises(CaseError):
        services.add_meeting(w.case.pk, w.handler, kind="mediation", held_on=STARTED + datetime.timedelta(days=5))


@pytest.mark.django_db
def test_a_later_mediation_meeting_waits_for_an_official_added_after_the_first():
    w = build()
    to_officials_step(w)
    day = STARTED + datetime.timedelta(days=5)
    official = services.add_official(w.case.pk, w.handler, role="team_leader", mandate=MANDATE)
    services.confirm_mandate(w.case.pk, official.pk, w.handler)
    services.reach_step(w.case.pk, w.handler, step="officials", on=day)
    services.add_meeting(w.case.pk, w.handler, kind="mediation", held_on=day)
    manager = services.add_official(w.case.pk, w.handler, role="manager", mandate=MANDATE)
    with translation.override("en"), pytest.raises(CaseError, match=r"unconfirmed \(Manager\)"):
        services.add_meeting(w.case.pk, w.handler, kind="mediation", held_on=day)
    services.confirm_mandate(w.case.pk, manager.pk, w.handler)
    services.add_meeting(w.case.pk, w.handler, kind="mediation", held_on=day)
    assert Meeting.objects.filter(kind="mediation").count() == 2


# --- at the same moment --------------------------------------------------------------------------------------------


@pytest.fixture
def slow_mandate_check(monkeypatch):
    """Widen the window between checking the mandates and recording the meeting, so that without the lock an
    official added meanwhile would slip past the check."""
    check = services.mandate_problem

    def slowly(case):
        problem = check(case)
        time.sleep(0.4)
        return problem

    monkeypatch.setattr(services, "mandate_problem", slowly)


def ready_for_the_meeting():
    w = build()
    to_officials_step(w)
    official = services.add_official(w.case.pk, w.handler, role="team_leader", mandate=MANDATE)
    services.confirm_mandate(w.case.pk, official.pk, w.handler)
    services.reach_step(w.case.pk, w.handler, step="officials", on=STARTED + datetime.timedelta(days=3))
    return w


def assert_no_meeting_with_an_unconfirmed_mandate(w, errors):
    """Either the meeting was refused, or the unconfirmed official came to the table only after it was reached."""
    events = list(
        CaseEvent.objects.filter(case=w.case, action=EventAction.MEDIATION)
        .order_by("-pk")
        .values_list("actor_id", flat=True)[:2]
    )
    if StepRecord.objects.filter(case=w.case, step="meeting").exists():
        assert errors == []
        # The newest event is the coordinator's: the official was added after the meeting was reached.
        assert events == [w.coordinator.pk, w.handler.pk]
    else:
        assert len(errors) == 1 and errors[0].startswith(UNCONFIRMED)
    assert Official.objects.filter(case=w.case, mandate_confirmed_on__isnull=True).count() == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("head_start", ["meeting first", "official first"])
def test_reaching_the_meeting_while_an_unconfirmed_official_is_added_never_meets_with_it(
    committed_db, slow_mandate_check, head_start
):
    w = ready_for_the_meeting()
    day = STARTED + datetime.timedelta(days=8)
    reach = (services.reach_step, (w.case.pk, w.handler), {"step": "meeting", "on": day})
    add = (services.add_official, (w.case.pk, w.coordinator), {"role": "team_leader", "mandate": MANDATE})
    _, errors = at_once(*((reach, add) if head_start == "meeting first" else (add, reach)))
    assert_no_meeting_with_an_unconfirmed_mandate(w, errors)


@pytest.mark.django_db(transaction=True)
def test_a_mediation_meeting_while_an_unconfirmed_official_is_added_never_meets_with_it(
    committed_db, slow_mandate_check
):
    w = ready_for_the_meeting()
    day = STARTED + datetime.timedelta(days=8)
    meet = (services.add_meeting, (w.case.pk, w.handler), {"kind": "mediation", "held_on": day})
    add = (services.add_official, (w.case.pk, w.coordinator), {"role": "team_leader", "mandate": MANDATE})
    _, errors = at_once(meet, add)
    assert_no_meeting_with_an_unconfirmed_mandate(w, errors)
    assert Meeting.objects.filter(case=w.case).count() == (0 if errors else 1)
