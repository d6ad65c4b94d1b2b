"""Markdown that members write → safe HTML, for every app that shows it (forum posts, network agreements).

We render with Python-Markdown and then let nh3 keep only an allow-list of tags and attributes. Sanitising the
*output* (not the input) is what makes raw HTML inside Markdown harmless: whatever Markdown lets through, nh3
decides. Links may only use http(s) and mailto, and get rel="nofollow noopener noreferrer". Anything else that
rewrites the HTML (an app linking its own mentions) runs before nh3, never after it: the sanitiser has the last word
on every byte that is shown.

Rendering is bounded: Python-Markdown looks for the end of a link or inline tag from every "[" and "<" to the end of
its paragraph (and for the end of a "<!" declaration to the end of the text), so a text full of unmatched ones costs
time with the square of their number — 20,000 "[" took over a minute. `scan_cost` counts that work before rendering;
a text over the budget, or nested deeper than Markdown's recursive parser goes, is shown as plain paragraphs instead.

Headings: the text sits under a page's h1 and a section's h2, so "#" and "##" become h3, and deeper ones h4.
"""

import html as html_lib
import re
from collections.abc import Callable, Mapping

import markdown
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = frozenset(
    {
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
)
ALLOWED_ATTRIBUTES: Mapping[str, set[str]] = {"a": {"href", "title"}, "ol": {"start"}}
URL_SCHEMES = frozenset({"http", "https", "mailto"})


def clean_options(allowed_classes: Mapping[str, set[str]] | None = None) -> dict:
    """The nh3.clean arguments of the allow-list; `allowed_classes` lets an app keep a class of its own on a tag
    (the forum's mention links), and nothing else."""
    return {
        "tags": set(ALLOWED_TAGS),
        "attributes": {tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        "allowed_classes": {tag: set(names) for tag, names in (allowed_classes or {}).items()},
        "url_schemes": set(URL_SCHEMES),
        "link_rel": "nofollow noopener noreferrer",
        "strip_comments": True,
    }


CLEAN_OPTIONS = clean_options()

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


def render_markdown(
    text: str | None,
    *,
    before_sanitising: Callable[[str], str] | None = None,
    allowed_classes: Mapping[str, set[str]] | None = None,
) -> SafeString:
    """Safe HTML for a member's Markdown, ready to show as is.

    `before_sanitising(html)` may rewrite Markdown's HTML (e.g. link mentions); nh3 cleans its result, so nothing it
    inserts or mis-parses can escape the allow-list. `allowed_classes` ({"a": {"my-class"}}) keeps those classes."""
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
    options = CLEAN_OPTIONS if allowed_classes is None else clean_options(allowed_classes)
    return mark_safe(nh3.clean(html, **options))


def _plain_paragraphs(text: str) -> str:
    """The text as it was typed, in paragraphs and lines, in time linear in its length."""
    paragraphs = (block.strip("\n") for block in _BLOCK_SPLIT.split(text) if block.strip())
    return "".join(
        "<p>" + "<br>\n".join(html_lib.escape(line) for line in paragraph.split("\n")) + "</p>"
        for paragraph in paragraphs
    )


def plain_text(html: str | None) -> str:
    """Text for search documents and excerpts: tags removed, whitespace collapsed."""
    # Tags become spaces so that "</p><p>" does not glue two words together.
    text = _TAG_RE.sub(" ", nh3.clean(html or ""))
    return " ".join(html_lib.unescape(text).split())
