"""What the register shows: the list of cases a person may read, and the register's section of the case page."""

import datetime

from django.utils import timezone

from cases import permissions
from cases.choices import CaseStatus
from cases.models import Assignment, Case

DEADLINE_WARNING_DAYS = 7


def deadline_state(case: Case, today: datetime.date) -> str:
    """'overdue', 'soon' (within a week) or '' for an open case's decision deadline."""
    if case.status != CaseStatus.OPEN or case.decision_due_on is None:
        return ""
    if case.decision_due_on < today:
        return "overdue"
    if case.decision_due_on <= today + datetime.timedelta(days=DEADLINE_WARNING_DAYS):
        return "soon"
    return ""


def case_list(user, *, status: str = "", kind: str = "", mine: bool = False):
    """The cases `user` may read, filtered; the organisation comes along in the same query."""
    cases = permissions.readable_cases(user).select_related("organisation").order_by("-received_on", "-pk")
    if status in (CaseStatus.OPEN, CaseStatus.CLOSED):
        cases = cases.filter(status=status)
    if kind:
        cases = cases.filter(kind=kind)
    if mine:
        cases = cases.filter(assignments__user=user)
    return cases


def mark_deadlines(cases, *, today=None) -> list[Case]:
    today = today or timezone.localdate()
    rows = list(cases)
    for case in rows:
        case.deadline_state = deadline_state(case, today)
    return rows


def case_section(user, case) -> dict:
    """The context the case page's register section needs, in a fixed number of queries."""
    assignments = list(Assignment.objects.filter(case=case).select_related("user").order_by("assigned_at", "pk"))
    return {
        "case_parties": list(case.parties.order_by("pk")),
        "case_assignments": assignments,
        "can_assign": permissions.ASSIGN(user, case),
        "deadline_state": deadline_state(case, timezone.localdate()),
    }
