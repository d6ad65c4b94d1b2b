"""Who may do what in the forum: each rule once, as an object check and the queryset filter that agrees with it.

Views, services, feeds, search, notifications and templates (through the context their views give them and the
`forum_tags` filters) ask here and nowhere else, so a private group's content cannot leak by one forgotten filter.
What someone may not see is answered with a 404 by the views, never a 403.
"""

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from accounts import roles
from core.permissions import Rule
from forum.membership import membership_of
from forum.models import ForumGroup, GroupMembership, Post, PostStatus, Thread

Status = GroupMembership.Status


def is_site_moderator(user) -> bool:
    return roles.in_group(user, roles.MODERATORS)


# --- groups -------------------------------------------------------------------------------------------------------


def _known_to(user, group, statuses) -> bool:
    if is_site_moderator(user) or group.visibility == ForumGroup.Visibility.PUBLIC:
        return True
    if not roles.is_member(user):
        return False
    if group.visibility == ForumGroup.Visibility.PLATFORM:
        return True
    return group.memberships.filter(user=user, status__in=statuses).exists()


def _known_groups(user, statuses):
    if is_site_moderator(user):
        return ForumGroup.objects.all()
    if not roles.is_member(user):
        return ForumGroup.objects.filter(visibility=ForumGroup.Visibility.PUBLIC)
    return ForumGroup.objects.filter(
        Q(visibility__in=[ForumGroup.Visibility.PUBLIC, ForumGroup.Visibility.PLATFORM])
        | Q(pk__in=GroupMembership.objects.filter(user=user, status__in=statuses).values("group_id"))
    )


def can_see_group(user, group) -> bool:
    """Whether `user` may know the group exists: its name and description (not necessarily its threads).

    A private group is known only to its active members and to people it invited (they must see what they are
    invited to). Platform and private groups require platform membership.
    """
    return _known_to(user, group, [Status.ACTIVE, Status.INVITED])


def visible_groups(user):
    return _known_groups(user, [Status.ACTIVE, Status.INVITED])


def can_read_group(user, group) -> bool:
    """Whether `user` may read the group's threads and posts."""
    return _known_to(user, group, [Status.ACTIVE])


def readable_groups(user):
    return _known_groups(user, [Status.ACTIVE])


def can_moderate(user, group, membership=None) -> bool:
    """Site moderators moderate every group, group moderators their own. `membership`: the caller's already loaded
    membership of `user` in `group`, which saves the query."""
    if is_site_moderator(user):
        return True
    if not user.is_authenticated:
        return False
    if membership is not None:
        return membership.is_moderator
    return group.memberships.active().moderators().filter(user=user).exists()


def moderated_groups(user):
    if is_site_moderator(user):
        return ForumGroup.objects.all()
    if not user.is_authenticated:
        return ForumGroup.objects.none()
    return ForumGroup.objects.filter(
        pk__in=GroupMembership.objects.active().moderators().filter(user=user).values("group_id")
    )


def moderators_of(group):
    """Active accounts that moderate `group` (the other side of `moderated_groups`): its active group moderators
    and the members of the site moderators' group."""
    group_moderators = GroupMembership.objects.active().moderators().filter(group=group).values("user_id")
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(pk__in=group_moderators) | Q(groups__name=roles.MODERATORS))
        .distinct()
    )


def can_see_members(user, group) -> bool:
    """Member lists show civil servants by name: platform members of readable groups only, never visitors."""
    if not roles.is_member(user) and not is_site_moderator(user):
        return False
    return can_read_group(user, group)


def groups_with_visible_members(user):
    if not roles.is_member(user) and not is_site_moderator(user):
        return ForumGroup.objects.none()
    return readable_groups(user)


# A membership in these states answers "join" itself (leave, accept, wait, or ask the moderators).
_SETTLED = [Status.ACTIVE, Status.INVITED, Status.REQUESTED, Status.REMOVED]


def can_join(user, group) -> bool:
    """Whether the group page offers "Join" or "Ask to join": platform members who can see the group and have no
    membership that answers it already; invitation-only groups are joined by invitation. (A full group still offers
    it and says so when pressed.)"""
    if not roles.is_member(user) or group.join_policy == ForumGroup.JoinPolicy.INVITATION:
        return False
    if group.memberships.filter(user=user, status__in=_SETTLED).exists():
        return False
    return can_see_group(user, group)


def joinable_groups(user):
    if not roles.is_member(user):
        return ForumGroup.objects.none()
    settled = GroupMembership.objects.filter(user=user, status__in=_SETTLED).values("group_id")
    return visible_groups(user).exclude(join_policy=ForumGroup.JoinPolicy.INVITATION).exclude(pk__in=settled)


# --- platform-wide restrictions -----------------------------------------------------------------------------------

# A site moderator can silence or suspend a member in every group at once. Those records belong to forum.moderation,
# which the forum does not import: moderation registers how to look up a member's active restriction, and the
# posting and reporting rules below ask it first (also for group moderators: a restriction outranks a group role).
_restriction_lookup = None


def register_restriction_lookup(lookup) -> None:
    """lookup(user) -> the member's active restriction or None. A restriction has `posting_message()` (why they cannot
    post, with until when) and `blocks_reporting`."""
    global _restriction_lookup
    _restriction_lookup = lookup


def platform_restriction(user, *, fresh: bool = False):
    """The member's active platform-wide restriction, or None. Cached on the user object (a thread page asks for every
    post); `fresh` reads it again, as a service deciding under a lock must."""
    if not user.is_authenticated or _restriction_lookup is None:
        return None
    if fresh or "_platform_restriction" not in user.__dict__:
        user.__dict__["_platform_restriction"] = _restriction_lookup(user)
    return user.__dict__["_platform_restriction"]


def _reporting_restricted(user) -> bool:
    restriction = platform_restriction(user)
    return restriction is not None and restriction.blocks_reporting


# --- posting ------------------------------------------------------------------------------------------------------


def posting_blocked(user, group, *, thread=None, membership=None, fresh: bool = False) -> str | None:
    """Why `user` cannot post in `group` (or reply in `thread`) now, shown instead of the form; None when they may.
    The rate limit is not part of it: it is checked on sending (forum.services.check_can_post)."""
    restriction = platform_restriction(user, fresh=fresh)
    if restriction is not None:
        return restriction.posting_message()
    if membership is None:
        membership = membership_of(group, user)
    if can_moderate(user, group, membership):
        return None
    if not roles.is_member(user):
        return _("Only members of the platform can take part in the forum.")
    if membership is None or not membership.is_active:
        return _("Join this group to take part in its discussions.")
    if membership.is_suspended():
        until = formats.date_format(timezone.localtime(membership.suspended_until), "DATETIME_FORMAT")
        return _("You have been suspended in this group until %(until)s.") % {"until": until}
    if thread is not None and thread.locked:
        return _("This thread is locked: no new replies can be added.")
    return None


def _active_unsuspended(user, group_ref):
    active = GroupMembership.objects.active().filter(group=group_ref, user=user)
    return active.exclude(suspended_until__gt=timezone.now())


def can_start_thread(user, group) -> bool:
    return posting_blocked(user, group) is None


def groups_open_to_posting(user):
    if not user.is_authenticated or platform_restriction(user) is not None:
        return ForumGroup.objects.none()
    moderated = Q(pk__in=moderated_groups(user).values("pk"))
    if not roles.is_member(user):
        return ForumGroup.objects.filter(moderated)
    return ForumGroup.objects.filter(moderated | Q(Exists(_active_unsuspended(user, OuterRef("pk")))))


def can_reply(user, thread) -> bool:
    return posting_blocked(user, thread.group, thread=thread) is None


def threads_open_to_replies(user):
    if not user.is_authenticated or platform_restriction(user) is not None:
        return Thread.objects.none()
    moderated = Q(group__in=moderated_groups(user).values("pk"))
    if not roles.is_member(user):
        return Thread.objects.filter(moderated)
    member = Q(Exists(_active_unsuspended(user, OuterRef("group_id")))) & Q(locked=False)
    return Thread.objects.filter(moderated | member)


# --- threads and posts --------------------------------------------------------------------------------------------


def _shown(user, item, group) -> bool:
    """A thread or post in a readable group: published, or the reader's own, or in a group they moderate."""
    if item.status == PostStatus.PUBLISHED:
        return True
    if not user.is_authenticated:
        return False
    return item.author_id == user.pk or can_moderate(user, group)


def can_see_thread(user, thread) -> bool:
    """Published threads in a readable group. Authors also see their own thread while it awaits moderation (or after
    it was hidden, marked as such); group moderators see all threads of their groups."""
    return can_read_group(user, thread.group) and _shown(user, thread, thread.group)


def visible_threads(user):
    shown = Q(status=PostStatus.PUBLISHED)
    if user.is_authenticated:
        shown |= Q(author=user)
        shown |= Q(group__in=moderated_groups(user))
    return Thread.objects.filter(group__in=readable_groups(user)).filter(shown)


def can_see_post(user, post) -> bool:
    """Published posts in threads `user` may open; their own posts in any state (awaiting moderation, hidden,
    rejected — shown to them with that state); everything in groups they moderate."""
    thread = post.thread
    return can_see_thread(user, thread) and _shown(user, post, thread.group)


def visible_posts(user):
    shown = Q(status=PostStatus.PUBLISHED)
    if user.is_authenticated:
        shown |= Q(author=user)
        shown |= Q(thread__group__in=moderated_groups(user))
    return Post.objects.filter(thread__in=visible_threads(user)).filter(shown)


def can_report(user, post, *, readable: bool | None = None) -> bool:
    """Platform members report published posts of others that they can read. `readable` when it is already known
    whether `user` may read the post (a thread page shows only posts its reader may read): no query per post."""
    if not roles.is_member(user) or post.status != PostStatus.PUBLISHED or post.author_id == user.pk:
        return False
    if _reporting_restricted(user):
        return False
    return can_see_post(user, post) if readable is None else readable


def reportable_posts(user):
    if not roles.is_member(user) or _reporting_restricted(user):
        return Post.objects.none()
    return visible_posts(user).filter(status=PostStatus.PUBLISHED).exclude(author=user)


# "Not looked up yet", where None means "looked up: no membership".
_UNKNOWN = object()


def can_edit(user, post, *, membership=_UNKNOWN, moderator: bool | None = None) -> bool:
    """Authors edit their own posts while published or awaiting moderation, as long as they may post where it is
    (moderators of the group also in a locked thread). `membership` and `moderator` when the caller already knows
    them (a thread page): no query per post."""
    if post.author_id is None or post.author_id != getattr(user, "pk", None):
        return False
    if post.status not in (PostStatus.PUBLISHED, PostStatus.HELD):
        return False
    if platform_restriction(user) is not None:
        return False
    thread = post.thread
    if membership is _UNKNOWN:
        membership = membership_of(thread.group, user)
    if moderator is None:
        moderator = can_moderate(user, thread.group, membership)
    if moderator:
        return True
    return membership is not None and membership.is_active and not membership.is_suspended() and not thread.locked


def editable_posts(user):
    if not user.is_authenticated or platform_restriction(user) is not None:
        return Post.objects.none()
    own = Post.objects.filter(author=user, status__in=[PostStatus.PUBLISHED, PostStatus.HELD])
    member = Q(Exists(_active_unsuspended(user, OuterRef("thread__group_id")))) & Q(thread__locked=False)
    return own.filter(Q(thread__group__in=moderated_groups(user).values("pk")) | member)


def can_see_history(user, post) -> bool:
    """Earlier versions of a post: for its author and the group's moderators, while they may read the post."""
    if not user.is_authenticated or not can_see_post(user, post):
        return False
    return post.author_id == user.pk or can_moderate(user, post.thread.group)


def posts_with_visible_history(user):
    if not user.is_authenticated:
        return Post.objects.none()
    return visible_posts(user).filter(Q(author=user) | Q(thread__group__in=moderated_groups(user)))


SEE_GROUP = Rule(ForumGroup, can_see_group, visible_groups)
READ_GROUP = Rule(ForumGroup, can_read_group, readable_groups)
MODERATE = Rule(ForumGroup, can_moderate, moderated_groups)
SEE_MEMBERS = Rule(ForumGroup, can_see_members, groups_with_visible_members)
JOIN = Rule(ForumGroup, can_join, joinable_groups)
START_THREAD = Rule(ForumGroup, can_start_thread, groups_open_to_posting)
REPLY = Rule(Thread, can_reply, threads_open_to_replies)
SEE_THREAD = Rule(Thread, can_see_thread, visible_threads)
SEE_POST = Rule(Post, can_see_post, visible_posts)
REPORT = Rule(Post, can_report, reportable_posts)
EDIT = Rule(Post, can_edit, editable_posts)
SEE_HISTORY = Rule(Post, can_see_history, posts_with_visible_history)
