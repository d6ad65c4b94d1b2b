"""Who may moderate what: the review queue, the moderation pages of posts, revisions, threads and members, and the
audit log. Each rule once, as an object check and the queryset filter that agrees with it.

Group scope comes from forum.permissions (site moderators moderate every group, group moderators their own); what a
moderator may not moderate is outside the querysets here, so it answers 404 and its existence is not confirmed.
"""

from core.permissions import Rule
from forum.models import GroupMembership, Post, PostRevision, Thread
from forum.moderation.models import AuditEntry, ReviewItem
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


REVIEW = Rule(ReviewItem, can_review, reviewable_items)
MODERATE_POST = Rule(Post, can_moderate_post, moderated_posts)
MODERATE_REVISION = Rule(PostRevision, can_moderate_revision, moderated_revisions)
MODERATE_THREAD = Rule(Thread, can_moderate_thread, moderated_threads)
MODERATE_MEMBER = Rule(GroupMembership, can_moderate_member, moderated_memberships)
READ_AUDIT_LOG = Rule(AuditEntry, can_read_audit_entry, readable_audit_entries)
