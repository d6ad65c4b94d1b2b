"""A group moderator reads their own group's part of the audit log, never another group's; and the log also keeps
the decisions about a group's members (requests, invitations) and its settings (visibility above all), whether taken
on the forum or in the CMS."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import translation

from accounts import roles
from forum import services as forum_services
from forum.models import ForumGroup, GroupMembership
from forum.moderation import permissions
from forum.moderation.models import AuditEntry
from tests import factories
from tests.trust.canaries import edit_in_cms

pytestmark = pytest.mark.django_db

AUDIT = reverse("forum_moderation:audit")


@pytest.fixture
def entries(world):
    """One entry in each group and one that belongs to no group (platform-wide: site moderators only)."""
    in_a = AuditEntry.record(
        actor=world.moderator_a, action="lock", target=world.thread(), group=world.group_a, reason="Reden-A"
    )
    in_b = AuditEntry.record(
        actor=world.moderator_b,
        action="lock",
        target=world.thread(world.group_b, title="Draad in B"),
        group=world.group_b,
        reason="Kanarie-B",
    )
    nowhere = AuditEntry.record(
        actor=world.site_moderator, action="warn", target=world.group_a, reason="Kanarie-platform"
    )
    return in_a, in_b, nowhere


def test_a_group_moderator_reads_their_groups_entries_and_not_another_groups(world, entries, as_user, client):
    as_user(world.moderator_a)
    page = client.get(AUDIT).content.decode()
    assert "Reden-A" in page
    assert "Kanarie-B" not in page and "Kanarie-platform" not in page

    as_user(world.moderator_b)
    page = client.get(AUDIT).content.decode()
    assert "Kanarie-B" in page
    assert "Reden-A" not in page and "Kanarie-platform" not in page


def test_the_site_moderator_reads_every_entry_including_those_of_no_group(world, entries, as_user, client):
    as_user(world.site_moderator)
    page = client.get(AUDIT).content.decode()
    assert all(reason in page for reason in ("Reden-A", "Kanarie-B", "Kanarie-platform"))


def test_the_object_check_and_the_queryset_agree_for_every_reader(world, entries):
    for person in (world.moderator_a, world.moderator_b, world.site_moderator, world.reader, world.outsider):
        readable = set(permissions.readable_audit_entries(person).values_list("pk", flat=True))
        assert readable == {entry.pk for entry in entries if permissions.can_read_audit_entry(person, entry)}


def test_a_group_moderator_can_neither_choose_nor_filter_on_another_group(world, entries, as_user, client):
    as_user(world.moderator_a)
    page = client.get(AUDIT).content.decode()
    assert f'value="{world.group_a.pk}"' in page and f'value="{world.group_b.pk}"' not in page
    filtered = client.get(AUDIT, {"group": world.group_b.pk})
    assert filtered.status_code == 200
    assert "Kanarie-B" not in filtered.content.decode()


def test_the_queue_links_every_moderator_to_the_log(world, as_user, client):
    as_user(world.moderator_a)
    assert AUDIT in client.get(reverse("forum_moderation:queue")).content.decode()


def test_a_removed_group_moderator_no_longer_reads_the_groups_entries(world, entries, as_user, client):
    GroupMembership.objects.filter(group=world.group_a, user=world.moderator_a).update(
        status=GroupMembership.Status.REMOVED
    )
    as_user(world.moderator_a)
    assert client.get(AUDIT).status_code == 404


def test_the_log_page_asks_as_many_queries_for_thirty_entries_as_for_one(
    world, as_user, client, django_assert_max_num_queries
):
    thread = world.thread()
    AuditEntry.record(actor=world.moderator_a, action="lock", target=thread, group=world.group_a)
    as_user(world.moderator_a)
    with django_assert_max_num_queries(18) as one:
        client.get(AUDIT)
    for n in range(29):
        AuditEntry.record(actor=world.author, action="invite", target=thread, group=world.group_a, reason=f"r{n}")
    with django_assert_max_num_queries(len(one.captured_queries)):
        client.get(AUDIT)


# --- what is now recorded -------------------------------------------------------------------------------------------


def test_accepting_and_declining_requests_to_join_are_recorded_with_the_person_concerned(
    world, make_user, make_organisation
):
    world.group_a.join_policy = ForumGroup.JoinPolicy.REQUEST
    world.group_a.save()
    zeist = make_organisation("mod-zeist", name="Gemeente Modzeist")
    accepted, declined = (
        make_user(f"asks{n}@mod.example", organisation=zeist, first_name=f"Vrager{n}") for n in (1, 2)
    )
    first = forum_services.join_group(world.group_a, accepted)
    second = forum_services.join_group(world.group_a, declined)

    forum_services.decide_request(first, True, by=world.moderator_a)
    forum_services.decide_request(second, False, by=world.moderator_a)

    recorded = {e.subject_id: e for e in AuditEntry.objects.filter(action__in=["accept_request", "decline_request"])}
    assert recorded[accepted.pk].action == "accept_request" and recorded[declined.pk].action == "decline_request"
    assert {e.group_id for e in recorded.values()} == {world.group_a.pk}
    assert {e.actor_id for e in recorded.values()} == {world.moderator_a.pk}


def test_an_invitation_is_recorded_and_shown_to_the_groups_moderator(
    world, make_user, make_organisation, as_user, client
):
    zeist = make_organisation("mod-zeist", name="Gemeente Modzeist")
    invited = make_user("invited@mod.example", organisation=zeist, first_name="Genodigde", last_name="Lid")
    forum_services.invite(world.group_a, invited, by=world.moderator_a)

    entry = AuditEntry.objects.get(action="invite")
    assert entry.subject == invited and entry.group == world.group_a
    as_user(world.moderator_a)
    with translation.override("en"):
        page = client.get(reverse("forum_moderation:audit")).content.decode()
        assert "Invited to the group" in page and "Genodigde Lid" in page


def test_a_visibility_change_in_the_cms_is_recorded_as_data_and_read_in_the_readers_language(world, as_user, client):
    edit_in_cms(world.group_a, visibility=ForumGroup.Visibility.PLATFORM, description="Nieuwe omschrijving " * 20)

    entry = AuditEntry.objects.get(action="group_settings")
    assert entry.group == world.group_a and entry.actor is not None
    changes = {name: (old, new) for name, old, new in entry.details["changes"]}
    assert changes["visibility"] == ("private", "platform")
    # A long free text is recorded as changed, not copied into the log.
    assert changes["description"] == (None, None)

    as_user(world.moderator_a)
    with translation.override("en"):
        page = client.get(reverse("forum_moderation:audit"), {"action": "group_settings"}).content.decode()
        assert "Group settings changed" in page
        assert "Visibility: Private: only group members know its content → Platform" in page
        assert "Description: changed" in page
    with translation.override("nl"):
        page = client.get(reverse("forum_moderation:audit"), {"action": "group_settings"}).content.decode()
        assert "Zichtbaarheid" in page


def test_saving_a_group_in_the_cms_without_changes_records_nothing(world):
    edit_in_cms(world.group_a)
    assert not AuditEntry.objects.filter(action="group_settings").exists()


def test_creating_a_group_and_appointing_a_moderator_in_the_cms_are_recorded(world):
    admin = Client()
    admin.force_login(factories.superuser())
    response = admin.post(
        reverse("forum_groups:add"),
        {
            "name": "Nieuwe groep",
            "slug": "nieuwe-groep",
            "description": "",
            "language": "nl",
            "visibility": "platform",
            "join_policy": "open",
            "max_members": "",
            "premoderation": "off",
            "premoderation_first_posts": "1",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    group = ForumGroup.objects.get(slug="nieuwe-groep")
    created = AuditEntry.objects.get(action="group_created")
    assert created.group == group
    assert ["visibility", None, "platform"] in created.details["changes"]

    membership = GroupMembership.objects.get(group=world.group_b, user=world.author)
    response = admin.post(
        reverse("forum_group_members:edit", args=[membership.pk]),
        {
            "group": world.group_b.pk,
            "user": world.author.pk,
            "role": "moderator",
            "status": "active",
            "suspended_until": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    appointed = AuditEntry.objects.get(action="membership_changed")
    assert appointed.subject == world.author and appointed.group == world.group_b
    assert ["role", "member", "moderator"] in appointed.details["changes"]


def test_the_new_entries_stay_append_only(world):
    edit_in_cms(world.group_a, visibility=ForumGroup.Visibility.PLATFORM)
    entry = AuditEntry.objects.get(action="group_settings")
    entry.details = {}
    with pytest.raises(Exception, match="append-only"):
        entry.save()


def test_a_site_moderator_who_is_no_group_moderator_still_reads_group_entries(world, entries, make_user):
    helper = make_user("helper@mod.example")
    helper.groups.add(Group.objects.get(name=roles.MODERATORS))
    assert permissions.readable_audit_entries(helper).count() == 3
