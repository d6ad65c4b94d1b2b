"""Retention: a closed case is reduced to its statistics once its organisation's period has passed, and then
nobody can open it; the notice on the case page says when that happens."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from cases import permissions
from cases.choices import CaseStatus, EventAction
from cases.models import (
    Assignment,
    Case,
    CaseEvent,
    CaseSettings,
    ChecklistItem,
    Contact,
    Hours,
    InformalApproach,
    Meeting,
    Official,
    Party,
    StepRecord,
)
from cases.services import retention
from tests import factories

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 12, 5)
NOW = timezone.make_aware(datetime.datetime(2026, 12, 5, 3, 0))


@pytest.fixture
def almere(db):
    return factories.OrganisationFactory(name="Almere")


@pytest.fixture
def handler(almere):
    return factories.member(organisation=almere, first_name="Hanna", last_name="Handler")


@pytest.fixture
def boss(almere):
    return factories.coordinator(organisation=almere, first_name="Bea", last_name="Baas")


def closed_case(organisation, handler, closed_on, **fields):
    case = factories.case(
        organisation,
        handler=handler,
        received_on=datetime.date(2019, 1, 2),
        status=CaseStatus.CLOSED,
        closed_on=closed_on,
        outcome="agreement",
        **fields,
    )
    return case


def full_case(organisation, handler, closed_on):
    """A closed case with something in every table: text to go, figures to stay."""
    case = closed_case(
        organisation,
        handler,
        closed_on,
        reference="KANARIE-REF-1",
        summary="Kanarie: bezwaar over de dakkapel.",
        record_agreed=True,
        record="Kanarie: afspraken aan tafel.",
        protocol_title="Kanarieprotocol",
        mediation_started_on=datetime.date(2023, 2, 1),
        route_step="outcome",
        agreement_written=True,
    )
    Party.objects.create(case=case, role="citizen", description="Kanarie buurman")
    ChecklistItem.objects.create(case=case, step_title="Bellen", text="Kanarie gebeld")
    Official.objects.create(case=case, role="team_leader", mandate="Kanarie mandaat", mandate_confirmed_on=closed_on)
    Contact.objects.create(
        case=case,
        happened_on=datetime.date(2023, 1, 5),
        channel="phone",
        with_role="citizen",
        summary="Kanarie gesprek",
        next_step="Kanarie terugbellen",
        recorded_by=handler,
    )
    InformalApproach.objects.create(
        case=case,
        called_on=datetime.date(2023, 1, 6),
        agreements="Kanarie afspraak",
        actions="Kanarie actie",
        result="partly_withdrawn",
        remaining="Kanarie rest",
        recorded_by=handler,
    )
    StepRecord.objects.create(case=case, step="intake", reached_on=datetime.date(2023, 2, 1), recorded_by=handler)
    Meeting.objects.create(case=case, kind="mediation", held_on=datetime.date(2023, 3, 1), duration_minutes=90)
    Hours.objects.create(case=case, role="mediator", hours=Decimal("7"))
    return case


# --- the dates ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (datetime.date(2024, 1, 31), 1, datetime.date(2024, 2, 29)),
        (datetime.date(2023, 1, 31), 1, datetime.date(2023, 2, 28)),
        (datetime.date(2024, 11, 30), 3, datetime.date(2025, 2, 28)),
        (datetime.date(2024, 12, 5), 24, datetime.date(2026, 12, 5)),
        (datetime.date(2024, 3, 31), -1, datetime.date(2024, 2, 29)),
        (datetime.date(2020, 2, 29), 120, datetime.date(2030, 2, 28)),
    ],
)
def test_months_are_added_by_the_calendar_cutting_month_ends_short(day, months, expected):
    assert retention.add_months(day, months) == expected


def test_the_last_closing_day_due_agrees_with_the_reduction_date_every_day_of_four_years():
    day = datetime.date(2024, 1, 1)
    for _ in range(4 * 366):
        for months in (1, 6, 24):
            cutoff = retention.last_closing_day_due(day, months)
            assert retention.add_months(cutoff, months) <= day
            assert retention.add_months(cutoff + datetime.timedelta(days=1), months) > day
        day += datetime.timedelta(days=1)


def test_the_reduction_date_is_the_closing_day_plus_the_organisation_s_period(almere, handler):
    case = closed_case(almere, handler, datetime.date(2025, 1, 31))
    assert retention.reduction_date(case, None) == datetime.date(2027, 1, 31)
    settings = CaseSettings(organisation=almere, retention_months=1)
    assert retention.reduction_date(case, settings) == datetime.date(2025, 2, 28)
    assert retention.reduction_date(factories.case(almere, handler=handler), settings) is None


# --- the job ----------------------------------------------------------------------------------------------------------


def test_a_case_closed_25_months_ago_is_reduced_and_one_closed_23_months_ago_is_not(almere, handler):
    old = closed_case(almere, handler, datetime.date(2024, 11, 5))
    recent = closed_case(almere, handler, datetime.date(2025, 1, 5))
    still_open = factories.case(almere, handler=handler, received_on=datetime.date(2020, 1, 1))
    assert retention.reduce_expired(now=NOW) == 1
    old.refresh_from_db()
    recent.refresh_from_db()
    still_open.refresh_from_db()
    assert old.status == CaseStatus.REDUCED and old.reduced_at is not None
    assert recent.status == CaseStatus.CLOSED
    assert still_open.status == CaseStatus.OPEN


def test_the_case_is_reduced_on_its_reduction_date_itself(almere, handler):
    due_today = closed_case(almere, handler, datetime.date(2024, 12, 5))
    tomorrow = closed_case(almere, handler, datetime.date(2024, 12, 6))
    assert retention.reduce_expired(now=NOW) == 1
    assert Case.objects.get(pk=due_today.pk).status == CaseStatus.REDUCED
    assert Case.objects.get(pk=tomorrow.pk).status == CaseStatus.CLOSED


def test_each_organisation_keeps_its_cases_for_its_own_period(almere, handler):
    zeist = factories.OrganisationFactory(name="Zeist")
    zeist_handler = factories.member(organisation=zeist)
    CaseSettings.objects.create(organisation=zeist, retention_months=6)
    zeist_old = closed_case(zeist, zeist_handler, datetime.date(2026, 5, 1))
    zeist_recent = closed_case(zeist, zeist_handler, datetime.date(2026, 7, 1))
    almere_case = closed_case(almere, handler, datetime.date(2026, 5, 1))
    assert retention.reduce_expired(now=NOW) == 1
    statuses = dict(Case.objects.values_list("pk", "status"))
    assert statuses[zeist_old.pk] == CaseStatus.REDUCED
    assert statuses[zeist_recent.pk] == statuses[almere_case.pk] == CaseStatus.CLOSED


def test_the_text_and_the_people_are_gone_from_the_database_and_the_figures_remain(almere, handler):
    case = full_case(almere, handler, datetime.date(2024, 1, 10))
    assert retention.reduce_expired(now=NOW) == 1
    case = Case.objects.get(pk=case.pk)
    assert (case.reference, case.summary, case.record, case.protocol_title) == ("", "", "", "")
    assert case.created_by is None
    assert not Party.objects.filter(case=case).exists()
    assert not Assignment.objects.filter(case=case).exists()
    assert not ChecklistItem.objects.filter(case=case).exists()
    assert not Official.objects.filter(case=case).exists()
    contact = Contact.objects.get(case=case)
    assert (contact.summary, contact.next_step, contact.recorded_by) == ("", "", None)
    assert (contact.happened_on, contact.channel, contact.with_role) == (datetime.date(2023, 1, 5), "phone", "citizen")
    informal = InformalApproach.objects.get(case=case)
    assert (informal.agreements, informal.actions, informal.remaining, informal.recorded_by) == ("", "", "", None)
    assert (informal.called_on, informal.result) == (datetime.date(2023, 1, 6), "partly_withdrawn")
    # The statistics: kind, domain, origin, dates, outcome, route, meetings and hours.
    assert (case.kind, case.policy_domain, case.origin) == ("objection", "environment", "officer_call")
    assert (case.received_on, case.closed_on, case.outcome) == (
        datetime.date(2019, 1, 2),
        datetime.date(2024, 1, 10),
        "agreement",
    )
    assert case.mediation_started_on == datetime.date(2023, 2, 1) and case.agreement_written is True
    assert list(StepRecord.objects.filter(case=case).values_list("step", flat=True)) == ["intake"]
    assert Meeting.objects.get(case=case).duration_minutes == 90
    assert Hours.objects.get(case=case).hours == Decimal("7")
    # Nothing of the canary is left in any column of the case's rows.
    for model in (Case, Contact, InformalApproach, StepRecord, Meeting, Hours):
        for row in model.objects.filter(**({"pk": case.pk} if model is Case else {"case": case})).values():
            assert "anarie" not in repr(row)


def test_the_reduction_is_in_the_log_without_an_actor(almere, handler):
    case = closed_case(almere, handler, datetime.date(2024, 1, 10))
    retention.reduce_expired(now=NOW)
    event = CaseEvent.objects.get(case=case, action=EventAction.REDUCED)
    assert event.actor is None and event.organisation == almere


def test_a_reduced_case_can_no_longer_be_opened_by_its_coordinator_or_its_handler(as_user, almere, handler, boss):
    case = closed_case(almere, handler, datetime.date(2024, 1, 10))
    assert permissions.can_read_case(boss, case)
    retention.reduce_expired(now=NOW)
    case.refresh_from_db()
    for user in (boss, handler):
        assert not permissions.can_read_case(user, case)
        assert not permissions.readable_cases(user).filter(pk=case.pk).exists()
        assert not permissions.can_assign(user, case)
        assert as_user(user).get(reverse("cases:detail", args=[case.pk])).status_code == 404
    assert not CaseEvent.objects.filter(case=case, action=EventAction.OPENED).exists()


def test_running_twice_is_harmless(almere, handler):
    closed_case(almere, handler, datetime.date(2024, 1, 10))
    assert retention.reduce_expired(now=NOW) == 1
    assert retention.reduce_expired(now=NOW) == 0
    assert CaseEvent.objects.filter(action=EventAction.REDUCED).count() == 1


def test_a_case_reopened_meanwhile_is_left_alone(almere, handler):
    case = closed_case(almere, handler, datetime.date(2024, 1, 10))
    Case.objects.filter(pk=case.pk).update(status=CaseStatus.OPEN, closed_on=None, outcome="")
    assert retention.reduce_case(case) is False
    assert Case.objects.get(pk=case.pk).status == CaseStatus.OPEN


def test_the_job_works_through_more_cases_than_one_batch(almere, handler, monkeypatch):
    monkeypatch.setattr(retention, "BATCH_SIZE", 2)
    for _ in range(5):
        closed_case(almere, handler, datetime.date(2024, 1, 10))
    closed_case(almere, handler, datetime.date(2026, 1, 10))
    assert retention.reduce_expired(now=NOW) == 5
    assert Case.objects.filter(status=CaseStatus.CLOSED).count() == 1


def test_the_command_prints_its_count(almere, handler):
    closed_case(almere, handler, datetime.date(2020, 1, 10))
    closed_case(almere, handler, datetime.date(2020, 2, 10))
    out = io.StringIO()
    call_command("reduce_closed_cases", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith(f"[1/1] organisation {almere.pk}: 2 case(s) closed on or before ")
    assert lines[-1] == "Closed cases reduced to statistics: 2."
    out = io.StringIO()
    call_command("reduce_closed_cases", stdout=out)
    assert out.getvalue().splitlines()[-1] == "Closed cases reduced to statistics: 0."


# --- the notice on the case page ------------------------------------------------------------------------------------


def test_a_closed_case_shows_when_it_will_be_reduced(as_user, almere, handler):
    CaseSettings.objects.create(organisation=almere, retention_months=6)
    case = closed_case(almere, handler, datetime.date(2026, 8, 31))
    with translation.override("en"):
        response = as_user(handler).get(reverse("cases:detail", args=[case.pk]))
    assert response.status_code == 200
    text = " ".join(response.content.decode().split())
    expected = "This case will be reduced to statistics on Feb. 28, 2027 (after 6 months, set by your coordinators)."
    assert expected in text


def test_an_open_case_says_how_long_closed_cases_are_kept(as_user, almere, handler):
    case = factories.case(almere, handler=handler)
    with translation.override("en"):
        response = as_user(handler).get(reverse("cases:detail", args=[case.pk]))
    text = " ".join(response.content.decode().split())
    assert "Closed cases are kept for 24 months, then reduced to statistics." in text
    CaseSettings.objects.create(organisation=almere, retention_months=1)
    with translation.override("en"):
        response = as_user(handler).get(reverse("cases:detail", args=[case.pk]))
    text = " ".join(response.content.decode().split())
    assert "Closed cases are kept for 1 month, then reduced to statistics." in text
