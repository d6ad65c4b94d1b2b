"""Starting threads and replying: templates, quoting, mentions, pseudonyms, edits, limits and locks."""

from datetime import timedelta

import pytest
from django.utils import timezone

from forum import services
from forum.errors import ForumError
from forum.models import GroupMembership, Post, Thread, ThreadWatch
from notifications.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def group(make_group, people):
    return make_group(
        "werkgroep",
        visibility="platform",
        allow_pseudonyms=True,
        members=[people["group_member"], people["other_member"], people["platform_member"]],
        moderators=[people["group_moderator"]],
    )


def test_a_case_consultation_composes_the_first_post_from_its_parts(post, client, people, group):
    client.force_login(people["group_member"])
    response = post(
        f"/nl/forum/groups/{group.slug}/new/",
        {
            "template": "case",
            "title": "Vastgelopen gesprek",
            "situation": "Twee afdelingen praten niet meer met elkaar.",
            "question": "Wie zou het gesprek kunnen leiden?",
            "tried": "Een gezamenlijk overleg.",
        },
    )
    thread = Thread.objects.get(title="Vastgelopen gesprek")
    assert response.status_code == 302
    assert thread.template == Thread.Template.CASE
    html = thread.first_post.body_html
    assert "<h3>De situatie</h3>" in html
    assert "<h3>Mijn vraag aan de groep</h3>" in html
    assert "Een gezamenlijk overleg." in html
    assert ThreadWatch.objects.filter(thread=thread, user=people["group_member"]).exists()


def test_a_case_consultation_needs_a_situation_and_a_question_and_keeps_what_was_typed(client, people, group):
    client.force_login(people["group_member"])
    response = client.post(
        f"/nl/forum/groups/{group.slug}/new/", {"template": "case", "title": "Mijn casus", "tried": "Veel geprobeerd"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Vul dit deel van de casusbespreking in." in page
    assert 'id="id_situation_error"' in page and 'id="id_question_error"' in page
    assert 'id="id_tried_error"' not in page
    assert "Veel geprobeerd" in page and 'value="Mijn casus"' in page


def test_replying_quoting_and_watchers_are_notified(post, client, people, group, committed):
    with committed():
        thread = services.create_thread(
            group, people["group_member"], title="Vraag", body_markdown="Wat vinden jullie?"
        )
    client.force_login(people["other_member"])
    form = client.get(f"/nl/forum/threads/{thread.pk}/reply/?quote={thread.first_post_id}").content.decode()
    assert "&gt; Wat vinden jullie?" in form
    response = post(f"/nl/forum/threads/{thread.pk}/reply/", {"body": "> Wat vinden jullie?\n\nEen goed idee."})
    assert response.status_code == 302
    reply = thread.posts.latest("pk")
    assert "<blockquote>" in reply.body_html
    assert Notification.objects.filter(recipient=people["group_member"], kind="reply").count() == 1
    thread.refresh_from_db()
    assert thread.reply_count == 1 and thread.last_post == reply


def test_a_mention_of_a_group_member_links_to_them_and_notifies_them_once(people, group, committed):
    with committed():
        thread = services.create_thread(
            group, people["group_member"], title="Vraag", body_markdown="Wat denk jij, @otto-oranje? En @niemand?"
        )
    html = thread.first_post.body_html
    assert f'href="/nl/forum/groups/{group.slug}/members/#member-{people["other_member"].pk}"' in html
    assert "@niemand" in html and "niemand</a>" not in html
    assert Notification.objects.filter(recipient=people["other_member"], kind="mention").count() == 1
    with committed():
        services.edit_post(thread.first_post, people["group_member"], "Wat denk jij, @otto-oranje? Graag snel.")
    assert Notification.objects.filter(recipient=people["other_member"], kind="mention").count() == 1


def test_someone_outside_the_group_cannot_be_mentioned(people, group, committed):
    with committed():
        services.create_thread(group, people["group_member"], title="Vraag", body_markdown="Hallo @site-tester")
    assert not Notification.objects.filter(recipient=people["site_moderator"], kind="mention").exists()


def test_edits_keep_the_earlier_text_visible_to_the_author_and_moderators_only(client, people, group):
    thread = services.create_thread(group, people["group_member"], title="Vraag", body_markdown="Eerste versie")
    services.edit_post(thread.first_post, people["group_member"], "Tweede versie")
    history_url = f"/nl/forum/posts/{thread.first_post_id}/history/"
    for role in ("group_member", "group_moderator", "site_moderator"):
        client.force_login(people[role])
        page = client.get(history_url).content.decode()
        assert "Eerste versie" in page and "Tweede versie" in page
    client.force_login(people["other_member"])
    assert client.get(history_url).status_code == 404
    assert "Eerste versie" not in client.get(thread.get_absolute_url()).content.decode()


def test_a_purged_revision_is_gone_from_the_history(client, people, group):
    thread = services.create_thread(group, people["group_member"], title="Vraag", body_markdown="Met BSN-gevoelig")
    services.edit_post(thread.first_post, people["group_member"], "Zonder")
    services.purge_revision(thread.first_post.revisions.get())
    client.force_login(people["group_moderator"])
    page = client.get(f"/nl/forum/posts/{thread.first_post_id}/history/").content.decode()
    assert "BSN-gevoelig" not in page
    assert "Een moderator heeft deze versie verwijderd" in page


def test_only_the_author_edits_a_post(client, people, group):
    thread = services.create_thread(group, people["group_member"], title="Vraag", body_markdown="Tekst")
    client.force_login(people["other_member"])
    assert client.get(f"/nl/forum/posts/{thread.first_post_id}/edit/").status_code == 404
    client.force_login(people["group_member"])
    assert client.get(f"/nl/forum/posts/{thread.first_post_id}/edit/").status_code == 200


def test_pseudonyms_are_stable_within_a_thread_and_differ_between_people(client, people, group):
    thread = services.create_thread(
        group, people["group_member"], title="Anoniem", body_markdown="Mijn casus", pseudonymous=True
    )
    services.reply(thread, people["other_member"], "Vraag terug", pseudonymous=True)
    services.reply(thread, people["group_member"], "Antwoord", pseudonymous=True)
    client.force_login(people["platform_member"])
    page = client.get(thread.get_absolute_url()).content.decode()
    assert page.count("<strong>Deelnemer 1</strong>") == 2 and page.count("<strong>Deelnemer 2</strong>") == 1
    assert "Gerda" not in page and "Otto" not in page
    client.force_login(people["group_moderator"])
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "Geplaatst onder pseudoniem" in page
    assert "Gerda" not in page  # revealing is a logged moderation action, not part of the page


def test_pseudonymous_posting_needs_the_groups_permission(people, make_group):
    group = make_group("open-naam", members=[people["group_member"]])
    with pytest.raises(ForumError):
        services.create_thread(group, people["group_member"], title="X", body_markdown="Y", pseudonymous=True)


def test_the_rate_limit_stops_the_eleventh_post_in_ten_minutes_with_a_message(client, people, group):
    thread = services.create_thread(group, people["group_member"], title="Veel", body_markdown="Eerste")
    for i in range(9):
        services.reply(thread, people["group_member"], f"Bericht {i}")
    client.force_login(people["group_member"])
    response = client.post(f"/nl/forum/threads/{thread.pk}/reply/", {"body": "Nog een bericht"})
    page = response.content.decode()
    assert "U kunt maximaal 10 berichten plaatsen in 10 minuten" in page
    assert "Nog een bericht" in page
    Post.objects.filter(author=people["group_member"]).update(created_at=timezone.now() - timedelta(minutes=11))
    services.reply(thread, people["group_member"], "Nu mag het weer")


def test_a_message_that_is_too_long_is_refused_with_its_length(client, people, group):
    thread = services.create_thread(group, people["group_member"], title="Lang", body_markdown="Kort")
    client.force_login(people["other_member"])
    response = client.post(f"/nl/forum/threads/{thread.pk}/reply/", {"body": "a" * 20_001})
    assert "hoogstens 20000 tekens" in response.content.decode() or "20.000" in response.content.decode()
    assert thread.posts.count() == 1
    with pytest.raises(ForumError):
        services.reply(thread, people["other_member"], "a" * 20_001)


def test_a_suspended_member_reads_but_cannot_post(client, people, group):
    thread = services.create_thread(group, people["group_member"], title="Vraag", body_markdown="Tekst")
    membership = group.memberships.get(user=people["other_member"])
    services.suspend_member(membership, timezone.now() + timedelta(days=3))
    client.force_login(people["other_member"])
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "U bent in deze groep geschorst tot" in page
    response = client.post(f"/nl/forum/threads/{thread.pk}/reply/", {"body": "Toch iets"})
    assert "Toch iets" not in Post.objects.filter(thread=thread).values_list("body_markdown", flat=True)
    assert response.status_code == 200
    services.suspend_member(membership, None)
    services.reply(thread, people["other_member"], "Weer welkom")


def test_a_locked_thread_takes_no_replies_except_from_moderators(people, group):
    thread = services.create_thread(group, people["group_member"], title="Klaar", body_markdown="Tekst")
    services.lock_thread(thread)
    with pytest.raises(ForumError, match=r"gesloten|locked"):
        services.reply(thread, people["other_member"], "Nog iets")
    services.reply(thread, people["group_moderator"], "Afsluitende opmerking van de moderator")


def test_the_personal_data_detector_warns_and_the_confirmation_covers_exactly_those_findings(client, people, group):
    thread = services.create_thread(group, people["group_member"], title="Vraag", body_markdown="Tekst")
    client.force_login(people["other_member"])
    url = f"/nl/forum/threads/{thread.pk}/reply/"
    body = "Bel mevrouw even op 06-12345678 voor de afspraak."
    first = client.post(url, {"body": body})
    page = first.content.decode()
    assert "Mogelijke persoonsgegevens in uw tekst" in page
    assert "06-12345678" in page and thread.posts.count() == 1
    digest = first.context["form"].data["findings_seen"]
    client.post(url, {"body": body + " En 06-87654321.", "findings_seen": digest, "confirm_findings": "on"})
    assert thread.posts.count() == 1  # a new finding needs a new confirmation
    client.post(url, {"body": body, "findings_seen": digest, "confirm_findings": "on"})
    assert thread.posts.count() == 2


def test_new_since_last_visit(client, people, group):
    thread = services.create_thread(group, people["group_member"], title="Nieuwsdraad", body_markdown="Begin")
    client.force_login(people["other_member"])
    client.get(thread.get_absolute_url())
    reply = services.reply(thread, people["group_member"], "Later bericht")
    page = client.get(group.get_absolute_url()).content.decode()
    assert 'utrecht-badge-status--warning">Nieuw' in page
    page = client.get(thread.get_absolute_url()).content.decode()
    assert f'href="#post-{reply.pk}"' in page  # "go to the first new post"
    page = client.get(group.get_absolute_url()).content.decode()
    assert 'utrecht-badge-status--warning">Nieuw' not in page


def test_people_outside_the_group_cannot_post_in_it(people, group, make_group):
    make_group("andere", members=[people["outsider"]])
    thread = services.create_thread(group, people["group_member"], title="Vraag", body_markdown="Tekst")
    with pytest.raises(ForumError, match="Word lid"):
        services.reply(thread, _non_member(people, group), "Hoi")
    with pytest.raises(ForumError, match="leden van het platform"):
        services.reply(thread, people["outsider"], "Hoi")


def _non_member(people, group):
    GroupMembership.objects.filter(group=group, user=people["platform_member"]).delete()
    return people["platform_member"]


def test_a_group_member_must_join_before_posting_in_a_public_group(client, people, public_group):
    client.force_login(people["platform_member"])
    response = client.get(f"/nl/forum/groups/{public_group.slug}/new/")
    assert "Word lid van deze groep om mee te praten." in response.content.decode()
    assert not GroupMembership.objects.filter(group=public_group, user=people["platform_member"]).exists()
