"""The warning a moderator sends a member, by e-mail only: it is addressed to that person and not subject to their
notification settings. Sent only after the change is committed, so a rolled-back action warns nobody."""

from functools import partial

from django.db import transaction

from accounts.mail import localized_url, send_templated_mail


def send_warning(membership, reason: str) -> None:
    user, group = membership.user, membership.group
    context = {
        "user": user,
        "group_name": group.name,
        "reason": reason,
        "group_url": localized_url("forum:group", user.preferred_language, slug=group.slug),
    }
    transaction.on_commit(
        partial(
            send_templated_mail,
            "forum_moderation/email/warning",
            user.email,
            context,
            language=user.preferred_language,
        )
    )


def _send_to_member(template: str, suspension) -> None:
    user = suspension.user
    context = {
        "user": user,
        "suspension": suspension,
        "reason": suspension.reason,
        "forum_url": localized_url("forum:index", user.preferred_language),
    }
    transaction.on_commit(
        partial(send_templated_mail, template, user.email, context, language=user.preferred_language), robust=True
    )


def send_platform_suspension(suspension) -> None:
    """The member learns that, why and until when (in their language and its date format), whatever their
    notification settings: like a warning, it is addressed to them about their account."""
    _send_to_member("forum_moderation/email/platform_suspension", suspension)


def send_suspension_lifted(suspension) -> None:
    _send_to_member("forum_moderation/email/platform_suspension_lifted", suspension)
