"""What every view of the case register does first: find the case in what the person may see, and log the opening.

Someone who may not see a case gets a 404, never a hint that it exists; a visitor is sent to log in first
(`accounts.access.members_only`). Whoever sees a case's contents is in its audit log.
"""

from django.shortcuts import get_object_or_404

from cases import audit, permissions
from cases.choices import EventAction
from cases.models import Case


def readable_case(request, pk) -> Case:
    """The case with `pk` if the person may see it (404 otherwise); a GET that shows it is logged as an opening."""
    case = get_object_or_404(permissions.readable_cases(request.user).select_related("organisation"), pk=pk)
    if request.method == "GET":
        audit.record(case, request.user, EventAction.OPENED)
    return case
