"""Every response carries a Content-Security-Policy: the site's strict one, the CMS's own under /cms/. And the CMS
sends nobody's e-mail address (hashed) to Gravatar."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import path

from accounts import roles
from forum.models import ForumGroup, GroupMembership

pytestmark = pytest.mark.django_db


def _directives(response) -> dict[str, list[str]]:
    header = response.headers["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def _assert_site_policy(response):
    directives = _directives(response)
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"] and directives["style-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"] and directives["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in response.headers["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response.headers["Content-Security-Policy"]


def test_public_pages_carry_the_sites_policy(client):
    for url in ("/nl/", "/en/search/?q=mediation", "/nl/forum/", "/nl/accounts/login/"):
        response = client.get(url)
        assert response.status_code == 200, url
        _assert_site_policy(response)


def test_member_pages_carry_the_sites_policy(client, make_user, make_organisation):
    member = make_user("csp-lid@almere.example", organisation=make_organisation("almere"))
    group = ForumGroup.objects.create(slug="csp-groep", name="CSP-groep")
    GroupMembership.objects.create(group=group, user=member, status=GroupMembership.Status.ACTIVE)
    client.force_login(member)
    for url in ("/nl/accounts/profile/", f"/nl/forum/groups/{group.slug}/", f"/nl/forum/groups/{group.slug}/new/"):
        response = client.get(url)
        assert response.status_code == 200, url
        _assert_site_policy(response)


def _boom(request):
    raise RuntimeError("a bug")


urlpatterns = [path("boom/", _boom)]
handler500 = "config.views.server_error"


def test_error_pages_carry_the_sites_policy(client):
    not_found = client.get("/nl/bestaat-niet/")
    assert not_found.status_code == 404
    _assert_site_policy(not_found)
    refused = Client(enforce_csrf_checks=True).post("/nl/accounts/login/", {"username": "a@b.example"})
    assert refused.status_code == 403
    _assert_site_policy(refused)


@pytest.mark.urls(__name__)
def test_a_server_error_page_carries_the_sites_policy():
    response = Client(raise_request_exception=False).get("/boom/")
    assert response.status_code == 500
    _assert_site_policy(response)


def test_the_cms_has_a_policy_of_its_own_and_shows_no_gravatar(client, make_user):
    editor = make_user("redacteur@csp.example", first_name="Rie", last_name="Redacteur")
    editor.groups.add(Group.objects.get(name=roles.EDITORS))
    client.force_login(editor)
    dashboard = client.get("/cms/")
    assert dashboard.status_code == 200
    directives = _directives(dashboard)
    assert "'unsafe-inline'" in directives["script-src"], "Wagtail's admin runs inline scripts"
    assert directives["frame-ancestors"] == ["'self'"] and directives["object-src"] == ["'none'"]
    assert "gravatar" not in dashboard.content.decode().lower()

    administrator = make_user("beheerder@csp.example", is_superuser=True)
    client.force_login(administrator)
    users = client.get("/cms/users/", {"q": "redacteur"})
    assert users.status_code == 200
    html = users.content.decode().lower()
    assert "redacteur@csp.example" in html and "gravatar" not in html
