"""Apps built on the case register add sections to a case's page through the `case_page_panels` hook, so the register
never imports them."""

import pytest
from django.utils.safestring import mark_safe
from wagtail import hooks

from tests import factories

pytestmark = pytest.mark.django_db


def test_what_a_hook_returns_appears_on_the_case_page_and_plain_text_is_escaped(client):
    handler = factories.member()
    case = factories.case(handler=handler)
    seen = []

    def safe_panel(request, shown):
        seen.append((request.user, shown.pk))
        return mark_safe('<section id="extra-panel">Extra</section>')

    client.force_login(handler)
    with (
        hooks.register_temporarily("case_page_panels", safe_panel),
        hooks.register_temporarily("case_page_panels", lambda request, shown: "<b>plain</b>"),
        hooks.register_temporarily("case_page_panels", lambda request, shown: None),
    ):
        page = client.get(case.get_absolute_url()).content.decode()
    assert '<section id="extra-panel">Extra</section>' in page
    assert "&lt;b&gt;plain&lt;/b&gt;" in page and "<b>plain</b>" not in page
    assert seen == [(handler, case.pk)]
