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
