"""Error pages are in the site's layout and language, and never leak internals."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "title"), [("nl", "Pagina niet gevonden"), ("da", "Siden blev ikke fundet"), ("en", "Page not found")]
)
def test_404_in_the_site_layout_and_language(client, language, title):
    response = client.get(f"/{language}/does-not-exist/")
    assert response.status_code == 404
    html = response.content.decode()
    assert title in html
    assert 'class="utrecht-skip-link' in html and "site-header" in html


def test_csrf_failure_explains_in_plain_language():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/nl/accounts/login/", {"username": "a@b.example", "password": "x"})
    assert response.status_code == 403
    assert "Uw sessie is verlopen" in response.content.decode()


def test_500_page_renders_without_a_request_context(rf):
    from config.views import server_error

    response = server_error(rf.get("/nl/"))
    assert response.status_code == 500
    assert "Er is iets misgegaan" in response.content.decode()


def test_robots_and_health_check(client):
    assert "Disallow: /cms/" in client.get("/robots.txt").content.decode()
    assert client.get("/healthz").json() == {"status": "ok"}
