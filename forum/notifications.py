"""What the forum notifies about, and who may still see it when the notification is shown or mailed.

Checked at every delivery: a post hidden after a reply notification was queued is not mailed; a group someone
left no longer shows up in their notifications.
"""

from django.db import transaction
from django.db.models import Q
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from forum import permissions
from forum.markup import plain_text
from forum.models import GroupMembership, Post, PostMention, PostStatus, ThreadWatch
from notifications.fanout import record
from notifications.kinds import Kind
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


def announce_post(post_id: int, *, replies: bool, event: str) -> int:
    """Notify the thread's watchers about a reply published for the first time (`replies`), and the people the post
    mentions who have not heard of it yet; returns how many were notified by this call.

    Runs in a task, once per event. The post row stays locked until the commit, so two announcements of one post (a
    publication and an edit just after) take turns and mention nobody twice; a second run of the same event (its
    worker died) finds the mentions and the event's notifications already recorded.
    """
    from forum.mentions import mentioned_users

    with transaction.atomic():
        post = Post.objects.select_for_update(of=("self",)).select_related("thread__group").filter(pk=post_id).first()
        if post is None or post.status != PostStatus.PUBLISHED:
            return 0
        # A pseudonymous post has no actor on its notifications: not even a stored link to the real person.
        actor = None if post.is_pseudonymous else post.author_id
        told = []
        if replies and post.pk != post.thread.first_post_id:
            watchers = ThreadWatch.objects.filter(thread_id=post.thread_id).exclude(user_id=post.author_id)
            told += record(watchers.values_list("user_id", flat=True), Kind.REPLY, post, event=event, actor=actor)
        already = set(PostMention.objects.filter(post=post).values_list("user_id", flat=True))
        mentioned = [
            user.pk
            for user in mentioned_users(post.body_markdown, post.thread.group)
            if user.pk not in already and user.pk != post.author_id
        ]
        # Mentions are notified once per person per post, also when an edit adds them.
        PostMention.objects.bulk_create([PostMention(post=post, user_id=pk) for pk in mentioned])
        told += record(mentioned, Kind.MENTION, post, event=event, actor=actor)
    return len(told)


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
