"""The mediation route of a case: the mediator, the officials and their mandate, the steps and meetings; closing a
case with its outcome and hours, and reopening it.

Every function works in one transaction with the case row locked (`select_for_update`), so that two people acting
on one case at once are put in a row. That is what keeps THE MANDATE RULE: a mediation reaches its meeting only
while every official at the table has a confirmed mandate, and there is at least one official. Confirming, adding
or removing an official and reaching the meeting all lock the case first, so an official added (or a confirmation
taken back by removing and re-adding) at the same moment cannot slip past the check.

The order of the route is `ROUTE_ORDER`: intake, consent (the other party asked and willing), officials,
pre-meetings, meeting, outcome. A step is recorded only after every step before it, except the individual
pre-meetings, which a mediation may go without (the Copenhagen process holds them, not every mediation does). The
outcome step is reached by closing the case, never on its own.
"""

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from cases import audit
from cases.choices import (
    ROUTE_ORDER,
    AssignmentRole,
    CaseStatus,
    EventAction,
    HoursRole,
    MediatorSource,
    MeetingKind,
    Outcome,
    PartyRole,
    RouteStep,
)
from cases.errors import CaseError
from cases.models import Assignment, Case, Hours, Meeting, Official, StepRecord
from pool.models import ExternalMediator, Loan, MediatorProfile
from pool.permissions import INTERNAL_KINDS, current_profiles

# Steps a mediation may go without.
OPTIONAL_STEPS = frozenset({RouteStep.PRE_MEETINGS})
# Steps recorded with `reach_step`; the outcome comes with closing the case.
REACHABLE_STEPS = [step for step in ROUTE_ORDER if step != RouteStep.OUTCOME]
MAX_HOURS = Decimal("1000")


def _locked(case_id: int) -> Case:
    return Case.objects.select_for_update().get(pk=case_id)


def _save(case: Case, *fields: str) -> None:
    # The case's own fields changed: raise the version so a details form filled in before fails instead of
    # overwriting (`services.register.update_case`).
    case.version += 1
    case.save(update_fields=[*fields, "version", "updated_at"])


def _open_in_mediation(case: Case) -> None:
    if not case.is_open:
        raise CaseError(_("This case is closed. Reopen it to change its mediation."))
    if not case.in_mediation:
        raise CaseError(_("This case has not gone to mediation yet. Choose a mediator first."))


def _reached(case: Case) -> dict[str, date]:
    return dict(StepRecord.objects.filter(case=case).values_list("step", "reached_on"))


def _furthest(reached) -> str:
    steps = [step for step in ROUTE_ORDER if step in reached]
    return steps[-1] if steps else ""


def mandate_problem(case: Case) -> str:
    """Why the mediation cannot meet now, or "" when it can: THE MANDATE RULE.

    Every kind of case has a government side at the table (an objection or complaint: the administration; a staff
    conflict: the employer; between organisations: both), so there is always at least one official, and an agreement
    made at the table holds only if each official's mandate to make it was confirmed beforehand.
    """
    officials = list(Official.objects.filter(case=case).order_by("pk"))
    if not officials:
        return _(
            "The mediation meeting cannot take place without an official at the table: add the official who will "
            "represent the organisation, with their mandate, and confirm that mandate first."
        )
    unconfirmed = [official for official in officials if not official.mandate_confirmed]
    if unconfirmed:
        roles = ", ".join(str(official.get_role_display()) for official in unconfirmed)
        return _(
            "The mediation meeting cannot take place while a mandate is unconfirmed (%(roles)s). Confirm that each "
            "official may decide what they will agree to at the table."
        ) % {"roles": roles}
    return ""


def _reach(case: Case, actor, step: str, on: date, reached: dict[str, date]) -> None:
    """Record `step` on `on` for the locked `case`, after checking the order, the dates and the mandate rule."""
    if step not in ROUTE_ORDER:
        raise CaseError(_("Choose a step of the route."))
    if step in reached:
        raise CaseError(_("This step has been recorded already."))
    index = ROUTE_ORDER.index(RouteStep(step))
    missing = [earlier for earlier in ROUTE_ORDER[:index] if earlier not in reached and earlier not in OPTIONAL_STEPS]
    if missing:
        raise CaseError(
            _("Record the earlier steps first: %(steps)s.")
            % {"steps": ", ".join(str(RouteStep(earlier).label) for earlier in missing)}
        )
    earlier_dates = [reached[earlier] for earlier in ROUTE_ORDER[:index] if earlier in reached]
    if case.mediation_started_on:
        earlier_dates.append(case.mediation_started_on)
    if earlier_dates and on < max(earlier_dates):
        raise CaseError(
            _("The date cannot be before the date of an earlier step (%(date)s).")
            % {"date": formats.date_format(max(earlier_dates), "DATE_FORMAT")}
        )
    if step == RouteStep.MEETING:
        problem = mandate_problem(case)
        if problem:
            raise CaseError(problem)
    StepRecord.objects.create(case=case, step=step, reached_on=on, recorded_by=actor)
    reached[step] = on
    case.route_step = _furthest(reached)
    _save(case, "route_step")


# --- the mediator --------------------------------------------------------------------------------------------------


def internal_mediators(case: Case):
    """The organisation's own mediators who may take the case: internal (or both) and still an active member."""
    return (
        current_profiles()
        .filter(organisation_id=case.organisation_id, kind__in=INTERNAL_KINDS)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "pk")
    )


def pool_loans(case: Case):
    """Approved loans of a mediator from the regional pool to the case's organisation."""
    return (
        Loan.objects.filter(borrowing_organisation_id=case.organisation_id)
        .select_related("mediator__user", "lending_organisation", "network", "request")
        .order_by("-approved_at", "-pk")
    )


def external_mediators(case: Case):
    return ExternalMediator.objects.filter(organisation_id=case.organisation_id).order_by("name", "pk")


@transaction.atomic
def start_mediation(
    case_id: int,
    actor,
    *,
    started_on: date,
    source: str,
    profile: MediatorProfile | None = None,
    loan: Loan | None = None,
    external: ExternalMediator | None = None,
) -> Case:
    """Send the case to mediation with its mediator, or change the mediator of a case in mediation.

    An internal mediator is assigned to the case (role "mediator") so they can open it. A mediator chosen before
    keeps their assignment: whether they still work on the case is for the coordinator to decide.
    """
    case = _locked(case_id)
    if not case.is_open:
        raise CaseError(_("This case is closed. Reopen it to change its mediation."))
    if started_on < case.received_on:
        raise CaseError(_("The mediation cannot start before the case was received."))
    reached = _reached(case)
    later = [day for step, day in reached.items() if step != RouteStep.INTAKE]
    if later and started_on > min(later):
        raise CaseError(_("The mediation cannot start after a step it has already reached."))
    case.mediator_profile = case.loan = case.external_mediator = None
    if source == MediatorSource.INTERNAL:
        if profile is None or not internal_mediators(case).filter(pk=profile.pk).exists():
            raise CaseError(_("Choose one of your organisation's own mediators."))
        case.mediator_profile = profile
        Assignment.objects.get_or_create(
            case=case, user_id=profile.user_id, defaults={"role": AssignmentRole.MEDIATOR, "assigned_by": actor}
        )
    elif source == MediatorSource.POOL:
        if loan is None or not pool_loans(case).filter(pk=loan.pk).exists():
            raise CaseError(_("Choose an approved loan of a mediator from the pool."))
        case.loan = loan
    elif source == MediatorSource.EXTERNAL:
        if external is None or not external_mediators(case).filter(pk=external.pk).exists():
            raise CaseError(_("Choose one of your organisation's external mediators."))
        case.external_mediator = external
    else:
        raise CaseError(_("Choose where the mediator comes from."))
    case.mediator_source = source
    case.mediation_started_on = started_on
    StepRecord.objects.update_or_create(
        case=case, step=RouteStep.INTAKE, defaults={"reached_on": started_on, "recorded_by": actor}
    )
    reached[RouteStep.INTAKE] = started_on
    case.route_step = _furthest(reached)
    _save(
        case, "mediator_source", "mediator_profile", "loan", "external_mediator", "mediation_started_on", "route_step"
    )
    audit.record(case, actor, EventAction.MEDIATION)
    return case


# --- officials at the table ----------------------------------------------------------------------------------------


@transaction.atomic
def add_official(case_id: int, actor, *, role: str, mandate: str) -> Official:
    case = _locked(case_id)
    _open_in_mediation(case)
    if role not in PartyRole.values:
        raise CaseError(_("Choose the official's role."))
    if not mandate.strip():
        raise CaseError(_("Describe the mandate the official brings to the table."))
    official = Official.objects.create(case=case, role=role, mandate=mandate.strip())
    audit.record(case, actor, EventAction.MEDIATION)
    return official


def _official(case: Case, official_id: int) -> Official:
    official = Official.objects.filter(case=case, pk=official_id).first()
    if official is None:
        raise CaseError(_("This official is no longer at the table."))
    return official


@transaction.atomic
def confirm_mandate(case_id: int, official_id: int, actor, *, on: date | None = None) -> Official:
    """Record that the official's mandate was confirmed: today, by `actor`."""
    case = _locked(case_id)
    _open_in_mediation(case)
    official = _official(case, official_id)
    if not official.mandate_confirmed:
        official.mandate_confirmed_on = on or timezone.localdate()
        official.mandate_confirmed_by = actor if actor is not None and actor.is_authenticated else None
        official.save(update_fields=["mandate_confirmed_on", "mandate_confirmed_by"])
        audit.record(case, actor, EventAction.MEDIATION)
    return official


@transaction.atomic
def remove_official(case_id: int, official_id: int, actor) -> None:
    case = _locked(case_id)
    _open_in_mediation(case)
    _official(case, official_id).delete()
    audit.record(case, actor, EventAction.MEDIATION)


# --- steps and meetings --------------------------------------------------------------------------------------------


@transaction.atomic
def reach_step(case_id: int, actor, *, step: str, on: date) -> Case:
    case = _locked(case_id)
    _open_in_mediation(case)
    if step not in REACHABLE_STEPS:
        raise CaseError(_("The outcome is recorded by closing the case."))
    _reach(case, actor, step, on, _reached(case))
    audit.record(case, actor, EventAction.MEDIATION)
    return case


@transaction.atomic
def add_meeting(
    case_id: int,
    actor,
    *,
    kind: str,
    held_on: date,
    with_role: str = "",
    duration_minutes: int | None = None,
    supporter_present: bool = False,
) -> Meeting:
    """A pre-meeting with one party, or a mediation meeting: the latter obeys the mandate rule and reaches the
    meeting step when it has not been reached yet."""
    case = _locked(case_id)
    _open_in_mediation(case)
    if held_on < case.mediation_started_on:  # type: ignore[operator]  # in mediation: set
        raise CaseError(_("A meeting cannot be held before the mediation started."))
    if kind == MeetingKind.PRE_MEETING:
        if not with_role:
            raise CaseError(_("Say with whom the pre-meeting was held."))
        supporter_present = supporter_present and with_role == PartyRole.CITIZEN
    elif kind == MeetingKind.MEDIATION:
        reached = _reached(case)
        if RouteStep.MEETING in reached:
            problem = mandate_problem(case)
            if problem:
                raise CaseError(problem)
        else:
            _reach(case, actor, RouteStep.MEETING, held_on, reached)
        with_role = ""
    else:
        raise CaseError(_("Choose the kind of meeting."))
    meeting = Meeting.objects.create(
        case=case,
        kind=kind,
        held_on=held_on,
        with_role=with_role,
        duration_minutes=duration_minutes,
        supporter_present=supporter_present,
        recorded_by=actor if actor is not None and actor.is_authenticated else None,
    )
    audit.record(case, actor, EventAction.MEDIATION)
    return meeting


# --- outcome, hours ------------------------------------------------------------------------------------------------


def _store_hours(case: Case, hours: dict[str, Decimal | None]) -> None:
    """Replace the hours of the roles in `hours`: 0 or nothing removes a role's row."""
    for role, amount in hours.items():
        if role not in HoursRole.values:
            raise CaseError(_("Unknown role for hours."))
        if amount is not None and (amount < 0 or amount > MAX_HOURS):
            raise CaseError(_("Enter between 0 and 1000 hours per role."))
    for role, amount in hours.items():
        if not amount:
            Hours.objects.filter(case=case, role=role).delete()
        else:
            Hours.objects.update_or_create(case=case, role=role, defaults={"hours": amount})


@transaction.atomic
def close(
    case_id: int,
    actor,
    *,
    outcome: str,
    closed_on: date,
    agreement_written: bool | None = None,
    record_agreed: bool = False,
    record: str = "",
    hours: dict[str, Decimal | None] | None = None,
) -> Case:
    case = _locked(case_id)
    if not case.is_open:
        raise CaseError(_("This case is closed already."))
    if outcome not in Outcome.values:
        raise CaseError(_("Choose the outcome."))
    if closed_on is None:
        raise CaseError(_("Enter the date the case was closed."))
    if closed_on < case.received_on:
        raise CaseError(_("A case cannot be closed before the date it was received."))
    record = record.strip()
    if record and not record_agreed:
        raise CaseError(_("Keep a short record only when the parties want one."))
    if outcome != Outcome.AGREEMENT:
        agreement_written = None
    case.status = CaseStatus.CLOSED
    case.outcome = outcome
    case.closed_on = closed_on
    case.agreement_written = agreement_written
    case.record_agreed = record_agreed
    case.record = record
    fields = ["status", "outcome", "closed_on", "agreement_written", "record_agreed", "record"]
    if case.in_mediation:
        StepRecord.objects.update_or_create(
            case=case, step=RouteStep.OUTCOME, defaults={"reached_on": closed_on, "recorded_by": actor}
        )
        case.route_step = RouteStep.OUTCOME
        fields.append("route_step")
    _save(case, *fields)
    if hours is not None:
        _store_hours(case, hours)
    audit.record(case, actor, EventAction.CLOSED)
    return case


@transaction.atomic
def reopen(case_id: int, actor) -> Case:
    """Back to open: the outcome and closing date go, the hours and any agreed record stay."""
    case = _locked(case_id)
    if not case.is_closed:
        raise CaseError(_("Only a closed case can be reopened."))
    case.status = CaseStatus.OPEN
    case.outcome = ""
    case.closed_on = None
    case.agreement_written = None
    StepRecord.objects.filter(case=case, step=RouteStep.OUTCOME).delete()
    case.route_step = _furthest(_reached(case))
    _save(case, "status", "outcome", "closed_on", "agreement_written", "route_step")
    audit.record(case, actor, EventAction.REOPENED)
    return case


@transaction.atomic
def set_hours(case_id: int, actor, hours: dict[str, Decimal | None]) -> Case:
    case = _locked(case_id)
    if case.status == CaseStatus.REDUCED:
        raise CaseError(_("This case has been reduced to its statistics."))
    _store_hours(case, hours)
    audit.record(case, actor, EventAction.CHANGED)
    return case
