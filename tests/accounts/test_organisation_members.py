"""Coordinators see and manage their own organisation's members; nobody else sees the list."""

import pytest
from django.urls import reverse

from accounts.models import Membership

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_organisations(make_organisation, make_user):
    a = make_organisation("org-a", domain="a.example", name="Organisatie A")
    b = make_organisation("org-b", domain="b.example", name="Organisatie B")
    people = {
        "coordinator_a": make_user("coord@a.example", organisation=a, role=Membership.Role.COORDINATOR),
        "member_a": make_user("member@a.example", organisation=a),
        "coordinator_b": make_user("coord@b.example", organisation=b, role=Membership.Role.COORDINATOR),
        "canary_b": make_user("canary-member@b.example", organisation=b),
    }
    return a, b, people


def members_url(slug):
    return reverse("accounts:organisation_members", kwargs={"slug": slug})


def test_coordinator_sees_their_own_members(client, two_organisations):
    _, _, people = two_organisations
    client.force_login(people["coordinator_a"])
    page = client.get(members_url("org-a")).content.decode()
    assert "member@a.example" in page
    assert "canary-member@b.example" not in page


@pytest.mark.parametrize("who", ["coordinator_a", "member_a"])
def test_nobody_from_organisation_a_can_see_organisation_b_members(client, two_organisations, who):
    _, _, people = two_organisations
    client.force_login(people[who])
    response = client.get(members_url("org-b"))
    assert response.status_code == 404
    assert "canary-member" not in response.content.decode()


def test_an_ordinary_member_cannot_see_even_their_own_list(client, two_organisations):
    _, _, people = two_organisations
    client.force_login(people["member_a"])
    assert client.get(members_url("org-a")).status_code == 404


def test_a_coordinator_cannot_decide_another_organisations_request(client, two_organisations, make_user):
    _, b, people = two_organisations
    requester = make_user("wants-b@mail.example", organisation=b, status=Membership.Status.PENDING)
    client.force_login(people["coordinator_a"])
    membership = requester.memberships.get()
    # Posting B's request to A's page: not found, nothing changes.
    response = client.post(members_url("org-a"), {"membership": membership.pk, "decision": "approve"})
    assert response.status_code == 404
    membership.refresh_from_db()
    assert membership.status == Membership.Status.PENDING


def test_anonymous_visitors_are_sent_to_login(client, two_organisations):
    response = client.get(members_url("org-a"))
    assert response.status_code == 302
    assert "/accounts/login/" in response.url


def test_member_list_query_count_does_not_grow_with_members(
    client, two_organisations, make_user, django_assert_max_num_queries
):
    a, _, people = two_organisations
    client.force_login(people["coordinator_a"])
    for number in range(30):
        make_user(f"extra{number}@a.example", organisation=a)
    with django_assert_max_num_queries(16):
        assert client.get(members_url("org-a")).status_code == 200
