"""Mails a moderator's decision sends a member whatever their notification settings: a warning, a platform-wide
suspension and its end. They are addressed to that person about their own account.

Each is a task (forum.moderation.tasks) queued in the transaction that records the decision, so a rolled-back
action mails nobody and a committed one cannot lose its mail; the task builds the mail from the rows as they are
then, in the member's language, and sends it once however often it runs.
"""

from django.db.models import Model

from accounts.mail import localized_url, send_once, send_templated_mail

PLATFORM_SUSPENSION = "forum_moderation/email/platform_suspension"
SUSPENSION_LIFTED = "forum_moderation/email/platform_suspension_lifted"


def warning_mail(membership_id: int, reason: str, event: str) -> bool:
    from forum.models import GroupMembership

    membership = GroupMembership.objects.select_related("user", "group").filter(pk=membership_id).first()
    if membership is None:
        return False
    user, group = membership.user, membership.group
    context = {
        "user": user,
        "group_name": group.name,
        "reason": reason,
        "group_url": localized_url("forum:group", user.preferred_language, slug=group.slug),
    }
    return _send(f"forum.warning:{event}", "forum_moderation/email/warning", user, context)


def suspension_mail(suspension_id: int, template: str, event: str) -> bool:
    from forum.moderation.models import PlatformSuspension

    if template not in (PLATFORM_SUSPENSION, SUSPENSION_LIFTED):
        raise ValueError(f"Not a suspension mail: {template!r}")
    suspension = PlatformSuspension.objects.select_related("user").filter(pk=suspension_id).first()
    if suspension is None:
        return False
    user = suspension.user
    context = {
        "user": user,
        "suspension": suspension,
        "reason": suspension.reason,
        "forum_url": localized_url("forum:index", user.preferred_language),
    }
    return _send(f"forum.suspension:{event}", template, user, context)


def _send(key: str, template: str, user: Model, context: dict) -> bool:
    if not user.email:
        return False
    return send_once(key, lambda: send_templated_mail(template, user.email, context, language=user.preferred_language))
