"""What moderation tells people: moderators about new items in their queue, members about the outcome for their own
posts, and reporters about the outcome of their reports.

All go out only after the change is committed, so a rolled-back action never tells anyone anything. A reporter's
notification is about their own report: it names the thread and the outcome with its category, never the moderator,
the other reporters or the moderator's explanation (that is written for the author).
"""

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from accounts import roles
from forum.models import PostStatus
from forum.moderation import permissions
from forum.moderation.models import PlatformSuspension, Report, ReviewItem
from forum.notifications import post_text
from forum.permissions import can_read_group, moderators_of, readable_groups
from notifications.kinds import Kind
from notifications.registry import register_kind_audience, register_target
from notifications.services import notify

HIDING_DECISIONS = {"hide", "hide_post", "reject"}


def notify_moderators(item, *, actor=None) -> None:
    """A new item in the queue (a report or a held post): its moderators hear of it, never the one who caused it."""
    notify(moderators_of(item.post.thread.group), Kind.REVIEW, item, actor=actor)


def notify_author(post, *, actor) -> None:
    """The author learns the outcome for their post (approved, rejected, hidden, held after reports) — never who
    reported it."""
    if post.author_id is not None:
        notify(post.author, Kind.MODERATION, post, actor=actor)


def notify_reporters(item, *, actor) -> None:
    """Everyone who reported the item's post hears the decision — not the moderator who took it, not the author (who
    hears it as the author). Who may still read the group is checked when the notification is recorded and shown."""
    reports = item.reports.filter(reporter__isnull=False).exclude(reporter_id=actor.pk if actor else None)
    if item.post.author_id is not None:
        reports = reports.exclude(reporter_id=item.post.author_id)
    for report in reports.select_related("reporter"):
        # No actor: the reporter is not told which moderator decided.
        notify(report.reporter, Kind.REPORT_OUTCOME, report)


def item_title(item) -> str:
    return _("To review: %(thread)s") % {"thread": item.post.thread.title}


def item_excerpt(item) -> str:
    why = _("Held for approval") if item.held else _("Reported")
    if item.is_auto_held:
        why = _("Held automatically after reports")
    if not item.is_open:
        why = _("Handled: %(status)s") % {"status": item.get_status_display()}
    return f"{why}: {post_text(item.post)}"


# --- a reporter's view of their report -----------------------------------------------------------------------------


def report_can_view(user, report) -> bool:
    """Their own report, while they may still read the group it is in (a post hidden after their report included:
    the outcome is what they asked for). Someone who left the group, or whose account is gone, hears nothing."""
    if not user.is_authenticated or report.reporter_id != user.pk:
        return False
    return can_read_group(user, report.item.post.thread.group)


def reports_visible(user):
    if not user.is_authenticated:
        return Report.objects.none()
    return Report.objects.filter(reporter=user, item__post__thread__group__in=readable_groups(user))


def report_title(report) -> str:
    return _("Your report about a post in “%(thread)s”") % {"thread": report.item.post.thread.title}


def outcome_text(item) -> str:
    """The outcome of a review as a reporter reads it: what happened to the post and the category, nothing more."""
    if item.is_open:
        return _("The moderators have not decided yet.")
    category = item.get_decision_category_display() if item.decision_category else ""
    if item.decision in HIDING_DECISIONS:
        if category:
            return _("The post was hidden. Reason: %(reason)s.") % {"reason": category}
        return _("The post was hidden.")
    if item.decision == "edit_approve":
        if category:
            return _("A moderator edited the post. Reason: %(reason)s.") % {"reason": category}
        return _("A moderator edited the post.")
    return _("No action taken: the post stays as it is.")


def report_url(report) -> str:
    # Only where the reporter can still go: a hidden post (or a thread hidden with its first post) answers 404.
    post = report.item.post
    if post.status == PostStatus.PUBLISHED:
        return post.get_absolute_url()
    if post.thread.status == PostStatus.PUBLISHED:
        return post.thread.get_absolute_url()
    return post.thread.group.get_absolute_url()


def notify_suspended(suspension, *, actor) -> None:
    """The member's own list keeps the suspension (and its lifting); the mail about it goes separately (mail.py)."""
    notify(suspension.user, Kind.ACCOUNT, suspension, actor=actor)


def suspension_title(suspension) -> str:
    if suspension.lifted_at is not None:
        return _("Your forum suspension was lifted")
    until = formats.date_format(timezone.localtime(suspension.ends_at), "DATETIME_FORMAT")
    if suspension.kind == PlatformSuspension.Kind.SILENCED:
        return _("You cannot post in the forum until %(until)s") % {"until": until}
    return _("You are suspended from the forum until %(until)s") % {"until": until}


def own_suspensions(user):
    return PlatformSuspension.objects.filter(user=user) if user.is_authenticated else PlatformSuspension.objects.none()


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
    register_target(
        Report,
        can_view=report_can_view,
        url=report_url,
        title=report_title,
        excerpt=lambda report: outcome_text(report.item),
        visible=reports_visible,
    )
    # Only members of the platform can report a post.
    register_kind_audience(Kind.REPORT_OUTCOME, roles.is_member)
    register_target(
        PlatformSuspension,
        can_view=lambda user, suspension: user.is_authenticated and suspension.user_id == user.pk,
        url=lambda suspension: reverse("forum:index"),
        title=suspension_title,
        excerpt=lambda suspension: suspension.reason,
        visible=own_suspensions,
    )
    # Not a choice in the settings: the mail about a suspension always goes (forum.moderation.mail).
    register_kind_audience(Kind.ACCOUNT, lambda user: False)
