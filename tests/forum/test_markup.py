"""Markdown in posts becomes HTML through an allow-list: nothing a member types can run in a reader's browser."""

import pytest

from forum.markup import plain_text, quote, render_markdown

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
