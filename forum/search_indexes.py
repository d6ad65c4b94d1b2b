"""Forum threads and published replies in the site search, with their group's visibility.

public group → everyone; platform group → members; private group → only that group's members (the group provider
below tells search which private groups a person belongs to). Held, hidden and rejected posts are never indexed,
and a thread's document disappears with its first post — its replies too, as they are titled by the thread.

Who may read a post depends on its thread and group, so whatever changes them (the CMS form of a group, a moderator
holding a first post, a thread moved elsewhere) reindexes what depends on them: `reindex_on_change` below.
"""

from django.db.models import F as F
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from forum import permissions
from forum.markup import plain_text
from forum.models import ForumGroup, Post, PostStatus, Thread
from search import registry
from search.audience import register_group_provider
from search.documents import DocumentData
from search.models import Visibility


def _visibility(group) -> tuple[str, list[int]]:
    if group.visibility == ForumGroup.Visibility.PUBLIC:
        return Visibility.PUBLIC, []
    if group.visibility == ForumGroup.Visibility.PLATFORM:
        return Visibility.MEMBERS, []
    return Visibility.GROUPS, [group.pk]


def thread_document(thread) -> DocumentData | None:
    first = thread.first_post
    if thread.status != PostStatus.PUBLISHED or first is None or first.status != PostStatus.PUBLISHED:
        return None
    return _document(thread, thread, first.body_html, thread.created_at, thread.last_activity_at)


def post_document(post) -> DocumentData | None:
    thread = post.thread
    if post.status != PostStatus.PUBLISHED or post.pk == thread.first_post_id or thread_document(thread) is None:
        return None
    return _document(thread, post, post.body_html, post.created_at, post.edited_at or post.created_at)


def _document(thread, shown, body_html, published_at, updated_at) -> DocumentData:
    """`shown` (the thread or a reply) as the index sees it: titled by its thread, in its group's language and
    visibility."""
    group = thread.group
    visibility, group_ids = _visibility(group)
    with translation.override(group.language):
        url = shown.get_absolute_url()
    return DocumentData(
        title=thread.title,
        url=url,
        language=group.language,
        summary=group.name,
        body=plain_text(body_html),
        visibility=visibility,
        group_ids=group_ids,
        published_at=published_at,
        updated_at=updated_at,
    )


def private_groups_of(user):
    return (
        permissions.readable_groups(user).filter(visibility=ForumGroup.Visibility.PRIVATE).values_list("pk", flat=True)
    )


registry.register(
    Thread,
    kind="forum_thread",
    label=_("Forum thread"),
    label_plural=_("Forum threads"),
    to_document=thread_document,
    queryset=lambda: Thread.objects.filter(status=PostStatus.PUBLISHED).select_related("group", "first_post"),
)
registry.register(
    Post,
    kind="forum_post",
    label=_("Forum reply"),
    label_plural=_("Forum replies"),
    to_document=post_document,
    queryset=lambda: (
        Post.objects.filter(status=PostStatus.PUBLISHED, thread__status=PostStatus.PUBLISHED)
        .exclude(thread__first_post=F("pk"))
        .select_related("thread", "thread__group", "thread__first_post")
    ),
)
register_group_provider(private_groups_of)

# Group name and language are in every document of the group (summary, analyser); visibility decides who reads them.
registry.reindex_on_change(
    ForumGroup,
    fields=["visibility", "language", "name"],
    affected=lambda group: [Thread.objects.filter(group=group), Post.objects.filter(thread__group=group)],
)
# A thread stands or falls with its first post, and its replies carry its title and group.
registry.reindex_on_change(
    Thread,
    fields=["status", "group", "title", "first_post"],
    affected=lambda thread: [Thread.objects.filter(pk=thread.pk), Post.objects.filter(thread=thread)],
)
registry.reindex_on_change(
    Post,
    fields=["status", "body_markdown"],
    affected=lambda post: [Post.objects.filter(pk=post.pk), Thread.objects.filter(first_post=post)],
)
