"""GDPR for notifications: settings and the list itself (both CASCADE with the user).

Only what the person may still read is exported, and only by link: the target's title and text are usually
someone else's words (a reply, another person's thread), not this person's data.
"""

from accounts.privacy import register_export
from notifications import queries, services
from notifications.models import Notification


def export_settings(user) -> dict:
    return services.deliveries(user)


def export_notifications(user) -> list[dict]:
    notifications = Notification.objects.for_recipient(user).order_by("created", "pk")
    return [
        {
            "kind": item.notification.kind,
            "url": item.url,
            "created": item.notification.created,
            "read_at": item.notification.read_at,
            "emailed_at": item.notification.emailed_at,
        }
        for item in queries.shown(user, notifications)
    ]


register_export("notification_settings", export_settings)
register_export("notifications", export_notifications)
