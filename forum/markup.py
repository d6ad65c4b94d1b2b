"""Markdown in posts → safe HTML.

Members write Markdown; we render it with Python-Markdown and then let nh3 keep only an allow-list of tags and
attributes. Sanitising the *output* (not the input) is what makes raw HTML inside Markdown harmless: whatever
Markdown lets through, nh3 decides. Links may only use http(s) and mailto, and get rel="nofollow noopener".
Anything else that rewrites the HTML (linking @mentions) runs before nh3, never after it: the sanitiser has the last
word on every byte that is stored.

Rendering is bounded: Python-Markdown looks for the end of a link or inline tag from every "[" and "<" to the end of
its paragraph (and for the end of a "<!" declaration to the end of the text), so a text full of unmatched ones costs
time with the square of their number — 20,000 "[" took over a minute. `scan_cost` counts that work before rendering;
a text over the budget, or nested deeper than Markdown's recursive parser goes, is shown as plain paragraphs instead.
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
ALLOWED_CLASSES = {"a": {"forum-mention"}}
URL_SCHEMES = {"http", "https", "mailto"}
CLEAN_OPTIONS = {
    "tags": ALLOWED_TAGS,
    "attributes": ALLOWED_ATTRIBUTES,
    "allowed_classes": ALLOWED_CLASSES,
    "url_schemes": URL_SCHEMES,
    "link_rel": "nofollow noopener noreferrer",
    "strip_comments": True,
}

# Members write headings as "#", but a post sits under the page's h1 and the thread's h2: shift them down.
_HEADING_SHIFT = {"h1": "h3", "h2": "h3", "h3": "h4", "h4": "h4", "h5": "h4", "h6": "h4"}
_HEADING_RE = re.compile(r"<(/?)(h[1-6])>")
_TAG_RE = re.compile(r"<[^>]*>")


# Characters Markdown may scan for the ends of links and tags (see the module docstring): a few hundred thousand
# take well under a second. A message with many ordinary links stays far below it.
SCAN_BUDGET = 500_000
_BLOCK_SPLIT = re.compile(r"\n[ \t]*\n")
_PAIRS = (("[", "]"), ("(", ")"), ("<", ">"))

# Lists and quotes nested this deep on one line, or indented this far, are beyond what Markdown's recursive block
# parser handles in reasonable time (thousands deep, it runs out of stack after seconds of work).
_DEEP_NESTING = re.compile(r"^[ \t]{0,3}(?:(?:>|(?:[*+-]|\d{1,9}[.)])[ \t])[ \t]*){16}|^[ \t]{64}", re.MULTILINE)


def scan_cost(text: str) -> int:
    """An estimate of the characters Markdown's link, tag and declaration parsers scan for `text`: from each "[", "("
    and "<" to where it closes, or to the end of its paragraph when it never does."""
    cost = text.count("<!") * len(text)
    for block in _BLOCK_SPLIT.split(text):
        for opening, closing in _PAIRS:
            if opening in block:
                cost += _span_lengths(block, opening, closing)
    return cost


def _span_lengths(block: str, opening: str, closing: str) -> int:
    total, open_at = 0, []
    for match in re.finditer(re.escape(opening) + "|" + re.escape(closing), block):
        if match.group() == opening:
            open_at.append(match.start())
        elif open_at:
            total += match.start() - open_at.pop()
    return total + sum(len(block) - start for start in open_at)


def render_markdown(text: str, *, before_sanitising=None) -> str:
    """Safe HTML for a member's Markdown. `before_sanitising(html)` may rewrite Markdown's HTML (e.g. link mentions);
    nh3 cleans its result, so nothing it inserts or mis-parses can escape the allow-list."""
    text = text or ""
    html = None
    if scan_cost(text) <= SCAN_BUDGET and not _DEEP_NESTING.search(text):
        try:
            html = markdown.markdown(text, extensions=["sane_lists", "nl2br"], output_format="html")
        except RecursionError:
            html = None  # lists or quotes nested thousands deep
    if html is None:
        html = _plain_paragraphs(text)
    html = _HEADING_RE.sub(lambda m: f"<{m.group(1)}{_HEADING_SHIFT[m.group(2)]}>", html)
    if before_sanitising is not None:
        html = before_sanitising(html)
    return nh3.clean(html, **CLEAN_OPTIONS)


def _plain_paragraphs(text: str) -> str:
    """The text as it was typed, in paragraphs and lines, in time linear in its length."""
    paragraphs = (block.strip("\n") for block in _BLOCK_SPLIT.split(text) if block.strip())
    return "".join(
        "<p>" + "<br>\n".join(html_lib.escape(line) for line in paragraph.split("\n")) + "</p>"
        for paragraph in paragraphs
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
