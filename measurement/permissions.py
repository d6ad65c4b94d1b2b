"""Who may read an organisation's figures and who decides about them: each rule once, as an object check and the
queryset filter that agrees.

The dashboard shows figures, never a case: it is for the organisation's coordinators (who also read every case)
and for the members they gave management access (who read figures only). Both count only while the person is an
active member of that organisation; a platform administrator has no part in it through the superuser flag. The
coordinators set the organisation's assumptions, its benchmark choice and who has management access. Evaluation
codes are handed out for a closed case by those who may read it.
"""

from django.db.models import Exists, OuterRef, Q

from accounts.access import active_organisation_ids
from accounts.models import Membership, Organisation
from cases.choices import CaseStatus
from cases.models import Case
from cases.permissions import can_read_case, readable_cases
from core.permissions import Rule
from measurement.models import ManagementAccess


def _coordinated(user) -> frozenset[int]:
    if not user.is_authenticated:
        return frozenset()
    if "_measurement_coordinated" not in user.__dict__:
        rows = Membership.objects.coordinating(user).values_list("organisation_id", flat=True)
        user.__dict__["_measurement_coordinated"] = frozenset(rows)
    return user.__dict__["_measurement_coordinated"]


def _managed(user) -> frozenset[int]:
    """Organisations that gave the person management access (whether or not they are still a member)."""
    if not user.is_authenticated:
        return frozenset()
    if "_measurement_managed" not in user.__dict__:
        rows = ManagementAccess.objects.filter(user=user).values_list("organisation_id", flat=True)
        user.__dict__["_measurement_managed"] = frozenset(rows)
    return user.__dict__["_measurement_managed"]


def forget(user) -> None:
    """Drop the cached answers after the person's access changed within one request."""
    user.__dict__.pop("_measurement_coordinated", None)
    user.__dict__.pop("_measurement_managed", None)


# --- the dashboard -------------------------------------------------------------------------------------------------


def can_read_dashboard(user, organisation) -> bool:
    """Coordinators and the members with management access, while they are active members."""
    if organisation.pk not in active_organisation_ids(user):
        return False
    return organisation.pk in _coordinated(user) or organisation.pk in _managed(user)


def dashboard_organisations(user):
    members = active_organisation_ids(user)
    if not members:
        return Organisation.objects.none()
    granted = ManagementAccess.objects.filter(organisation=OuterRef("pk"), user=user)
    coordinated = Membership.objects.coordinating(user).values("organisation")
    return Organisation.objects.filter(pk__in=members).filter(Q(pk__in=coordinated) | Exists(granted))


# --- the organisation's choices: assumptions, benchmark, management access -------------------------------------------


def can_manage_measurement(user, organisation) -> bool:
    return organisation.pk in active_organisation_ids(user) and organisation.pk in _coordinated(user)


def managed_organisations(user):
    members = active_organisation_ids(user)
    if not members:
        return Organisation.objects.none()
    coordinated = Membership.objects.coordinating(user).values("organisation")
    return Organisation.objects.filter(pk__in=members).filter(pk__in=coordinated)


# --- the party evaluation --------------------------------------------------------------------------------------------


def can_hand_out_evaluation(user, case) -> bool:
    """Codes are handed out once a case is closed, by the people who may read it."""
    return case.status == CaseStatus.CLOSED and can_read_case(user, case)


def evaluation_cases(user):
    return readable_cases(user).filter(status=CaseStatus.CLOSED)


READ_DASHBOARD = Rule(Organisation, can_read_dashboard, dashboard_organisations)
MANAGE_MEASUREMENT = Rule(Organisation, can_manage_measurement, managed_organisations)
HAND_OUT_EVALUATION = Rule(Case, can_hand_out_evaluation, evaluation_cases)
