"""The coordinators' side of the register: the retention period, and what ends when a membership ends."""

from django.db import transaction
from django.utils.translation import gettext as _

from cases import audit, permissions
from cases.choices import EventAction
from cases.errors import CaseError
from cases.models import Assignment, Case, CaseSettings

MIN_RETENTION_MONTHS = 1
MAX_RETENTION_MONTHS = 120


def save_settings(organisation, months: int, by) -> CaseSettings:
    """Set how long the organisation keeps closed cases before they are reduced to their statistics."""
    if not MIN_RETENTION_MONTHS <= months <= MAX_RETENTION_MONTHS:
        raise CaseError(
            _("Choose a period from %(minimum)s to %(maximum)s months.")
            % {"minimum": MIN_RETENTION_MONTHS, "maximum": MAX_RETENTION_MONTHS}
        )
    with transaction.atomic():
        # Two coordinators saving at once: the row is created once, the last one saved wins whole.
        settings, _created = CaseSettings.objects.select_for_update().get_or_create(organisation=organisation)
        settings.retention_months = months
        settings.updated_by = by
        settings.save(update_fields=["retention_months", "updated_by", "updated_at"])
    return settings


def end_assignments(user, organisation, by=None) -> int:
    """Take `user` off every case of `organisation` (their membership of it ended); each case's log records it.

    The permissions already ignore an assignment without an active membership; removing it keeps a later return
    to the organisation from reopening old cases to them. Returns how many cases they were taken off.
    """
    with transaction.atomic():
        assignments = Assignment.objects.filter(user=user, case__organisation=organisation)
        case_ids = list(assignments.values_list("case_id", flat=True))
        if not case_ids:
            return 0
        assignments.delete()
        for case in Case.objects.filter(pk__in=case_ids).order_by("pk"):
            audit.record(case, by, EventAction.ASSIGNED)
    permissions.forget_assignments(user)
    return len(case_ids)
