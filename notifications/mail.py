"""The notification mails, each with a one-click unsubscribe link (RFC 8058) for what it is about."""

from django.conf import settings
from django.utils.functional import lazy

from accounts.mail import absolute_url, localized_url, send_templated_mail
from notifications.kinds import MAIL_LEAD, MAIL_SUBJECT
from notifications.unsubscribe import DIGEST, unsubscribe_token


def _unsubscribe(user, scope: str) -> tuple[str, dict]:
    url = localized_url("notifications:unsubscribe", language_of(user), token=unsubscribe_token(user, scope))
    headers = {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
    return url, headers


def language_of(user) -> str:
    return user.preferred_language or settings.LANGUAGE_CODE


def _absolute(url: str) -> str:
    return url if url.startswith(("http://", "https://")) else absolute_url(url)


def _subject(kind: str, title: str):
    # Lazy: the mail is rendered in the recipient's language, after this context is built.
    if kind not in MAIL_SUBJECT:
        return title
    return lazy(lambda: MAIL_SUBJECT[kind] % {"title": title}, str)()


def send_notification_mail(notification, rendered) -> None:
    user = notification.recipient
    unsubscribe_url, headers = _unsubscribe(user, notification.kind)
    send_templated_mail(
        "notifications/email/notification",
        user.email,
        {
            "recipient": user,
            "subject": _subject(notification.kind, rendered.title),
            "lead": MAIL_LEAD[notification.kind],
            "kind_label": notification.get_kind_display(),
            "title": rendered.title,
            "excerpt": rendered.excerpt,
            "url": _absolute(rendered.url),
            "unsubscribe_url": unsubscribe_url,
            "settings_url": localized_url("notifications:settings", language_of(user)),
        },
        language=language_of(user),
        headers=headers,
    )


def send_digest_mail(user, items) -> None:
    unsubscribe_url, headers = _unsubscribe(user, DIGEST)
    send_templated_mail(
        "notifications/email/digest",
        user.email,
        {
            "recipient": user,
            "items": [
                {"kind_label": i.kind_label, "title": i.title, "excerpt": i.excerpt, "url": _absolute(i.url)}
                for i in items
            ],
            "list_url": localized_url("notifications:list", language_of(user)),
            "unsubscribe_url": unsubscribe_url,
            "settings_url": localized_url("notifications:settings", language_of(user)),
        },
        language=language_of(user),
        headers=headers,
    )
