"""Markdown in posts becomes HTML through an allow-list: nothing a member types can run in a reader's browser."""

import re
import time
from html.parser import HTMLParser

import nh3
import pytest

from forum.markup import ALLOWED_TAGS, CLEAN_OPTIONS, SCAN_BUDGET, plain_text, quote, render_markdown, scan_cost
from forum.models import Post, Thread

XSS = [
    ("<script>alert(1)</script>", "<script"),
    ('<img src="x" onerror="alert(1)">', "onerror"),
    ("[klik](javascript:alert(1))", "javascript:"),
    ('<a href="javascript:alert(1)">klik</a>', "javascript:"),
    ("[plaatje](data:text/html;base64,PHNjcmlwdD4=)", "data:"),
    ("![x](data:image/svg+xml;base64,PHN2Zz4=)", "data:"),
    ('<p style="background:url(javascript:alert(1))">x</p>', "style="),
    ('<iframe src="https://evil.example"></iframe>', "<iframe"),
    ("<svg onload=alert(1)>", "onload"),
    ('<a href="https://ok.example" onclick="alert(1)">x</a>', "onclick"),
]


@pytest.mark.parametrize(("payload", "forbidden"), XSS)
def test_xss_payloads_are_neutralised(payload, forbidden):
    html = render_markdown(f"Tekst vooraf.\n\n{payload}\n\nTekst erna.")
    assert forbidden not in html.lower()
    assert "Tekst erna." in html


def test_ordinary_markdown_renders():
    html = render_markdown("# Kop\n\n**vet** en *schuin*\n\n- een\n- twee\n\n> citaat\n\n[site](https://example.org)")
    assert "<h3>Kop</h3>" in html  # headings sit below the page and thread headings
    assert "<strong>vet</strong>" in html and "<em>schuin</em>" in html
    assert "<li>een</li>" in html and "<blockquote>" in html
    assert '<a href="https://example.org" rel="nofollow noopener noreferrer">site</a>' in html


def test_plain_text_and_quotes():
    assert plain_text("<p>Een &amp; twee</p><p>drie</p>") == "Een & twee drie"
    assert quote("regel een\nregel twee") == "> regel een\n> regel twee\n\n"


# --- the cost of rendering is bounded ------------------------------------------------------------------------------

ADVERSARIAL = {
    "unclosed brackets": "[" * 20_000,
    "nested brackets": "[" * 10_000 + "]" * 10_000,
    "empty links with unclosed parentheses": "[](" * 6_666,
    "images": "![" * 10_000,
    "emphasis": "*" * 20_000,
    "nested emphasis": "**a" * 6_666,
    "angle brackets": "<" * 20_000,
    "unclosed tags": "<a " * 6_666,
    "unclosed declarations": "<![CDATA[" * 2_222,
    "backticks": "`" * 20_000,
    "list markers on one line": "1. " * 6_666,
    "lists nested by indentation": "".join("    " * depth + "- a\n" for depth in range(90)),
    "quotes nested on one line": "> " * 10_000,
    "rules": "* * *\n" * 3_333,
}


@pytest.mark.parametrize("text", ADVERSARIAL.values(), ids=ADVERSARIAL.keys())
def test_adversarial_messages_of_the_maximum_length_render_in_well_under_a_second_of_cpu(text):
    """These took from seconds up to over a minute (20,000 "[") or ended in a RecursionError. CPU time of this
    thread, so other work on the machine does not count; the bound is generous, the work measured is ~0.5 s at most."""
    assert len(text) <= 20_000
    started = time.thread_time()
    html = render_markdown(text)
    assert time.thread_time() - started < 2
    assert html.startswith("<")


def test_a_text_beyond_the_parsing_budget_is_shown_as_typed_in_plain_paragraphs():
    text = "Zie [" * 2000 + "\n\nTweede <alinea> & meer"
    assert scan_cost(text) > SCAN_BUDGET
    html = render_markdown(text)
    assert html.count("Zie [") == 2000
    assert "<p>Tweede &lt;alinea&gt; &amp; meer</p>" in html


def test_a_long_message_with_many_ordinary_links_is_still_markdown():
    text = ("Zie [de handreiking](https://example.org/h) (paragraaf 2) en **dit**. " + "woord " * 20) * 100
    assert len(text) < 20_000 and scan_cost(text) < SCAN_BUDGET
    html = render_markdown(text)
    assert html.count('<a href="https://example.org/h"') == 100 and "<strong>dit</strong>" in html


# --- nothing touches the HTML after the sanitiser --------------------------------------------------------------------


class _Tags(HTMLParser):
    """The tags and attributes a browser would see."""

    def __init__(self):
        super().__init__()
        self.seen = []

    def handle_starttag(self, tag, attrs):
        self.seen.append((tag, dict(attrs)))


def _executable(html):
    parser = _Tags()
    parser.feed(html)
    return [
        (tag, attrs)
        for tag, attrs in parser.seen
        if tag not in ALLOWED_TAGS
        or any(name.startswith("on") or name in ("style", "src") for name in attrs)
        or not (attrs.get("href") or "https:").startswith(("https:", "http:", "mailto:", "/"))
    ]


MENTION_PAYLOADS = [
    '[x](https://example.org "></a>@otto-oranje<img src=x onerror=alert(1)>")',
    '<a title="></a>@otto-oranje<img src=x onerror=alert(1)>" href="https://example.org">x</a>',
    "<a href='https://example.org' title='@otto-oranje'>@otto-oranje</a><img src=x onerror=alert(1)>",
    "@otto-oranje<svg onload=alert(1)>@otto-oranje</svg><script>alert(1)</script>",
    '`@otto-oranje<img src=x onerror=alert(1)>` @otto-oranje" onmouseover="alert(1)',
    "<p title='@otto-oranje'>@otto-oranje <b title=\"x>@otto-oranje<img src=x onerror=alert(1)>\">b</b></p>",
]


def _nh3_like_0_2(real_clean):
    """nh3 0.2 left "<" and ">" unescaped inside attribute values (still harmless while they stay there)."""

    def clean(html, **kwargs):
        cleaned = real_clean(html, **kwargs)
        return re.sub(r'="[^"]*"', lambda m: m.group().replace("&lt;", "<").replace("&gt;", ">"), cleaned)

    return clean


@pytest.mark.django_db
@pytest.mark.parametrize("sanitiser", ["installed nh3", "nh3 0.2 serialisation"])
@pytest.mark.parametrize("payload", MENTION_PAYLOADS)
def test_mentions_are_linked_before_sanitising_so_crafted_text_never_becomes_markup(
    payload, sanitiser, people, make_group, monkeypatch
):
    group = make_group("vermelding", members=[people["group_member"], people["other_member"]])
    if sanitiser != "installed nh3":
        monkeypatch.setattr(nh3, "clean", _nh3_like_0_2(nh3.clean))
    thread = Thread.objects.create(group=group, title="Vermelding", author=people["group_member"])
    post = Post.objects.create(thread=thread, author=people["group_member"], body_markdown=f"Hoi {payload} daar")
    assert _executable(post.body_html) == []
    assert "forum-mention" in post.body_html or "@otto-oranje" in post.body_html


@pytest.mark.django_db
def test_a_mention_is_a_link_that_the_sanitiser_keeps(people, make_group):
    group = make_group("vermelding", members=[people["group_member"], people["other_member"]])
    thread = Thread.objects.create(group=group, title="Vermelding", author=people["group_member"])
    post = Post.objects.create(
        thread=thread, author=people["group_member"], body_markdown="Wat vind jij, @otto-oranje?"
    )
    link = f'href="/nl/forum/groups/vermelding/members/#member-{people["other_member"].pk}"'
    assert f'<a class="forum-mention" {link} rel="nofollow noopener noreferrer">@otto-oranje</a>' in post.body_html
    assert nh3.clean(post.body_html, **CLEAN_OPTIONS) == post.body_html, "stored HTML is exactly nh3's output"
