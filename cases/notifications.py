"""What the case register notifies about: a member was assigned to a case.

The notification names only the organisation and the case's reference, never its summary or other text, and is
checked again whenever it is shown or mailed: someone unassigned before it is delivered no longer sees it.
"""

from django.utils.translation import gettext as _

from cases import permissions
from cases.models import Case
from notifications.kinds import Kind
from notifications.registry import register_kind_audience, register_target
from notifications.services import notify


def tell_assigned(case: Case, user, *, actor) -> None:
    notify(user, Kind.CASE_ASSIGNED, case, actor=actor)


def case_title(case: Case) -> str:
    return f"{case.organisation.name} · {case}"


def case_excerpt(case: Case) -> str:
    return _("You were assigned to a case of %(organisation)s.") % {"organisation": case.organisation.name}


def receives_assignments(user) -> bool:
    return bool(permissions.member_organisation_ids(user))


def register():
    register_target(
        Case,
        can_view=permissions.can_read_case,
        url=lambda case: case.get_absolute_url(),
        title=case_title,
        excerpt=case_excerpt,
        visible=permissions.readable_cases,
    )
    register_kind_audience(Kind.CASE_ASSIGNED, receives_assignments)
