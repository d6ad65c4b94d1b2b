"""Small helpers the specs share."""

import re

from django.core import mail


def links_in_last_mail(to: str | None = None) -> list[str]:
    messages = [m for m in mail.outbox if to is None or to in m.to]
    assert messages, f"no mail sent to {to or 'anyone'}"
    return re.findall(r"https?://[^\s\"'<>]+", messages[-1].body)


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)
