"""Demo notifications: what the demo members would have been told about the forum's demo conversations.

Derived from the forum demo (which runs before this loader): every later reply in a thread a demo member takes
part in becomes a "reply" notification, the oldest ones already read; an accepted request to join a group and a
pending invitation become "membership" notifications. Created directly (no mails). Idempotent: one notification
per person, kind and target.
"""

from datetime import timedelta

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from accounts.models import User
from core.demo import register
from notifications import registry
from notifications.kinds import MEMBERSHIP, REPLY, Delivery
from notifications.models import Notification
from notifications.services import set_deliveries

DEMO_READERS = ["lid@almere.example", "medlem@kk.example", "coordinator@amersfoort.example"]
# The newest few stay unread, so the header shows a count right after logging in.
UNREAD_PER_PERSON = 3


def _record(user, kind, target, created, read):
    if registry.render(user, target) is None:
        return
    Notification.objects.get_or_create(
        recipient=user,
        kind=kind,
        target_type=ContentType.objects.get_for_model(target),
        object_id=target.pk,
        defaults={"created": created, "read_at": created + timedelta(hours=1) if read else None},
    )


def _replies_for(user):
    Post = apps.get_model("forum", "Post")
    own = Post.objects.filter(author=user, status="published")
    replies = []
    for thread_id in own.order_by().values_list("thread_id", flat=True).distinct():
        first_own = own.filter(thread_id=thread_id).order_by("created_at").first()
        replies += (
            Post.objects.filter(thread_id=thread_id, status="published", created_at__gt=first_own.created_at)
            .exclude(author=user)
            .select_related("thread")
        )
    return sorted(replies, key=lambda post: post.created_at)


def load(progress):
    if not apps.is_installed("forum"):
        return
    GroupMembership = apps.get_model("forum", "GroupMembership")
    for user in progress.iterate(list(User.objects.filter(email__in=DEMO_READERS)), "people with notifications"):
        replies = _replies_for(user)
        for position, post in enumerate(replies):
            _record(user, REPLY, post, post.created_at, read=position < len(replies) - UNREAD_PER_PERSON)
    memberships = GroupMembership.objects.select_related("user", "group")
    for membership in memberships.filter(user__email__in=DEMO_READERS, status="active").exclude(
        group__join_policy="open"
    ):
        _record(membership.user, MEMBERSHIP, membership, membership.created_at, read=True)
    for invitation in memberships.filter(status="invited"):
        _record(invitation.user, MEMBERSHIP, invitation, timezone.now() - timedelta(hours=2), read=False)
    danish = User.objects.filter(email="medlem@kk.example").first()
    if danish is not None:
        # One person with a non-default choice, to show the settings page filled in.
        set_deliveries(danish, {REPLY: Delivery.IMMEDIATELY})
    progress.step("notification settings")


register(load, order=90)
