"""What a content type hands to the index, and how indexed text becomes safe HTML again.

A registered type turns one of its objects into a `DocumentData`; `search.indexing` stores it. Snippets come back
from the backends with two private-use characters around the matches; `highlight_html` escapes everything and only
then turns those markers into <mark>, so nothing a writer typed is ever interpreted as HTML.
"""

import re
from dataclasses import dataclass, field
from datetime import datetime

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from search.models import Visibility

MARK_START = "\ue000"
MARK_END = "\ue001"
MAX_BODY_CHARS = 200_000  # far more than any guidance page; keeps a tsvector well under PostgreSQL's 1 MB limit
WORD_PATTERN = re.compile(r"[^\W\d_]{3,40}")
_WHITESPACE = re.compile(r"\s+")
_MARKED = re.compile(f"{MARK_START}([^{MARK_START}{MARK_END}]*){MARK_END}")


@dataclass
class DocumentData:
    """One readable thing as the index sees it. All text is plain text (no HTML)."""

    title: str
    url: str
    language: str
    visibility: str = Visibility.PUBLIC
    summary: str = ""
    body: str = ""
    tags: list[tuple[str, str]] = field(default_factory=list)  # (slug, name)
    group_ids: list[int] = field(default_factory=list)
    organisation_id: int | None = None
    published_at: datetime | None = None
    updated_at: datetime | None = None

    def __post_init__(self):
        if self.visibility == Visibility.GROUPS and not self.group_ids:
            raise ValueError("A document readable by groups needs at least one group id")
        self.title = clean_text(self.title)[:500]
        self.summary = clean_text(self.summary)
        self.body = clean_text(self.body)[:MAX_BODY_CHARS]


def clean_text(text: str) -> str:
    """Whitespace collapsed and the highlight markers removed (only we may set them). The text is plain text: what
    looks like markup in it is the writer's text and is escaped when shown, never interpreted."""
    text = (text or "").replace(MARK_START, "").replace(MARK_END, "")
    return _WHITESPACE.sub(" ", text).strip()


def vocabulary(data: DocumentData) -> set[str]:
    """The words "did you mean" may suggest, taken from everything a reader sees of the document."""
    return words_in(data.title, data.summary, data.body, [name for _slug, name in data.tags])


def words_in(title: str, summary: str, body: str, tag_names) -> set[str]:
    text = " ".join([title, summary, body, *tag_names]).lower()
    return set(WORD_PATTERN.findall(text))


def highlight_html(marked: str) -> SafeString:
    escaped = escape(marked or "")
    html = _MARKED.sub(r"<mark>\1</mark>", escaped)
    # A fragment can be cut between a start and an end marker: drop what is left unpaired.
    return mark_safe(html.replace(MARK_START, "").replace(MARK_END, ""))
