"""In-app notifications and each person's choice of how they are e-mailed."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import ExpressionWrapper, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from notifications import registry
from notifications.kinds import DEFAULT_DELIVERY, Delivery, Kind


class NotificationQuerySet(models.QuerySet):
    def for_recipient(self, user, content_type_ids=None):
        """The notifications `user` may see: only those whose target they can still read.

        Targets registered with a `visible` queryset are filtered inside this query; others are filtered later
        by `can_view` (see services.visible_notifications), which is always the last word anyway.
        `content_type_ids`: only notifications about these types of target are wanted, so only their filters are
        built (each may cost queries of its own).
        """
        if not user.is_authenticated:
            return self.none()
        allowed = Q(pk__in=[])
        for content_type_id, target in registry.content_types().items():
            if content_type_ids is not None and content_type_id not in content_type_ids:
                continue
            condition = Q(target_type_id=content_type_id)
            if target.visible is not None:
                condition &= Q(object_id__in=target.visible(user).values("pk"))
            allowed |= condition
        return self.filter(allowed, recipient=user)

    def unread(self):
        return self.filter(read_at__isnull=True)

    def unread_first(self):
        unread = ExpressionWrapper(Q(read_at__isnull=True), output_field=models.BooleanField())
        return self.annotate(is_unread=unread).order_by("-is_unread", "-created", "-pk")


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications", verbose_name=_("recipient")
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    target_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("target_type", "object_id")
    # Who caused it; kept as "someone" when that account is deleted.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("actor"),
    )
    created = models.DateTimeField(_("created"), default=timezone.now)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("e-mailed at"), null=True, blank=True)
    digested_at = models.DateTimeField(_("included in a digest at"), null=True, blank=True)
    # The notify() call this came from (one per event, minted when its task is queued): a task run again after its
    # worker died records nobody twice (the constraint below). Empty for notifications recorded before it existed.
    event = models.UUIDField(_("event"), null=True, blank=True, editable=False)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "read_at"], name="notif_recipient_read_idx"),
            models.Index(fields=["target_type", "object_id"], name="notif_target_idx"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["event", "recipient", "kind"], name="notifications_once_per_event"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} → {self.recipient_id}"


class NotificationSettingQuerySet(models.QuerySet):
    def delivery_for(self, user, kind: str) -> str:
        chosen = self.filter(user=user, kind=kind).values_list("delivery", flat=True).first()
        return chosen or DEFAULT_DELIVERY[kind]

    def immediately(self, user_ids, kind: str) -> set[int]:
        """Which of these people get `kind` by e-mail at once (their choice or the default), in one query."""
        user_ids = set(user_ids)
        chosen = dict(self.filter(user_id__in=user_ids, kind=kind).values_list("user_id", "delivery"))
        return {pk for pk in user_ids if chosen.get(pk, DEFAULT_DELIVERY[kind]) == Delivery.IMMEDIATELY}

    def deliveries(self, user) -> dict[str, str]:
        """Every kind with the delivery in force for `user` (their choice or the default)."""
        chosen = dict(self.filter(user=user).values_list("kind", "delivery"))
        return {kind: chosen.get(kind, DEFAULT_DELIVERY[kind]) for kind in Kind.values}


class NotificationSetting(models.Model):
    """A person's choice for one kind; no row means the default from kinds.DEFAULT_DELIVERY."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_settings")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    delivery = models.CharField(_("delivery"), max_length=16, choices=Delivery.choices)

    objects = NotificationSettingQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification setting")
        verbose_name_plural = _("notification settings")
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="notifications_setting_unique")]

    def __str__(self):
        return f"{self.user_id} {self.kind}: {self.delivery}"
