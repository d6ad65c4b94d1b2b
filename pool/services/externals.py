"""External mediators an organisation works with, kept by its coordinators."""

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import Membership
from pool import permissions
from pool.errors import PoolError
from pool.models import ExternalMediator
from pool.services.profiles import replace_expertise

EXTERNAL_FIELDS = ("name", "firm", "email", "phone", "region", "register_number", "contact_person", "contract_notes")


def save_external(organisation, cleaned: Mapping[str, Any], *, by, external: ExternalMediator | None = None):
    """Create (external=None) or update an external mediator of `organisation` from a valid form's cleaned data."""
    with transaction.atomic():
        if organisation.pk not in permissions.coordinated_organisation_ids(by):
            raise PoolError(_("Only a coordinator of the organisation can keep its external mediators."))
        if external is not None:
            locked = ExternalMediator.objects.select_for_update().filter(pk=external.pk, organisation=organisation)
            external = locked.first()
            if external is None:
                raise PoolError(_("This external mediator no longer exists."))
        else:
            external = ExternalMediator(organisation=organisation, created_by=by)
        contact = cleaned.get("contact_person")
        if (
            contact is not None
            and not Membership.objects.active().filter(user=contact, organisation=organisation).exists()
        ):
            raise PoolError(_("The contact person must be an active member of the organisation."))
        for name in EXTERNAL_FIELDS:
            setattr(external, name, cleaned.get(name) or ("" if name != "contact_person" else None))
        external.save()
        replace_expertise({"external": external}, cleaned)
    return external


def delete_external(external: ExternalMediator, *, by) -> None:
    with transaction.atomic():
        if not permissions.EDIT_EXTERNAL(by, external):
            raise PoolError(_("Only a coordinator of the organisation can remove its external mediators."))
        ExternalMediator.objects.filter(pk=external.pk).delete()
