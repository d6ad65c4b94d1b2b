"""What the moderation history page of one member shows a moderator, in a fixed number of queries.

Site moderators see everything; a group moderator sees only what concerns the groups they moderate — entries, reports
and notes of other groups, and the platform-wide records, are filtered out in the queries. Pseudonymous posts and
threads are left out for everyone: listing them under the member's name would undo the pseudonym without the logged
reveal (forum.moderation.actions.RevealAuthor) that the post's moderation page asks for.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.utils import timezone

from forum.models import GroupMembership, Post, Thread
from forum.moderation import audit, permissions
from forum.moderation.models import AuditEntry, PlatformSuspension, ReviewItem
from forum.permissions import is_site_moderator, moderated_groups

ENTRIES_PER_PAGE = 50


def history(viewer, account, *, page=None, labels=None) -> dict:
    site_wide = is_site_moderator(viewer)
    groups = moderated_groups(viewer).values("pk")
    post_type = ContentType.objects.get_for_model(Post)
    thread_type = ContentType.objects.get_for_model(Thread)
    named_posts = Post.objects.filter(author=account, is_pseudonymous=False).values("pk")
    named_threads = Thread.objects.filter(author=account, is_pseudonymous=False).values("pk")
    entries = AuditEntry.objects.filter(
        Q(subject=account)
        | Q(target_type=post_type, target_id__in=named_posts)
        | Q(target_type=thread_type, target_id__in=named_threads)
    )
    items = ReviewItem.objects.filter(post__author=account, post__is_pseudonymous=False)
    group_suspensions = GroupMembership.objects.filter(user=account, suspended_until__gt=timezone.now())
    if not site_wide:
        entries = entries.filter(group__in=groups)
        items = items.filter(post__thread__group__in=groups)
        group_suspensions = group_suspensions.filter(group__in=groups)
    paginator = Paginator(entries.select_related("actor").order_by("-created_at", "-id"), ENTRIES_PER_PAGE)
    entries_page = paginator.get_page(page)
    labels = labels or {}
    for entry in entries_page:
        entry.action_label = labels.get(entry.action, entry.action)  # type: ignore[attr-defined]
        entry.changes = audit.describe_changes(entry)  # type: ignore[attr-defined]
    statuses = dict(ReviewItem.Status.choices)
    reviews = [
        {"status": statuses.get(row["status"], row["status"]), "items": row["posts"], "reports": row["report_count"]}
        for row in items.values("status")
        .annotate(posts=Count("id", distinct=True), report_count=Count("reports"))
        .order_by("status")
    ]
    return {
        "account": account,
        "site_wide": site_wide,
        "entries": entries_page,
        "reviews": reviews,
        "group_suspensions": list(group_suspensions.select_related("group").order_by("group__name")),
        "platform_suspensions": (
            list(PlatformSuspension.objects.filter(user=account).order_by("-starts_at", "-pk")) if site_wide else []
        ),
        "notes": list(permissions.readable_notes(viewer).filter(member=account).select_related("author", "group")),
        "now": timezone.now(),
    }
