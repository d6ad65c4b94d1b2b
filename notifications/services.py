"""Recording notifications, reading them in the site, and each person's delivery choices."""

import logging

from django.db import transaction
from django.utils import timezone

from notifications import queries, registry
from notifications.kinds import Delivery, Kind
from notifications.models import Notification, NotificationSetting
from notifications.tasks import send_notification_email
from notifications.unsubscribe import Unsubscription

logger = logging.getLogger(__name__)


def notify(recipient, kind: str, target, *, actor=None) -> Notification | None:
    """Record a notification for `recipient` about `target` once the current transaction commits.

    Returns the notification when it was recorded at once (no transaction open), otherwise None: inside a
    transaction nothing is recorded until it commits, so a rolled-back post never notifies anyone.
    The actor is never notified about their own doing.
    """
    if kind not in Kind.values:
        raise ValueError(f"Unknown notification kind: {kind!r}")
    registry.target_for(type(target))  # fail loudly at the call site, not later in a callback
    if target.pk is None:
        raise ValueError("The target of a notification must be saved first")
    if recipient is None or (actor is not None and recipient.pk == actor.pk):
        return None
    recorded = []
    model, target_pk = type(target), target.pk

    def record():
        notification = _record(recipient, kind, model, target_pk, actor)
        if notification is not None:
            recorded.append(notification)

    # robust: the post or decision that caused this has already been committed; a failing notification must
    # not turn that into an error page.
    transaction.on_commit(record, robust=True)
    return recorded[0] if recorded else None


def _record(recipient, kind, model, target_pk, actor) -> Notification | None:
    # Re-read after commit: the target may have changed (or vanished) since notify() was called.
    target = model._default_manager.filter(pk=target_pk).first()
    if not recipient.is_active or registry.render(recipient, target) is None:
        return None
    notification = Notification.objects.create(recipient=recipient, kind=kind, target=target, actor=actor)
    if NotificationSetting.objects.delivery_for(recipient, kind) == Delivery.IMMEDIATELY:
        transaction.on_commit(lambda: send_notification_email.enqueue(notification.pk))
    return notification


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
