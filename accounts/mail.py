"""E-mail from the platform, rendered from templates in the recipient's own language.

Every app sends mail through `send_templated_mail`, so every message has a plain-text and an HTML part, the
site's footer, and the language the recipient chose.
"""

import unicodedata
from collections.abc import Callable

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.context import make_context
from django.template.loader import get_template, render_to_string
from django.urls import reverse
from django.utils import translation


def absolute_url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def localized_url(viewname: str, language: str, **kwargs) -> str:
    """An absolute link into the site in the recipient's language (the URL prefix follows the active language)."""
    with translation.override(language):
        return absolute_url(reverse(viewname, kwargs=kwargs))


def render_plain_text(template_name: str, context: dict) -> str:
    """A template rendered without HTML escaping: in a subject or a text/plain part "&#x27;" is not an apostrophe.
    (The HTML part is rendered with escaping, as every HTML template is.)"""
    template = get_template(template_name)
    return template.template.render(make_context(context, autoescape=False))


def one_line(text: str) -> str:
    """A subject is one line: line breaks, tabs and other control characters become single spaces."""
    return " ".join("".join(" " if unicodedata.category(c) in ("Cc", "Zl", "Zp") else c for c in text).split())


def send_templated_mail(
    template_prefix: str, to: str, context: dict, language: str | None = None, attachments=(), headers=None
) -> None:
    """Render `<prefix>_subject.txt`, `<prefix>.txt` and `<prefix>.html` and send them to one address.

    `attachments` are (filename, content, mimetype) tuples; `headers` are extra mail headers (e.g. List-Unsubscribe).
    """
    language = language or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {"site_name": settings.WAGTAIL_SITE_NAME, "site_url": absolute_url("/"), **context}
        subject = one_line(render_plain_text(f"{template_prefix}_subject.txt", context))
        text = render_plain_text(f"{template_prefix}.txt", context)
        html = render_to_string(f"{template_prefix}.html", context)
    message = EmailMultiAlternatives(
        subject=settings.EMAIL_SUBJECT_PREFIX + subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        headers={"Content-Language": language, **(headers or {})},
    )
    message.attach_alternative(html, "text/html")
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    message.send()


def send_once(key: str, send: Callable[[], object]) -> bool:
    """Call `send` (which sends one mail) unless a mail under `key` was sent; returns whether it was sent now.

    For tasks, which a worker may run again when the one before it died: the key is marked first and the mark is
    committed only when `send` returned, so a failing send can be tried again, and a second run (also one in
    parallel: it waits for the first one's mark) sends nothing. A worker dying between the send and the commit sends it
    again: a mail goes at least once, never silently not at all. An empty key sends without a mark.
    """
    if not key:
        send()
        return True
    from accounts.models import SentMail

    with transaction.atomic():
        _mark, created = SentMail.objects.get_or_create(key=key[:200])
        if not created:
            return False
        send()
    return True
