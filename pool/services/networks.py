"""Joining a regional network and keeping its agreements.

An organisation's coordinator asks to join; one of the network's coordinators admits or declines, with a reason when
declining. One row per organisation and network (a unique constraint): asking again after a decline, or after
leaving, re-opens that row. Two coordinators can act on the same row at once (two colleagues asking, two network
coordinators deciding), so every change locks it first and checks its state again under the lock.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pool import notifications, permissions
from pool.choices import NetworkMembershipStatus
from pool.errors import PoolError
from pool.models import Network, NetworkMembership

ADMIT = "admit"
DECLINE = "decline"


def ask_to_join(user, network: Network, organisation, motivation: str = "", *, now=None) -> NetworkMembership:
    """The organisation asks to take part in the network. Only its coordinators may ask; an organisation that takes
    part, or has asked and waits for the answer, cannot ask again."""
    if organisation.pk not in permissions.coordinated_organisation_ids(user):
        raise PoolError(_("Only a coordinator of the organisation can ask to join a network."))
    now = now or timezone.now()
    fields = {
        "status": NetworkMembershipStatus.REQUESTED,
        "motivation": (motivation or "").strip(),
        "requested_by": user,
        "requested_at": now,
        "decided_by": None,
        "decided_at": None,
        "reason": "",
    }
    with transaction.atomic():
        row = NetworkMembership.objects.select_for_update().filter(network=network, organisation=organisation).first()
        if row is None:
            try:
                with transaction.atomic():
                    created = NetworkMembership.objects.create(network=network, organisation=organisation, **fields)
                notifications.tell_network_coordinators(created, actor=user)
                return created
            except IntegrityError:
                # A colleague asked at the same moment: their request stands.
                raise PoolError(
                    _("%(organisation)s has already asked to join this network.") % _names(organisation)
                ) from None
        _refuse_repeat(row, organisation)
        for name, value in fields.items():
            setattr(row, name, value)
        row.save(update_fields=[*fields])
        notifications.tell_network_coordinators(row, actor=user)
        return row


def _names(organisation) -> dict:
    return {"organisation": organisation.name}


def _refuse_repeat(row: NetworkMembership, organisation) -> None:
    if row.status == NetworkMembershipStatus.ACTIVE:
        raise PoolError(_("%(organisation)s already takes part in this network.") % _names(organisation))
    if row.status == NetworkMembershipStatus.REQUESTED:
        raise PoolError(_("%(organisation)s has already asked to join this network.") % _names(organisation)) from None


def decide_membership(user, membership_id: int, decision: str, reason: str = "", *, now=None) -> NetworkMembership:
    """A network coordinator admits the organisation or declines it (a reason is required for a decline, and goes
    to the organisation). A request is decided once: whoever comes second learns it was decided already."""
    if decision not in (ADMIT, DECLINE):
        raise PoolError(_("Choose to admit or to decline."))
    reason = (reason or "").strip()
    if decision == DECLINE and not reason:
        raise PoolError(_("Give a reason when you decline: the organisation reads it."))
    with transaction.atomic():
        row = (
            NetworkMembership.objects.select_for_update(of=("self",))
            .select_related("network", "organisation")
            .filter(pk=membership_id)
            .first()
        )
        if row is None or not permissions.can_coordinate_network(user, row.network):
            raise PoolError(_("Only a coordinator of the network can decide on this request."))
        if row.status != NetworkMembershipStatus.REQUESTED:
            raise PoolError(_("The request of %(organisation)s has already been decided.") % _names(row.organisation))
        row.status = NetworkMembershipStatus.ACTIVE if decision == ADMIT else NetworkMembershipStatus.DECLINED
        row.decided_by = user
        row.decided_at = now or timezone.now()
        row.reason = reason
        row.save(update_fields=["status", "decided_by", "decided_at", "reason"])
        notifications.tell_joining_organisation(row, actor=user)
        return row


# `save_agreements(based_on=…)` left out: the caller (the demo, a script) does not ask for the version check.
NOT_CHECKED = object()


def save_agreements(user, network: Network, text: str, *, based_on: object = NOT_CHECKED, now=None) -> Network:
    """A network coordinator saves the agreements (Markdown, shown through `core.markup`).

    `based_on` is when the version the coordinator started from was saved (None: there was none yet): when a
    colleague saved in between, the save is refused so that nobody overwrites another's work unseen (the form keeps
    what was typed)."""
    with transaction.atomic():
        locked = Network.objects.select_for_update().get(pk=network.pk)
        if not permissions.can_coordinate_network(user, locked):
            raise PoolError(_("Only a coordinator of the network can change its agreements."))
        if based_on is not NOT_CHECKED and based_on != locked.agreements_updated_at:
            raise PoolError(
                _(
                    "A colleague changed the agreements while you were editing. Copy your text, reload the page "
                    "and make your changes again."
                )
            )
        locked.agreements = (text or "").strip()
        locked.agreements_updated_at = now or timezone.now()
        locked.agreements_updated_by = user
        locked.save(update_fields=["agreements", "agreements_updated_at", "agreements_updated_by"])
    return locked
