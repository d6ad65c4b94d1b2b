"""Registering a case, changing its details, the people involved and who works on it.

Each function is one transaction that records its audit event. A case's details are changed against the version
the form was filled in on: the row is locked, and a moved version refuses the change instead of silently
overwriting what a colleague saved in the meantime.
"""

from collections.abc import Iterable
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import Membership, Organisation
from cases import audit, permissions
from cases.choices import AssignmentRole, EventAction, PartyRole
from cases.errors import CaseError
from cases.models import Assignment, Case, Party
from cases.notifications import tell_assigned

DETAIL_FIELDS = ("reference", "kind", "policy_domain", "origin", "received_on", "decision_due_on", "summary")


def _check_dates(data: dict[str, Any]) -> None:
    received, due = data.get("received_on"), data.get("decision_due_on")
    if received and due and due < received:
        raise CaseError(_("The decision deadline cannot be before the date the case was received."))


def _details(data: dict[str, Any]) -> dict[str, Any]:
    details = {name: data[name] for name in DETAIL_FIELDS if name in data}
    for name in ("reference", "summary", "policy_domain"):
        if name in details and details[name] is None:
            details[name] = ""
    return details


def _locked(case_id: int) -> Case:
    case = Case.objects.select_for_update().filter(pk=case_id).not_reduced().first()
    if case is None:
        raise CaseError(_("This case can no longer be changed."))
    return case


def register_case(
    organisation: Organisation, data: dict[str, Any], by, parties: Iterable[tuple[str, str]] = ()
) -> Case:
    """Register a case for `organisation` with the people involved (role, description); the person registering it
    is its handler."""
    if not permissions.can_register_case(by, organisation):
        raise CaseError(_("You cannot register a case for this organisation."))
    _check_dates(data)
    with transaction.atomic():
        case = Case.objects.create(organisation=organisation, created_by=by, **_details(data))
        Party.objects.bulk_create(
            [Party(case=case, role=role, description=description or "") for role, description in parties]
        )
        Assignment.objects.create(case=case, user=by, role=AssignmentRole.HANDLER, assigned_by=by)
        audit.record(case, by, EventAction.CREATED)
    permissions.forget_assignments(by)
    return case


class StaleVersion(CaseError):
    """The case was changed since the form was filled in; `case` is the case as it is saved now."""

    def __init__(self, message: str, case: Case):
        super().__init__(message)
        self.case = case


STALE_VERSION = gettext_lazy(
    "Someone else changed this case while you were editing; your text is kept below: check their change and save again."
)


def update_case(case_id: int, data: dict[str, Any], version: int, by) -> Case:
    """Save the case's details if nobody saved a change since `version`, which the form was filled in on."""
    _check_dates(data)
    with transaction.atomic():
        case = _locked(case_id)
        if case.version != version:
            raise StaleVersion(str(STALE_VERSION), case)
        for name, value in _details(data).items():
            setattr(case, name, value)
        case.version += 1
        case.save(update_fields=[*DETAIL_FIELDS, "version", "updated_at"])
        audit.record(case, by, EventAction.CHANGED)
    return case


def add_party(case_id: int, role: str, description: str, by) -> Party:
    if role not in PartyRole.values:
        raise CaseError(_("Choose the role of the person involved."))
    with transaction.atomic():
        # The lock orders two people adding at once; each addition is its own row, so both land.
        case = _locked(case_id)
        party = Party.objects.create(case=case, role=role, description=description or "")
        audit.record(case, by, EventAction.PARTY)
    return party


def remove_party(case_id: int, party_id: int, by) -> None:
    with transaction.atomic():
        case = _locked(case_id)
        deleted, _rows = Party.objects.filter(case=case, pk=party_id).delete()
        if not deleted:
            raise CaseError(_("This person involved was already removed."))
        audit.record(case, by, EventAction.PARTY)


def assignable_members(case: Case):
    """The active members of the case's organisation, who may be assigned to it."""
    users = Membership.objects.active().filter(organisation_id=case.organisation_id).values("user")
    return get_user_model().objects.filter(pk__in=users, is_active=True)


def assign(case_id: int, user, role: str, by) -> Assignment:
    """Assign `user` to the case (or change their role on it), and tell them once the change is committed."""
    if role not in AssignmentRole.values:
        raise CaseError(_("Choose how the member works on the case."))
    with transaction.atomic():
        case = _locked(case_id)
        if not permissions.can_assign(by, case):
            raise CaseError(_("Only your organisation's coordinators decide who works on a case."))
        if not assignable_members(case).filter(pk=user.pk).exists():
            raise CaseError(_("Choose an active member of the case's organisation."))
        assignment, created = Assignment.objects.get_or_create(
            case=case, user=user, defaults={"role": role, "assigned_by": by}
        )
        if not created:
            if assignment.role == role:
                raise CaseError(_("This member is already assigned to the case in this role."))
            _keep_a_handler(case, leaving=assignment, new_role=role)
            assignment.role = role
            assignment.save(update_fields=["role"])
        audit.record(case, by, EventAction.ASSIGNED)
        if created:
            tell_assigned(case, user, actor=by)
    return assignment


def _keep_a_handler(case: Case, *, leaving: Assignment, new_role: str | None = None) -> None:
    """A case always keeps one handler: the person answerable for it towards the citizen and the deadline."""
    if leaving.role != AssignmentRole.HANDLER or new_role == AssignmentRole.HANDLER:
        return
    others = Assignment.objects.filter(case=case, role=AssignmentRole.HANDLER).exclude(pk=leaving.pk)
    if not others.exists():
        raise CaseError(_("A case keeps at least one handler: assign another handler first."))


def unassign(case_id: int, assignment_id: int, by) -> None:
    with transaction.atomic():
        case = _locked(case_id)
        if not permissions.can_assign(by, case):
            raise CaseError(_("Only your organisation's coordinators decide who works on a case."))
        assignment = Assignment.objects.filter(case=case, pk=assignment_id).first()
        if assignment is None:
            raise CaseError(_("This member was already unassigned."))
        _keep_a_handler(case, leaving=assignment)
        assignment.delete()
        audit.record(case, by, EventAction.ASSIGNED)
