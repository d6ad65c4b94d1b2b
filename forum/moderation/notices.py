"""What moderation tells members: outcome notifications about their own posts, and warnings by e-mail.

Both go out only after the decision is committed, so a rolled-back action never tells anyone anything.
"""

from functools import partial

from django.db import transaction

from accounts.mail import localized_url, send_templated_mail
from notifications.kinds import Kind
from notifications.services import notify


def notify_author(post, *, actor) -> None:
    """The author learns the outcome for their post (approved, rejected, hidden) — never that it was reported."""
    if post.author_id is not None:
        notify(post.author, Kind.MODERATION, post, actor=actor)


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
