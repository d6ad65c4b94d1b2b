"""Who may moderate what: the review queue, the moderation pages of posts, revisions, threads and members, and the
audit log. Each rule once, as an object check and the queryset filter that agrees with it.

Group scope comes from forum.permissions (site moderators moderate every group, group moderators their own); what a
moderator may not moderate is outside the querysets here, so it answers 404 and its existence is not confirmed.
"""

from django.contrib.auth import get_user_model

from accounts import roles
from accounts.models import Membership
from core.permissions import Rule
from forum.models import GroupMembership, Post, PostRevision, Thread
from forum.moderation.models import AuditEntry, ReviewItem, StaffNote
from forum.permissions import can_moderate, is_site_moderator, moderated_groups


def can_open_queue(user) -> bool:
    """The review queue is for everyone who moderates at least one group."""
    return is_site_moderator(user) or moderated_groups(user).exists()


def can_review(user, item) -> bool:
    return can_moderate(user, item.post.thread.group)


def reviewable_items(user):
    if is_site_moderator(user):
        return ReviewItem.objects.all()
    return ReviewItem.objects.filter(post__thread__group__in=moderated_groups(user))


def can_moderate_post(user, post) -> bool:
    return can_moderate(user, post.thread.group)


def moderated_posts(user):
    return Post.objects.filter(thread__group__in=moderated_groups(user))


def can_moderate_revision(user, revision) -> bool:
    return can_moderate(user, revision.post.thread.group)


def moderated_revisions(user):
    return PostRevision.objects.filter(post__thread__group__in=moderated_groups(user))


def can_moderate_thread(user, thread) -> bool:
    return can_moderate(user, thread.group)


def moderated_threads(user):
    return Thread.objects.filter(group__in=moderated_groups(user))


def can_moderate_member(user, membership) -> bool:
    """The membership rows a moderator reaches (to warn, suspend or remove; each action has its own conditions)."""
    return can_moderate(user, membership.group)


def moderated_memberships(user):
    return GroupMembership.objects.filter(group__in=moderated_groups(user))


def can_read_audit_log(user) -> bool:
    """Everyone who moderates reads the log: site moderators all of it, group moderators their groups' part."""
    return can_open_queue(user)


def can_read_audit_entry(user, entry) -> bool:
    # An entry without a group (platform-wide, or its group deleted) is for site moderators only.
    if is_site_moderator(user):
        return True
    return entry.group_id is not None and moderated_groups(user).filter(pk=entry.group_id).exists()


def readable_audit_entries(user):
    if is_site_moderator(user):
        return AuditEntry.objects.all()
    return AuditEntry.objects.filter(group__in=moderated_groups(user))


# --- members as persons: platform-wide suspension, moderation history, staff notes -------------------------------


def can_suspend_account(user, account) -> bool:
    """Platform-wide suspension is for site moderators, on active platform members. Not on themselves, and not on
    another site moderator (that is the superuser's call: roles are changed in the admin, not by suspension)."""
    if not is_site_moderator(user) or account.pk == user.pk:
        return False
    if not account.is_active or account.is_superuser or not roles.is_member(account):
        return False
    return user.is_superuser or not roles.in_group(account, roles.MODERATORS)


def suspendable_accounts(user):
    if not is_site_moderator(user):
        return get_user_model().objects.none()
    accounts = (
        get_user_model()
        .objects.filter(is_active=True, is_superuser=False, pk__in=Membership.objects.active().values("user_id"))
        .exclude(pk=user.pk)
    )
    return accounts if user.is_superuser else accounts.exclude(groups__name=roles.MODERATORS)


def can_see_member_history(user, account) -> bool:
    """A member's moderation history (and notes about them): site moderators for everyone, group moderators for the
    people with a membership of a group they moderate (showing only those groups' part). Never one's own: staff
    notes are not for the member they are about."""
    if not user.is_authenticated or account.pk == user.pk:
        return False
    if is_site_moderator(user):
        return True
    return GroupMembership.objects.filter(user=account, group__in=moderated_groups(user)).exists()


def members_with_visible_history(user):
    accounts = get_user_model().objects.all()
    if not user.is_authenticated:
        return accounts.none()
    if not is_site_moderator(user):
        in_moderated = GroupMembership.objects.filter(group__in=moderated_groups(user)).values("user_id")
        accounts = accounts.filter(pk__in=in_moderated)
    return accounts.exclude(pk=user.pk)


def can_read_note(user, note) -> bool:
    """Staff notes: site moderators read all, group moderators those about their groups; never the member noted."""
    if not user.is_authenticated or note.member_id == user.pk:
        return False
    if is_site_moderator(user):
        return True
    return note.group_id is not None and can_moderate(user, note.group)


def readable_notes(user):
    if not user.is_authenticated:
        return StaffNote.objects.none()
    notes = StaffNote.objects.exclude(member=user)
    return notes if is_site_moderator(user) else notes.filter(group__in=moderated_groups(user))


REVIEW = Rule(ReviewItem, can_review, reviewable_items)
MODERATE_POST = Rule(Post, can_moderate_post, moderated_posts)
MODERATE_REVISION = Rule(PostRevision, can_moderate_revision, moderated_revisions)
MODERATE_THREAD = Rule(Thread, can_moderate_thread, moderated_threads)
MODERATE_MEMBER = Rule(GroupMembership, can_moderate_member, moderated_memberships)
READ_AUDIT_LOG = Rule(AuditEntry, can_read_audit_entry, readable_audit_entries)
SUSPEND_ACCOUNT = Rule(get_user_model(), can_suspend_account, suspendable_accounts)
SEE_MEMBER_HISTORY = Rule(get_user_model(), can_see_member_history, members_with_visible_history)
READ_NOTE = Rule(StaffNote, can_read_note, readable_notes)
