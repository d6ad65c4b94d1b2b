"""What the forum notifies about, and who may still see it when the notification is shown or mailed.

Checked at every delivery: a post hidden after a reply notification was queued is not mailed; a group someone
left no longer shows up in their notifications.
"""

from django.db.models import Q
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from forum import permissions
from forum.markup import plain_text
from forum.models import GroupMembership, Post, PostStatus
from notifications.registry import register_target


def post_can_view(user, post) -> bool:
    if not user.is_authenticated:
        return False
    if post.status != PostStatus.PUBLISHED and post.author_id != user.pk:
        return False
    return permissions.visible_posts(user).filter(pk=post.pk).exists()


def post_visible(user):
    if not user.is_authenticated:
        return Post.objects.none()
    return permissions.visible_posts(user).filter(Q(status=PostStatus.PUBLISHED) | Q(author=user))


def post_text(post) -> str:
    """The start of the post's text, as plain text."""
    return Truncator(plain_text(post.body_html)).chars(160)


def moderation_outcome(post) -> str:
    """What became of a post that is not published, with the moderator's reason: for its author."""
    outcome = post.get_status_display()
    if post.moderation_reason:
        outcome = _("%(status)s (%(reason)s)") % {"status": outcome, "reason": post.get_moderation_reason_display()}
    if post.moderation_note:
        outcome = f"{outcome} — {post.moderation_note}"
    return outcome


def post_excerpt(post) -> str:
    text = post_text(post)
    if post.status != PostStatus.PUBLISHED:
        # Only the author (and moderators) can see a post that is not published: tell them what became of it and why,
        # before the text (an excerpt is shortened).
        return f"{moderation_outcome(post)}: {text}"
    return text


def membership_can_view(user, membership) -> bool:
    return (
        user.is_authenticated
        and membership.user_id == user.pk
        and permissions.visible_groups(user).filter(pk=membership.group_id).exists()
    )


def membership_excerpt(membership) -> str:
    status = GroupMembership.Status
    texts = {
        status.ACTIVE: _("You are now a member of this group."),
        status.INVITED: _("You have been invited to join this group."),
        status.DECLINED: _("Your request to join this group was declined."),
        status.REQUESTED: _("Your request to join is waiting for a group moderator."),
        status.REMOVED: _("You are no longer a member of this group."),
    }
    return str(texts.get(membership.status, ""))


def membership_visible(user):
    if not user.is_authenticated:
        return GroupMembership.objects.none()
    return GroupMembership.objects.filter(user=user, group__in=permissions.visible_groups(user))


def register():
    register_target(
        Post,
        can_view=post_can_view,
        url=lambda post: post.get_absolute_url(),
        title=lambda post: post.thread.title,
        excerpt=post_excerpt,
        visible=post_visible,
    )
    register_target(
        GroupMembership,
        can_view=membership_can_view,
        url=lambda membership: membership.group.get_absolute_url(),
        title=lambda membership: membership.group.name,
        excerpt=membership_excerpt,
        visible=membership_visible,
    )
