"""The shared template components in templates/includes/: what each renders, with and without its options."""

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.core.paginator import Paginator
from django.template import TemplateSyntaxError, engines
from django.test import RequestFactory
from django.utils import translation


def render(source, context=None, path="/nl/lijst/"):
    request = RequestFactory().get(path)
    return engines["django"].from_string(source).render(context or {}, request)


def page(number, count=95, per_page=10):
    return Paginator(range(count), per_page).page(number)


PAGINATION = "{% load components %}{% pagination page_obj %}"


class TestPagination:
    def test_keeps_every_other_parameter_and_replaces_only_the_page(self):
        html = render(PAGINATION, {"page_obj": page(2)}, "/nl/lijst/?status=open&page=2&group=7&q=a+b")
        assert 'rel="prev" href="?status=open&amp;page=1&amp;group=7&amp;q=a+b"' in html
        assert 'rel="next" href="?status=open&amp;page=3&amp;group=7&amp;q=a+b"' in html

    def test_adds_the_page_when_the_address_had_none(self):
        html = render(PAGINATION, {"page_obj": page(1)}, "/nl/lijst/?tag=a&tag=b")
        assert 'rel="next" href="?tag=a&amp;tag=b&amp;page=2"' in html
        assert 'rel="prev"' not in html

    def test_is_a_labelled_navigation_that_marks_the_current_page(self):
        with translation.override("en"):
            html = render(PAGINATION, {"page_obj": page(10)})
        assert '<nav class="utrecht-pagination site-pagination" aria-label="Pages"' in html
        assert '<span class="utrecht-pagination__page-link--current" aria-current="page">Page 10 of 10</span>' in html
        assert ">Previous</a>" in html and "Next" not in html

    def test_speaks_the_active_language(self):
        html = render(PAGINATION, {"page_obj": page(2)})
        assert "Pagina 2 van 10" in html and ">Vorige</a>" in html and ">Volgende</a>" in html

    def test_renders_nothing_for_a_single_page(self):
        assert render(PAGINATION, {"page_obj": page(1, count=3)}).strip() == ""

    def test_takes_plain_numbers_a_label_a_url_and_an_htmx_target(self):
        html = render(
            '{% load components %}{% pagination number=2 num_pages=3 label="Resultaten" url="/nl/zoeken/"'
            ' boost_target="#results" classes="extra" %}',
            path="/nl/zoeken/?q=bezwaar&page=2",
        )
        assert 'class="utrecht-pagination site-pagination extra" aria-label="Resultaten"' in html
        assert 'hx-boost="true" hx-target="#results" hx-select="#results" hx-swap="outerHTML"' in html
        assert 'href="/nl/zoeken/?q=bezwaar&amp;page=1"' in html and 'href="/nl/zoeken/?q=bezwaar&amp;page=3"' in html

    def test_does_not_pick_up_variables_of_the_page_around_it(self):
        html = render(PAGINATION, {"page_obj": page(1), "url": "/elders/", "label": "Iets anders"})
        assert "/elders/" not in html and "Iets anders" not in html


class TestAlert:
    def test_a_plain_message(self):
        html = render(
            '{% include "includes/alert.html" with type="warning" role="status" message=text only %}',
            {"text": "Let op <b>"},
        )
        assert html.strip() == (
            '<div class="utrecht-alert utrecht-alert--warning" role="status"><div class="utrecht-alert__content">'
            '<div class="utrecht-alert__message"><p class="utrecht-paragraph">Let op &lt;b&gt;</p></div></div></div>'
        )

    def test_defaults_to_an_information_without_a_role(self):
        html = render('{% include "includes/alert.html" with message="Goed om te weten" only %}')
        assert '<div class="utrecht-alert utrecht-alert--info"><div' in html

    def test_the_block_tag_wraps_markup_and_takes_every_option(self):
        html = render(
            '{% load components %}{% alert "error" role="alert" id="form-errors" tabindex="-1" classes="x" %}'
            "<ul><li>{{ item }}</li></ul>{% endalert %}",
            {"item": "Vul uw naam in"},
        )
        assert html.startswith(
            '<div class="utrecht-alert utrecht-alert--error x" role="alert" id="form-errors" tabindex="-1">'
        )
        assert '<div class="utrecht-alert__message"><ul><li>Vul uw naam in</li></ul></div>' in html

    def test_the_block_tag_does_not_pick_up_variables_of_the_page_around_it(self):
        html = render('{% load components %}{% alert "info" %}Tekst{% endalert %}', {"role": "alert", "id": "x"})
        assert html.startswith('<div class="utrecht-alert utrecht-alert--info"><div')

    def test_can_be_an_aside(self):
        html = render('{% load components %}{% alert "ok" element="aside" %}<p>Tip</p>{% endalert %}')
        assert html.startswith('<aside class="utrecht-alert utrecht-alert--ok">') and html.endswith("</aside>\n")

    def test_the_block_tag_refuses_unknown_options(self):
        with pytest.raises(TemplateSyntaxError):
            render('{% load components %}{% alert "info" colour="red" %}x{% endalert %}')

    @pytest.mark.parametrize(
        ("level", "modifier", "role"),
        [
            (constants.ERROR, "error", "alert"),
            (constants.WARNING, "warning", "status"),
            (constants.SUCCESS, "ok", "status"),
            (constants.INFO, "info", "status"),
        ],
    )
    def test_messages_use_the_same_markup(self, level, modifier, role):
        html = render('{% include "includes/messages.html" %}', {"messages": [Message(level, "Opgeslagen")]})
        assert (
            f'<div class="utrecht-alert utrecht-alert--{modifier}" role="{role}"><div class="utrecht-alert__content">'
            '<div class="utrecht-alert__message"><p class="utrecht-paragraph">Opgeslagen</p></div></div></div>'
        ) in html


class TestStatusBadge:
    def test_with_a_tone(self):
        html = render('{% include "includes/status_badge.html" with label=_("New") tone="warning" only %}')
        assert html == '<span class="utrecht-badge-status utrecht-badge-status--warning">Nieuw</span>'

    def test_without_a_tone_with_extra_classes(self):
        html = render(
            '{% include "includes/status_badge.html" with label=text classes="experience-status--"|add:status only %}',
            {"text": "In behandeling", "status": "pending"},
        )
        assert html == '<span class="utrecht-badge-status experience-status--pending">In behandeling</span>'


class TestPersonalDataFindings:
    # A row as the personal-data detector's `passages` gives it.
    FINDINGS = [
        {
            "field": "body",
            "label": "Tekst",
            "kind": "phone",
            "before": "Bel de inwoner op ",
            "text": "06-12345678",
            "after": " vandaag.",
            "message": "telefoonnummer",
        }
    ]

    def test_lists_each_finding_with_the_words_around_it(self):
        html = render(
            '{% include "includes/personal_data_findings.html" with findings=findings heading="Kop" advice="Advies"'
            ' role="alert" id="personal-data-warning" only %}',
            {"findings": self.FINDINGS},
        )
        assert 'class="utrecht-alert utrecht-alert--warning" role="alert" id="personal-data-warning"' in html
        assert '<h2 class="utrecht-heading-3">Kop</h2>' in html and '<p class="utrecht-paragraph">Advies</p>' in html
        assert "Tekst: “…Bel de inwoner op <mark>06-12345678</mark> vandaag.…” — telefoonnummer</li>" in html

    def test_can_link_to_the_fields_and_open_with_a_lead(self):
        html = render(
            '{% include "includes/personal_data_findings.html" with findings=findings link_fields=True lead="Let op."'
            ' intro="Controleer:" only %}',
            {"findings": self.FINDINGS},
        )
        assert '<a class="utrecht-link" href="#id_body">Tekst</a>: “…' in html
        assert '<p class="utrecht-paragraph"><strong>Let op.</strong> Controleer:</p>' in html
        assert "<h2" not in html and "role=" not in html
