"""GDPR for the forum.

Export: the person's posts (with the earlier versions they wrote, unless a moderator purged them), group
memberships and watched threads (the reports they made, and what moderators recorded about the person, are in
forum/moderation/privacy.py). Other people's posts are left out; the title of a thread
someone else started is theirs, so the person's posts name the thread only by its link.

Deletion: published posts stay for the integrity of the conversations (author SET_NULL, shown as "former
member"); what never appeared (held or rejected before publication, with a thread it opened) goes, so no moderator
can publish it after its author left; memberships, watches, pseudonyms, mentions and read markers go with the user
row (CASCADE); reports stay anonymous (SET_NULL).
"""

from django.db.models import Prefetch

from accounts.privacy import register_erasure, register_export
from forum.models import GroupMembership, Post, PostRevision, Thread, ThreadWatch


def export_posts(user) -> list[dict]:
    own_revisions = PostRevision.objects.filter(editor=user, purged_at__isnull=True).order_by("created_at", "pk")
    posts = (
        Post.objects.filter(author=user)
        .select_related("thread__group")
        .prefetch_related(Prefetch("revisions", queryset=own_revisions, to_attr="own_revisions"))
        .order_by("created_at", "pk")
    )
    return [
        {
            "group": post.thread.group.name,
            "thread": post.thread.title if post.thread.author_id == user.pk else None,
            "url": post.get_absolute_url(),
            "pseudonymous": post.is_pseudonymous,
            "text": post.body_markdown,
            "status": post.status,
            "created_at": post.created_at,
            "edited_at": post.edited_at,
            "earlier_versions": [
                {"text": revision.body_markdown, "written_at": revision.created_at} for revision in post.own_revisions
            ],
        }
        for post in posts
    ]


def export_group_memberships(user) -> list[dict]:
    memberships = GroupMembership.objects.filter(user=user).select_related("group").order_by("created_at", "pk")
    return [
        {
            "group": membership.group.name,
            "role": membership.role,
            "status": membership.status,
            "suspended_until": membership.suspended_until,
            "created_at": membership.created_at,
            "decided_at": membership.decided_at,
        }
        for membership in memberships
    ]


def export_watches(user) -> list[dict]:
    watches = ThreadWatch.objects.filter(user=user).select_related("thread").order_by("pk")
    return [{"url": watch.thread.get_absolute_url()} for watch in watches]


register_export("forum_posts", export_posts)
register_export("forum_group_memberships", export_group_memberships)
register_export("forum_watched_threads", export_watches)


def erase_unpublished_posts(user) -> None:
    never_published = Post.objects.filter(author=user, published_at__isnull=True)
    Thread.objects.filter(first_post__in=never_published).delete()
    never_published.delete()


register_erasure(erase_unpublished_posts)
