"""One member's moderation history: site moderators see everything, a group moderator only their groups' part;
staff notes are for moderators only and go with the member's account; pseudonyms are not undone by the page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from accounts.privacy import delete_account, export
from forum.moderation import services, suspensions
from forum.moderation.models import AuditEntry, StaffNote
from forum.moderation.permissions import readable_notes

pytestmark = pytest.mark.django_db


def history_url(member, language="nl"):
    with translation.override(language):
        return reverse("forum_moderation:member_history", kwargs={"user_id": member.pk})


def note_url(member, language="nl"):
    with translation.override(language):
        return reverse("forum_moderation:act", kwargs={"kind": "person", "pk": member.pk, "action_id": "staff_note"})


def add_note(world, text, *, by=None, group=None):
    return StaffNote.objects.create(member=world.author, author=by or world.site_moderator, group=group, text=text)


def test_a_group_moderator_sees_only_their_groups_part_of_the_history(world, as_user, client):
    in_a = world.thread(title="Draad in A")
    in_b = world.thread(world.group_b, title="Draad in B")
    AuditEntry.record(actor=world.moderator_a, action="lock", target=in_a, group=world.group_a, reason="Reden-A")
    AuditEntry.record(actor=world.moderator_b, action="lock", target=in_b, group=world.group_b, reason="KANARIE-B")
    add_note(world, "Notitie over A", by=world.moderator_a, group=world.group_a)
    add_note(world, "KANARIE-notitie B", by=world.moderator_b, group=world.group_b)
    add_note(world, "KANARIE-sitebreed")
    suspensions.suspend(world.author, by=world.site_moderator, kind="silenced", days=2, reason="KANARIE-platform")
    services.report_post(in_b.first_post, world.reader, reason="spam")

    as_user(world.moderator_a)
    page = client.get(history_url(world.author, "en")).content.decode()
    assert "Reden-A" in page and "Notitie over A" in page
    assert "KANARIE" not in page, "nothing of another group, nor platform-wide records, reaches a group moderator"
    assert "None of their posts was reported or held." in page, "the report in group B is not counted for A"

    as_user(world.site_moderator)
    page = client.get(history_url(world.author, "en")).content.decode()
    for text in ("Reden-A", "KANARIE-B", "KANARIE-notitie B", "KANARIE-sitebreed", "KANARIE-platform"):
        assert text in page
    assert "None of their posts was reported or held." not in page


def test_the_history_opens_only_for_moderators_of_the_members_groups(world, as_user, client):
    as_user(world.moderator_b)
    assert client.get(history_url(world.reader)).status_code == 404, "the reader is not in group B"
    assert client.get(history_url(world.author)).status_code == 200
    for who in (world.reader, world.outsider):
        as_user(who)
        assert client.get(history_url(world.author)).status_code == 404


def test_staff_notes_are_never_shown_to_the_member_they_are_about(world, as_user, client):
    from django.contrib.auth.models import Group

    from accounts import roles

    add_note(world, "KANARIE-geheime-notitie", by=world.moderator_a, group=world.group_a)
    # Even a member who moderates their group, or the whole site, does not read notes about themselves.
    world.author.groups.add(Group.objects.get(name=roles.MODERATORS))
    as_user(world.author)
    assert client.get(history_url(world.author)).status_code == 404
    assert not readable_notes(world.author).exists()
    for url in (reverse("forum:index"), reverse("notifications:list"), reverse("accounts:profile")):
        assert "KANARIE-geheime-notitie" not in client.get(url).content.decode()


def test_a_group_moderator_adds_a_note_about_a_member_of_their_group_and_only_that_is_logged(world, as_user, post):
    as_user(world.moderator_a)
    text = "Reageert fel op kritiek; eerst bellen."
    response = post(note_url(world.author), {"staff_note-text": text, "staff_note-group": world.group_a.pk})
    assert response.status_code == 302
    note = StaffNote.objects.get(member=world.author)
    assert (note.author, note.group, note.text) == (world.moderator_a, world.group_a, text)
    entry = AuditEntry.objects.get(action="staff_note")
    assert entry.subject == world.author and entry.group == world.group_a
    assert text not in f"{entry.reason} {entry.target_label}", "the log records the note, never its text"


def test_a_group_moderator_cannot_file_a_note_under_another_group(world, as_user, post):
    as_user(world.moderator_a)
    response = post(note_url(world.author), {"staff_note-text": "Poging.", "staff_note-group": world.group_b.pk})
    assert response.status_code == 400
    assert not StaffNote.objects.exists()


def test_a_note_with_a_citizens_details_is_held_back_until_confirmed_and_keeps_the_text(world, as_user, post):
    as_user(world.site_moderator)
    text = "Noemde de burger mevrouw Jansen, Dorpsstraat 12, 1234 AB Almere."
    response = post(note_url(world.author, "en"), {"staff_note-text": text})
    assert response.status_code == 400
    assert "Dorpsstraat 12" in response.content.decode()
    assert not StaffNote.objects.exists()


def test_notes_are_in_the_members_data_download_and_go_with_their_account(world):
    note = add_note(world, "Over de toon in groep A.", group=world.group_a)
    AuditEntry.record(actor=world.site_moderator, action="staff_note", target=note, subject=world.author, label="")
    suspensions.suspend(world.author, by=world.site_moderator, kind="suspended", days=2, reason="Toon.")

    exported = export(world.author)["forum_moderation_notes_and_suspensions"]
    assert [n["text"] for n in exported["staff_notes"]] == ["Over de toon in groep A."]
    assert exported["platform_suspensions"][0]["reason"] == "Toon."
    assert world.site_moderator.email not in str(exported), "moderators appear by their role"

    delete_account(world.author)
    assert not StaffNote.objects.exists()
    entry = AuditEntry.objects.get(action="staff_note")
    assert entry.subject is None and "Over de toon" not in entry.target_text()


def test_the_history_page_asks_as_many_queries_for_many_entries_as_for_one(
    world, as_user, client, django_assert_max_num_queries
):
    thread = world.thread()

    def record(count):
        for number in range(count):
            AuditEntry.record(actor=world.moderator_a, action="lock", target=thread, group=world.group_a)
            add_note(world, f"Notitie {number}", by=world.moderator_a, group=world.group_a)

    record(1)
    as_user(world.moderator_a)
    with CaptureQueriesContext(connection) as one:
        assert client.get(history_url(world.author)).status_code == 200
    record(60)
    with django_assert_max_num_queries(len(one.captured_queries)):
        assert client.get(history_url(world.author)).status_code == 200
    as_user(world.site_moderator)
    with CaptureQueriesContext(connection) as site_wide:
        client.get(history_url(world.author))
    record(10)
    with django_assert_max_num_queries(len(site_wide.captured_queries)):
        assert client.get(history_url(world.author)).status_code == 200


def test_a_pseudonymous_post_does_not_lead_a_moderator_to_its_authors_history(world, as_user, client, post):
    thread = world.thread(title="Onder pseudoniem", pseudonymous=True)
    services.report_post(thread.first_post, world.reader, reason="spam")
    AuditEntry.record(
        actor=world.moderator_a, action="hide_post", target=thread.first_post, group=world.group_a, reason="KANARIE"
    )
    as_user(world.moderator_a)
    link = history_url(world.author)
    with translation.override("nl"):
        post_page = reverse("forum_moderation:post", kwargs={"pk": thread.first_post.pk})
    assert link not in client.get(post_page).content.decode()
    history = client.get(link).content.decode()
    assert "KANARIE" not in history and "Onder pseudoniem" not in history
    with translation.override("nl"):
        reveal = reverse(
            "forum_moderation:act", kwargs={"kind": "post", "pk": thread.first_post.pk, "action_id": "reveal"}
        )
    assert link in post(reveal, {"reveal-reason": "Nodig voor een melding."}).content.decode()


def test_a_named_post_links_its_moderators_to_the_authors_history(world, as_user, client):
    thread = world.thread(title="Met naam")
    as_user(world.moderator_a)
    with translation.override("nl"):
        post_page = reverse("forum_moderation:post", kwargs={"pk": thread.first_post.pk})
    assert history_url(world.author) in client.get(post_page).content.decode()
