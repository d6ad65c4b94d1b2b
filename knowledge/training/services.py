"""The rules of training enrolment and of the implementation trajectory.

Capacity is guarded by locking the session row (`select_for_update`) for the duration of each enrolment,
cancellation and promotion: every change to a session's participants happens one at a time, so counting and
inserting cannot interleave. Enrolment ids are drawn while that lock is held, which makes them follow the order in
which enrolments were committed: the waiting list is ordered by id. A partial unique constraint makes a second active
enrolment of the same person impossible even if the checks here were bypassed.

Mails go out after the commit, through a background task, so a rolled-back enrolment never mails anyone.
"""

import uuid
from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from accounts import roles
from core.charts import Chart, Series
from knowledge.training.models import (
    Enrolment,
    ImplementationProgrammePage,
    SessionStatus,
    TrainingSession,
    TrajectoryStepStatus,
)
from knowledge.training.steps import STEP_KEYS, STEP_LABELS
from knowledge.training.tasks import send_training_mails


class EnrolmentError(Exception):
    """A refusal with a message for the person who tried."""

    message = _("This enrolment is not possible.")

    def __str__(self):
        return str(self.message)


class NotAMember(EnrolmentError):
    message = _("Only members of a verified government organisation can enrol in a training.")


class SessionCancelled(EnrolmentError):
    message = _("This session has been cancelled; enrolment is no longer possible.")


class EnrolmentClosed(EnrolmentError):
    message = _("The enrolment deadline for this session has passed.")


class AlreadyEnrolled(EnrolmentError):
    message = _("You are already enrolled in this session (or on its waiting list).")


def _locked_session(session_id) -> TrainingSession:
    # `of=("self",)`: lock the session row only, not the module page joined in for its maximum group size.
    return TrainingSession.objects.select_for_update(of=("self",)).select_related("page").get(pk=session_id)


def _notify(enrolment_ids, kind: str) -> None:
    """Mail these participants: one task for the lot, queued in the caller's transaction (committed or rolled back with
    the change; a cancelled session with a hundred participants is one insert, not a hundred)."""
    ids = list(enrolment_ids)
    if ids:
        send_training_mails.enqueue(ids, kind, str(uuid.uuid4()))


def enrol(session_id: int, user, *, notify: bool = True) -> Enrolment:
    """Enrol `user`, or put them on the waiting list when the session is full. Raises an EnrolmentError."""
    if not roles.is_member(user):
        raise NotAMember
    try:
        with transaction.atomic():
            session = _locked_session(session_id)
            if session.is_cancelled:
                raise SessionCancelled
            if timezone.now() > session.deadline:
                raise EnrolmentClosed
            if session.enrolments.active().filter(user=user).exists():
                raise AlreadyEnrolled
            enrolled = session.enrolments.filter(status=Enrolment.Status.ENROLLED).count()
            full = enrolled >= session.capacity_or_default
            enrolment = Enrolment.objects.create(
                session=session,
                user=user,
                status=Enrolment.Status.WAITLISTED if full else Enrolment.Status.ENROLLED,
            )
            if notify:
                _notify([enrolment.pk], "waitlisted" if full else "enrolled")
    except IntegrityError as error:
        # The partial unique constraint: a parallel request of the same person won.
        raise AlreadyEnrolled from error
    return enrolment


def _fill_from_waitlist(session: TrainingSession) -> list[int]:
    """Promote waiting people in arrival order while there is room. The caller holds the session lock."""
    if session.is_cancelled or session.start <= timezone.now():
        return []
    free = session.capacity_or_default - session.enrolments.filter(status=Enrolment.Status.ENROLLED).count()
    if free <= 0:
        return []
    promoted = list(session.enrolments.waitlist().values_list("pk", flat=True)[:free])
    Enrolment.objects.filter(pk__in=promoted).update(status=Enrolment.Status.ENROLLED, promoted_at=timezone.now())
    return promoted


def fill_from_waitlist(session_id: int) -> list[int]:
    """After a session got more places (its capacity was raised): promote and mail whoever now fits."""
    with transaction.atomic():
        session = _locked_session(session_id)
        promoted = _fill_from_waitlist(session)
        _notify(promoted, "promoted")
    return promoted


def cancel_enrolment(enrolment: Enrolment, by) -> Enrolment:
    """Cancel an enrolment or a place on the waiting list; a freed place goes to the first person waiting."""
    with transaction.atomic():
        session = _locked_session(enrolment.session_id)
        enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
        if enrolment.status == Enrolment.Status.CANCELLED:
            return enrolment
        was_enrolled = enrolment.status == Enrolment.Status.ENROLLED
        enrolment.status = Enrolment.Status.CANCELLED
        enrolment.cancelled_at = timezone.now()
        enrolment.cancelled_by = by
        enrolment.save(update_fields=["status", "cancelled_at", "cancelled_by"])
        promoted = _fill_from_waitlist(session) if was_enrolled else []
        # Queued after every write: a task run at once (the immediate backend) sees the promotions as well.
        _notify([enrolment.pk], "enrolment_cancelled")
        _notify(promoted, "promoted")
    return enrolment


def cancel_session(session: TrainingSession, by) -> TrainingSession:
    """Cancel a session and tell everyone enrolled or waiting. Cancelling twice mails nobody twice."""
    with transaction.atomic():
        session = _locked_session(session.pk)
        if session.cancelled_at:
            return session
        session.status = SessionStatus.CANCELLED
        session.cancelled_at = timezone.now()
        session.cancelled_by = by
        session.save(update_fields=["status", "cancelled_at", "cancelled_by"])
        _notify(session.enrolments.active().values_list("pk", flat=True), "session_cancelled")
    return session


def apply_published_sessions(page) -> None:
    """What a published module revision asks for: cancellations to announce, raised capacities to fill."""
    sessions = TrainingSession.objects.filter(page=page)
    revision = page.latest_revision
    by = revision.user if revision is not None else None
    for session in sessions:
        if session.status == SessionStatus.CANCELLED and not session.cancelled_at:
            cancel_session(session, by)
        elif session.status == SessionStatus.PLANNED:
            fill_from_waitlist(session.pk)


# Implementation trajectory

TRAJECTORY_FIELDS = ("approach", "status", "note", "planned_on", "done_on", "provider")


def programme_page():
    """The live implementation programme page in the active language, or None when it has no such translation."""
    return (
        ImplementationProgrammePage.objects.live()
        .public()
        .filter(locale__language_code=translation.get_language())
        .first()
    )


def step_titles(page=None) -> dict[str, str]:
    """Each step's title as the editors wrote it on the programme page in the active language; the built-in label
    for a step the page lacks, and for all steps when the page is not translated into this language (a Dutch title
    on a Danish page would be worse than the Danish built-in label). Pass `page` when the caller has it already."""
    page = page if page is not None else programme_page()
    titles = {key: str(label) for key, label in STEP_LABELS.items()}
    if page is not None:
        for block in page.steps:
            key, title = block.value.get("key"), (block.value.get("title") or "").strip()
            if key in titles and title:
                titles[key] = title
    return titles


def trajectory(organisation, titles: dict[str, str] | None = None) -> list[TrajectoryStepStatus]:
    """All eleven steps in order, each with its title (`row.title`); a step nobody recorded is an unsaved row with
    the defaults: not decided yet, not started."""
    titles = titles if titles is not None else step_titles()
    stored = {row.step: row for row in organisation.trajectory_steps.select_related("updated_by")}
    rows = [stored.get(key) or TrajectoryStepStatus(organisation=organisation, step=key) for key in STEP_KEYS]
    for row in rows:
        row.editor_title = titles.get(row.step, "")
    return rows


def save_trajectory(organisation, rows: list[dict], by) -> None:
    """Store the coordinator's choices; rows are dicts with the step and the fields of TRAJECTORY_FIELDS (a field
    left out keeps its default). A step that is still entirely the default is not stored: an untouched form saves
    nothing, so no row claims a choice nobody made."""
    blank = TrajectoryStepStatus()
    defaults = {name: getattr(blank, name) for name in TRAJECTORY_FIELDS}
    with transaction.atomic():
        stored = {row.step: row for row in organisation.trajectory_steps.select_for_update()}
        for data in rows:
            if data["step"] not in STEP_KEYS:
                continue
            row = stored.get(data["step"])
            values = {name: data.get(name, default) for name, default in defaults.items()}
            values["note"], values["provider"] = values["note"] or "", values["provider"] or ""
            if row is None and values == defaults:
                continue
            if row is not None and all(getattr(row, name) == value for name, value in values.items()):
                continue
            TrajectoryStepStatus.objects.update_or_create(
                organisation=organisation, step=data["step"], defaults={**values, "updated_by": by}
            )


def trajectory_summary(rows: list[TrajectoryStepStatus]) -> dict:
    """Counts per status and per approach over all steps (an unrecorded step counts as not started and not decided
    yet), as `core.charts.Chart`s for the overview and the dashboard, and the next planned steps.

    `status` and `approach` are lists of {"value", "label", "count"}; `status_chart` and `approach_chart` draw the
    same counts; `next_planned` holds the first three steps not done yet that have a planned date, earliest first
    (a date already past comes first: that step is late); `done` is the number of steps done, `total` of all."""
    total = len(rows)

    def counts(field, choices):
        return [
            {"value": value, "label": label, "count": sum(1 for row in rows if getattr(row, field) == value)}
            for value, label in choices
        ]

    def chart(chart_id, title, header, bars):
        return Chart(
            id=chart_id,
            title=title,
            categories=[str(bar["label"]) for bar in bars],
            series=[Series(label=str(_("Steps")), values=[bar["count"] for bar in bars])],
            kind="bar",
            category_header=header,
        )

    status = counts("status", TrajectoryStepStatus.Progress.choices)
    approach = counts("approach", TrajectoryStepStatus.Approach.choices)
    planned = sorted(
        (row for row in rows if not row.is_done and row.planned_on), key=lambda row: row.planned_on or date.max
    )
    return {
        "total": total,
        "done": next(bar["count"] for bar in status if bar["value"] == TrajectoryStepStatus.Progress.DONE),
        "status": status,
        "approach": approach,
        "status_chart": chart("trajectory-status", str(_("Steps by status")), str(_("Status")), status),
        "approach_chart": chart("trajectory-approach", str(_("Steps by approach")), str(_("Approach")), approach),
        "next_planned": planned[:3],
    }
