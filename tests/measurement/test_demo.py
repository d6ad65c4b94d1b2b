"""The generated demo year: what a new user finds on the dashboard, the benchmark and the evaluation after
`manage.py demo_content` — a year of varied cases for four organisations, loaded twice without duplicates, with the
proportions the demo promises, a comparison too small to show, and no personal data in anything it typed."""

import pytest
from django.utils import timezone

from accounts.models import Organisation, User
from cases.choices import CaseKind, CaseStatus, MediatorSource
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
from cases.permissions import can_read_case
from core.personal_data import detect
from knowledge.training.models import TrajectoryStepStatus
from measurement import demo, demo_texts
from measurement.models import Evaluation, EvaluationCode, ManagementAccess, MeasurementSettings
from measurement.periods import Period
from measurement.queries import case_figures, monthly
from pool.choices import NetworkMembershipStatus
from pool.models import NetworkMembership

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]

FOUR = ["almere", "zeist", "hilversum", "koebenhavn"]


class Progress:
    def __init__(self):
        self.lines = []
        self.accounts = []

    def iterate(self, items, what):
        yield from items

    def step(self, message):
        self.lines.append(message)

    def credentials(self, rows, password):
        self.accounts.extend(rows)


def organisations():
    return {org.slug: org for org in Organisation.objects.filter(slug__in=[*FOUR, "amersfoort"])}


def period():
    return Period.last_twelve_months(timezone.localdate())


def generated():
    return demo.generated_cases(organisations().values())


def test_loading_twice_replaces_the_generated_year_instead_of_adding_to_it():
    models = (Case, Party, Assignment, Contact, InformalApproach, StepRecord, Official, Meeting, Hours, CaseEvent)
    measuring = (Evaluation, EvaluationCode, ManagementAccess, MeasurementSettings, TrajectoryStepStatus)
    before = [model.objects.count() for model in (*models, *measuring)]
    references = sorted(generated().values_list("reference", flat=True))
    progress = Progress()
    demo.load(progress)
    demo.load(progress)
    assert [model.objects.count() for model in (*models, *measuring)] == before
    assert sorted(generated().values_list("reference", flat=True)) == references
    assert any(demo.DEMO_CODE in line for line in progress.lines)


def test_the_hand_written_cases_of_the_case_register_are_left_alone():
    hand_written = Case.objects.exclude(pk__in=generated().values("pk"))
    assert hand_written.filter(reference__startswith="BZ-DEMO").exists()
    assert not hand_written.filter(reference__startswith=demo.PREFIX).exists()


def test_each_organisation_has_cases_in_at_least_ten_of_the_last_twelve_months_in_the_promised_numbers():
    orgs = organisations()
    figures = case_figures([orgs[slug].pk for slug in FOUR], period())
    for slug, low, high in (("almere", 120, 190), ("zeist", 70, 115), ("hilversum", 55, 95), ("koebenhavn", 85, 140)):
        registered = monthly(orgs[slug].pk, period()).values("cases_registered")
        assert len(registered) == 12
        assert sum(1 for count in registered if count) >= 10, slug
        assert low <= figures[orgs[slug].pk].cases_registered <= high, slug


def test_about_six_in_ten_objections_are_resolved_informally_and_the_organisations_differ():
    orgs = organisations()
    figures = case_figures([orgs[slug].pk for slug in FOUR], period())
    objections = [CaseKind.OBJECTION]
    closed = sum(figures[orgs[slug].pk].closed_of(kinds=objections) for slug in FOUR)
    resolved = sum(figures[orgs[slug].pk].resolved_of(kinds=objections) for slug in FOUR)
    assert 0.4 <= resolved / closed <= 0.8
    shares = {
        slug: figures[orgs[slug].pk].resolved_of(kinds=objections) / figures[orgs[slug].pk].closed_of(kinds=objections)
        for slug in FOUR
    }
    assert all(0.3 <= share <= 0.9 for share in shares.values()), shares
    assert len({round(share, 2) for share in shares.values()}) > 1


def test_the_year_has_the_variety_a_dashboard_shows():
    cases = generated()
    assert {CaseKind.OBJECTION, CaseKind.COMPLAINT, CaseKind.STAFF_CONFLICT} <= set(
        cases.values_list("kind", flat=True)
    )
    assert cases.filter(kind=CaseKind.OBJECTION).count() > cases.count() / 2
    mediated = cases.filter(mediation_started_on__isnull=False)
    assert 0.12 <= mediated.count() / cases.count() <= 0.3
    assert set(mediated.values_list("mediator_source", flat=True)) == set(MediatorSource.values)
    for case in mediated.filter(mediator_source=MediatorSource.POOL).select_related("loan"):
        assert case.loan.borrowing_organisation_id == case.organisation_id
    assert cases.filter(status=CaseStatus.OPEN).count() >= 20
    with_term = cases.filter(decision_due_on__isnull=False, closed_on__isnull=False)
    late = [case for case in with_term if case.closed_on > case.decision_due_on]
    assert 0.02 <= len(late) / with_term.count() <= 0.2
    assert Contact.objects.filter(case__in=cases).count() >= cases.count()
    assert Hours.objects.filter(case__in=cases).count() >= cases.count()


def test_hilversums_oldest_cases_are_reduced_to_statistics_as_the_retention_job_leaves_them():
    reduced = Case.objects.filter(organisation__slug="hilversum", status=CaseStatus.REDUCED)
    assert 1 <= reduced.count() <= 20
    for case in reduced:
        assert case.reference == case.summary == ""
        assert not case.parties.exists() and not case.assignments.exists()
        assert not case.contacts.exclude(summary="").exists()
        assert case.hours.exists()
    assert not Case.objects.filter(status=CaseStatus.REDUCED).exclude(organisation__slug="hilversum").exists()


def test_almeres_network_has_a_base_of_fewer_than_five_closed_complaints_so_one_comparison_is_suppressed():
    orgs = organisations()
    almere = orgs["almere"]
    active = NetworkMembership.objects.filter(status=NetworkMembershipStatus.ACTIVE)
    networks = active.filter(organisation=almere).values("network")
    peers = set(active.filter(network__in=networks).exclude(organisation=almere).values_list("organisation", flat=True))
    assert {orgs["zeist"].pk, orgs["hilversum"].pk, orgs["amersfoort"].pk} <= peers
    figures = case_figures(peers, period())
    complaints = sum(figures[pk].closed_of(kinds=[CaseKind.COMPLAINT]) for pk in peers)
    assert 1 <= complaints < 5
    assert case_figures([almere.pk], period())[almere.pk].closed_of(kinds=[CaseKind.COMPLAINT]) >= 5


def test_measurement_settings_management_access_and_the_trajectory_are_there():
    orgs = organisations()
    assert MeasurementSettings.objects.get(organisation=orgs["almere"]).formal_procedure_hours == 12
    assert MeasurementSettings.objects.get(organisation=orgs["zeist"]).named_in_benchmark
    assert not MeasurementSettings.objects.get(organisation=orgs["hilversum"]).named_in_benchmark
    access = ManagementAccess.objects.get(organisation=orgs["almere"])
    assert access.user.email == demo.MANAGEMENT_ALMERE
    assert access.granted_by.email == demo.COORDINATOR_ALMERE
    steps = TrajectoryStepStatus.objects.filter(organisation=orgs["almere"])
    assert {"done", "in_progress"} <= set(steps.values_list("status", flat=True))


def test_the_printed_code_opens_the_evaluation_of_a_closed_almere_case_and_answers_show_for_almere_only():
    code = EvaluationCode.objects.select_related("case").get(code=demo.DEMO_CODE)
    assert not code.used and code.expires_on > timezone.localdate()
    assert code.case.status == CaseStatus.CLOSED and code.organisation.slug == "almere"
    assert EvaluationCode.objects.filter(case=code.case, used=False).count() == 4
    assert can_read_case(User.objects.get(email="behandelaar@almere.example"), code.case)
    assert set(demo.DEMO_CODE.replace("-", "")) <= set(demo.CODE_ALPHABET)
    almere = Evaluation.objects.filter(organisation__slug="almere")
    assert almere.count() >= 12 and almere.values("month").distinct().count() >= 10
    assert 0 < Evaluation.objects.filter(organisation__slug="zeist").count() < 5


def test_nothing_the_demo_typed_holds_personal_data():
    cases = generated()
    texts = [*cases.values_list("reference", flat=True), *cases.values_list("summary", flat=True)]
    for model, fields in (
        (Contact, ("summary", "next_step")),
        (InformalApproach, ("agreements", "actions", "remaining")),
        (Party, ("description",)),
        (Official, ("mandate",)),
    ):
        for row in model.objects.filter(case__in=cases).values_list(*fields):
            texts.extend(row)
    texts += Evaluation.objects.values_list("comment", flat=True)
    texts += [f"{row[2]} {row[4]}" for row in demo_texts.ALMERE_TRAJECTORY.values()]
    assert len(texts) > 1000
    findings = {text: detect(text) for text in texts if detect(text)}
    assert findings == {}


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def test_no_text_the_generator_can_choose_holds_personal_data():
    texts = [text for name in dir(demo_texts) if name.isupper() for text in _strings(getattr(demo_texts, name))]
    assert len(texts) > 150
    assert {text: detect(text) for text in texts if detect(text)} == {}
