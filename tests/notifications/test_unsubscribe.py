"""One-click unsubscribe from every notification mail, without logging in."""

import pytest
from django.core import mail
from django.test import Client

from notifications import kinds
from notifications.kinds import Delivery
from notifications.services import deliveries
from notifications.unsubscribe import unsubscribe_token
from tests.helpers import path_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def csrf_client():
    """A mail client's POST carries no CSRF token; make the test client check CSRF as a browser request would."""
    return Client(enforce_csrf_checks=True)


def unsubscribe_url_of(message) -> str:
    return path_of(message.extra_headers["List-Unsubscribe"][1:-1])


def test_get_shows_a_confirmation_page_and_changes_nothing(stand_in, post_target, alice, bob, deliver, client):
    deliver(alice, kinds.MENTION, post_target, actor=bob)
    response = client.get(unsubscribe_url_of(mail.outbox[0]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "E-mails stoppen" in page
    assert "Vermeldingen van mijn naam" in page
    assert deliveries(alice)[kinds.MENTION] == Delivery.IMMEDIATELY


def test_the_one_click_post_works_without_login_or_csrf_token(stand_in, post_target, alice, bob, deliver, csrf_client):
    deliver(alice, kinds.MENTION, post_target, actor=bob)
    response = csrf_client.post(unsubscribe_url_of(mail.outbox[0]), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert deliveries(alice)[kinds.MENTION] == Delivery.OFF
    assert deliveries(alice)[kinds.MODERATION] == Delivery.IMMEDIATELY  # only the kind of that mail

    mail.outbox = []
    deliver(alice, kinds.MENTION, post_target, actor=bob)
    assert mail.outbox == []


def test_the_digest_link_stops_the_digest(stand_in, post_target, alice, bob, deliver, csrf_client):
    from notifications.tasks import send_notification_digests

    deliver(alice, kinds.REPLY, post_target, actor=bob)
    send_notification_digests.call()
    csrf_client.post(unsubscribe_url_of(mail.outbox[0]))
    assert deliveries(alice)[kinds.REPLY] == Delivery.OFF
    assert deliveries(alice)[kinds.MENTION] == Delivery.IMMEDIATELY


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),  # signature changed
        lambda token: "x" + token,  # payload changed
        lambda token: "not-a-token",
    ],
)
def test_a_tampered_token_is_refused_and_changes_nothing(alice, csrf_client, tamper):
    token = tamper(unsubscribe_token(alice, kinds.MENTION))
    response = csrf_client.post(f"/nl/notifications/unsubscribe/{token}/")
    assert response.status_code == 400
    assert "Deze link werkt niet" in response.content.decode()
    assert deliveries(alice)[kinds.MENTION] == Delivery.IMMEDIATELY


def test_a_token_cannot_be_rewritten_to_another_person(alice, bob, csrf_client):
    from django.core import signing

    forged = signing.dumps({"u": bob.pk, "s": kinds.MENTION}, salt="another.salt", compress=True)
    assert csrf_client.post(f"/nl/notifications/unsubscribe/{forged}/").status_code == 400
    assert deliveries(bob)[kinds.MENTION] == Delivery.IMMEDIATELY


def test_the_page_is_in_danish_under_the_danish_prefix(alice, client):
    response = client.get(f"/da/notifications/unsubscribe/{unsubscribe_token(alice, kinds.REPLY)}/")
    page = response.content.decode()
    assert "Afmeld e-mails" in page
    assert "Svar i tråde, jeg følger" in page
