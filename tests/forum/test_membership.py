"""Joining, requests, invitations, leaving, removal and the capacity of a group."""

import threading

import pytest
from django.db import connection

from accounts.models import Membership, User
from forum import services
from forum.errors import ForumError
from forum.models import ForumGroup, GroupMembership
from notifications.models import Notification
from tests import factories

pytestmark = pytest.mark.django_db
Status = GroupMembership.Status


def test_an_open_group_lets_a_platform_member_in_at_once(post, client, people, make_group):
    group = make_group("open", join_policy="open", visibility="platform")
    client.force_login(people["platform_member"])
    response = post(f"/nl/forum/groups/{group.slug}/join/")
    assert response.status_code == 302
    assert group.memberships.get(user=people["platform_member"]).status == Status.ACTIVE


def test_someone_without_an_organisation_cannot_join(people, make_group):
    group = make_group("open", join_policy="open", visibility="public")
    with pytest.raises(ForumError):
        services.join_group(group, people["outsider"])
    assert not group.memberships.filter(user=people["outsider"]).exists()


def test_a_request_waits_for_a_group_moderator_who_decides_and_the_person_is_notified(post, client, people, make_group):
    group = make_group("op-verzoek", join_policy="request", moderators=[people["group_moderator"]])
    client.force_login(people["platform_member"])
    post(f"/nl/forum/groups/{group.slug}/join/")
    membership = group.memberships.get(user=people["platform_member"])
    assert membership.status == Status.REQUESTED

    client.force_login(people["group_moderator"])
    page = client.get(group.get_absolute_url()).content.decode()
    assert "Verzoeken om lid te worden" in page
    post(f"/nl/forum/memberships/{membership.pk}/decide/", {"answer": "accept"})
    membership.refresh_from_db()
    assert membership.status == Status.ACTIVE
    assert membership.decided_by == people["group_moderator"]
    assert Notification.objects.filter(recipient=people["platform_member"], kind="membership").exists()


def test_only_moderators_of_the_group_decide_on_requests(post, client, people, make_group):
    group = make_group("op-verzoek", join_policy="request", moderators=[people["group_moderator"]])
    membership = services.join_group(group, people["platform_member"])
    client.force_login(people["group_member"])
    assert post(f"/nl/forum/memberships/{membership.pk}/decide/", {"answer": "accept"}).status_code == 404
    membership.refresh_from_db()
    assert membership.status == Status.REQUESTED


def test_an_invitation_only_group_refuses_joining_but_an_invitee_can_accept(post, client, people, make_group):
    group = make_group("alleen-uitnodiging", join_policy="invitation", visibility="private")
    with pytest.raises(ForumError, match=r"uitnodiging|invitation"):
        services.join_group(group, people["platform_member"])

    moderator = people["group_moderator"]
    GroupMembership.objects.create(group=group, user=moderator, status=Status.ACTIVE, role="moderator")
    client.force_login(moderator)
    response = post(f"/nl/forum/groups/{group.slug}/invite/", {"email": "PLATFORM@almere.example"})
    assert response.status_code == 302
    invitation = group.memberships.get(user=people["platform_member"])
    assert invitation.status == Status.INVITED
    assert Notification.objects.filter(recipient=people["platform_member"], kind="membership").exists()

    client.force_login(people["platform_member"])
    assert "Accepteer de uitnodiging" in client.get("/nl/forum/my/groups/").content.decode()
    post(f"/nl/forum/memberships/{invitation.pk}/respond/", {"answer": "accept"})
    invitation.refresh_from_db()
    assert invitation.status == Status.ACTIVE


def test_an_invitation_can_be_declined(post, client, people, make_group):
    group = make_group("uitnodiging", join_policy="invitation", moderators=[people["group_moderator"]])
    invitation = services.invite(group, people["platform_member"], by=people["group_moderator"])
    client.force_login(people["platform_member"])
    post(f"/nl/forum/memberships/{invitation.pk}/respond/", {"answer": "decline"})
    invitation.refresh_from_db()
    assert invitation.status == Status.DECLINED


def test_inviting_someone_who_is_not_a_platform_member_gives_a_clear_message(client, people, make_group):
    group = make_group("uitnodiging", join_policy="invitation", moderators=[people["group_moderator"]])
    client.force_login(people["group_moderator"])
    response = client.post(f"/nl/forum/groups/{group.slug}/invite/", {"email": "outsider@mail.example"})
    assert response.status_code == 200
    assert "geen lid van het platform met dit e-mailadres" in response.content.decode()
    assert 'value="outsider@mail.example"' in response.content.decode()


def test_only_group_moderators_may_invite(client, people, make_group):
    group = make_group("uitnodiging", join_policy="invitation", members=[people["group_member"]])
    client.force_login(people["group_member"])
    assert client.get(f"/nl/forum/groups/{group.slug}/invite/").status_code == 404


def test_a_full_group_refuses_with_a_message(post, client, people, make_group):
    group = make_group(
        "vol", join_policy="open", max_members=2, members=[people["group_member"], people["other_member"]]
    )
    client.force_login(people["platform_member"])
    response = post(f"/nl/forum/groups/{group.slug}/join/", follow=True)
    assert "Deze groep is vol." in response.content.decode()
    assert not group.memberships.filter(user=people["platform_member"]).exists()


def test_leaving_and_rejoining_but_a_removed_member_cannot_rejoin(people, make_group):
    group = make_group("open", join_policy="open", members=[people["group_member"]])
    services.leave_group(group, people["group_member"])
    assert not group.memberships.filter(user=people["group_member"]).exists()
    services.join_group(group, people["group_member"])
    services.remove_member(group.memberships.get(user=people["group_member"]))
    with pytest.raises(ForumError):
        services.join_group(group, people["group_member"])
    services.leave_group(group, people["group_member"])
    assert group.memberships.get(user=people["group_member"]).status == Status.REMOVED


@pytest.mark.django_db(transaction=True)
def test_twenty_people_joining_a_group_for_eight_at_once_leave_eight_members(committed_db):
    organisation = factories.OrganisationFactory(name="Gemeente Zeist")
    group = ForumGroup.objects.create(slug="intervisie-acht", name="Intervisie acht", max_members=8, join_policy="open")
    users = []
    for i in range(20):
        user = User.objects.create_user(email=f"forum-race-{i}@zeist.example", password="x" * 20)
        Membership.objects.create(user=user, organisation=organisation, status=Membership.Status.ACTIVE)
        users.append(user)
    barrier = threading.Barrier(len(users))
    outcomes = []

    def join(user):
        try:
            barrier.wait()
            services.join_group(group, user)
            outcomes.append("joined")
        except ForumError:
            outcomes.append("full")
        finally:
            connection.close()

    workers = [threading.Thread(target=join, args=(user,)) for user in users]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert outcomes.count("joined") == 8
    assert outcomes.count("full") == 12
    assert GroupMembership.objects.filter(group=group, status=Status.ACTIVE).count() == 8
