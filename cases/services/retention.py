"""Retention: a closed case is reduced to its statistics once the organisation's retention period has passed.

What goes: everything that can say who was involved or what was said — the people involved, who was assigned, the
checklist, the officials and their mandates, every free text (reference, summary, record, the protocol's title,
contact summaries and next steps, the informal approach's texts), and who recorded what. What stays: kind, domain,
origin, the dates, the outcome, the route's steps, the meetings, the hours, each contact's date, channel and role,
and each informal approach's date and result — what the statistics count. A reduced case can no longer be opened by
anyone (`permissions.readable_cases` leaves it out); its audit log stays, as it names actions only.

`manage.py reduce_closed_cases` runs `reduce_expired` daily.
"""

import calendar
import datetime
from collections.abc import Callable

from django.db import transaction
from django.utils import timezone

from cases import audit
from cases.choices import CaseStatus, EventAction
from cases.models import (
    DEFAULT_RETENTION_MONTHS,
    Assignment,
    Case,
    CaseSettings,
    ChecklistItem,
    Contact,
    InformalApproach,
    Meeting,
    Official,
    Party,
    StepRecord,
)

# Cases are fetched by id in batches, so one run over 100,000 cases never holds them all in memory.
BATCH_SIZE = 500


def add_months(day: datetime.date, months: int) -> datetime.date:
    """`day` moved `months` calendar months on (or back); a day past the end of the target month becomes its last
    day (31 January + 1 month = 28 or 29 February)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def retention_months(organisation_id: int) -> int:
    """The organisation's retention period in months (the default while its coordinators chose none)."""
    months = CaseSettings.objects.filter(organisation_id=organisation_id).values_list("retention_months", flat=True)
    return next(iter(months), DEFAULT_RETENTION_MONTHS)


def reduction_date(case: Case, settings: CaseSettings | None = None) -> datetime.date | None:
    """The day a closed case is reduced: its closing day plus the retention period. None for a case not closed."""
    if case.closed_on is None or case.status != CaseStatus.CLOSED:
        return None
    months = settings.retention_months if settings is not None else DEFAULT_RETENTION_MONTHS
    return add_months(case.closed_on, months)


def last_closing_day_due(today: datetime.date, months: int) -> datetime.date:
    """The latest closing day whose reduction date (`add_months(day, months)`) is today or earlier.

    Not simply `add_months(today, -months)`: because month ends are cut short, 29–31 January all reach 28 February,
    so on 28 February those are due too. Moving on day by day from there settles it in at most three steps.
    """
    cutoff = add_months(today, -months)
    while add_months(cutoff + datetime.timedelta(days=1), months) <= today:
        cutoff += datetime.timedelta(days=1)
    return cutoff


def _reduce(case: Case) -> None:
    """Strip a locked, closed case down to its statistics, with its log entry (the caller holds the transaction)."""
    for model in (Party, Assignment, ChecklistItem, Official):
        model.objects.filter(case=case).delete()
    Contact.objects.filter(case=case).update(summary="", next_step="", recorded_by=None)
    InformalApproach.objects.filter(case=case).update(agreements="", actions="", remaining="", recorded_by=None)
    StepRecord.objects.filter(case=case).update(recorded_by=None)
    Meeting.objects.filter(case=case).update(recorded_by=None)
    case.reference = ""
    case.summary = ""
    case.record = ""
    case.protocol_title = ""
    case.created_by = None
    case.mediator_profile = None
    case.external_mediator = None
    case.status = CaseStatus.REDUCED
    case.reduced_at = timezone.now()
    case.version += 1
    case.save(
        update_fields=[
            "reference",
            "summary",
            "record",
            "protocol_title",
            "created_by",
            "mediator_profile",
            "external_mediator",
            "status",
            "reduced_at",
            "version",
            "updated_at",
        ]
    )
    audit.record(case, None, EventAction.REDUCED)


def reduce_case(case: Case, *, closed_on_or_before: datetime.date | None = None) -> bool:
    """Reduce one closed case to its statistics, in its own transaction.

    False, and nothing changes, when the case is no longer closed (reopened meanwhile), closed after
    `closed_on_or_before`, or locked by someone working on it right now (it is taken on the next run).
    """
    with transaction.atomic():
        locked = Case.objects.select_for_update(skip_locked=True).filter(pk=case.pk, status=CaseStatus.CLOSED)
        if closed_on_or_before is not None:
            locked = locked.filter(closed_on__lte=closed_on_or_before)
        found = locked.first()
        if found is None:
            return False
        _reduce(found)
    case.status, case.reduced_at = found.status, found.reduced_at
    return True


def due_cases(organisation_id: int, cutoff: datetime.date):
    return Case.objects.closed().filter(organisation_id=organisation_id, closed_on__lte=cutoff)


def _organisations_with_closed_cases() -> list[tuple[int, int]]:
    """(organisation id, retention months) for every organisation that has closed cases, in two queries."""
    # Ordered by the organisation itself: the model's own ordering would join the DISTINCT and repeat them.
    organisation_ids = list(
        Case.objects.closed().order_by("organisation_id").values_list("organisation_id", flat=True).distinct()
    )
    chosen = dict(
        CaseSettings.objects.filter(organisation_id__in=organisation_ids).values_list(
            "organisation_id", "retention_months"
        )
    )
    return [(pk, chosen.get(pk, DEFAULT_RETENTION_MONTHS)) for pk in organisation_ids]


def count_due(organisation_id: int, now=None) -> int:
    """How many of the organisation's closed cases the next run reduces, with its current retention period."""
    today = timezone.localdate(now)
    return due_cases(organisation_id, last_closing_day_due(today, retention_months(organisation_id))).count()


def reduce_expired(now=None, progress: Callable[[str], None] | None = None) -> int:
    """The daily job: reduce every closed case whose reduction date has come, one organisation at a time with its
    own retention period. Returns how many were reduced; `progress` hears a counted line per organisation.

    Running it twice is harmless: a reduced case is no longer closed, so the second run finds nothing.
    """
    today = timezone.localdate(now)
    organisations = _organisations_with_closed_cases()
    total = 0
    for number, (organisation_id, months) in enumerate(organisations, start=1):
        cutoff = last_closing_day_due(today, months)
        reduced = 0
        last_pk = 0
        while True:
            batch = list(
                due_cases(organisation_id, cutoff)
                .filter(pk__gt=last_pk)
                .order_by("pk")
                .values_list("pk", flat=True)[:BATCH_SIZE]
            )
            if not batch:
                break
            last_pk = batch[-1]
            for pk in batch:
                reduced += reduce_case(Case(pk=pk), closed_on_or_before=cutoff)
        total += reduced
        if progress is not None:
            progress(
                f"[{number}/{len(organisations)}] organisation {organisation_id}: {reduced} case(s) closed on or "
                f"before {cutoff.isoformat()} reduced ({months} months)"
            )
    return total
