"""Joining and leaving groups, requests and invitations.

Capacity is a race: twenty people pressing "join" on an intervision group with room for eight must leave eight
members, not twenty. Every change that can add an active member locks the group row first (select_for_update), so
the count and the insert happen one request at a time per group.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import roles
from forum import signals
from forum.errors import ForumError
from forum.models import ForumGroup, GroupMembership

Status = GroupMembership.Status


def membership_of(group, user) -> GroupMembership | None:
    if not user.is_authenticated:
        return None
    return GroupMembership.objects.filter(group=group, user=user).first()


def _locked_group(group) -> ForumGroup:
    return ForumGroup.objects.select_for_update().get(pk=group.pk)


def _locked_membership(membership, gone_message) -> GroupMembership:
    """The membership row as it is now, locked; a ForumError when it is gone (the person left or withdrew
    between the page being shown and the button being pressed)."""
    current = GroupMembership.objects.select_for_update().filter(pk=membership.pk).first()
    if current is None:
        raise ForumError(gone_message)
    return current


def _has_room(group) -> bool:
    if group.max_members is None:
        return True
    return GroupMembership.objects.active().filter(group=group).count() < group.max_members


def _notify_membership(membership, actor=None):
    from notifications.services import notify

    notify(membership.user, "membership", membership, actor=actor)


def join_group(group, user) -> GroupMembership:
    """Open groups: an active member at once, while there is room. On-request groups: a pending request."""
    if not roles.is_member(user):
        raise ForumError(_("Only members of the platform can join a group."))
    with transaction.atomic():
        group = _locked_group(group)
        membership = GroupMembership.objects.filter(group=group, user=user).first()
        if membership is not None:
            if membership.status == Status.ACTIVE:
                return membership
            if membership.status == Status.REMOVED:
                raise ForumError(_("A moderator removed you from this group. Contact the group's moderators."))
            if membership.status == Status.INVITED:
                return _accept_invitation(group, membership)
            if membership.status == Status.REQUESTED:
                return membership
        if group.join_policy == ForumGroup.JoinPolicy.INVITATION:
            raise ForumError(_("This group can only be joined by invitation."))
        if membership is None:
            membership = GroupMembership(group=group, user=user)
        membership.created_at = timezone.now()
        membership.decided_at = None
        if group.join_policy == ForumGroup.JoinPolicy.OPEN:
            if not _has_room(group):
                raise ForumError(_("This group is full."))
            membership.status = Status.ACTIVE
        else:
            membership.status = Status.REQUESTED
        membership.save()
        return membership


def leave_group(group, user) -> None:
    """Leaving deletes the membership; a removed member's row stays, so that they cannot simply join again."""
    GroupMembership.objects.filter(group=group, user=user).exclude(status=Status.REMOVED).delete()


def invite(group, user, *, by) -> GroupMembership:
    """Moderators invite platform members. Someone who asked to join is let in at once."""
    if not roles.is_member(user):
        raise ForumError(_("Only members of the platform can be invited."))
    with transaction.atomic():
        group = _locked_group(group)
        membership = GroupMembership.objects.filter(group=group, user=user).first()
        if membership is not None and membership.status == Status.ACTIVE:
            raise ForumError(_("This person is already a member of the group."))
        if membership is not None and membership.status == Status.REQUESTED:
            return decide_request(membership, True, by=by)
        if membership is None:
            membership = GroupMembership(group=group, user=user)
        membership.status = Status.INVITED
        membership.role = GroupMembership.Role.MEMBER
        membership.invited_by = by
        membership.created_at = timezone.now()
        membership.decided_at = None
        membership.save()
        signals.member_invited.send(sender=GroupMembership, membership=membership, by=by)
        _notify_membership(membership, actor=by)
        return membership


def _accept_invitation(group, membership) -> GroupMembership:
    if not _has_room(group):
        raise ForumError(_("This group is full."))
    membership.status = Status.ACTIVE
    membership.decided_at = timezone.now()
    membership.save(update_fields=["status", "decided_at"])
    return membership


def respond_to_invitation(membership, accept: bool) -> GroupMembership:
    if membership.status != Status.INVITED:
        raise ForumError(_("This invitation is no longer open."))
    with transaction.atomic():
        group = _locked_group(membership.group)
        membership = _locked_membership(membership, _("This invitation is no longer open."))
        if membership.status != Status.INVITED:
            raise ForumError(_("This invitation is no longer open."))
        if accept:
            return _accept_invitation(group, membership)
        membership.status = Status.DECLINED
        membership.decided_at = timezone.now()
        membership.save(update_fields=["status", "decided_at"])
        return membership


def decide_request(membership, accept: bool, *, by) -> GroupMembership:
    """A group moderator accepts or declines a request to join; the person is notified either way."""
    with transaction.atomic():
        group = _locked_group(membership.group)
        membership = _locked_membership(membership, _("This request has already been handled."))
        if membership.status != Status.REQUESTED:
            raise ForumError(_("This request has already been handled."))
        if accept and not _has_room(group):
            raise ForumError(_("This group is full."))
        membership.status = Status.ACTIVE if accept else Status.DECLINED
        membership.decided_by = by
        membership.decided_at = timezone.now()
        membership.save(update_fields=["status", "decided_by", "decided_at"])
        signals.membership_decided.send(sender=GroupMembership, membership=membership, by=by)
        _notify_membership(membership, actor=by)
        return membership


def suspend_member(membership, until) -> GroupMembership:
    """Until `until` (a datetime; None lifts the suspension) the member reads but cannot post."""
    with transaction.atomic():
        current = _locked_membership(membership, _("This person is no longer a member of the group."))
        current.suspended_until = membership.suspended_until = until
        current.save(update_fields=["suspended_until"])
    return current


def remove_member(membership) -> GroupMembership:
    """The person loses access (a private group disappears for them) and cannot rejoin by themselves."""
    with transaction.atomic():
        current = _locked_membership(membership, _("This person is no longer a member of the group."))
        current.status = membership.status = Status.REMOVED
        current.role = membership.role = GroupMembership.Role.MEMBER
        current.decided_at = membership.decided_at = timezone.now()
        current.save(update_fields=["status", "role", "decided_at"])
    return current
