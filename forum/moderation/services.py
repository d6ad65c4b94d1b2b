"""The rules of reporting and of the review queue.

Reports are rate-limited per person by counting their rows in the database (so every app server sees the same
count). A post has at most one open review item; concurrent reports of the same post meet on the partial unique
constraint and end up on that one item.

Deciding an item is a conditional update: `decide()` locks the row, and refuses when its version is not the one the
moderator saw (someone else decided in between) — the second moderator is told who handled it and when, and
nothing of theirs is applied.
"""

import contextlib
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import Count, F
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from forum import services as forum_services
from forum.models import Post, PostStatus
from forum.moderation.models import AUTO_HOLD, AuditEntry, Report, ReviewItem
from forum.moderation.notifications import notify_author, notify_moderators, notify_reporters

# At most this many reports per person in this window (overridable in settings for operators).
REPORT_LIMIT = getattr(settings, "FORUM_REPORT_LIMIT", 10)
REPORT_WINDOW = getattr(settings, "FORUM_REPORT_WINDOW", timedelta(hours=1))


class ModerationError(Exception):
    """A refusal with a message for the person who tried."""

    message = _("This is not possible.")

    def __str__(self):
        return str(self.message)


class TooManyReports(ModerationError):
    message = _("You have sent many reports in a short time. Please wait a while before you report another post.")


class AlreadyReported(ModerationError):
    message = _("You have already reported this post. The moderators will look at it.")


class AlreadyHandled(ModerationError):
    """Another moderator decided on the item since this moderator loaded it."""

    def __init__(self, item: ReviewItem):
        super().__init__()
        self.item = item

    def __str__(self):
        if not self.item.decided_at:
            # Open and on a newer version: the post's text changed (see text_changing).
            return str(_("The post has changed since you opened it. Review it again."))
        return str(
            _("Already handled by %(name)s at %(time)s.")
            % {
                "name": self.item.decided_by_name or _("another moderator"),
                "time": formats.date_format(timezone.localtime(self.item.decided_at), "DATETIME_FORMAT"),
            }
        )


def open_item(post, *, held: bool = False, actor=None) -> ReviewItem:
    """The post's open review item, created (and its moderators notified) when there is none. Safe against a
    concurrent creation."""
    item = ReviewItem.objects.filter(post=post, status=ReviewItem.Status.PENDING).first()
    if item is None:
        try:
            with transaction.atomic():
                item = ReviewItem.objects.create(post=post, held=held)
                notify_moderators(item, actor=actor)
        except IntegrityError:
            # Someone opened it at the same moment: the partial unique constraint chose theirs.
            item = ReviewItem.objects.get(post=post, status=ReviewItem.Status.PENDING)
    if held and not item.held:
        ReviewItem.objects.filter(pk=item.pk).update(held=True)
        item.held = True
    return item


def enqueue_held_post(post) -> ReviewItem:
    """Called by the forum when pre-moderation holds a post: it waits in the queue until a moderator decides."""
    return open_item(post, held=True, actor=post.author)


def on_post_held(sender, *, post, **kwargs):
    enqueue_held_post(post)


def on_text_changing(sender, *, post, **kwargs):
    text_changing(post)


def recent_report_count(user) -> int:
    return Report.objects.filter(reporter=user, created_at__gte=timezone.now() - REPORT_WINDOW).count()


def report_post(post, reporter, *, reason: str, text: str = "") -> Report:
    """Record `reporter`'s report on `post` (who may read it is the caller's check). Raises a ModerationError.

    Reports of one post are added one at a time: the open item's row is locked before the report is written and the
    reporters are counted under that lock, so the report that reaches the hold threshold is seen by exactly one
    transaction, however many arrive at once. NO KEY UPDATE: it queues reporters (and a moderator's decision, which
    takes FOR UPDATE) without conflicting with the key-share lock the new report row takes on the item.
    """
    if recent_report_count(reporter) >= REPORT_LIMIT:
        raise TooManyReports
    try:
        with transaction.atomic():
            item = _locked_open_item(post, reporter)
            report = Report.objects.create(item=item, reporter=reporter, reason=reason, text=text.strip())
            _hold_when_reported_enough(item)
            return report
    except IntegrityError as error:
        raise AlreadyReported from error


def _locked_open_item(post, reporter) -> ReviewItem:
    while True:
        item = open_item(post, actor=reporter)
        locked = ReviewItem.objects.select_for_update(no_key=True).filter(pk=item.pk).first()
        # Decided while this report waited for the lock: the report belongs on a new item.
        if locked is not None and locked.is_open:
            return locked


def hold_threshold() -> int:
    return getattr(settings, "FORUM_REPORT_HOLD_THRESHOLD", 3)


def _hold_when_reported_enough(item: ReviewItem) -> None:
    """Takes a published post out of sight once enough different members reported it; moderators then decide.
    Runs under the item's lock (see report_post)."""
    post = Post.objects.select_related("thread__group", "author").get(pk=item.post_id)
    if item.is_auto_held or post.status != PostStatus.PUBLISHED:
        return
    reporters = item.reports.filter(reporter__isnull=False).aggregate(count=Count("reporter", distinct=True))
    if reporters["count"] < hold_threshold():
        return
    item.auto_held_at = timezone.now()
    item.save(update_fields=["auto_held_at"])
    forum_services.hold_post_after_reports(post)
    AuditEntry.record(
        actor=None,
        action=AUTO_HOLD,
        target=post,
        group=post.thread.group,
        label=f"{post.thread.title} #{post.pk}",
        # Put into words in the reader's language when the log is read (forum.moderation.audit).
        details={"reporters": reporters["count"]},
    )
    notify_moderators(item)
    notify_author(post, actor=None)


def decide(
    item: ReviewItem,
    *,
    version: int,
    actor,
    status: str,
    decision: str,
    reason: str = "",
    category: str = "",
    effect=None,
):
    """Close `item` with `status`, provided nobody changed it since `version`; runs `effect(item)` under the lock.
    Its reporters are told the outcome (`category`: the `Report.Reason` the moderator chose, if any).

    Returns the updated item. Raises AlreadyHandled when the version moved on or the item was already closed.
    """
    with transaction.atomic():
        # Lock the item row only (not the post, thread and group joined in for the effect).
        locked = (
            ReviewItem.objects.select_for_update(of=("self",)).select_related("post__thread__group").get(pk=item.pk)
        )
        if locked.version != version or not locked.is_open:
            raise AlreadyHandled(locked)
        if effect is not None:
            effect(locked)
        locked.status = status
        locked.version += 1
        locked.decided_at = timezone.now()
        locked.decided_by = actor
        locked.decided_by_name = actor.get_full_name() or actor.email
        locked.decision = decision
        locked.decision_reason = reason
        locked.decision_category = category
        locked.save()
        notify_reporters(locked, actor=actor)
        return locked


def close_open_items(post, *, actor, status: str, decision: str, reason: str = "", category: str = "") -> None:
    """A moderator acted on the post outside the queue (e.g. hid it from the thread page): its open item is done."""
    for item in ReviewItem.objects.filter(post=post, status=ReviewItem.Status.PENDING):
        # Decided by someone else in the meantime: their decision stands.
        with contextlib.suppress(AlreadyHandled):
            decide(
                item,
                version=item.version,
                actor=actor,
                status=status,
                decision=decision,
                reason=reason,
                category=category,
            )


def text_changing(post) -> None:
    """The post's text is about to change (inside the caller's transaction): its open review item gets a new version,
    so that a decision taken on the text the moderator saw earlier is refused instead of applied to text they never
    read. Locks the item first, as `decide()` does, so an edit and a decision happen one after the other."""
    open_items = ReviewItem.objects.select_for_update().filter(post=post, status=ReviewItem.Status.PENDING)
    ReviewItem.objects.filter(pk__in=list(open_items.values_list("pk", flat=True))).update(version=F("version") + 1)


def history(item: ReviewItem) -> list[dict]:
    """What happened to the item's post, oldest first: held, reports, and every moderator action on it."""
    events = []
    for earlier in ReviewItem.objects.filter(post_id=item.post_id, held=True).order_by("created_at"):
        events.append({"when": earlier.created_at, "kind": "held"})
    for report in Report.objects.filter(item__post_id=item.post_id).select_related("reporter"):
        events.append({"when": report.created_at, "kind": "report", "report": report})
    entries = AuditEntry.objects.filter(
        target_type=ContentType.objects.get_for_model(Post), target_id=item.post_id
    ).select_related("actor")
    for entry in entries:
        events.append({"when": entry.created_at, "kind": "action", "entry": entry})
    return sorted(events, key=lambda event: event["when"])
