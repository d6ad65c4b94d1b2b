"""What moderation tells people: moderators about new items in their queue, members about the outcome for their own
posts.

All go out only after the change is committed, so a rolled-back action never tells anyone anything.
"""

from django.urls import reverse
from django.utils.translation import gettext as _

from forum.moderation import permissions
from forum.moderation.models import ReviewItem
from forum.notifications import post_text
from forum.permissions import moderators_of
from notifications.kinds import Kind
from notifications.registry import register_kind_audience, register_target
from notifications.services import notify


def notify_moderators(item, *, actor=None) -> None:
    """A new item in the queue (a report or a held post): its moderators hear of it, never the one who caused it."""
    for moderator in moderators_of(item.post.thread.group):
        notify(moderator, Kind.REVIEW, item, actor=actor)


def notify_author(post, *, actor) -> None:
    """The author learns the outcome for their post (approved, rejected, hidden) — never that it was reported."""
    if post.author_id is not None:
        notify(post.author, Kind.MODERATION, post, actor=actor)


def item_title(item) -> str:
    return _("To review: %(thread)s") % {"thread": item.post.thread.title}


def item_excerpt(item) -> str:
    why = _("Held for approval") if item.held else _("Reported")
    if not item.is_open:
        why = _("Handled: %(status)s") % {"status": item.get_status_display()}
    return f"{why}: {post_text(item.post)}"


def register():
    register_target(
        ReviewItem,
        can_view=permissions.can_review,
        url=lambda item: reverse("forum_moderation:item", args=[item.pk]),
        title=item_title,
        excerpt=item_excerpt,
        visible=permissions.reviewable_items,
    )
    register_kind_audience(Kind.REVIEW, permissions.can_open_queue)
