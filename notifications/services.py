"""Recording notifications, reading them in the site, and each person's delivery choices."""

import logging
import uuid

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from notifications import queries, registry
from notifications.fanout import ids_of, record_notifications
from notifications.kinds import Delivery, Kind
from notifications.models import Notification, NotificationSetting
from notifications.unsubscribe import Unsubscription

logger = logging.getLogger(__name__)


def notify(recipients, kind: str, target, *, actor=None) -> None:
    """Notify `recipients` (one user, or several users or user ids) about `target`, which must be saved.

    Queues one task, in the caller's transaction: the task row is written with the change that causes it, so both are
    committed together or rolled back together, nothing is left to do once the commit has happened (nothing can be
    lost or fail there), and the request costs one insert however many people hear of it. The task
    (`notifications.fanout.record`) decides who may read the target, records the notifications and queues the mails.
    The actor is never notified about their own doing. An app whose audience costs queries to find (a thread's
    watchers) queues a task of its own that finds it and calls `notifications.fanout.record` there.
    """
    if kind not in Kind.values:
        raise ValueError(f"Unknown notification kind: {kind!r}")
    registry.target_for(type(target))  # fail loudly at the call site, not later in the task
    if target.pk is None:
        raise ValueError("The target of a notification must be saved first")
    recipient_ids = ids_of(recipients) - {getattr(actor, "pk", None)}
    if not recipient_ids:
        return
    record_notifications.enqueue(
        kind,
        ContentType.objects.get_for_model(target).pk,
        target.pk,
        sorted(recipient_ids),
        actor.pk if actor is not None else None,
        str(uuid.uuid4()),
    )


def unread_count(user) -> int:
    """Unread notifications whose targets `user` may read.

    Targets registered with a `visible` queryset are counted in one query; any others are checked one by one.
    """
    if not user.is_authenticated:
        return 0
    # Building the permission filter of a target type can cost more than the count itself (it is on every page a
    # member opens): build only those of the types the person has unread notifications about, which one indexed
    # lookup tells (most of the time: none).
    types = set(
        Notification.objects.filter(recipient=user, read_at__isnull=True)
        .order_by()
        .values_list("target_type_id", flat=True)
        .distinct()
    )
    if not types:
        return 0
    unread = Notification.objects.for_recipient(user, content_type_ids=types).unread()
    unchecked = [ct for ct, target in registry.content_types().items() if target.visible is None and ct in types]
    if not unchecked:
        return unread.count()
    count = unread.exclude(target_type_id__in=unchecked).count()
    return count + len(queries.shown(user, unread.filter(target_type_id__in=unchecked)))


def mark_read(user, notification_id) -> Notification | None:
    notification = Notification.objects.filter(recipient=user, pk=notification_id).first()
    if notification is not None and notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def mark_all_read(user) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(read_at=timezone.now())


def deliveries(user) -> dict[str, str]:
    return NotificationSetting.objects.deliveries(user)


def set_deliveries(user, chosen: dict[str, str]) -> None:
    for kind, delivery in chosen.items():
        if kind not in Kind.values or delivery not in Delivery.values:
            raise ValueError(f"Invalid notification setting {kind}={delivery}")
        NotificationSetting.objects.update_or_create(user=user, kind=kind, defaults={"delivery": delivery})


# Unsubscribing from a mail: notifications.unsubscribe reads the link's token.


def unsubscribe(unsubscription: Unsubscription) -> list[str]:
    """Switch the e-mail off for the token's kinds; returns the kinds switched off."""
    kinds = unsubscription.kinds
    set_deliveries(unsubscription.user, dict.fromkeys(kinds, Delivery.OFF))
    return kinds
