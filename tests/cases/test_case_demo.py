"""The case register's demo content: the cases a new user finds after `make run`, in states the register's rules
allow (assigned people, steps in order, mandates confirmed before the meeting), in Dutch and Danish, with no personal
data in what was typed, and loaded twice without duplicates."""

import pytest

from accounts.models import User
from cases import demo
from cases.choices import ROUTE_ORDER, CaseStatus, EventAction, MeetingKind, ObjectionResult, Outcome, RouteStep
from cases.models import (
    Assignment,
    Case,
    CaseEvent,
    Contact,
    Hours,
    InformalApproach,
    Meeting,
    Official,
    Party,
    StepRecord,
)
from cases.permissions import can_read_case, readable_cases
from core.personal_data import detect, passages

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


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


def test_loading_twice_adds_nothing_and_prints_the_case_register_logins():
    models = (Case, Party, Assignment, Contact, InformalApproach, StepRecord, Official, Meeting, Hours, CaseEvent)
    before = [model.objects.count() for model in models]
    assert Case.objects.count() >= 4
    progress = Progress()
    demo.load(progress)
    demo.load(progress)
    assert [model.objects.count() for model in models] == before
    printed = {email for _label, email in progress.accounts}
    assert {"behandelaar@almere.example", "sagsbehandler@kk.example"} <= printed


def test_the_almere_objection_has_two_calls_and_an_informal_approach_withdrawing_part_of_it():
    case = Case.objects.get(reference=demo.texts.ALMERE_OBJECTION["reference"], organisation__slug="almere")
    assert case.status == CaseStatus.OPEN
    assert case.contacts.filter(channel="phone").count() == 2
    informal = case.informal_approaches.get()
    assert informal.result == ObjectionResult.PARTLY_WITHDRAWN and informal.remaining
    assert can_read_case(person("behandelaar@almere.example"), case)
    assert can_read_case(person("coordinator@almere.example"), case)
    assert not can_read_case(person("lid@almere.example"), case)
    assert not can_read_case(person("coordinator@zeist.example"), case)


def test_the_almere_mediation_closes_with_an_agreement_and_seven_hours():
    case = Case.objects.get(reference=demo.texts.ALMERE_MEDIATION["reference"])
    assert case.outcome == Outcome.AGREEMENT and case.status == CaseStatus.CLOSED
    assert sum(row.hours for row in case.hours.all()) == 7
    assert case.mediator_profile is not None and case.mediator_profile.organisation_id == case.organisation_id
    assert case.assignments.filter(user=case.mediator_profile.user, role="mediator").exists()
    assert case.officials.get().role == "team_leader"
    assert case.meetings.filter(kind=MeetingKind.MEDIATION, supporter_present=True).exists()
    assert case.meetings.filter(kind=MeetingKind.PRE_MEETING).count() == 2


def test_the_danish_case_follows_the_borgerraadgiver_process():
    case = Case.objects.get(reference=demo.texts.KOEBENHAVN["reference"], organisation__slug="koebenhavn")
    assert case.origin == "citizen_request"
    pre_meetings = case.meetings.filter(kind=MeetingKind.PRE_MEETING)
    assert set(pre_meetings.values_list("with_role", flat=True)) == {"citizen", "manager"}
    meeting = case.meetings.get(kind=MeetingKind.MEDIATION)
    assert meeting.duration_minutes == 90 and meeting.supporter_present
    assert not case.record_agreed and case.record == ""
    assert case.is_closed and case.outcome
    assert readable_cases(person("k.lund@kk.example")).filter(pk=case.pk).exists()
    assert not readable_cases(person("medlem@kk.example")).filter(pk=case.pk).exists()


def test_every_demo_case_keeps_the_register_rules():
    for case in Case.objects.filter(reference__contains="DEMO"):
        assert case.assignments.filter(role="handler").exists(), case
        assert case.events.filter(action=EventAction.CREATED).exists(), case
        steps = list(case.steps.order_by("reached_on", "pk").values_list("step", "reached_on"))
        names = [step for step, _day in steps]
        assert names == [str(step) for step in ROUTE_ORDER[: len(names)]], case
        if not steps:
            continue
        assert case.route_step == names[-1]
        reached = dict(steps)
        # The mandate rule: nobody at the table with an unconfirmed mandate when the meeting step was reached.
        for official in case.officials.all():
            assert official.mandate_confirmed_on is not None, case
            assert official.mandate_confirmed_on <= reached[RouteStep.MEETING], case
        for meeting in case.meetings.all():
            if meeting.kind == MeetingKind.MEDIATION:
                assert meeting.held_on >= reached[RouteStep.MEETING]


def test_no_text_in_the_case_demo_holds_personal_data():
    texts = []
    for case in Case.objects.filter(reference__contains="DEMO"):
        texts += [("reference", "", case.reference), ("summary", "", case.summary), ("record", "", case.record)]
        texts += [("party", "", party.description) for party in case.parties.all()]
        for contact in case.contacts.all():
            texts += [("contact", "", contact.summary), ("next", "", contact.next_step)]
        for informal in case.informal_approaches.all():
            texts += [("bia", "", informal.agreements), ("actions", "", informal.actions)]
            texts += [("remaining", "", informal.remaining)]
        texts += [("mandate", "", official.mandate) for official in case.officials.all()]
    assert len([text for *_rest, text in texts if text]) > 25
    assert {text: detect(text) for *_rest, text in texts if detect(text)} == {}
    assert passages(texts) == []
