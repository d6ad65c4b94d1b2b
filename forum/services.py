"""The forum's rules: posting, editing, pre-moderation, and the state changes moderators trigger.

Functions here change state and keep everything that depends on it in step — thread counts, search documents,
notifications. They do not check who is asking (forum.permissions has those rules): views check that for members, and
forum.moderation's action classes check it (and write the audit log) for moderators.
"""

import uuid
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F, Max
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from forum import permissions, signals
from forum.errors import ForumError
from forum.membership import (  # noqa: F401  (part of this module's public interface)
    decide_request,
    invite,
    join_group,
    leave_group,
    membership_of,
    remove_member,
    respond_to_invitation,
    suspend_member,
)
from forum.models import (
    HELD_AFTER_REPORTS,
    POST_LENGTH_LIMIT,
    ForumGroup,
    GroupMembership,
    Post,
    PostRevision,
    PostStatus,
    Thread,
    ThreadPseudonym,
    ThreadReadMarker,
    ThreadWatch,
)

MAX_POST_LENGTH = min(getattr(settings, "FORUM_MAX_POST_LENGTH", POST_LENGTH_LIMIT), POST_LENGTH_LIMIT)
POST_LIMIT = getattr(settings, "FORUM_POST_LIMIT", 10)
POST_WINDOW = getattr(settings, "FORUM_POST_WINDOW", timedelta(minutes=10))
EDIT_LIMIT = getattr(settings, "FORUM_EDIT_LIMIT", 20)


# --- posting rules that need more than "who may" (forum.permissions has those) ------------------------------------


def post_needs_premoderation(group, user, membership=None) -> bool:
    if permissions.can_moderate(user, group, membership):
        return False
    if group.premoderation == ForumGroup.Premoderation.ALL:
        return True
    if group.premoderation == ForumGroup.Premoderation.FIRST_POSTS:
        approved = membership.posts_approved if membership is not None else 0
        return approved < group.premoderation_first_posts
    return False


def check_can_post(group, user, *, thread=None, rate_limit=True) -> GroupMembership | None:
    """Raises ForumError with the reason when `user` may not post here now; returns their membership."""
    membership = membership_of(group, user)
    blocked = permissions.posting_blocked(user, group, thread=thread, membership=membership, fresh=True)
    if blocked is not None:
        raise ForumError(blocked)
    if rate_limit and not permissions.can_moderate(user, group, membership):
        _check_rate_limit(user)
    return membership


def _lock_author(user):
    """Posts of one person are checked and written one at a time: parallel requests cannot all pass the rate limit
    (or the "first N posts" count) before any of them is saved."""
    # NO KEY UPDATE: it queues this person's own requests, yet lets other transactions insert rows that refer to
    # them (a moderator's decision notifying them) without waiting, which could otherwise deadlock with an edit.
    list(get_user_model().objects.select_for_update(no_key=True).filter(pk=user.pk).values_list("pk", flat=True))


def _check_rate_limit(user):
    since = timezone.now() - POST_WINDOW
    if Post.objects.filter(author=user, created_at__gte=since).count() >= POST_LIMIT:
        minutes = max(1, int(POST_WINDOW.total_seconds() // 60))
        raise ForumError(
            ngettext(
                "You can post at most %(count)d messages in %(minutes)d minutes. Please wait a moment.",
                "You can post at most %(count)d messages in %(minutes)d minutes. Please wait a moment.",
                POST_LIMIT,
            )
            % {"count": POST_LIMIT, "minutes": minutes}
        )


def _check_edit_rate_limit(user):
    """Every edit renders and indexes the post again: edits count against a limit of their own, like new posts."""
    since = timezone.now() - POST_WINDOW
    if PostRevision.objects.filter(post__author=user, replaced_at__gte=since).count() >= EDIT_LIMIT:
        minutes = max(1, int(POST_WINDOW.total_seconds() // 60))
        raise ForumError(
            ngettext(
                "You can edit your messages at most %(count)d times in %(minutes)d minutes. Please wait a moment.",
                "You can edit your messages at most %(count)d times in %(minutes)d minutes. Please wait a moment.",
                EDIT_LIMIT,
            )
            % {"count": EDIT_LIMIT, "minutes": minutes}
        )


def check_length(body_markdown: str):
    if not (body_markdown or "").strip():
        raise ForumError(_("Write a message."))
    if len(body_markdown) > MAX_POST_LENGTH:
        raise ForumError(
            _("A message can be at most %(max)s characters long; yours has %(length)s.")
            % {"max": formats.number_format(MAX_POST_LENGTH, force_grouping=True), "length": len(body_markdown)}
        )


# --- pseudonyms, watching, reading --------------------------------------------------------------------------------


def pseudonym_number(thread, user) -> int:
    """The person's number in this thread ("Participant 3"): assigned on first use, then the same for ever."""
    existing = ThreadPseudonym.objects.filter(thread=thread, user=user).values_list("number", flat=True).first()
    if existing is not None:
        return existing
    with transaction.atomic():
        # Numbers are handed out one at a time per thread: lock the thread row while taking the next one. The next
        # number follows the highest, not the count: a deleted account leaves a gap that must not be filled twice.
        # NO KEY UPDATE: the caller's new post already holds a KEY SHARE lock on the thread (its foreign key), and two
        # such posts asking for a full UPDATE lock would wait for each other.
        Thread.objects.select_for_update(no_key=True).filter(pk=thread.pk).first()
        highest = ThreadPseudonym.objects.filter(thread=thread).aggregate(highest=Max("number"))["highest"] or 0
        pseudonym, _created = ThreadPseudonym.objects.get_or_create(
            thread=thread, user=user, defaults={"number": highest + 1}
        )
        return pseudonym.number


def watch(thread, user):
    ThreadWatch.objects.get_or_create(thread=thread, user=user)


def unwatch(thread, user):
    ThreadWatch.objects.filter(thread=thread, user=user).delete()


def mark_read(thread, user, when=None):
    if user.is_authenticated:
        ThreadReadMarker.objects.update_or_create(
            thread=thread, user=user, defaults={"last_read_at": when or timezone.now()}
        )


# --- posting ------------------------------------------------------------------------------------------------------


def create_thread(
    group,
    author,
    *,
    title,
    body_markdown,
    template=Thread.Template.FREE,
    pseudonymous=False,
    related_page=None,
) -> Thread:
    check_length(body_markdown)
    if pseudonymous and not group.allow_pseudonyms:
        raise ForumError(_("This group does not allow pseudonymous posts."))
    with transaction.atomic():
        _lock_author(author)
        membership = check_can_post(group, author)
        held = post_needs_premoderation(group, author, membership)
        status = PostStatus.HELD if held else PostStatus.PUBLISHED
        now = timezone.now()
        thread = Thread.objects.create(
            group=group,
            title=title.strip(),
            author=author,
            is_pseudonymous=pseudonymous,
            template=template,
            status=status,
            related_page=related_page,
            created_at=now,
            last_activity_at=now,
        )
        post = Post.objects.create(
            thread=thread, author=author, is_pseudonymous=pseudonymous, body_markdown=body_markdown, status=status
        )
        thread.first_post = post
        thread.save(update_fields=["first_post"])
        if pseudonymous:
            pseudonym_number(thread, author)
        watch(thread, author)
        _after_saving(post, held, membership)
    return thread


def reply(thread, author, body_markdown, *, pseudonymous=False) -> Post:
    group = thread.group
    check_length(body_markdown)
    if pseudonymous and not group.allow_pseudonyms:
        raise ForumError(_("This group does not allow pseudonymous posts."))
    with transaction.atomic():
        _lock_author(author)
        membership = check_can_post(group, author, thread=thread)
        held = post_needs_premoderation(group, author, membership)
        post = Post.objects.create(
            thread=thread,
            author=author,
            is_pseudonymous=pseudonymous,
            body_markdown=body_markdown,
            status=PostStatus.HELD if held else PostStatus.PUBLISHED,
        )
        if pseudonymous:
            pseudonym_number(thread, author)
        watch(thread, author)
        _after_saving(post, held, membership)
    return post


def _after_saving(post, held, membership):
    if held:
        signals.post_held.send(sender=Post, post=post)
    else:
        _published(post, membership)


_EDIT_STATE = ("status", "status_changed_at", "body_markdown", "edited_at", "edited_by_id")


def edit_post(post, editor, body_markdown) -> Post:
    """Keeps the earlier text as a revision. In a pre-moderated group an edit by a member is held again, so that an
    approved post cannot be turned into something else afterwards."""
    check_length(body_markdown)
    if body_markdown == post.body_markdown:
        return post
    group = post.thread.group
    with transaction.atomic():
        _lock_author(editor)
        restriction = permissions.platform_restriction(editor, fresh=True)
        if restriction is not None:
            raise ForumError(restriction.posting_message())
        membership = membership_of(group, editor)
        if not permissions.can_moderate(editor, group, membership):
            _check_edit_rate_limit(editor)
        # Before the post row, in the order a moderator's decision takes them: the open review item first.
        signals.post_text_changing.send(sender=Post, post=post)
        # The post as it is now: a moderator may have decided on it, or another edit saved, since it was loaded.
        current = Post.objects.select_for_update().values(*_EDIT_STATE).get(pk=post.pk)
        for field, value in current.items():
            setattr(post, field, value)
        if post.status not in (PostStatus.PUBLISHED, PostStatus.HELD):
            raise ForumError(_("This post can no longer be edited."))
        _keep_revision(post)
        post.body_markdown = body_markdown
        post.edited_at = timezone.now()
        post.edited_by = editor
        fields = ["body_markdown", "edited_at", "edited_by"]
        rehold = post.status == PostStatus.PUBLISHED and post_needs_premoderation(group, editor, membership)
        if rehold:
            post.status = PostStatus.HELD
            post.status_changed_at = post.edited_at
            fields += ["status", "status_changed_at"]
        post.save(update_fields=fields)
        if rehold:
            _sync_thread_status(post)
            refresh_thread_stats(post.thread)
            signals.post_held.send(sender=Post, post=post)
        _reindex(post)
        if not rehold and post.status == PostStatus.PUBLISHED:
            _announce(post, replies=False)
    return post


def _keep_revision(post):
    PostRevision.objects.create(
        post=post,
        body_markdown=post.body_markdown,
        editor=post.edited_by if post.edited_at else post.author,
        created_at=post.edited_at or post.created_at,
    )


# --- publication and its consequences -----------------------------------------------------------------------------


def _published(post, membership=None):
    """Everything that follows once a post is visible to the group: counts, search, and — only the first time —
    the member's approved-post count and notifications."""
    thread = post.thread
    first_time = post.published_at is None
    if first_time:
        post.published_at = timezone.now()
        post.save(update_fields=["published_at"])
        if post.author_id is not None:
            GroupMembership.objects.filter(group_id=thread.group_id, user_id=post.author_id).update(
                posts_approved=F("posts_approved") + 1
            )
    refresh_thread_stats(thread)
    _reindex(post)
    _announce(post, replies=first_time)


def _announce(post, *, replies: bool):
    """The thread's watchers (`replies`) and the people the post mentions hear of it, from one task queued in this
    transaction: the reply costs the same few queries however many people watch the thread."""
    from forum.tasks import announce_post

    announce_post.enqueue(post.pk, replies, str(uuid.uuid4()))


def refresh_thread_stats(thread):
    """Counts and "last post" from published posts only: held and hidden posts never show up in them."""
    published = Post.objects.filter(thread=thread, status=PostStatus.PUBLISHED)
    last = published.order_by("-created_at", "-pk").first()
    thread.reply_count = published.exclude(pk=thread.first_post_id).count() if thread.first_post_id else 0
    thread.last_post = last
    thread.last_activity_at = last.created_at if last else thread.created_at
    thread.save(update_fields=["reply_count", "last_post", "last_activity_at"])


def _sync_thread_status(post):
    """A thread stands or falls with its first post."""
    thread = post.thread
    if thread.first_post_id == post.pk and thread.status != post.status:
        thread.status = post.status
        thread.save(update_fields=["status"])


def _set_status(post, status, *, reason="", note=""):
    """The reason and the moderator's explanation go with the status: a published post carries none."""
    post.status = status
    post.status_changed_at = timezone.now()
    post.moderation_reason = reason
    post.moderation_note = note
    post.save(update_fields=["status", "status_changed_at", "moderation_reason", "moderation_note"])
    _sync_thread_status(post)


def _reindex(post):
    from search import indexing

    indexing.schedule(post, post.thread)


# --- moderation hooks (forum.moderation's actions call these after their permission check) ------------------------


def approve_post(post) -> Post:
    with transaction.atomic():
        _set_status(post, PostStatus.PUBLISHED)
        _published(post)
    return post


def reject_post(post, *, reason: str = "", note: str = "") -> Post:
    """`reason`: a `ModerationReason` value; `note`: the moderator's explanation. Both are for the author."""
    with transaction.atomic():
        _set_status(post, PostStatus.REJECTED, reason=reason, note=note)
        refresh_thread_stats(post.thread)
        _reindex(post)
    return post


def hide_post(post, *, reason: str = "", note: str = "") -> Post:
    with transaction.atomic():
        _set_status(post, PostStatus.HIDDEN, reason=reason, note=note)
        refresh_thread_stats(post.thread)
        _reindex(post)
    return post


def hold_post_after_reports(post) -> Post:
    """Takes a published post out of sight until a moderator decides: approving publishes it again."""
    with transaction.atomic():
        _set_status(post, PostStatus.HELD, reason=HELD_AFTER_REPORTS)
        refresh_thread_stats(post.thread)
        _reindex(post)
    return post


def edit_and_approve(post, body_markdown, *, by) -> Post:
    check_length(body_markdown)
    with transaction.atomic():
        if body_markdown != post.body_markdown:
            _keep_revision(post)
            post.body_markdown = body_markdown
            post.edited_at = timezone.now()
            post.edited_by = by
            post.save(update_fields=["body_markdown", "edited_at", "edited_by"])
        return approve_post(post)


def lock_thread(thread, locked=True) -> Thread:
    thread.locked = locked
    thread.save(update_fields=["locked"])
    return thread


def set_sticky(thread, sticky=True) -> Thread:
    thread.sticky = sticky
    thread.save(update_fields=["sticky"])
    return thread


def move_thread(thread, to_group) -> Thread:
    """Moves a thread; its search documents take the new group's visibility. Pseudonymous posts stay pseudonymous
    (the numbers are per thread); mentions already linked keep pointing at the old group's member list."""
    from django.contrib.contenttypes.models import ContentType

    from search import indexing

    with transaction.atomic():
        thread.group = to_group
        thread.save(update_fields=["group"])
        post_type = ContentType.objects.get_for_model(Post).pk
        post_ids = Post.objects.filter(thread=thread).values_list("pk", flat=True)
        indexing.schedule(thread)
        indexing.schedule_sources([(post_type, pk) for pk in post_ids])
    return thread


def purge_revision(revision) -> PostRevision:
    """The earlier text is erased for good; the row stays so the history shows that something was removed. Search
    and notifications only ever use a post's current text, so nothing else holds the purged words."""
    revision.body_markdown = ""
    revision.purged_at = timezone.now()
    revision.save(update_fields=["body_markdown", "purged_at"])
    return revision
