"""The site-wide Markdown renderer: safe HTML every app can show as is, whatever a member typed.

The forum's own specs (tests/forum/test_markup.py) cover the payloads and the cost bound in depth; these check what
`core.markup` promises on its own: the allow-list, a result templates need not escape, and the classes an app asks
to keep being the only ones kept.
"""

from django.template import Context, Template
from django.utils.safestring import SafeString

from core.markup import SCAN_BUDGET, plain_text, render_markdown, scan_cost


def test_a_script_in_markdown_is_never_rendered():
    html = render_markdown("Afspraak 1\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\nAfspraak 2")
    assert "<script" not in html and "onerror" not in html and "<img" not in html
    assert "<p>Afspraak 1</p>" in html and "Afspraak 2" in html


def test_the_result_is_marked_safe_and_shown_unescaped_in_a_template():
    html = render_markdown("**Vet**")
    assert isinstance(html, SafeString)
    assert Template("{{ html }}").render(Context({"html": html})) == "<p><strong>Vet</strong></p>"


def test_headings_sit_below_the_page_and_section_headings():
    html = render_markdown("# Een\n\n## Twee\n\n### Drie")
    assert "<h3>Een</h3>" in html and "<h3>Twee</h3>" in html and "<h4>Drie</h4>" in html
    assert "<h1" not in html and "<h2" not in html


def test_links_only_with_safe_schemes_and_without_referrer():
    html = render_markdown("[a](https://example.org) [b](javascript:alert(1)) [c](mailto:x@example.org)")
    assert '<a href="https://example.org" rel="nofollow noopener noreferrer">a</a>' in html
    assert "javascript:" not in html
    assert 'href="mailto:x@example.org"' in html


def test_classes_are_stripped_unless_the_caller_keeps_them():
    text = '<a class="mine other" href="https://example.org">x</a>'
    assert "class" not in render_markdown(text)
    kept = render_markdown(text, allowed_classes={"a": {"mine"}})
    assert 'class="mine"' in kept


def test_a_rewrite_before_sanitising_is_still_sanitised():
    html = render_markdown("hoi", before_sanitising=lambda html: html + "<script>alert(1)</script>")
    assert "<script" not in html and "hoi" in html


def test_a_text_beyond_the_budget_is_shown_as_typed():
    text = "[" * 5000
    assert scan_cost(text) > SCAN_BUDGET
    assert render_markdown(text) == "<p>" + "[" * 5000 + "</p>"


def test_empty_text_and_plain_text():
    assert render_markdown(None) == "" and render_markdown("") == ""
    assert plain_text("<p>Een &amp; twee</p><p>drie</p>") == "Een & twee drie"
