"""The audit log: append-only in the model and in PostgreSQL, survives account deletion; site moderators read all of
it, group moderators their own groups' part (see test_group_audit.py)."""

import pytest
from django.db import DatabaseError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from forum.display import former_member_name
from forum.moderation.models import AuditEntry, AuditLogIsAppendOnly

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry(world):
    thread = world.thread()
    return AuditEntry.record(
        actor=world.moderator_a, action="hide_post", target=thread.first_post, group=world.group_a, reason="Bewaarreden"
    )


def test_entries_cannot_be_changed_or_deleted_through_the_orm(entry):
    entry.reason = "Andere reden"
    with pytest.raises(AuditLogIsAppendOnly):
        entry.save()
    with pytest.raises(AuditLogIsAppendOnly):
        entry.delete()
    with pytest.raises(AuditLogIsAppendOnly):
        AuditEntry.objects.filter(pk=entry.pk).update(reason="x")
    with pytest.raises(AuditLogIsAppendOnly):
        AuditEntry.objects.filter(pk=entry.pk).delete()
    assert AuditEntry.objects.get(pk=entry.pk).reason == "Bewaarreden"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger exists on PostgreSQL only")
def test_the_database_refuses_updates_and_deletes_even_in_raw_sql(entry):
    for statement in (
        "UPDATE forum_moderation_auditentry SET reason = 'vervalst' WHERE id = %s",
        "DELETE FROM forum_moderation_auditentry WHERE id = %s",
        "UPDATE forum_moderation_auditentry SET actor_id = NULL, reason = '' WHERE id = %s",
    ):
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(statement, [entry.pk])
    assert AuditEntry.objects.get(pk=entry.pk).reason == "Bewaarreden"


def test_deleting_the_moderators_account_keeps_the_entry_as_former_member(world, entry, as_user, client):
    world.moderator_a.delete()

    kept = AuditEntry.objects.get(pk=entry.pk)
    assert kept.actor is None and kept.reason == "Bewaarreden"
    as_user(world.site_moderator)
    page = client.get(reverse("forum_moderation:audit")).content.decode()
    with translation.override("nl"):
        assert "Moderatora" not in page and former_member_name() in page


def test_members_and_visitors_have_no_audit_log_and_a_site_moderator_reads_it_all(world, entry, as_user, client):
    url = reverse("forum_moderation:audit")
    assert client.get(url).status_code == 302
    for person in (world.reader, world.outsider):
        as_user(person)
        assert client.get(url).status_code == 404
    as_user(world.site_moderator)
    page = client.get(url).content.decode()
    assert "Moderatora Tester" in page and "Bewaarreden" in page and "Intervisie Canarygroep" in page


def test_the_audit_log_filters_by_action_and_group(world, entry, as_user, client):
    other = world.thread(world.group_b, title="Andere draad")
    AuditEntry.record(actor=world.moderator_b, action="lock", target=other, group=world.group_b, reason="Slot")
    as_user(world.site_moderator)
    url = reverse("forum_moderation:audit")
    by_action = client.get(url, {"action": "lock"}).content.decode()
    assert "Slot" in by_action and "Bewaarreden" not in by_action
    by_group = client.get(url, {"group": world.group_a.pk}).content.decode()
    assert "Bewaarreden" in by_group and "Slot" not in by_group


def test_the_audit_log_page_does_as_many_queries_for_60_entries_as_for_one(
    world, as_user, client, django_assert_max_num_queries
):
    thread = world.thread()

    def log(count):
        for _ in range(count):
            AuditEntry.record(actor=world.moderator_a, action="lock", target=thread, group=world.group_a, reason="r")

    log(1)
    as_user(world.site_moderator)
    with CaptureQueriesContext(connection) as one_entry:
        client.get(reverse("forum_moderation:audit"))
    log(59)
    with django_assert_max_num_queries(len(one_entry.captured_queries)):
        assert client.get(reverse("forum_moderation:audit")).status_code == 200


def test_account_deletion_erases_the_moderators_name_from_the_log_and_decisions(world, entry):
    from accounts.privacy import delete_account
    from forum.moderation import services
    from forum.moderation.models import ReviewItem

    thread = world.thread(title="Besluit")
    services.report_post(thread.first_post, world.reporter, reason="spam")
    item = ReviewItem.objects.get(post=thread.first_post)
    services.decide(item, version=1, actor=world.moderator_a, status="ignored", decision="ignore")

    delete_account(world.moderator_a)

    kept = AuditEntry.objects.get(pk=entry.pk)
    assert (kept.actor_id, kept.actor_name, kept.reason) == (None, "", "Bewaarreden")
    item.refresh_from_db()
    assert (item.decided_by_id, item.decided_by_name, item.status) == (None, "", "ignored")
    with translation.override("nl"):
        assert str(services.AlreadyHandled(item)).startswith("Al afgehandeld door een andere moderator")


def test_deleting_a_group_keeps_its_entries_with_the_groups_name(world, entry):
    world.group_a.delete()

    kept = AuditEntry.objects.get(pk=entry.pk)
    assert (kept.group_id, kept.group_name, kept.reason) == (None, "Intervisie Canarygroep", "Bewaarreden")


def test_deleting_the_account_of_someone_a_moderator_acted_on_removes_their_name_from_the_log(world, as_user, client):
    from accounts.privacy import delete_account
    from forum.models import GroupMembership
    from forum.moderation.actions import ACTIONS

    target = world.author
    name, email = target.get_full_name(), target.email
    membership = GroupMembership.objects.get(group=world.group_a, user=target)
    ACTIONS["suspend"].apply(world.moderator_a, membership, {"reason": "Herhaaldelijk buiten de orde.", "days": 7})
    ACTIONS["warn"].apply(world.moderator_a, membership, {"reason": "Let op de toon."})
    url = reverse("forum_moderation:audit")
    as_user(world.site_moderator)
    page = client.get(url).content.decode()
    assert f"{name} (Intervisie Canarygroep)" in page, "while the person exists the log says whom it was about"

    delete_account(target)

    page = client.get(url).content.decode()
    assert name not in page and email not in page and "Author" not in page
    with translation.override("nl"):
        assert f"{former_member_name()} (Intervisie Canarygroep)" in page
    assert "Herhaaldelijk buiten de orde." in page and "Let op de toon." in page, "what happened stays"
    assert AuditEntry.objects.filter(action__in=["suspend", "warn"]).count() == 2
    for entry in AuditEntry.objects.filter(action__in=["suspend", "warn"]):
        assert name not in str(entry.__dict__) and email not in str(entry.__dict__)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger exists on PostgreSQL only")
def test_the_database_refuses_to_reattribute_or_relabel_an_entry_about_a_person(world):
    from forum.models import GroupMembership
    from forum.moderation.actions import ACTIONS

    membership = GroupMembership.objects.get(group=world.group_a, user=world.author)
    ACTIONS["warn"].apply(world.moderator_a, membership, {"reason": "Let op de toon."})
    entry = AuditEntry.objects.get(action="warn")
    for statement, params in (
        ("UPDATE forum_moderation_auditentry SET subject_id = %s WHERE id = %s", [world.reader.pk, entry.pk]),
        ("UPDATE forum_moderation_auditentry SET target_label = 'Iemand anders' WHERE id = %s", [entry.pk]),
        ("UPDATE forum_moderation_auditentry SET subject_id = NULL, reason = '' WHERE id = %s", [entry.pk]),
        ("DELETE FROM forum_moderation_auditentry WHERE id = %s", [entry.pk]),
    ):
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(statement, params)
    kept = AuditEntry.objects.get(pk=entry.pk)
    assert kept.subject_id == world.author.pk and kept.reason == "Let op de toon."
