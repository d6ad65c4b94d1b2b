"""Recording notifications, reading them in the site, and each person's delivery choices."""

import logging
import uuid

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Model
from django.utils import timezone

from notifications import queries, registry
from notifications.kinds import Delivery, Kind
from notifications.models import Notification, NotificationSetting
from notifications.tasks import record_notifications, send_notification_email
from notifications.unsubscribe import Unsubscription

logger = logging.getLogger(__name__)


def notify(recipients, kind: str, target, *, actor=None) -> None:
    """Notify `recipients` (one user, or several users or user ids) about `target`, which must be saved.

    Queues one task, in the caller's transaction: the task row is written with the change that causes it, so both are
    committed together or rolled back together, nothing is left to do once the commit has happened (nothing can be
    lost or fail there), and the request costs one insert however many people hear of it. The task (`record`) decides
    who may read the target, records the notifications and queues the mails. The actor is never notified about their
    own doing. An app whose audience costs queries to find (a thread's watchers) queues a task of its own that finds
    it and calls `record` there.
    """
    if kind not in Kind.values:
        raise ValueError(f"Unknown notification kind: {kind!r}")
    registry.target_for(type(target))  # fail loudly at the call site, not later in the task
    if target.pk is None:
        raise ValueError("The target of a notification must be saved first")
    recipient_ids = _ids(recipients) - {getattr(actor, "pk", None)}
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


def _ids(recipients) -> set[int]:
    if recipients is None:
        return set()
    if isinstance(recipients, int | Model):
        recipients = [recipients]
    return {getattr(recipient, "pk", recipient) for recipient in recipients if recipient is not None}


def record(recipients, kind: str, target, *, event, actor=None) -> list[Notification]:
    """Record the notifications of one event and queue their immediate mails; for a task (see `notify`).

    Who may read `target` is decided now, in a few queries for all recipients together (the target's `visible`
    filter); `event` identifies the event, so recording it again (a task run again after its worker died) adds
    nobody twice and queues no second mail. Returns the notifications recorded by this call.
    """
    if target is None:
        return []
    actor_id = getattr(actor, "pk", actor)
    recipient_ids = _ids(recipients) - {actor_id}
    if not recipient_ids:
        return []
    users = list(get_user_model().objects.filter(pk__in=recipient_ids, is_active=True))
    with transaction.atomic():
        already = set(
            Notification.objects.filter(event=event, kind=kind, recipient_id__in=recipient_ids).values_list(
                "recipient_id", flat=True
            )
        )
        readers = registry.readers(target, [user for user in users if user.pk not in already])
        if actor_id is not None and not get_user_model().objects.filter(pk=actor_id).exists():
            actor_id = None  # the account was deleted since: "someone", as for a later deletion
        # ignore_conflicts: a second run of the same event in parallel inserts nothing that the first one did.
        Notification.objects.bulk_create(
            [
                Notification(recipient_id=pk, kind=kind, target=target, actor_id=actor_id, event=event)
                for pk in sorted(readers)
            ],
            ignore_conflicts=True,
        )
        recorded = list(Notification.objects.filter(event=event, kind=kind, recipient_id__in=readers).order_by("pk"))
        mailed = NotificationSetting.objects.immediately(readers, kind)
        # One task per mail: each is retried on its own, a failing address holds up nobody else, and workers share them.
        for notification in recorded:
            if notification.recipient_id in mailed:
                send_notification_email.enqueue(notification.pk)
    return recorded


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
