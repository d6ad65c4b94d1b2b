"""One login for everyone: the throttle and the e-mail confirmation hold on every path that checks a password.

The platform's login is the only form that logs people in; Wagtail's own login views (the CMS login and the one
for private pages) lead to it. Underneath, the authentication backend applies the rules, so a view that calls
`authenticate()` directly gets them too.
"""

import pytest
from django.contrib.auth import authenticate
from django.contrib.auth import views as auth_views
from django.contrib.sessions.backends.db import SessionStore
from django.urls import reverse
from wagtail.admin.views.account import LoginView as WagtailAdminLoginView

from accounts.models import FailedLogin
from tests import factories

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"
WAGTAIL_LOGINS = ["/nl/_util/login/", "/cms/login/"]


def platform_login(client, email, password):
    return client.post(reverse("accounts:login"), {"username": email, "password": password})


def call_wagtail_login_view(rf, view, email, password):
    """Wagtail's login views themselves, as if they were reachable: they must still obey the backend."""
    request = rf.post("/login/", {"username": email, "password": password})
    request._dont_enforce_csrf_checks = True
    request.session = SessionStore()
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.messages.storage.fallback import FallbackStorage

    request.user = AnonymousUser()
    request._messages = FallbackStorage(request)
    return view(request)


@pytest.fixture
def unverified(make_user):
    user = make_user("unverified@almere.example")
    user.email_verified_at = None
    user.save()
    return user


@pytest.mark.parametrize("url", WAGTAIL_LOGINS)
def test_wagtails_login_urls_lead_to_the_platform_login_keeping_next(client, url):
    response = client.get(url + "?next=/nl/ledenpagina/")
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))
    assert "next=%2Fnl%2Fledenpagina%2F" in response.url


@pytest.mark.parametrize("url", WAGTAIL_LOGINS)
def test_a_password_posted_to_wagtails_login_urls_logs_nobody_in(client, make_user, url):
    make_user("tester@almere.example")
    response = client.post(url, {"username": "tester@almere.example", "password": PASSWORD, "next": "/cms/"})
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))
    assert "_auth_user_id" not in client.session


def test_a_private_page_sends_visitors_to_the_platform_login(settings):
    assert settings.WAGTAIL_FRONTEND_LOGIN_URL == settings.LOGIN_URL


def test_after_the_platform_locks_an_address_no_path_accepts_the_right_password(client, rf, make_user, settings):
    settings.LOGIN_THROTTLE_FAILURES = 5
    make_user("tester@almere.example")
    for _ in range(5):
        platform_login(client, "tester@almere.example", "wrong")
    assert authenticate(None, username="tester@almere.example", password=PASSWORD) is None
    for view in (auth_views.LoginView.as_view(), WagtailAdminLoginView.as_view()):
        response = call_wagtail_login_view(rf, view, "tester@almere.example", PASSWORD)
        assert response.status_code == 200, "the form again, not a redirect into the site"
    assert "Te veel mislukte pogingen" in platform_login(client, "tester@almere.example", PASSWORD).content.decode()


def test_wrong_passwords_on_wagtails_own_login_views_count(rf, make_user, settings):
    settings.LOGIN_THROTTLE_FAILURES = 3
    make_user("tester@almere.example")
    for view in (auth_views.LoginView.as_view(), WagtailAdminLoginView.as_view(), auth_views.LoginView.as_view()):
        call_wagtail_login_view(rf, view, "tester@almere.example", "wrong")
    assert FailedLogin.objects.filter(email="tester@almere.example").count() == 3
    assert authenticate(None, username="tester@almere.example", password=PASSWORD) is None


def test_an_unverified_account_logs_in_on_no_path(client, rf, unverified):
    response = platform_login(client, unverified.email, PASSWORD)
    assert "_auth_user_id" not in client.session
    assert "Bevestig eerst uw e-mailadres" in response.content.decode()
    for url in WAGTAIL_LOGINS:
        client.post(url, {"username": unverified.email, "password": PASSWORD})
        assert "_auth_user_id" not in client.session
    assert authenticate(None, username=unverified.email, password=PASSWORD) is None
    for view in (auth_views.LoginView.as_view(), WagtailAdminLoginView.as_view()):
        assert call_wagtail_login_view(rf, view, unverified.email, PASSWORD).status_code == 200
    assert not FailedLogin.objects.filter(email=unverified.email).exists(), "the right password is no failure"


def test_a_verified_editor_logs_in_once_and_reaches_the_cms(client, editor):
    response = client.post(
        reverse("accounts:login"), {"username": editor.email, "password": factories.PASSWORD, "next": "/cms/"}
    )
    assert response.url == "/cms/"
    assert client.get("/cms/").status_code == 200
    assert client.get("/cms/login/").status_code == 302
