"""Recording notifications, reading them in the site, and each person's delivery choices."""

import logging
from dataclasses import dataclass

from django.core import signing
from django.db import transaction
from django.utils import timezone
from django.utils.functional import Promise

from notifications import registry
from notifications.kinds import Delivery, Kind
from notifications.models import Notification, NotificationSetting

logger = logging.getLogger(__name__)

UNSUBSCRIBE_SALT = "notifications.unsubscribe"
# An unsubscribe token for a digest stops every kind that is currently delivered in the digest.
DIGEST = "digest"


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
        from notifications.tasks import send_notification_email

        transaction.on_commit(lambda: send_notification_email.enqueue(notification.pk))
    return notification


@dataclass(frozen=True)
class Shown:
    """A notification with its target rendered for the recipient."""

    notification: Notification
    title: str
    url: str
    excerpt: str

    @property
    def kind_label(self):
        return self.notification.get_kind_display()

    @property
    def unread(self) -> bool:
        return self.notification.read_at is None


def shown(user, notifications) -> list[Shown]:
    """Render a page of notifications for `user`; those whose target they can no longer read are left out."""
    notifications = list(notifications)
    _prefetch_targets(notifications)
    items = []
    for notification in notifications:
        rendered = registry.render(user, notification.target)
        if rendered is not None:
            items.append(Shown(notification, rendered.title, rendered.url, rendered.excerpt))
    return items


def _prefetch_targets(notifications) -> None:
    """One query per target type (prefetch_related on a GenericForeignKey)."""
    from django.db.models import prefetch_related_objects

    prefetch_related_objects(notifications, "target")


def unread_count(user) -> int:
    """Unread notifications whose targets `user` may read.

    Targets registered with a `visible` queryset are counted in one query; any others are checked one by one.
    """
    if not user.is_authenticated:
        return 0
    unread = Notification.objects.for_recipient(user).unread()
    unchecked = [ct for ct, target in registry.content_types().items() if target.visible is None]
    if not unchecked:
        return unread.count()
    count = unread.exclude(target_type_id__in=unchecked).count()
    return count + len(shown(user, unread.filter(target_type_id__in=unchecked)))


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


# Unsubscribing from a mail: a signed token names the person and what to stop, so no login is needed.


def unsubscribe_token(user, scope: str) -> str:
    """`scope` is a kind (stop e-mail of that kind) or DIGEST (stop every kind now sent in the digest)."""
    return signing.dumps({"u": user.pk, "s": scope}, salt=UNSUBSCRIBE_SALT, compress=True)


@dataclass(frozen=True)
class Unsubscription:
    user: object
    scope: str

    @property
    def kinds(self) -> list[str]:
        if self.scope != DIGEST:
            return [self.scope]
        return [kind for kind, delivery in deliveries(self.user).items() if delivery == Delivery.DIGEST]

    @property
    def labels(self) -> list[str | Promise]:
        return [Kind(kind).label for kind in self.kinds]


class InvalidToken(Exception):
    pass


def read_unsubscribe_token(token: str) -> Unsubscription:
    from django.contrib.auth import get_user_model

    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature as error:
        raise InvalidToken from error
    scope = data.get("s") if isinstance(data, dict) else None
    if scope != DIGEST and scope not in Kind.values:
        raise InvalidToken
    user = get_user_model().objects.filter(pk=data.get("u"), is_active=True).first()
    if user is None:
        raise InvalidToken
    return Unsubscription(user=user, scope=scope)


def unsubscribe(unsubscription: Unsubscription) -> list[str]:
    """Switch the e-mail off for the token's kinds; returns the kinds switched off."""
    kinds = unsubscription.kinds
    set_deliveries(unsubscription.user, dict.fromkeys(kinds, Delivery.OFF))
    return kinds
