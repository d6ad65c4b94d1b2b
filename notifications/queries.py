"""Reading notifications: each one with its target rendered for the person, as far as they may still see it."""

from dataclasses import dataclass

from django.db.models import prefetch_related_objects

from notifications import registry
from notifications.models import Notification


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
    prefetch_related_objects(notifications, "target")
