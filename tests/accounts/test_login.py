"""Logging in and out, throttling of failed attempts, password reset, profile."""

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import FailedLogin
from tests.helpers import links_in_last_mail, path_of

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"


def login(client, email, password, **extra):
    return client.post(reverse("accounts:login"), {"username": email, "password": password}, **extra)


def test_login_with_any_capitalisation_of_the_address_and_logout(client, make_user):
    make_user("Lotte.Lid@Almere.example")
    response = login(client, "LOTTE.lid@almere.EXAMPLE", PASSWORD)
    assert response.status_code == 302
    assert client.get(reverse("accounts:profile")).status_code == 200
    client.post(reverse("accounts:logout"))
    assert client.get(reverse("accounts:profile")).status_code == 302


def test_wrong_password_gets_a_clear_message(client, make_user):
    make_user("tester@almere.example")
    response = login(client, "tester@almere.example", "wrong")
    assert response.status_code == 200
    assert "Het e-mailadres en het wachtwoord passen niet bij elkaar" in response.content.decode()


def test_failed_logins_are_throttled_per_address_even_with_the_right_password(client, make_user, settings):
    settings.LOGIN_THROTTLE_FAILURES = 3
    make_user("tester@almere.example")
    for _ in range(3):
        login(client, "tester@almere.example", "wrong")
    response = login(client, "tester@almere.example", PASSWORD)
    assert response.status_code == 200
    assert "Te veel mislukte pogingen" in response.content.decode()
    assert "_auth_user_id" not in client.session
    # Another address from the same office is not affected.
    make_user("collega@almere.example")
    assert login(client, "collega@almere.example", PASSWORD).status_code == 302


def test_throttling_ends_after_the_window(client, make_user, settings):
    settings.LOGIN_THROTTLE_FAILURES = 2
    make_user("tester@almere.example")
    login(client, "tester@almere.example", "wrong")
    login(client, "tester@almere.example", "wrong")
    assert "Te veel" in login(client, "tester@almere.example", PASSWORD).content.decode()
    FailedLogin.objects.update(attempted_at=FailedLogin.objects.first().attempted_at.replace(year=2000))
    assert login(client, "tester@almere.example", PASSWORD).status_code == 302
    assert not FailedLogin.objects.filter(email="tester@almere.example").exists(), "success clears the count"


def test_many_failures_from_one_ip_address_are_throttled(client, settings):
    settings.LOGIN_THROTTLE_FAILURES = 2
    for number in range(10):  # 2 x IP_FACTOR different addresses
        login(client, f"guess{number}@almere.example", "wrong")
    response = login(client, "tester@almere.example", "demo-mediation-2026")
    assert "Te veel mislukte pogingen" in response.content.decode()


def test_password_reset_by_mail(client, make_user):
    make_user("tester@almere.example")
    client.post(reverse("accounts:password_reset"), {"email": "tester@almere.example"})
    (message,) = mail.outbox
    assert message.alternatives, "HTML part"
    link = path_of(next(link for link in links_in_last_mail() if "/password/reset/" in link))
    form_page = client.get(link, follow=True)
    set_url = form_page.redirect_chain[-1][0]
    response = client.post(
        set_url, {"new_password1": "een-nieuw-sterk-wachtwoord", "new_password2": "een-nieuw-sterk-wachtwoord"}
    )
    assert response.status_code == 302
    assert login(client, "tester@almere.example", "een-nieuw-sterk-wachtwoord").status_code == 302


def test_password_reset_for_unknown_address_looks_the_same(client):
    response = client.post(reverse("accounts:password_reset"), {"email": "nobody@nowhere.example"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_profile_edit_keeps_input_on_error_and_saves_when_valid(client, make_user):
    user = make_user("tester@almere.example")
    client.force_login(user)
    response = client.post(
        reverse("accounts:profile"), {"first_name": "Lotte", "last_name": "", "preferred_language": "da"}
    )
    assert response.status_code == 200
    assert 'value="Lotte"' in response.content.decode()
    client.post(reverse("accounts:profile"), {"first_name": "Lotte", "last_name": "Lid", "preferred_language": "da"})
    user.refresh_from_db()
    assert (user.first_name, user.last_name, user.preferred_language) == ("Lotte", "Lid", "da")


def test_login_redirects_back_to_where_the_reader_was(client, make_user):
    make_user("tester@almere.example")
    response = client.post(
        reverse("accounts:login"), {"username": "tester@almere.example", "password": PASSWORD, "next": "/nl/search/"}
    )
    assert response.url == "/nl/search/"
    client.logout()
    response = client.post(
        reverse("accounts:login"),
        {"username": "tester@almere.example", "password": PASSWORD, "next": "https://evil.example/"},
    )
    assert "evil.example" not in response.url


def test_a_member_sent_to_the_cms_ends_on_their_profile_not_in_a_redirect_loop(client, make_user):
    make_user("tester@almere.example")
    response = client.post(
        reverse("accounts:login"), {"username": "tester@almere.example", "password": PASSWORD, "next": "/cms/"}
    )
    cms = client.get(response.url)
    assert cms.status_code == 302 and "/accounts/login/" in cms.url
    back = client.get(cms.url)
    assert back.status_code == 302 and back.url == reverse("accounts:profile")


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "203.0.113.9", "10.0.0.2"),  # no proxy configured: the header is ignored
        (1, "203.0.113.9", "203.0.113.9"),  # the balancer appended the client
        (1, "6.6.6.6, 203.0.113.9", "203.0.113.9"),  # a spoofed first entry is ignored
        (2, "203.0.113.9, 198.51.100.7", "203.0.113.9"),
        (2, "198.51.100.7", "10.0.0.2"),  # fewer entries than proxies: not trustworthy
    ],
)
def test_client_address_behind_load_balancers(rf, settings, proxies, forwarded, expected):
    from accounts.throttling import client_ip

    settings.TRUSTED_PROXY_COUNT = proxies
    request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


def test_throttling_behind_a_balancer_counts_per_client_not_per_balancer(client, make_user, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.LOGIN_THROTTLE_FAILURES = 1
    make_user("tester@almere.example")
    for number in range(5):  # one IP x IP_FACTOR
        login(client, f"guess{number}@almere.example", "wrong", HTTP_X_FORWARDED_FOR="203.0.113.66")
    assert "Te veel" in login(client, "x@almere.example", "y", HTTP_X_FORWARDED_FOR="203.0.113.66").content.decode()
    # Another citizen behind the same balancer logs in fine.
    assert login(client, "tester@almere.example", PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.20").status_code == 302
