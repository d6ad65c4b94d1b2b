"""Recording the notifications of one event: the task `notify()` queues, and `record`, which apps whose audience
costs queries to find (a thread's watchers) call from a task of their own.

It lives apart from `services` and `tasks` because it is both a task and work that queues other tasks (the mails in
`notifications.tasks`): `services` queues it, it queues the mails, and no two of the three import each other.
"""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Model
from django_tasks import task

from notifications import registry
from notifications.models import Notification, NotificationSetting
from notifications.tasks import send_notification_email


@task()
def record_notifications(
    kind: str, content_type_id: int, target_id: int, recipient_ids: list[int], actor_id: int | None, event: str
) -> int:
    """The notifications one `notify()` call asked for; returns how many were recorded by this run."""
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    target = model._default_manager.filter(pk=target_id).first() if model is not None else None
    return len(record(recipient_ids, kind, target, event=event, actor=actor_id))


def ids_of(recipients) -> set[int]:
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
    recipient_ids = ids_of(recipients) - {actor_id}
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
