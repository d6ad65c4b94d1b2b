"""What site and group moderators keep about a member as a person: platform-wide suspensions and staff notes.

Imported by `forum.moderation.models`, so Django finds them as the app's models.

A platform suspension is active from `starts_at` until `ends_at` unless lifted earlier: it ends by itself, nothing
has to run at the end. At most one is active per member; `suspensions.suspend` makes sure of that under a lock on
the member's account row (an "active" that depends on the clock cannot be a partial unique index).

Both go with the account when it is erased (CASCADE): they are personal data about the member. The audit log keeps
that a moderator suspended or wrote a note, never the note's text.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

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
