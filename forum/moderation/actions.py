"""Moderator actions, one small class each: who may, what they ask, what they do, what the audit log records.

An action works on one kind of target (a review item, a post, a revision, a thread or a group membership; the member
as a person in forum.moderation.person_actions). The view finds the target among what the moderator may moderate (404
otherwise), asks `allowed()`, validates the action's form, and calls `apply()`, which changes state through
`forum.services`, writes one AuditEntry and notifies the author where the outcome concerns their post. Nothing here
checks the group scope again: the view's queryset did.

The effect and the audit record happen in one transaction, so there is never an action without its log line (or a
log line for an action that was rolled back).
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from forum import services as forum_services
from forum.models import GroupMembership, PostStatus
from forum.moderation import permissions, services
from forum.moderation.action_base import Action
from forum.moderation.forms import DecisionForm, EditForm, MoveForm, OptionalReasonForm, ReasonForm, SuspendForm
from forum.moderation.models import AUTO_HOLD, AuditEntry, ReviewItem
from forum.moderation.notifications import notify_author
from forum.moderation.person_actions import PERSON_ACTIONS
from forum.moderation.tasks import send_warning
from forum.permissions import is_site_moderator, moderated_groups


def post_label(post) -> str:
    return f"{post.thread.title} #{post.pk}"


def member_label(membership) -> str:
    # Where, not who: the person is the entry's `subject`, so deleting their account takes their name out of the log.
    return membership.group.name


# --- review items -------------------------------------------------------------------------------------------------


class ItemAction(Action):
    target = "item"
    status = ReviewItem.Status.APPROVED

    def allowed(self, user, item) -> bool:
        return item.is_open

    def apply(self, user, item, data):
        """`data["version"]` is the version the moderator saw; AlreadyHandled when it moved on."""
        reason, category = data.get("reason", ""), data.get("category", "")

        def effect(locked):
            self.effect(user, locked, data)
            post = locked.post
            AuditEntry.record(
                actor=user,
                action=self.id,
                target=post,
                group=post.thread.group,
                reason=reason,
                label=post_label(post),
                category=category,
            )

        return services.decide(
            item,
            version=data["version"],
            actor=user,
            status=self.status,
            decision=self.id,
            reason=reason,
            category=category,
            effect=effect,
        )

    def effect(self, user, item, data):
        pass


class ApproveItem(ItemAction):
    id = "approve"
    label = _("Approve")
    primary = True
    form_class = OptionalReasonForm

    def effect(self, user, item, data):
        if item.post.status != PostStatus.PUBLISHED:
            forum_services.approve_post(item.post)
            notify_author(item.post, actor=user)
        # A reported post that stays: its author is told nothing (nobody learns a post was reported).

    def done_message(self):
        return _("The post is approved.")


class RejectItem(ItemAction):
    id = "reject"
    label = _("Reject")
    status = ReviewItem.Status.REJECTED
    form_class = DecisionForm

    def allowed(self, user, item):
        # A post held after reports was published before: it is hidden, not rejected.
        return item.is_open and item.post.status == PostStatus.HELD and not item.is_auto_held

    def effect(self, user, item, data):
        forum_services.reject_post(item.post, reason=data.get("category", ""), note=data.get("reason", ""))
        notify_author(item.post, actor=user)

    def done_message(self):
        return _("The post is rejected; its author has been notified.")


class HideItem(ItemAction):
    id = "hide"
    label = _("Hide")
    status = ReviewItem.Status.REJECTED
    form_class = DecisionForm

    def allowed(self, user, item):
        if not item.is_open:
            return False
        return item.post.status == PostStatus.PUBLISHED or (item.is_auto_held and item.post.status == PostStatus.HELD)

    def effect(self, user, item, data):
        forum_services.hide_post(item.post, reason=data.get("category", ""), note=data.get("reason", ""))
        notify_author(item.post, actor=user)

    def done_message(self):
        return _("The post is hidden; its author has been notified.")


class EditAndApproveItem(ItemAction):
    id = "edit_approve"
    label = _("Edit and approve")
    form_class = EditForm

    def form(self, user, item, data=None):
        return EditForm(data, prefix=self.id, initial={"body_markdown": item.post.body_markdown})

    def effect(self, user, item, data):
        was_published = item.post.status == PostStatus.PUBLISHED
        forum_services.edit_and_approve(item.post, data["body_markdown"], by=user)
        if not was_published:
            notify_author(item.post, actor=user)

    def done_message(self):
        return _("The post is edited and approved.")


class IgnoreItem(ItemAction):
    id = "ignore"
    label = _("Ignore the reports")
    status = ReviewItem.Status.IGNORED
    form_class = OptionalReasonForm

    def allowed(self, user, item):
        # A held post needs a decision; only reports can be set aside.
        return item.is_open and item.post.status != PostStatus.HELD

    def done_message(self):
        return _("The reports are set aside; nothing changed for the post.")


# --- posts and revisions ------------------------------------------------------------------------------------------


class PostAction(Action):
    target = "post"

    def record(self, user, post, reason, label=None, category=""):
        return AuditEntry.record(
            actor=user,
            action=self.id,
            target=post,
            group=post.thread.group,
            reason=reason,
            label=label or post_label(post),
            category=category,
        )


class HidePost(PostAction):
    id = "hide_post"
    label = _("Hide this post")
    form_class = DecisionForm

    def allowed(self, user, post):
        return post.status == PostStatus.PUBLISHED

    def apply(self, user, post, data):
        reason, category = data.get("reason", ""), data.get("category", "")
        with transaction.atomic():
            forum_services.hide_post(post, reason=category, note=reason)
            services.close_open_items(
                post, actor=user, status=ReviewItem.Status.REJECTED, decision=self.id, reason=reason, category=category
            )
            self.record(user, post, reason, category=category)
            notify_author(post, actor=user)

    def done_message(self):
        return _("The post is hidden; its author has been notified.")


class EditPost(PostAction):
    id = "edit_post"
    label = _("Edit the text")
    form_class = EditForm

    def allowed(self, user, post):
        return post.status == PostStatus.PUBLISHED

    def form(self, user, post, data=None):
        return EditForm(data, prefix=self.id, initial={"body_markdown": post.body_markdown})

    def apply(self, user, post, data):
        # The earlier text becomes a revision: purge it afterwards when it held something that must go.
        with transaction.atomic():
            forum_services.edit_post(post, user, data["body_markdown"])
            self.record(user, post, data.get("reason", ""), category=data.get("category", ""))

    def done_message(self):
        return _("The text is changed. The earlier version is in the history; purge it if it must disappear.")


class RestorePost(PostAction):
    id = "restore_post"
    label = _("Publish this post again")
    form_class = OptionalReasonForm

    def allowed(self, user, post):
        return post.status in (PostStatus.HIDDEN, PostStatus.REJECTED)

    def apply(self, user, post, data):
        with transaction.atomic():
            forum_services.approve_post(post)
            self.record(user, post, data.get("reason", ""))
            notify_author(post, actor=user)

    def done_message(self):
        return _("The post is published again.")


class RevealAuthor(PostAction):
    id = "reveal"
    label = _("Reveal the author")
    form_class = ReasonForm

    def allowed(self, user, post):
        return post.is_pseudonymous and post.author_id is not None

    def apply(self, user, post, data):
        # Only the fact and the reason are logged: the name itself stays out of the log.
        self.record(user, post, data["reason"])
        return post.author

    def done_message(self):
        return _("The reveal has been logged.")


class PurgeRevision(Action):
    id = "purge_revision"
    label = _("Purge this version")
    target = "revision"
    form_class = ReasonForm

    def prefix(self, revision) -> str:
        # One form per earlier version on the same page: the prefix keeps their field ids apart.
        return f"{self.id}-{revision.pk}"

    def allowed(self, user, revision):
        return not revision.is_purged

    def apply(self, user, revision, data):
        post = revision.post
        when = timezone.localtime(revision.created_at)
        with transaction.atomic():
            forum_services.purge_revision(revision)
            # Logged WITHOUT the text: the label names the version by its date only.
            AuditEntry.record(
                actor=user,
                action=self.id,
                target=post,
                group=post.thread.group,
                reason=data["reason"],
                label=f"{post_label(post)} @ {when:%Y-%m-%d %H:%M}",
            )

    def done_message(self):
        return _("The text of that version is removed.")


# --- threads ------------------------------------------------------------------------------------------------------


class ThreadAction(Action):
    target = "thread"
    form_class = OptionalReasonForm

    def record(self, user, thread, reason, group=None):
        return AuditEntry.record(
            actor=user, action=self.id, target=thread, group=group or thread.group, reason=reason, label=thread.title
        )


class ThreadFlagAction(ThreadAction):
    """Switch one yes/no property of a thread (locked, pinned): offered only when it would change something."""

    def __init__(self, id, label, flag, value, done):
        self.id, self.label, self.flag, self.value, self.done = id, label, flag, value, done

    def allowed(self, user, thread):
        return getattr(thread, self.flag) != self.value

    def apply(self, user, thread, data):
        with transaction.atomic():
            FLAG_SETTERS[self.flag](thread, self.value)
            self.record(user, thread, data.get("reason", ""))

    def done_message(self):
        return self.done


FLAG_SETTERS = {"locked": forum_services.lock_thread, "sticky": forum_services.set_sticky}


class MoveThread(ThreadAction):
    id = "move"
    label = _("Move the thread")
    form_class = MoveForm

    def allowed(self, user, thread):
        return moderated_groups(user).exclude(pk=thread.group_id).exists()

    def form(self, user, thread, data=None):
        return MoveForm(data, prefix=self.id, moderator=user, thread=thread)

    def apply(self, user, thread, data):
        source = thread.group
        with transaction.atomic():
            forum_services.move_thread(thread, data["group"])
            reason = data.get("reason", "")
            # Logged in both groups' names: the label says where it came from, the group where it went.
            AuditEntry.record(
                actor=user,
                action=self.id,
                target=thread,
                group=data["group"],
                reason=reason,
                label=f"{thread.title} ({source.name} → {data['group'].name})",
            )

    def done_message(self):
        return _("The thread has been moved.")


# --- members ------------------------------------------------------------------------------------------------------
# (Actions on a member as a person, across groups, are in forum.moderation.person_actions.)


class MemberAction(Action):
    target = "member"
    form_class = ReasonForm

    def allowed(self, user, membership):
        # Moderators do not act on themselves, and group moderators are managed by site moderators.
        if membership.user_id == user.pk or membership.status != GroupMembership.Status.ACTIVE:
            return False
        return not membership.is_moderator or is_site_moderator(user)

    def record(self, user, membership, reason):
        return AuditEntry.record(
            actor=user,
            action=self.id,
            target=membership,
            group=membership.group,
            reason=reason,
            label=member_label(membership),
            subject=membership.user,
        )


class WarnMember(MemberAction):
    id = "warn"
    label = _("Warn")

    def apply(self, user, membership, data):
        with transaction.atomic():
            self.record(user, membership, data["reason"])
            send_warning(membership, data["reason"])

    def done_message(self):
        return _("The warning has been sent by e-mail.")


class SuspendMember(MemberAction):
    id = "suspend"
    label = _("Suspend")
    form_class = SuspendForm

    def apply(self, user, membership, data):
        until = timezone.now() + timedelta(days=data["days"])
        with transaction.atomic():
            forum_services.suspend_member(membership, until)
            self.record(user, membership, data["reason"])
        return until

    def done_message(self):
        return _("The member is suspended and cannot post in this group until the suspension ends.")


class RemoveMember(MemberAction):
    id = "remove_member"
    label = _("Remove from the group")

    def apply(self, user, membership, data):
        with transaction.atomic():
            forum_services.remove_member(membership)
            self.record(user, membership, data["reason"])

    def done_message(self):
        return _("The member has been removed from the group.")


ACTIONS = {
    action.id: action
    for action in (
        ApproveItem(),
        RejectItem(),
        HideItem(),
        EditAndApproveItem(),
        IgnoreItem(),
        HidePost(),
        EditPost(),
        RestorePost(),
        RevealAuthor(),
        PurgeRevision(),
        ThreadFlagAction(
            "lock", _("Lock the thread"), "locked", True, _("The thread is locked: only moderators can reply.")
        ),
        ThreadFlagAction("unlock", _("Unlock the thread"), "locked", False, _("The thread is unlocked.")),
        ThreadFlagAction(
            "pin", _("Pin the thread to the top"), "sticky", True, _("The thread stays at the top of the group.")
        ),
        ThreadFlagAction("unpin", _("Unpin the thread"), "sticky", False, _("The thread is no longer pinned.")),
        MoveThread(),
        WarnMember(),
        SuspendMember(),
        RemoveMember(),
        *PERSON_ACTIONS,
    )
}


def for_target(kind: str, user, obj) -> list[Action]:
    """The actions of one kind that `user` may take on `obj` now."""
    return [action for action in ACTIONS.values() if action.target == kind and action.allowed(user, obj)]


def action_labels() -> list[tuple[str, str | Promise]]:
    # With what the platform does by itself, which the audit log records as actions too.
    return [(action.id, action.label) for action in ACTIONS.values()] + [(AUTO_HOLD, AUTO_HOLD_LABEL)]


AUTO_HOLD_LABEL = _("Automatic hold after reports")


# Which objects each kind of action may reach for a moderator: the scope is applied in the query (404 otherwise).
def targets(kind: str, user):
    if kind == "item":
        return permissions.reviewable_items(user).select_related("post__thread__group", "post__author")
    if kind == "post":
        return permissions.moderated_posts(user).select_related("thread__group", "author")
    if kind == "revision":
        return permissions.moderated_revisions(user).select_related("post__thread__group")
    if kind == "thread":
        return permissions.moderated_threads(user).select_related("group")
    if kind == "member":
        return permissions.moderated_memberships(user).select_related("group", "user")
    if kind == "account":
        return permissions.suspendable_accounts(user)
    if kind == "person":
        return permissions.members_with_visible_history(user)
    raise ValueError(kind)
