"""The coordinators' choices about their organisation's figures: the assumptions and the benchmark opt-in
(`MeasurementSettings`), and who besides them reads the dashboard (`ManagementAccess`).

Each function checks that the person acting coordinates the organisation (`permissions.MANAGE_MEASUREMENT`), so a
view that forgot to ask cannot change anything either.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from accounts.models import Membership
from measurement.errors import MeasurementError
from measurement.models import ManagementAccess, MeasurementSettings
from measurement.permissions import can_manage_measurement

MIN_NORM_HOURS, MAX_NORM_HOURS = Decimal(1), Decimal(500)


def _only_coordinators(organisation, user) -> None:
    if not can_manage_measurement(user, organisation):
        raise MeasurementError(_("Only a coordinator of the organisation can change this."))


def settings_of(organisation) -> MeasurementSettings:
    """The organisation's settings, or unsaved defaults (reading them creates nothing)."""
    found = MeasurementSettings.objects.filter(organisation=organisation).first()
    return found or MeasurementSettings(organisation=organisation)


def save_settings(organisation, *, formal_procedure_hours: Decimal | None, named_in_benchmark: bool, by):
    """Set the norm hours of a formal procedure (empty: no estimate of hours saved) and whether the organisation's
    figures appear under its name in the benchmark of the other organisations of its networks."""
    _only_coordinators(organisation, by)
    if formal_procedure_hours is not None and not MIN_NORM_HOURS <= formal_procedure_hours <= MAX_NORM_HOURS:
        raise MeasurementError(
            _("Give a number of hours from %(minimum)s to %(maximum)s.")
            % {"minimum": MIN_NORM_HOURS, "maximum": MAX_NORM_HOURS}
        )
    with transaction.atomic():
        # Two coordinators saving at once: the row is created once, the last one saved wins whole.
        settings, _created = MeasurementSettings.objects.select_for_update().get_or_create(organisation=organisation)
        settings.formal_procedure_hours = formal_procedure_hours
        settings.named_in_benchmark = named_in_benchmark
        settings.updated_by = by
        settings.save(update_fields=["formal_procedure_hours", "named_in_benchmark", "updated_by", "updated_at"])
    return settings


def grantable_members(organisation):
    """The organisation's active members who may be given management access: not its coordinators (they read the
    dashboard already), and not those who have it."""
    from django.contrib.auth import get_user_model

    active = Membership.objects.active().filter(organisation=organisation)
    return (
        get_user_model()
        .objects.filter(pk__in=active.exclude(role=Membership.Role.COORDINATOR).values("user"))
        .exclude(management_access__organisation=organisation)
        .order_by("last_name", "first_name", "email")
    )


def _name(user) -> str:
    return user.get_full_name() or user.email


def grant_access(organisation, member, *, granted_by) -> ManagementAccess:
    """Let `member` read the organisation's dashboard (its figures, never a case)."""
    _only_coordinators(organisation, granted_by)
    membership = Membership.objects.active().filter(organisation=organisation, user=member).first()
    if membership is None:
        raise MeasurementError(_("Only active members of the organisation can be given management access."))
    if membership.role == Membership.Role.COORDINATOR:
        raise MeasurementError(
            _("%(name)s coordinates the organisation and reads the dashboard already.") % {"name": _name(member)}
        )
    try:
        # Two coordinators granting at once: the unique constraint lets one row in; the other is told.
        with transaction.atomic():
            return ManagementAccess.objects.create(organisation=organisation, user=member, granted_by=granted_by)
    except IntegrityError:
        raise MeasurementError(_("%(name)s has management access already.") % {"name": _name(member)}) from None


def revoke_access(access_id: int, *, organisation, revoked_by) -> None:
    """End a member's management access; revoking what is already gone is no error."""
    _only_coordinators(organisation, revoked_by)
    ManagementAccess.objects.filter(pk=access_id, organisation=organisation).delete()
