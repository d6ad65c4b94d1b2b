"""Report or hold → queue → each moderator action: its effect, its audit record, and what the author is told."""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from forum import services as forum_services
from forum.errors import ForumError
from forum.models import ForumGroup, GroupMembership, PostStatus, ThreadWatch
from forum.moderation import services
from forum.moderation.models import AuditEntry, ReviewItem
from notifications.models import Notification

pytestmark = pytest.mark.django_db


def act_url(kind, obj, action):
    return reverse("forum_moderation:act", kwargs={"kind": kind, "pk": obj.pk, "action_id": action})


def act(post, kind, obj, action, **fields):
    prefix = f"{action}-{obj.pk}" if kind == "revision" else action
    data = {f"{prefix}-{name}": value for name, value in fields.items()}
    if kind == "item":
        data["version"] = obj.version
    return post(act_url(kind, obj, action), data)


def ours(world):
    """Audit entries of this test's groups (the demo content has its own)."""
    return AuditEntry.objects.filter(group__in=[world.group_a, world.group_b])


def moderation_notices(user):
    return Notification.objects.filter(recipient=user, kind="moderation")


@pytest.fixture
def premoderated(world):
    world.group_a.premoderation = ForumGroup.Premoderation.ALL
    world.group_a.save()
    return world


def test_approving_a_held_post_publishes_it_logs_it_and_tells_the_author(premoderated, as_user, post, client):
    world = premoderated
    thread = world.thread()
    assert thread.first_post.status == PostStatus.HELD
    item = ReviewItem.objects.get(post=thread.first_post)
    assert item.held and item.version == 1
    as_user(world.moderator_a)

    response = act(post, "item", item, "approve")

    assert response.status_code == 302
    item.refresh_from_db()
    thread.first_post.refresh_from_db()
    assert thread.first_post.status == PostStatus.PUBLISHED
    assert (item.status, item.version, item.decided_by, item.decision) == ("approved", 2, world.moderator_a, "approve")
    entry = ours(world).get(action="approve")
    assert entry.actor == world.moderator_a and entry.group == world.group_a and entry.target_id == thread.first_post.pk
    assert moderation_notices(world.author).count() == 1
    as_user(world.reader)
    assert "Wat zouden jullie doen?" in client.get(thread.get_absolute_url()).content.decode()


def test_rejecting_needs_a_category_which_is_logged_with_the_reason_and_the_author_is_notified(
    premoderated, as_user, post
):
    world = premoderated
    thread = world.thread()
    held = world.reply(forum_services.approve_post(thread.first_post).thread, "Dit mag niet online.")
    item = ReviewItem.objects.get(post=held)
    as_user(world.moderator_a)

    refused = act(post, "item", item, "reject", reason="Bevat namen van inwoners.")
    assert refused.status_code == 400 and "category" in refused.context["form"].errors
    assert "Bevat namen van inwoners." in refused.content.decode(), "nothing typed is lost"
    # "Other" says nothing by itself: it needs the explanation.
    unexplained = act(post, "item", item, "reject", category="other", reason="")
    assert unexplained.status_code == 400 and "reason" in unexplained.context["form"].errors
    held.refresh_from_db()
    assert held.status == PostStatus.HELD

    act(post, "item", item, "reject", category="personal_data", reason="Bevat namen van inwoners.")
    held.refresh_from_db()
    item.refresh_from_db()
    assert held.status == PostStatus.REJECTED and item.status == "rejected"
    assert (held.moderation_reason, held.moderation_note) == ("personal_data", "Bevat namen van inwoners.")
    entry = ours(world).get(action="reject")
    assert (entry.reason, entry.category) == ("Bevat namen van inwoners.", "personal_data")
    assert moderation_notices(world.author).filter(object_id=held.pk).exists()


def test_hiding_a_reported_post_takes_it_out_of_the_thread_for_others(world, as_user, post, client):
    thread = world.thread()
    reply = world.reply(thread, "Onaardige opmerking over een collega.")
    services.report_post(reply, world.reporter, reason="disrespectful")
    item = ReviewItem.objects.get(post=reply)
    as_user(world.moderator_a)

    act(post, "item", item, "hide", category="disrespectful", reason="Niet respectvol.")

    reply.refresh_from_db()
    assert reply.status == PostStatus.HIDDEN
    assert ReviewItem.objects.get(pk=item.pk).status == "rejected"
    assert ours(world).get(action="hide").reason == "Niet respectvol."
    assert moderation_notices(world.author).filter(object_id=reply.pk).exists()
    as_user(world.reader)
    assert "Onaardige opmerking" not in client.get(thread.get_absolute_url()).content.decode()


def test_edit_and_approve_publishes_the_moderators_text_and_keeps_the_original_as_revision(premoderated, as_user, post):
    world = premoderated
    thread = world.thread(body="Mevrouw Jansen uit de Dorpsstraat 4 belde.")
    item = ReviewItem.objects.get(post=thread.first_post)
    as_user(world.moderator_a)

    act(post, "item", item, "edit_approve", body_markdown="Een inwoner belde.", reason="Adres verwijderd.")

    first = thread.first_post
    first.refresh_from_db()
    assert first.status == PostStatus.PUBLISHED and first.body_markdown == "Een inwoner belde."
    assert list(first.revisions.values_list("body_markdown", flat=True)) == [
        "Mevrouw Jansen uit de Dorpsstraat 4 belde."
    ]
    assert ours(world).filter(action="edit_approve").count() == 1


def test_ignoring_reports_leaves_the_post_alone_and_tells_the_author_nothing(world, as_user, post):
    thread = world.thread()
    services.report_post(thread.first_post, world.reporter, reason="off_topic")
    item = ReviewItem.objects.get(post=thread.first_post)
    as_user(world.moderator_a)

    act(post, "item", item, "ignore")

    item.refresh_from_db()
    thread.first_post.refresh_from_db()
    assert item.status == "ignored" and thread.first_post.status == PostStatus.PUBLISHED
    assert not moderation_notices(world.author).exists()


def test_a_held_post_cannot_be_ignored_it_needs_a_decision(premoderated, as_user, client):
    thread = premoderated.thread()
    item = ReviewItem.objects.get(post=thread.first_post)
    as_user(premoderated.moderator_a)
    page = client.get(reverse("forum_moderation:item", kwargs={"pk": item.pk})).content.decode()
    assert "Goedkeuren" in page and "Afwijzen" in page and "Meldingen negeren" not in page


def test_lock_and_unlock_a_thread(world, as_user, post):
    thread = world.thread()
    as_user(world.moderator_a)

    act(post, "thread", thread, "lock", reason="Het gesprek is afgerond.")
    thread.refresh_from_db()
    assert thread.locked
    with pytest.raises(ForumError):
        world.reply(thread, author=world.reader)

    act(post, "thread", thread, "unlock")
    thread.refresh_from_db()
    assert not thread.locked
    world.reply(thread, author=world.reader)
    assert list(ours(world).order_by("id").values_list("action", flat=True)) == ["lock", "unlock"]


def test_a_pinned_thread_stays_on_top_of_the_group_until_unpinned(world, as_user, post, client):
    older = world.thread(title="Vastgepinde afspraken")
    world.thread(title="Nieuwere vraag")
    as_user(world.moderator_a)
    group_page = reverse("forum:group", kwargs={"slug": older.group.slug})

    act(post, "thread", older, "pin")
    page = client.get(group_page).content.decode()
    assert page.index("Vastgepinde afspraken") < page.index("Nieuwere vraag")

    act(post, "thread", older, "unpin")
    page = client.get(group_page).content.decode()
    assert page.index("Nieuwere vraag") < page.index("Vastgepinde afspraken")
    assert list(ours(world).order_by("id").values_list("action", flat=True)) == ["pin", "unpin"]


def test_moving_a_thread_into_a_private_group_takes_it_out_of_outsiders_search(
    world, as_user, post, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        thread = world.thread(world.group_b, title="Verhuisdraad", body="Over kwartiermaken en zwaluwstaarten.")
    as_user(world.outsider)
    search = reverse("search:search")
    assert "Verhuisdraad" in client.get(search, {"q": "zwaluwstaarten"}).content.decode()

    as_user(world.site_moderator)
    response = act(post, "thread", thread, "move", group=world.group_a.pk, reason="Hoort bij de intervisie.")
    assert response.status_code == 302

    thread.refresh_from_db()
    assert thread.group == world.group_a
    entry = ours(world).get(action="move")
    assert entry.group == world.group_a and "Open overleg" in entry.target_label
    as_user(world.outsider)
    assert "Verhuisdraad" not in client.get(search, {"q": "zwaluwstaarten"}).content.decode()
    assert client.get(thread.get_absolute_url()).status_code == 404
    as_user(world.reader)
    assert "Verhuisdraad" in client.get(search, {"q": "zwaluwstaarten"}).content.decode()


def test_a_group_moderator_can_only_move_threads_into_groups_they_moderate(world, as_user, post):
    thread = world.thread()
    as_user(world.moderator_a)
    response = act(post, "thread", thread, "move", group=world.group_b.pk)
    assert response.status_code == 404, "moderator A moderates no other group: the action is not offered"
    thread.refresh_from_db()
    assert thread.group == world.group_a


def test_purging_a_revision_removes_the_text_from_history_search_and_a_queued_digest(
    world, as_user, post, client, django_capture_on_commit_callbacks
):
    secret = "Zilverreigerdossier"
    with django_capture_on_commit_callbacks(execute=True):
        thread = world.thread(author=world.reader, title="Purgedraad")
        reply = world.reply(thread, f"Het gaat om {secret} van mevrouw K.")
    assert ThreadWatch.objects.filter(thread=thread, user=world.reader).exists()
    assert Notification.objects.filter(recipient=world.reader, kind="reply", object_id=reply.pk).exists()
    as_user(world.moderator_a)
    with django_capture_on_commit_callbacks(execute=True):
        act(post, "post", reply, "edit_post", body_markdown="Het gaat om een dossier.", reason="Naam verwijderd.")
    revision = reply.revisions.get()
    assert secret in revision.body_markdown

    with django_capture_on_commit_callbacks(execute=True):
        response = act(post, "revision", revision, "purge_revision", reason="Herleidbaar dossier.")
    assert response.status_code == 302

    revision.refresh_from_db()
    assert revision.is_purged and revision.body_markdown == ""
    history = client.get(reverse("forum:post_history", kwargs={"pk": reply.pk})).content.decode()
    assert secret not in history
    moderation_page = client.get(reverse("forum_moderation:post", kwargs={"pk": reply.pk})).content.decode()
    assert secret not in moderation_page
    entry = ours(world).get(action="purge_revision")
    assert secret not in entry.target_label + entry.reason
    as_user(world.reader)
    assert "Purgedraad" not in client.get(reverse("search:search"), {"q": secret}).content.decode()
    mail.outbox = []
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_notification_digests", stdout=io.StringIO())
    digests = [m for m in mail.outbox if world.reader.email in m.to]
    assert digests, "the queued reply notification is mailed in the digest"
    assert all(secret not in m.body and secret not in m.alternatives[0][0] for m in digests)


def test_revealing_a_pseudonymous_author_needs_a_reason_and_is_logged_without_the_name(world, as_user, post, client):
    thread = world.thread(title="Anonieme casus", pseudonymous=True)
    as_user(world.moderator_a)
    before = client.get(reverse("forum_moderation:post", kwargs={"pk": thread.first_post.pk})).content.decode()
    assert "Author Tester" not in before and "pseudoniem" in before

    refused = act(post, "post", thread.first_post, "reveal", reason="")
    assert refused.status_code == 400 and "Author Tester" not in refused.content.decode()

    shown = act(post, "post", thread.first_post, "reveal", reason="Melding van mogelijke dreiging.")
    assert shown.status_code == 200 and "Author Tester" in shown.content.decode()
    entry = ours(world).get(action="reveal")
    assert entry.actor == world.moderator_a and entry.reason == "Melding van mogelijke dreiging."
    assert "Author" not in entry.target_label


def test_warning_a_member_mails_them_in_their_language_and_is_logged(world, as_user, post):
    world.author.preferred_language = "da"
    world.author.save()
    membership = GroupMembership.objects.get(group=world.group_a, user=world.author)
    as_user(world.moderator_a)

    act(post, "member", membership, "warn", reason="Hold tonen venlig.")

    (message,) = [m for m in mail.outbox if world.author.email in m.to]
    assert "advarsel" in message.subject.lower() and "Hold tonen venlig." in message.body
    assert ours(world).get(action="warn").target_id == membership.pk


def test_a_suspended_member_cannot_post_until_the_suspension_ends(world, as_user, post):
    thread = world.thread(author=world.reader)
    membership = GroupMembership.objects.get(group=world.group_a, user=world.author)
    as_user(world.moderator_a)

    act(post, "member", membership, "suspend", days=3, reason="Herhaaldelijk off-topic.")

    membership.refresh_from_db()
    assert timezone.now() + timedelta(days=2) < membership.suspended_until <= timezone.now() + timedelta(days=3)
    with pytest.raises(ForumError):
        world.reply(thread)
    membership.suspended_until = timezone.now() - timedelta(minutes=1)
    membership.save()
    world.reply(thread)
    assert ours(world).get(action="suspend").reason == "Herhaaldelijk off-topic."


def test_suspension_length_is_validated_with_a_translated_message(world, as_user, post):
    membership = GroupMembership.objects.get(group=world.group_a, user=world.author)
    as_user(world.moderator_a)
    response = act(post, "member", membership, "suspend", days=0, reason="Te kort.")
    assert response.status_code == 400 and "minstens 1 dag" in response.content.decode()
    assert "Te kort." in response.content.decode(), "nothing typed is lost"


def test_removing_a_member_from_a_private_group_takes_away_their_access(world, as_user, post, client):
    thread = world.thread(author=world.reader)
    membership = GroupMembership.objects.get(group=world.group_a, user=world.author)
    as_user(world.moderator_a)

    act(post, "member", membership, "remove_member", reason="Vertrouwelijkheid geschonden.")

    membership.refresh_from_db()
    assert membership.status == GroupMembership.Status.REMOVED
    as_user(world.author)
    assert client.get(thread.get_absolute_url()).status_code == 404
    assert ours(world).get(action="remove_member").group == world.group_a


def test_a_group_moderator_cannot_act_on_another_group_moderator_or_on_themselves(world, as_user, client):
    own = GroupMembership.objects.get(group=world.group_a, user=world.moderator_a)
    as_user(world.moderator_a)
    assert client.get(act_url("member", own, "warn")).status_code == 404
