"""Demo content for measuring ("meten = weten"): a generated year of the case register, and what the dashboard,
the benchmark and the evaluation need around it (run by `manage.py demo_content`, after the case register's demo).

The year: the last twelve months of cases for Gemeente Almere (about 150), Gemeente Zeist (90), Gemeente Hilversum
(70), Københavns Kommune (110) and a smaller neighbour, Gemeente Amersfoort (45 objections), generated from a seeded
`random.Random`, so every run makes the same year (its dates are relative to today). The proportions follow the
public figures of the Dutch informal-approach programme: most objections get a call and an informal approach (BIA),
and about six in ten are withdrawn or settled without a formal procedure; mediation for about one case in six, with
an internal, pool or external mediator (the pool's cases are the pool demo's own loans, so its ledger and the
register agree); a busy spring (property-value objections) and a quiet summer; statutory terms of six or twelve
weeks, some missed; the newest cases still open; Hilversum keeps closed cases nine months, so its oldest are reduced
to statistics, as the retention job leaves them.

Around it: Almere's norm of 12 hours per formal procedure, Zeist named in the benchmark and Hilversum and Amersfoort
not (two unnamed organisations, so the network's average can be shown), three closed complaints of Amersfoort (so
Almere's network has too few complaints for a comparison: a suppressed cell),
management access for an Almere member, evaluation codes on a closed Almere case (one printed: `DEMO_CODE`), twelve
anonymous answers for Almere and three for Zeist (too few to show), and Almere's implementation trajectory.

Generated cases are kept apart from the hand-written ones of `cases/demo.py` by their reference (`MJ-…`); a case
reduced to statistics has lost its reference, so the set is "MJ- references and reduced cases of these
organisations". Each run deletes that set and writes it anew with bulk inserts (whatever demo users did with those
cases is gone; the hand-written cases are left alone). Texts are in `demo_texts.py`.
"""

from __future__ import annotations

import random
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.utils import timezone

from accounts.demo import DEMO_PASSWORD, demo_person
from accounts.models import Organisation, User
from cases.choices import CaseStatus
from cases.models import CaseSettings
from core.demo import register
from knowledge.training.models import TrajectoryStepStatus
from measurement import demo_texts as texts
from measurement.demo_year import (
    CODE_ALPHABET,
    COORDINATOR_ALMERE,
    DEMO_CODE,
    HILVERSUM_RETENTION_MONTHS,
    MANAGEMENT_ALMERE,
    PEOPLE,
    PREFIX,
    PROFILES,
    SEED,
    at_hour,
    generated_cases,
    plan_year,
    write,
)
from measurement.models import Evaluation, EvaluationCode, ManagementAccess, MeasurementSettings
from measurement.periods import Period

__all__ = ["CODE_ALPHABET", "DEMO_CODE", "PREFIX", "generated_cases", "load"]


def _evaluation_codes(plans, organisation, today, rng):
    """Unused codes on Almere's most recently closed generated case: the printed demo code and three more."""
    closed = [
        plan.case
        for plan in plans
        if plan.case.organisation_id == organisation.pk and plan.case.status == CaseStatus.CLOSED
    ]
    case = max(closed, key=lambda case: (case.closed_on, case.pk))
    codes = {DEMO_CODE}
    while len(codes) < 4:
        characters = "".join(rng.choice(CODE_ALPHABET) for _ in range(8))
        codes.add(f"{characters[:4]}-{characters[4:]}")
    EvaluationCode.objects.filter(code__in=codes).delete()
    EvaluationCode.objects.bulk_create(
        EvaluationCode(
            case=case,
            organisation=organisation,
            code=code,
            language="nl",
            created_by=case.created_by,
            created_at=at_hour(case.closed_on, 16),
            expires_on=today + timedelta(days=settings.EVALUATION_CODE_DAYS),
        )
        for code in sorted(codes)
    )
    return case


def _evaluations(organisation, months, rng, language):
    """Anonymous answers, one or two in the given months, mostly positive, a few with a comment."""
    Evaluation.objects.filter(organisation=organisation).delete()
    answers = []
    for month in months:
        scores = {question: min(5, max(1, round(rng.gauss(4.1, 0.9)))) for question in Evaluation.QUESTIONS}
        comment = rng.choice(texts.EVALUATION_COMMENTS[language]) if rng.random() < 0.3 else ""
        answers.append(Evaluation(organisation=organisation, month=month, language=language, comment=comment, **scores))
    Evaluation.objects.bulk_create(answers)
    return len(answers)


def _trajectory(organisation, coordinator, today):
    for step, (approach, status, note, days, provider) in texts.ALMERE_TRAJECTORY.items():
        day = today + timedelta(days=days)
        TrajectoryStepStatus.objects.update_or_create(
            organisation=organisation,
            step=step,
            defaults={
                "approach": approach,
                "status": status,
                "note": note,
                "provider": provider,
                "done_on": day if status == "done" else None,
                "planned_on": None if status == "done" else day,
                "updated_by": coordinator,
            },
        )


def load(progress):
    today = timezone.localdate()
    slugs = [profile.slug for profile in PROFILES] + ["amersfoort"]
    organisations = {org.slug: org for org in Organisation.objects.filter(slug__in=slugs)}
    credentials = []
    for row in progress.iterate([(row, row[0]) for row in PEOPLE], "demo-year people"):
        email, first, last, language, org_slug, label = row[0]
        demo_person(email, first, last, language, org_slug)
        credentials.append((label, email))
    emails = [profile.handler for profile in PROFILES] + ["coordinator@amersfoort.example", COORDINATOR_ALMERE]
    people = {user.email: user for user in User.objects.filter(email__in=[*emails, MANAGEMENT_ALMERE])}

    CaseSettings.objects.update_or_create(
        organisation=organisations["hilversum"], defaults={"retention_months": HILVERSUM_RETENTION_MONTHS}
    )
    deleted, _by_model = generated_cases(organisations.values()).delete()
    progress.step(f"demo year: previous generated cases removed ({deleted} rows)")
    plans = plan_year(today, organisations, people)
    for row in progress.iterate([(profile, organisations[profile.slug].name) for profile in PROFILES], "demo year"):
        organisation = organisations[row[0].slug]
        mine = [plan for plan in plans if plan.case.organisation == organisation]
        progress.step(
            f"    {len(mine)} cases, {sum(plan.case.status == CaseStatus.OPEN for plan in mine)} open, "
            f"{sum(plan.case.status == CaseStatus.REDUCED for plan in mine)} reduced to statistics"
        )
    write(plans)
    progress.step(f"demo year: {len(plans)} cases written (with Amersfoort's three complaints)")

    almere = organisations["almere"]
    MeasurementSettings.objects.update_or_create(organisation=almere, defaults={"formal_procedure_hours": Decimal(12)})
    MeasurementSettings.objects.update_or_create(
        organisation=organisations["zeist"],
        defaults={"named_in_benchmark": True, "formal_procedure_hours": Decimal(10)},
    )
    MeasurementSettings.objects.update_or_create(
        organisation=organisations["hilversum"], defaults={"named_in_benchmark": False}
    )
    coordinator = people[COORDINATOR_ALMERE]
    ManagementAccess.objects.get_or_create(
        organisation=almere,
        user=people[MANAGEMENT_ALMERE],
        defaults={"granted_by": coordinator, "granted_at": timezone.now() - timedelta(days=30)},
    )
    rng = random.Random(f"{SEED}-measurement")  # noqa: S311  (reproducible demo data)
    case = _evaluation_codes(plans, almere, today, rng)
    months = Period.last_twelve_months(today).months()
    answers = _evaluations(almere, months, rng, "nl")
    few = _evaluations(organisations["zeist"], months[-5:-2], rng, "nl")
    _trajectory(almere, coordinator, today)
    progress.step(
        f"measurement: Almere's norm, management access for {MANAGEMENT_ALMERE}, {answers} evaluations for Almere "
        f"and {few} for Zeist, trajectory of Almere"
    )
    progress.step(f"evaluation code to try as a party (case {case.reference}): {DEMO_CODE}")
    credentials.append(("management access Almere (dashboard)", MANAGEMENT_ALMERE))
    credentials.append((f"party evaluation: code {DEMO_CODE} at /nl/evaluation/", "(no log-in)"))
    progress.credentials(credentials, DEMO_PASSWORD)


register(load, order=120)
