"""Platform-wide suspension and silence: site moderators stop a member from posting in every group at once.

One active suspension per member. Suspending and lifting lock the member's account row first, the row the forum
locks while it checks and saves that member's post (forum.services._lock_author): two site moderators suspending at
once end with one suspension, and a post sent at the same moment is either saved before the suspension or refused.
A suspension ends by itself at `ends_at`: every check compares with the clock, no job has to run.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from forum.errors import ForumError
from forum.moderation.models import PlatformSuspension

MAX_DAYS = 365


def active_suspension(user, now=None) -> PlatformSuspension | None:
    return PlatformSuspension.objects.active(now).filter(user=user).order_by("-starts_at", "-pk").first()


def _lock_account(user) -> None:
    # NO KEY UPDATE, as the forum's own lock on an author: the two queue behind each other.
    list(get_user_model().objects.select_for_update(no_key=True).filter(pk=user.pk).values_list("pk", flat=True))


def _forget_cached(user) -> None:
    user.__dict__.pop("_platform_restriction", None)


def suspend(member, *, by, kind: str, days: int, reason: str, now=None) -> PlatformSuspension:
    """Raises ForumError when the member is already suspended (lift that one first, so nobody's decision is silently
    replaced) or the length is out of bounds."""
    if not 1 <= days <= MAX_DAYS:
        raise ForumError(_("Suspend for at least 1 and at most %(max)s days.") % {"max": MAX_DAYS})
    with transaction.atomic():
        _lock_account(member)
        # The clock is read under the lock: a moment taken before waiting could lie before the start of the
        # suspension the other moderator just saved, which would then not count as active yet.
        now = now or timezone.now()
        current = active_suspension(member, now)
        if current is not None:
            until = formats.date_format(timezone.localtime(current.ends_at), "DATETIME_FORMAT")
            raise ForumError(
                _("This member is already suspended platform-wide until %(until)s. Lift that suspension first.")
                % {"until": until}
            )
        suspension = PlatformSuspension.objects.create(
            user=member,
            kind=kind,
            starts_at=now,
            ends_at=now + timedelta(days=days),
            reason=reason,
            created_by=by,
        )
    _forget_cached(member)
    return suspension


def lift(member, *, by, now=None) -> PlatformSuspension:
    with transaction.atomic():
        _lock_account(member)
        now = now or timezone.now()
        current = active_suspension(member, now)
        if current is None:
            raise ForumError(_("This member is not suspended platform-wide (any more)."))
        current.lifted_at = now
        current.lifted_by = by
        current.save(update_fields=["lifted_at", "lifted_by"])
    _forget_cached(member)
    return current
