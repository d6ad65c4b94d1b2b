"""How people appear in the forum, and the queries behind the list and thread pages.

Pages here must not do more queries as a thread grows: every helper loads what a page of posts needs in a fixed
number of queries (authors, their organisations and the thread's pseudonyms in one go each).
"""

from dataclasses import dataclass

from django.db.models import Count, OuterRef, Prefetch, Q, Subquery
from django.utils.translation import gettext as _

from accounts.models import Membership
from forum import permissions
from forum.models import GroupMembership, PostStatus, ThreadPseudonym, ThreadReadMarker


@dataclass
class Byline:
    name: str
    organisation: str = ""
    pseudonymous: bool = False  # shown to moderators: "posted under a pseudonym"
    former: bool = False


def former_member_name() -> str:
    return _("Former member")


def participant_name(number) -> str:
    return _("Participant %(number)s") % {"number": number}


def _organisation_name(user) -> str:
    memberships = getattr(user, "active_memberships", None)
    if memberships is None:
        membership = Membership.objects.active().filter(user=user).select_related("organisation").first()
        return membership.organisation.name if membership else ""
    return memberships[0].organisation.name if memberships else ""


def byline(post, pseudonyms: dict[int, int], *, moderator: bool = False) -> Byline:
    """The author as one reader sees them. A pseudonymous post shows only the participant number — to moderators too:
    revealing the person is a separate, logged moderation action."""
    if post.is_pseudonymous:
        number = pseudonyms.get(post.author_id)
        name = participant_name(number) if number else _("Participant")
        return Byline(name=name, pseudonymous=moderator)
    if post.author is None:
        return Byline(name=former_member_name(), former=True)
    return Byline(name=post.author.get_full_name() or _("Member"), organisation=_organisation_name(post.author))


def thread_byline(thread) -> str:
    """The starter's name for lists and feeds (one thread at a time; pseudonyms resolved from the thread)."""
    if thread.is_pseudonymous:
        number = ThreadPseudonym.objects.filter(thread=thread, user_id=thread.author_id).values_list(
            "number", flat=True
        )
        return participant_name(number[0]) if number else _("Participant")
    if thread.author is None:
        return former_member_name()
    return thread.author.get_full_name()


def pseudonym_map(thread) -> dict[int, int]:
    return dict(ThreadPseudonym.objects.filter(thread=thread).values_list("user_id", "number"))


def with_authors(posts):
    """Authors and their current organisation in two extra queries, however many posts."""
    return posts.select_related("author").prefetch_related(
        Prefetch(
            "author__memberships",
            queryset=Membership.objects.active().select_related("organisation"),
            to_attr="active_memberships",
        )
    )


def groups_for_list(user):
    """Groups `user` may know of, with counts of published threads — counts only mean something (and are only
    shown) for groups whose content the user may read."""
    readable = set(permissions.readable_groups(user).values_list("pk", flat=True))
    groups = list(
        permissions.visible_groups(user).annotate(
            thread_count=Count("threads", filter=Q(threads__status=PostStatus.PUBLISHED), distinct=True),
            member_count=Count(
                "memberships", filter=Q(memberships__status=GroupMembership.Status.ACTIVE), distinct=True
            ),
        )
    )
    for group in groups:
        group.is_readable = group.pk in readable
    return groups


def threads_for_group(group, user):
    threads = (
        permissions.visible_threads(user)
        .filter(group=group)
        .select_related("author", "last_post", "last_post__author")
        .order_by("-sticky", "-last_activity_at", "-pk")
    )
    if user.is_authenticated:
        threads = threads.annotate(
            last_read_at=Subquery(
                ThreadReadMarker.objects.filter(thread=OuterRef("pk"), user=user).values("last_read_at")[:1]
            )
        )
    return threads


def decorate_threads(threads, user):
    """Adds `is_new` (activity since the reader's last visit) and `starter` / `last_author` names to a page of
    threads. Pseudonyms of the page's threads are read in one query."""
    threads = list(threads)
    rows = ThreadPseudonym.objects.filter(thread__in=threads).values_list("thread_id", "user_id", "number")
    numbers = {(t, u): n for t, u, n in rows}
    for thread in threads:
        last_read = getattr(thread, "last_read_at", None)
        thread.is_new = user.is_authenticated and (last_read is None or thread.last_activity_at > last_read)
        thread.starter = _list_name(thread.is_pseudonymous, thread.author, numbers.get((thread.pk, thread.author_id)))
        last = thread.last_post
        if last is not None and last.pk != thread.first_post_id:
            thread.last_author = _list_name(last.is_pseudonymous, last.author, numbers.get((thread.pk, last.author_id)))
        else:
            thread.last_author = None
    return threads


def _list_name(pseudonymous, author, number) -> str:
    if pseudonymous:
        return participant_name(number) if number else _("Participant")
    if author is None:
        return former_member_name()
    return author.get_full_name() or _("Member")


def posts_for_thread(thread, user):
    return with_authors(permissions.visible_posts(user).filter(thread=thread)).order_by("created_at", "pk")


def with_members(group):
    """Active members (moderators first) with their organisation, in three queries."""
    return list(
        GroupMembership.objects.active()
        .filter(group=group)
        .select_related("user")
        .prefetch_related(
            Prefetch(
                "user__memberships",
                queryset=Membership.objects.active().select_related("organisation"),
                to_attr="active_memberships",
            )
        )
        .order_by("-role", "user__first_name", "user__last_name")
    )
