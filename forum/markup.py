"""Markdown in posts → safe HTML, through the site-wide renderer in `core.markup`.

`core.markup` renders Markdown and lets nh3 keep only its allow-list; what is the forum's own is the mention link
(the class "forum-mention" is the one class a post may carry) and quoting a post. Mentions are linked before nh3
runs (`render_markdown`'s `before_sanitising`), never after it: the sanitiser has the last word on every byte that
is stored.
"""

from core.markup import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, SCAN_BUDGET, URL_SCHEMES, clean_options, plain_text, scan_cost
from core.markup import render_markdown as _render_markdown

__all__ = [
    "ALLOWED_ATTRIBUTES",
    "ALLOWED_CLASSES",
    "ALLOWED_TAGS",
    "CLEAN_OPTIONS",
    "SCAN_BUDGET",
    "URL_SCHEMES",
    "plain_text",
    "quote",
    "render_markdown",
    "scan_cost",
]

ALLOWED_CLASSES = {"a": {"forum-mention"}}
CLEAN_OPTIONS = clean_options(ALLOWED_CLASSES)


def render_markdown(text: str, *, before_sanitising=None) -> str:
    """Safe HTML for a post's Markdown. `before_sanitising(html)` may rewrite Markdown's HTML (link mentions); nh3
    cleans its result, so nothing it inserts or mis-parses can escape the allow-list."""
    return _render_markdown(text, before_sanitising=before_sanitising, allowed_classes=ALLOWED_CLASSES)


def quote(text: str) -> str:
    """The Markdown of a quoted post: every line prefixed with "> "."""
    lines = (text or "").strip().splitlines() or [""]
    return "\n".join(f"> {line}".rstrip() for line in lines) + "\n\n"
