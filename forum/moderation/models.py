"""Forum moderation: reports, the review queue, and the audit log of moderator actions.

A post that is reported or held by pre-moderation gets one open `ReviewItem` (a partial unique constraint keeps it at
one while pending). Reports hang off that item, so its reasons and reporters are the item's `reports`. Moderators
act on an item by naming the `version` they saw: the action locks the row and refuses when the version moved on, so
two moderators acting at once can never overwrite each other's decision.

`AuditEntry` is append-only. The model refuses updates and deletes, and on PostgreSQL a trigger (migrations 0002
and 0003) refuses them in the database as well, except for the one change an account deletion needs: forgetting the
actor or the person the action was about (and the group link when a group is deleted).

The person an action was about (a warned, suspended or removed member) is a reference, never a stored name: the log
shows their current name while the account exists and "former member" once it is deleted. Erasure then needs no
change to what was recorded, only the reference going, so the log stays append-only for everything else.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from forum.display import former_member_name
from forum.models import GroupMembership, ModerationReason

# What the platform does by itself, recorded in the audit log without an actor.
AUTO_HOLD = "auto_hold"


class AuditLogIsAppendOnly(Exception):
    """Raised on any attempt to change or remove an audit entry."""


class ReviewItemQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=ReviewItem.Status.PENDING)


class ReviewItem(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        IGNORED = "ignored", _("Ignored")

    post = models.ForeignKey("forum.Post", on_delete=models.CASCADE, related_name="review_items")
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PENDING)
    held = models.BooleanField(
        _("held by pre-moderation"), default=False, help_text=_("The post waits for approval before anyone sees it.")
    )
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, db_index=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_by_name = models.CharField(max_length=200, blank=True)
    decision = models.CharField(_("decision"), max_length=40, blank=True)
    decision_reason = models.TextField(_("reason"), blank=True)
    # The category the moderator chose (a `Report.Reason`): what the reporters are told about the outcome.
    decision_category = models.CharField(
        _("reason category"), max_length=20, choices=ModerationReason.choices, blank=True
    )
    # Set when enough members reported the post to take it out of sight before a moderator looked.
    auto_held_at = models.DateTimeField(_("held automatically at"), null=True, blank=True)

    objects = ReviewItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("review item")
        verbose_name_plural = _("review items")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["post"], condition=Q(status="pending"), name="forum_moderation_one_open_item_per_post"
            ),
        ]

    def __str__(self):
        return f"#{self.pk} {self.get_status_display()}"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.PENDING

    @property
    def is_auto_held(self) -> bool:
        return self.auto_held_at is not None


class Report(models.Model):
    # The same list moderators choose from when they hide or reject a post (stored on the post for its author).
    Reason = ModerationReason

    item = models.ForeignKey(ReviewItem, on_delete=models.CASCADE, related_name="reports")
    # Who reported is for moderators' eyes only; after an account deletion the report stays, anonymous.
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="forum_reports"
    )
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    text = models.TextField(_("explanation"), blank=True, max_length=2000)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["item", "reporter"], name="forum_moderation_one_report_per_person"),
            models.CheckConstraint(
                condition=~Q(reason="other") | ~Q(text=""), name="forum_moderation_other_reason_explained"
            ),
        ]

    def __str__(self):
        return self.get_reason_display()


class AuditEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AuditLogIsAppendOnly("The audit log is append-only.")

    def delete(self):
        raise AuditLogIsAppendOnly("The audit log is append-only.")


class AuditEntry(models.Model):
    # The names are stored with the entry so the log stays readable after an account or group is gone.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    actor_name = models.CharField(_("moderator"), max_length=200, blank=True)
    action = models.CharField(_("action"), max_length=40, db_index=True)
    target_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    target_id = models.PositiveBigIntegerField()
    target_label = models.CharField(_("target"), max_length=300)
    # Whom a member action concerned. Their name is rendered from the account (see `target_text`), never stored.
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("person concerned"),
    )
    group = models.ForeignKey("forum.ForumGroup", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    group_name = models.CharField(_("group"), max_length=200, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    # What changed, as data (a group's settings: field, old, new); put into words when read (forum.moderation.audit).
    details = models.JSONField(_("details"), default=dict, blank=True)
    category = models.CharField(_("reason category"), max_length=20, choices=ModerationReason.choices, blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["target_type", "target_id"], name="forum_mod_audit_target_idx")]

    def __str__(self):
        return f"{self.action} {self.target_label}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AuditLogIsAppendOnly("The audit log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AuditLogIsAppendOnly("The audit log is append-only.")

    @classmethod
    def record(
        cls,
        *,
        actor,
        action: str,
        target,
        group=None,
        reason: str = "",
        label=None,
        subject=None,
        created_at=None,
        details=None,
        category: str = "",
    ):
        """`subject`: the person the action concerns; `label` then says where (the group), never who. `actor` None:
        the platform acted by itself (an automatic hold)."""
        return cls.objects.create(
            category=category,
            created_at=created_at or timezone.now(),
            actor=actor,
            actor_name=(actor.get_full_name() or actor.email) if actor else "",
            action=action,
            target_type=ContentType.objects.get_for_model(target, for_concrete_model=False),
            target_id=target.pk,
            target_label=(label if label is not None else str(target))[:300],
            subject=subject,
            group=group,
            group_name=str(group)[:200] if group else "",
            reason=reason,
            details=details or {},
        )

    @property
    def is_automatic(self) -> bool:
        return self.action == AUTO_HOLD

    @property
    def is_about_person(self) -> bool:
        # Also once the account is gone (subject NULL): the target of a member action is a group membership.
        if self.subject_id is not None:
            return True
        return ContentType.objects.get_for_id(self.target_type_id).model_class() in (
            GroupMembership,
            PlatformSuspension,
            StaffNote,
        )

    def target_text(self) -> str:
        """The target as the log shows it: for a member action, the person's current name or "former member"."""
        if not self.is_about_person:
            return self.target_label
        person = (self.subject.get_full_name() or self.subject.email) if self.subject_id else former_member_name()
        return f"{person} ({self.target_label})" if self.target_label else person


# --- the member as a person: platform-wide suspensions and staff notes ---------------------------------------------
# A platform suspension is active from `starts_at` until `ends_at` unless lifted earlier: it ends by itself, nothing has
# to run at the end. At most one is active per member; `suspensions.suspend` makes sure of that under a lock on the
# member's account row (an "active" that depends on the clock cannot be a partial unique index). Both go with the
# account when it is erased (CASCADE): they are personal data about the member. The audit log keeps that a moderator
# suspended someone or wrote a note, never the note's text.

NOTE_MAX_LENGTH = 1000


class PlatformSuspensionQuerySet(models.QuerySet):
    def active(self, now=None):
        now = now or timezone.now()
        return self.filter(lifted_at__isnull=True, starts_at__lte=now, ends_at__gt=now)


class PlatformSuspension(models.Model):
    class Kind(models.TextChoices):
        # Silenced: reads and may still report (a silenced member may need to report a post about them).
        SILENCED = "silenced", _("Silenced: cannot post anywhere in the forum")
        # Suspended: as silenced, and may not report either; reading stays (guidance is part of their work).
        SUSPENDED = "suspended", _("Suspended: cannot post or report anywhere in the forum")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="platform_suspensions",
        verbose_name=_("member"),
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.SUSPENDED)
    starts_at = models.DateTimeField(_("starts at"), default=timezone.now)
    ends_at = models.DateTimeField(_("ends at"))
    reason = models.TextField(_("reason"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    lifted_at = models.DateTimeField(_("lifted at"), null=True, blank=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = PlatformSuspensionQuerySet.as_manager()

    class Meta:
        verbose_name = _("platform suspension")
        verbose_name_plural = _("platform suspensions")
        ordering = ["-starts_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="forum_mod_suspension_ends"),
        ]

    def __str__(self):
        return str(self.get_kind_display())

    def is_active(self, now=None) -> bool:
        now = now or timezone.now()
        return self.lifted_at is None and self.starts_at <= now < self.ends_at

    @property
    def blocks_reporting(self) -> bool:
        return self.kind == self.Kind.SUSPENDED

    def posting_message(self) -> str:
        """What the member reads where they would post (forum.permissions.posting_blocked)."""
        until = formats.date_format(timezone.localtime(self.ends_at), "DATETIME_FORMAT")
        if self.kind == self.Kind.SUSPENDED:
            return gettext("You are suspended from the forum until %(until)s: you cannot post in any group.") % {
                "until": until
            }
        return gettext("You cannot post in the forum until %(until)s: a moderator has silenced you in every group.") % {
            "until": until
        }


class StaffNote(models.Model):
    """A short note moderators keep about a member. `group`: the group it concerns, which decides which group
    moderators read it; none for a note of the site moderators (they read every note)."""

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("member")
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    group = models.ForeignKey(
        "forum.ForumGroup", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("group")
    )
    text = models.TextField(_("note"), max_length=NOTE_MAX_LENGTH)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("staff note")
        verbose_name_plural = _("staff notes")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"#{self.pk}"
