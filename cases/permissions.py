"""Who may see and do what in the case register: each rule once, as an object check and the queryset filter that
agrees.

A case is the business of the people assigned to it and their organisation's mediation coordinators, and of nobody
else: not other members of the organisation, not other organisations, not platform administrators in the front end
(their superuser flag counts for nothing here), and never search. Assigned people count only while their membership
of the case's organisation is active. A case reduced to statistics can no longer be opened by anyone.
"""

from django.db.models import Exists, OuterRef, Q

from accounts.models import Membership, Organisation
from cases.choices import CaseStatus
from cases.models import Assignment, Case, CaseEvent
from core.permissions import Rule
from pool.permissions import coordinated_organisation_ids, member_organisation_ids

__all__ = ["coordinated_organisation_ids", "member_organisation_ids"]


def assigned_case_ids(user) -> frozenset[int]:
    if not user.is_authenticated:
        return frozenset()
    if "_cases_assigned" not in user.__dict__:
        user.__dict__["_cases_assigned"] = frozenset(
            Assignment.objects.filter(user=user).values_list("case_id", flat=True)
        )
    return user.__dict__["_cases_assigned"]


def forget_assignments(user) -> None:
    """Drop the cached answer after the person's assignments changed within one request."""
    user.__dict__.pop("_cases_assigned", None)


# --- cases -------------------------------------------------------------------------------------------------------


def can_read_case(user, case) -> bool:
    """The people assigned and the organisation's coordinators, while they are active members; they also work on
    it (log contacts, record the informal approach, move the mediation on, close it)."""
    if case.status == CaseStatus.REDUCED or case.organisation_id not in member_organisation_ids(user):
        return False
    return case.organisation_id in coordinated_organisation_ids(user) or case.pk in assigned_case_ids(user)


def readable_cases(user):
    members = member_organisation_ids(user)
    if not members:
        return Case.objects.none()
    assigned = Assignment.objects.filter(case=OuterRef("pk"), user=user)
    # The coordinated organisations as a subquery: this filter also runs inside every page's unread-notification
    # count, where an extra query per page would be paid by everyone.
    coordinated = Membership.objects.coordinating(user).values("organisation")
    return Case.objects.not_reduced().filter(
        Q(organisation__in=coordinated) | (Q(organisation_id__in=members) & Exists(assigned))
    )


def can_assign(user, case) -> bool:
    """The organisation's coordinators decide who works on a case."""
    return case.status != CaseStatus.REDUCED and case.organisation_id in coordinated_organisation_ids(user)


def assignable_cases(user):
    coordinated = coordinated_organisation_ids(user)
    if not coordinated:
        return Case.objects.none()
    return Case.objects.not_reduced().filter(organisation_id__in=coordinated)


# --- the audit log -----------------------------------------------------------------------------------------------


def can_read_event(user, event) -> bool:
    """The organisation's coordinators read who opened and changed its cases."""
    return event.organisation_id in coordinated_organisation_ids(user)


def readable_events(user):
    coordinated = coordinated_organisation_ids(user)
    if not coordinated:
        return CaseEvent.objects.none()
    return CaseEvent.objects.filter(organisation_id__in=coordinated)


# --- organisations -----------------------------------------------------------------------------------------------


def can_register_case(user, organisation) -> bool:
    """Every active member of a verified organisation may register a case for it (and is assigned to it)."""
    return organisation.pk in member_organisation_ids(user)


def registering_organisations(user):
    return Organisation.objects.filter(pk__in=member_organisation_ids(user))


def can_manage_register(user, organisation) -> bool:
    """Coordinators keep the register's settings (retention) and the letter templates, and read its log."""
    return organisation.pk in coordinated_organisation_ids(user)


def managed_registers(user):
    return Organisation.objects.filter(pk__in=coordinated_organisation_ids(user))


READ_CASE = Rule(Case, can_read_case, readable_cases)
ASSIGN = Rule(Case, can_assign, assignable_cases)
READ_EVENT = Rule(CaseEvent, can_read_event, readable_events)
REGISTER_CASE = Rule(Organisation, can_register_case, registering_organisations)
MANAGE_REGISTER = Rule(Organisation, can_manage_register, managed_registers)
