"""Markdown in posts → safe HTML.

Members write Markdown; we render it with Python-Markdown and then let nh3 keep only an allow-list of tags and
attributes. Sanitising the *output* (not the input) is what makes raw HTML inside Markdown harmless: whatever
Markdown lets through, nh3 decides. Links may only use http(s) and mailto, and get rel="nofollow noopener".
"""

import html as html_lib
import re

import markdown
import nh3

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "h3",
    "h4",
    "hr",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto"}

# Members write headings as "#", but a post sits under the page's h1 and the thread's h2: shift them down.
_HEADING_SHIFT = {"h1": "h3", "h2": "h3", "h3": "h4", "h4": "h4", "h5": "h4", "h6": "h4"}
_HEADING_RE = re.compile(r"<(/?)(h[1-6])>")
_TAG_RE = re.compile(r"<[^>]*>")


def render_markdown(text: str) -> str:
    html = markdown.markdown(text or "", extensions=["sane_lists", "nl2br"], output_format="html")
    html = _HEADING_RE.sub(lambda m: f"<{m.group(1)}{_HEADING_SHIFT[m.group(2)]}>", html)
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow noopener noreferrer",
        strip_comments=True,
    )


def plain_text(html: str) -> str:
    """Text for search documents and excerpts: tags removed, whitespace collapsed."""
    # Tags become spaces so that "</p><p>" does not glue two words together.
    text = _TAG_RE.sub(" ", nh3.clean(html or ""))
    return " ".join(html_lib.unescape(text).split())


def quote(text: str) -> str:
    """The Markdown of a quoted post: every line prefixed with "> "."""
    lines = (text or "").strip().splitlines() or [""]
    return "\n".join(f"> {line}".rstrip() for line in lines) + "\n\n"
