"""Working a case: logging contacts, recording the informal approach (BIA), the confirmation letter, following a
protocol and ticking off its checklist, and the organisation's letter templates.

Every change locks the case row first and refuses when the case is not open: a closed case is a record, and is
reopened before anything is added to it (the same rule for every action here). Each change is written to the audit
log in the same transaction (`cases.audit.record`).
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Organisation
from cases import audit
from cases.choices import EventAction, ObjectionResult
from cases.errors import CaseError
from cases.models import Case, ChecklistItem, Contact, InformalApproach, LetterTemplate

CONTACT_FIELDS = ("happened_on", "channel", "with_role", "summary", "next_step", "next_step_due")
INFORMAL_FIELDS = ("called_on", "agreements", "actions", "result", "remaining")


def _open_case(case: Case) -> Case:
    """The case row, locked for this transaction; a CaseError when it is no longer open."""
    locked = Case.objects.select_for_update().get(pk=case.pk)
    if not locked.is_open:
        raise CaseError(_("This case is closed; reopen it to add to it."))
    return locked


# --- the contact log ---------------------------------------------------------------------------------------------


@transaction.atomic
def add_contact(
    case: Case,
    by,
    *,
    happened_on: datetime.date,
    channel: str,
    with_role: str,
    summary: str = "",
    next_step: str = "",
    next_step_due: datetime.date | None = None,
) -> Contact:
    case = _open_case(case)
    contact = Contact.objects.create(
        case=case,
        happened_on=happened_on,
        channel=channel,
        with_role=with_role,
        summary=summary,
        next_step=next_step,
        next_step_due=next_step_due,
        recorded_by=by,
        recorded_at=timezone.now(),
    )
    audit.record(case, by, EventAction.CONTACT)
    return contact


@transaction.atomic
def update_contact(contact: Contact, by, **fields) -> Contact:
    case = _open_case(contact.case)
    contact = Contact.objects.select_for_update().get(pk=contact.pk, case=case)
    for name in CONTACT_FIELDS:
        if name in fields:
            setattr(contact, name, fields[name])
    contact.save()
    audit.record(case, by, EventAction.CONTACT)
    return contact


# --- the informal approach (BIA) ---------------------------------------------------------------------------------


def _remaining(result: str, remaining: str) -> str:
    # Only a partly withdrawn objection leaves something; a stale text from an earlier choice is not kept.
    return remaining if result == ObjectionResult.PARTLY_WITHDRAWN else ""


@transaction.atomic
def add_informal(
    case: Case,
    by,
    *,
    called_on: datetime.date,
    agreements: str,
    result: str,
    actions: str = "",
    remaining: str = "",
) -> InformalApproach:
    case = _open_case(case)
    if result == ObjectionResult.PARTLY_WITHDRAWN and not remaining.strip():
        raise CaseError(_("Say what remains when the objection is partly withdrawn."))
    informal = InformalApproach.objects.create(
        case=case,
        called_on=called_on,
        agreements=agreements,
        actions=actions,
        result=result,
        remaining=_remaining(result, remaining),
        recorded_by=by,
        recorded_at=timezone.now(),
    )
    audit.record(case, by, EventAction.INFORMAL)
    return informal


@transaction.atomic
def update_informal(informal: InformalApproach, by, **fields) -> InformalApproach:
    case = _open_case(informal.case)
    informal = InformalApproach.objects.select_for_update().get(pk=informal.pk, case=case)
    for name in INFORMAL_FIELDS:
        if name in fields:
            setattr(informal, name, fields[name])
    if informal.result == ObjectionResult.PARTLY_WITHDRAWN and not informal.remaining.strip():
        raise CaseError(_("Say what remains when the objection is partly withdrawn."))
    informal.remaining = _remaining(informal.result, informal.remaining)
    informal.save()
    audit.record(case, by, EventAction.INFORMAL)
    return informal


@transaction.atomic
def record_letter(case: Case, by) -> None:
    """A confirmation letter was downloaded: logged, as it carries the case's agreements out of the platform."""
    audit.record(case, by, EventAction.LETTER)


# --- the protocol's checklist ------------------------------------------------------------------------------------


def protocol_items(page) -> list[tuple[str, str]]:
    """(step title, item) for every checklist item of the protocol `page`, in the protocol's order."""
    return [
        (str(step.value["title"])[:200], str(text)[:300])
        for step in page.steps
        if step.block_type == "step"
        for text in step.value["checklist"]
        if str(text).strip()
    ]


@transaction.atomic
def follow_protocol(case: Case, page, by) -> Case:
    """The case follows the protocol `page` (its live version): its checklist items become the case's checklist.

    Choosing another protocol, or the same one after it was revised, replaces the items not ticked yet; ticked items
    stay, with who ticked them and when, as they record work that was done. A ticked item the new version also has
    (same step, same text) takes its place in the new order instead of appearing twice.
    """
    case = _open_case(case)
    items = protocol_items(page)
    ChecklistItem.objects.filter(case=case, done_at__isnull=True).delete()
    ticked = {(item.step_title, item.text): item for item in ChecklistItem.objects.filter(case=case)}
    new = []
    for position, (step_title, text) in enumerate(items):
        kept = ticked.pop((step_title, text), None)
        if kept is not None:
            kept.position = position
            kept.save(update_fields=["position"])
        else:
            new.append(ChecklistItem(case=case, position=position, step_title=step_title, text=text))
    ChecklistItem.objects.bulk_create(new)
    # Ticked items the new protocol lacks go after its own, under their old step.
    for offset, item in enumerate(sorted(ticked.values(), key=lambda item: (item.position, item.pk))):
        item.position = len(items) + offset
        item.save(update_fields=["position"])

    case.protocol = page
    case.protocol_title = page.title[:255]
    case.protocol_revision_id = page.live_revision_id
    case.version += 1
    case.save(update_fields=["protocol", "protocol_title", "protocol_revision", "version", "updated_at"])
    audit.record(case, by, EventAction.CHECKLIST)
    return case


@transaction.atomic
def tick(item: ChecklistItem, by, *, done: bool) -> ChecklistItem:
    """Mark `item` done or not done. The wished state comes with the request, so a double click or two people at
    once end in that state instead of flipping it back."""
    case = _open_case(item.case)
    item = ChecklistItem.objects.select_for_update().get(pk=item.pk, case=case)
    if item.is_done == done:
        return item
    item.done_at = timezone.now() if done else None
    item.done_by = by if done else None
    item.save(update_fields=["done_at", "done_by"])
    audit.record(case, by, EventAction.CHECKLIST)
    return item


# --- the organisation's letter templates -------------------------------------------------------------------------


@transaction.atomic
def save_letter_template(organisation: Organisation, language: str, body: str, by) -> LetterTemplate:
    template, _created = LetterTemplate.objects.select_for_update().update_or_create(
        organisation=organisation, language=language, defaults={"body": body, "updated_by": by}
    )
    return template


@transaction.atomic
def reset_letter_template(organisation: Organisation, language: str) -> None:
    """Back to the platform's default wording: the organisation's own text for `language` goes."""
    LetterTemplate.objects.filter(organisation=organisation, language=language).delete()
