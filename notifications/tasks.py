"""Background work: recording the notifications of an event, the immediate notification mail and the daily digest.

Both render the target as it is when the mail is sent, and only after `can_view` allows it: a post that was
hidden or purged after the notification was queued is never mailed.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone, translation
from django_tasks import task

from notifications import registry
from notifications.kinds import Delivery
from notifications.mail import language_of, send_digest_mail, send_notification_mail
from notifications.models import Notification, NotificationSetting
from notifications.queries import shown

# A digest never reaches further back than this, so a queue that stalled for weeks does not flood inboxes.
DIGEST_HORIZON = timedelta(days=14)


@task()
def send_notification_email(notification_id: int) -> bool:
    """Mail one notification to its recipient now; returns whether a mail was sent."""
    notification = Notification.objects.select_related("recipient").filter(pk=notification_id).first()
    if notification is None or notification.emailed_at or notification.read_at:
        return False
    recipient = notification.recipient
    if not recipient.is_active or not recipient.email:
        return False
    if NotificationSetting.objects.delivery_for(recipient, notification.kind) != Delivery.IMMEDIATELY:
        return False
    # Links and texts in the recipient's language, as the mail itself.
    with translation.override(language_of(recipient)):
        rendered = registry.render(recipient, notification.target)
    if rendered is None:
        return False
    with transaction.atomic():
        # Claim it first: a task that runs twice must not mail twice.
        claimed = Notification.objects.filter(pk=notification.pk, emailed_at__isnull=True).update(
            emailed_at=timezone.now()
        )
        if not claimed:
            return False
        send_notification_mail(notification, rendered)
    return True


@task()
def send_notification_digests() -> int:
    """One mail per person with their unread, not yet mailed notifications of the kinds they get as a digest.

    Returns the number of mails sent.
    """
    since = timezone.now() - DIGEST_HORIZON
    recipient_ids = _pending().filter(created__gte=since).values_list("recipient_id", flat=True).distinct().order_by()
    sent = 0
    for user in get_user_model().objects.filter(pk__in=list(recipient_ids), is_active=True):
        sent += _send_digest(user, since)
    return sent


def _pending():
    return Notification.objects.filter(emailed_at__isnull=True, digested_at__isnull=True)


def _send_digest(user, since) -> int:
    digest_kinds = [
        kind for kind, delivery in NotificationSetting.objects.deliveries(user).items() if delivery == Delivery.DIGEST
    ]
    with transaction.atomic():
        # skip_locked: two digest runs at once each take different people, never the same notification.
        candidates = list(
            _pending()
            .filter(recipient=user, kind__in=digest_kinds, created__gte=since)
            .select_for_update(skip_locked=True)
            .order_by("created", "pk")
        )
        if not candidates:
            return 0
        # Marked whether or not they end up in the mail: what the person may not read now is dropped for good.
        Notification.objects.filter(pk__in=[n.pk for n in candidates]).update(digested_at=timezone.now())
        with translation.override(language_of(user)):
            items = shown(user, [n for n in candidates if n.read_at is None])
        if not items or not user.email:
            return 0
        send_digest_mail(user, items)
    return 1
