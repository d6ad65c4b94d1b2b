"""A moderator acting on a member who left the group in the meantime is told so; nothing breaks."""

import pytest
from django.utils import translation

from forum import services as forum_services
from forum.errors import ForumError
from forum.models import GroupMembership
from forum.moderation import actions
from forum.moderation.models import AuditEntry

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("action_id, data", [("remove_member", {}), ("suspend", {"days": 3})])
def test_acting_on_a_member_who_left_after_the_page_was_opened_says_they_left(world, action_id, data):
    # The moderator's request loaded the membership; the member leaves before the action is applied.
    opened = GroupMembership.objects.get(group=world.group_a, user=world.author)
    forum_services.leave_group(world.group_a, world.author)

    with translation.override("en"), pytest.raises(ForumError, match="no longer a member"):
        actions.ACTIONS[action_id].apply(world.moderator_a, opened, {"reason": "Vertrouwelijkheid.", **data})

    assert not GroupMembership.objects.filter(group=world.group_a, user=world.author).exists()
    assert not AuditEntry.objects.filter(group=world.group_a, action=action_id).exists()


def test_removing_a_member_who_has_left_by_address_is_not_found(world, as_user, client):
    membership = GroupMembership.objects.get(group=world.group_a, user=world.author)
    forum_services.leave_group(world.group_a, world.author)
    as_user(world.moderator_a)
    response = client.post(
        f"/en/forum/moderation/act/member/{membership.pk}/remove_member/", {"remove_member-reason": "Weg."}
    )
    assert response.status_code == 404


def test_deciding_on_a_request_withdrawn_meanwhile_says_it_was_handled(world):
    request = GroupMembership.objects.create(
        group=world.group_b, user=world.outsider, status=GroupMembership.Status.REQUESTED
    )
    forum_services.leave_group(world.group_b, world.outsider)

    with translation.override("en"), pytest.raises(ForumError, match="already been handled"):
        forum_services.decide_request(request, True, by=world.moderator_b)


@pytest.mark.parametrize("next_value", ["٣", "abc"])
def test_a_moderator_action_with_an_odd_next_goes_to_the_default_place(world, as_user, client, next_value):
    thread = world.thread()
    as_user(world.moderator_a)
    response = client.post(f"/en/forum/moderation/act/thread/{thread.pk}/lock/", {"next": next_value})
    assert response.status_code == 302
    assert response["Location"] == thread.get_absolute_url()
