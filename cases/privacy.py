"""GDPR for the case register: the cases a person works on, and how many contacts they logged.

The export holds what the register keeps about the person — their assignments (case reference, role, since when)
and the number of contacts they recorded — and nothing of what the cases say: that text is about citizens and
colleagues, not about the person asking. On erasure the assignments go with the account (CASCADE) and every
"recorded by" or "changed by" becomes empty (SET_NULL), so no handler is needed: the cases stay with their
organisation, and the log keeps its entries without the name.
"""

from accounts.privacy import register_export
from cases.models import Assignment, Contact
from cases.permissions import readable_cases


def export_assignments(user) -> list[dict]:
    """The person's assignments; the case's reference only while they may still open the case (an assignment left
    behind after the membership ended must not hand out what the case register no longer shows them)."""
    assignments = Assignment.objects.filter(user=user).select_related("case__organisation").order_by("assigned_at")
    readable = set(readable_cases(user).filter(assignments__user=user).values_list("pk", flat=True))
    return [
        {
            "organisation": assignment.case.organisation.name,
            "case": assignment.case.reference if assignment.case_id in readable else "",
            "case_status": assignment.case.status,
            "role": assignment.role,
            "assigned_at": assignment.assigned_at,
        }
        for assignment in assignments
    ]


def export_contacts(user) -> dict:
    return {"contacts_recorded": Contact.objects.filter(recorded_by=user).count()}


register_export("case_assignments", export_assignments)
register_export("case_contacts", export_contacts)
