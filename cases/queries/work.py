"""What the case page shows of the work area: the protocol's checklist, the contact log and the informal
approaches, in a fixed number of queries however many there are."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Revision

from cases import permissions
from cases.choices import ObjectionResult
from cases.letters import kind_group
from cases.models import ChecklistItem, Contact, InformalApproach

# What became of the objection, in the words of the case's kind: "objection withdrawn" says nothing about a conflict
# between colleagues. The stored values are the same for every kind.
RESULT_CHOICES = {
    "objection": ObjectionResult.choices,
    "complaint": [
        (ObjectionResult.WITHDRAWN.value, _("Complaint withdrawn")),
        (ObjectionResult.PARTLY_WITHDRAWN.value, _("Complaint partly withdrawn")),
        (ObjectionResult.KEPT.value, _("Complaint kept")),
    ],
    "other": [
        (ObjectionResult.WITHDRAWN.value, _("Settled")),
        (ObjectionResult.PARTLY_WITHDRAWN.value, _("Partly settled")),
        (ObjectionResult.KEPT.value, _("Not settled")),
    ],
}
RESULT_LABELS = {
    "objection": _("The objection is"),
    "complaint": _("The complaint is"),
    "other": _("After the call, the matter is"),
}
REMAINING_LABELS = {
    "objection": _("What remains of the objection"),
    "complaint": _("What remains of the complaint"),
    "other": _("What remains open"),
}


def result_label(kind: str, result: str) -> str:
    return str(dict(RESULT_CHOICES[kind_group(kind)]).get(result, result))


def contact_rows(case, contacts, today=None) -> list[Contact]:
    """The contacts, newest first, each with `next_step_open` (no later contact logged yet) and `overdue`."""
    today = today or timezone.localdate()
    rows = list(contacts)
    for index, contact in enumerate(rows):
        # A later contact takes the case on from this one's next step.
        contact.next_step_open = index == 0 and bool(contact.next_step or contact.next_step_due)
        contact.overdue = bool(
            case.is_open and contact.next_step_open and contact.next_step_due and contact.next_step_due < today
        )
    return rows


def checklist_groups(items) -> list[dict]:
    """The items grouped by step, in the protocol's order."""
    groups: list[dict] = []
    for item in items:
        if not groups or groups[-1]["step"] != item.step_title:
            groups.append({"step": item.step_title, "items": []})
        groups[-1]["items"].append(item)
    return groups


def case_section(user, case) -> dict:
    """The context the case page's work section needs, in a fixed number of queries."""
    group = kind_group(case.kind)
    contacts = contact_rows(case, Contact.objects.filter(case=case).select_related("recorded_by"))
    informals = list(InformalApproach.objects.filter(case=case).select_related("recorded_by"))
    for informal in informals:
        informal.result_label = result_label(case.kind, informal.result)
        informal.action_lines = [line.strip() for line in informal.actions.splitlines() if line.strip()]
    items = list(ChecklistItem.objects.filter(case=case).select_related("done_by"))
    protocol_version = None
    protocol_url = ""
    if case.protocol_revision_id:
        protocol_version = (
            Revision.objects.filter(pk=case.protocol_revision_id).values_list("created_at", flat=True).first()
        )
    if case.protocol_id:
        # The live page, for its URL; a protocol since taken offline keeps its title on the case.
        page = Page.objects.live().filter(pk=case.protocol_id).first()
        protocol_url = page.url if page is not None else ""
    return {
        "work_open": case.is_open,
        "can_word_letters": permissions.can_manage_register(user, case.organisation),
        "contacts": contacts,
        "informals": informals,
        "informal_remaining_label": REMAINING_LABELS[group],
        "informal_result_heading": RESULT_LABELS[group],
        "checklist_groups": checklist_groups(items),
        "checklist_total": len(items),
        "checklist_done": sum(1 for item in items if item.is_done),
        "protocol_version": protocol_version,
        "protocol_url": protocol_url,
    }
