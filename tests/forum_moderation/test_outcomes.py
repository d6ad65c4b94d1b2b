"""Outcomes reach people: the author reads why their post was hidden, every reporter hears what became of their report,
and a post that enough members report is held until a moderator decides."""

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from accounts.models import User
from forum.models import GroupMembership, PostStatus
from forum.moderation import services
from forum.moderation.actions import for_target
from forum.moderation.models import AuditEntry, Report, ReviewItem
from notifications import registry
from notifications.kinds import Kind
from notifications.models import Notification
from notifications.tasks import send_notification_digests
from tests.factories import join

pytestmark = pytest.mark.django_db

EXPLANATION = "U noemde de achternaam en het adres van een inwoner."


def act(post, obj, action, kind="item", **fields):
    data = {f"{action}-{name}": value for name, value in fields.items()}
    if kind == "item":
        data["version"] = obj.version
    return post(reverse("forum_moderation:act", kwargs={"kind": kind, "pk": obj.pk, "action_id": action}), data)


def outcomes(user):
    return Notification.objects.filter(recipient=user, kind=Kind.REPORT_OUTCOME)


def rendered(user, notification, language):
    with translation.override(language):
        return registry.render(user, notification.target)


@pytest.fixture
def reported(world, django_capture_on_commit_callbacks):
    """A reply in group A reported by two members (not yet enough for a hold)."""
    thread = world.thread(title="Een lastige casus")
    reply = world.reply(thread, "Mevrouw De Vries van de Kerkstraat 12 belde weer.")
    with django_capture_on_commit_callbacks(execute=True):
        services.report_post(reply, world.reporter, reason="personal_data")
        services.report_post(reply, world.reader, reason="disrespectful")
    return reply


def test_a_reporter_hears_hidden_personal_data_about_their_report(world, reported, as_user, post, client):
    item = ReviewItem.objects.get(post=reported)
    as_user(world.moderator_a)

    response = act(post, item, "hide", category="personal_data", reason=EXPLANATION)

    assert response.status_code == 302
    notification = outcomes(world.reporter).get()
    assert notification.actor is None, "the reporter is not told which moderator decided"
    english = rendered(world.reporter, notification, "en")
    assert english.title == "Your report about a post in “Een lastige casus”"
    assert english.excerpt == "The post was hidden. Reason: Personal or confidential data."
    assert EXPLANATION not in english.excerpt, "the explanation is written for the author"
    assert "Persoonlijke of vertrouwelijke gegevens" in rendered(world.reporter, notification, "nl").excerpt
    assert "Personlige eller fortrolige oplysninger" in rendered(world.reporter, notification, "da").excerpt
    # Every reporter hears it; the moderator and the author hear nothing as reporters.
    assert outcomes(world.reader).count() == 1
    assert not outcomes(world.moderator_a).exists() and not outcomes(world.author).exists()
    # The post is gone for them, so the link goes to the thread.
    assert english.url == f"/en/forum/threads/{reported.thread_id}/"

    as_user(world.reporter)
    with translation.override("en"):
        page = client.get(reverse("notifications:list")).content.decode()
    assert "The post was hidden. Reason: Personal or confidential data." in page


def test_the_daily_digest_tells_a_reporter_the_outcome_in_their_language(
    world, reported, as_user, post, django_capture_on_commit_callbacks
):
    User.objects.filter(pk=world.reporter.pk).update(preferred_language="da")
    item = ReviewItem.objects.get(post=reported)
    as_user(world.moderator_a)
    act(post, item, "hide", category="personal_data", reason=EXPLANATION)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        send_notification_digests.call()

    to_reporter = [message for message in mail.outbox if message.to == [world.reporter.email]]
    assert len(to_reporter) == 1
    assert "Personlige eller fortrolige oplysninger" in to_reporter[0].body
    assert "Een lastige casus" in to_reporter[0].body
    assert EXPLANATION not in to_reporter[0].body
    assert world.moderator_a.get_full_name() not in to_reporter[0].body


def test_a_reporter_hears_that_no_action_was_taken(world, reported, as_user, post):
    item = ReviewItem.objects.get(post=reported)
    as_user(world.moderator_a)

    act(post, item, "ignore")

    notification = outcomes(world.reporter).get()
    assert rendered(world.reporter, notification, "en").excerpt == "No action taken: the post stays as it is."
    assert rendered(world.reporter, notification, "en").url == f"/en/forum/posts/{reported.pk}/"


def test_an_edit_and_approve_tells_reporters_the_post_was_edited(world, reported, as_user, post):
    item = ReviewItem.objects.get(post=reported)
    as_user(world.moderator_a)

    act(post, item, "edit_approve", body_markdown="Een inwoner belde weer.", category="personal_data")

    excerpt = rendered(world.reporter, outcomes(world.reporter).get(), "en").excerpt
    assert excerpt == "A moderator edited the post. Reason: Personal or confidential data."
    assert AuditEntry.objects.get(action="edit_approve", target_id=reported.pk).category == "personal_data"


def test_hiding_from_the_post_page_also_tells_the_reporters(world, reported, as_user, post):
    as_user(world.moderator_a)

    act(post, reported, "hide_post", kind="post", category="spam", reason="")

    assert rendered(world.reporter, outcomes(world.reporter).get(), "en").excerpt == (
        "The post was hidden. Reason: Spam."
    )


def test_reporters_who_may_no_longer_read_the_group_get_nothing(world, reported, as_user, post, client):
    GroupMembership.objects.filter(group=world.group_a, user=world.reader).update(status=GroupMembership.Status.REMOVED)
    gone = Report.objects.get(reporter=world.reporter)
    world.reporter.delete()
    item = ReviewItem.objects.get(post=reported)
    as_user(world.moderator_a)

    act(post, item, "hide", category="personal_data", reason=EXPLANATION)

    assert not Notification.objects.filter(kind=Kind.REPORT_OUTCOME).exists()
    gone.refresh_from_db()
    assert gone.reporter is None, "the report stays, anonymous"


def test_a_reporter_who_leaves_afterwards_no_longer_sees_the_outcome(world, reported, as_user, post, client):
    item = ReviewItem.objects.get(post=reported)
    as_user(world.moderator_a)
    act(post, item, "hide", category="personal_data", reason=EXPLANATION)
    notification = outcomes(world.reader).get()
    GroupMembership.objects.filter(group=world.group_a, user=world.reader).update(status=GroupMembership.Status.REMOVED)

    assert registry.render(world.reader, notification.target) is None
    assert not Notification.objects.for_recipient(world.reader).filter(pk=notification.pk).exists()
    as_user(world.reader)
    assert "Een lastige casus" not in client.get(reverse("notifications:list")).content.decode()


# --- the author ---------------------------------------------------------------------------------------------------


def test_the_author_sees_the_reason_on_the_thread_page_and_in_the_notification(world, reported, as_user, post, client):
    item = ReviewItem.objects.get(post=reported)
    as_user(world.moderator_a)
    act(post, item, "hide", category="personal_data", reason=EXPLANATION)

    notice = Notification.objects.get(recipient=world.author, kind=Kind.MODERATION, object_id=reported.pk)
    english = rendered(world.author, notice, "en")
    assert english.title == "Een lastige casus"
    assert english.excerpt.startswith(f"Hidden by a moderator (Personal or confidential data) — {EXPLANATION}")
    assert "Persoonlijke of vertrouwelijke gegevens" in rendered(world.author, notice, "nl").excerpt

    as_user(world.author)
    page = client.get(reported.thread.get_absolute_url()).content.decode()
    assert "Persoonlijke of vertrouwelijke gegevens" in page and EXPLANATION in page
    with translation.override("en"):
        english_page = client.get(reported.thread.get_absolute_url()).content.decode()
    assert "Reason given by the moderators:" in english_page
    # Nobody else sees anything of it, and the author does not learn who reported.
    assert world.reporter.get_full_name() not in page
    as_user(world.reader)
    page = client.get(reported.thread.get_absolute_url()).content.decode()
    assert EXPLANATION not in page and "Kerkstraat" not in page


def test_publishing_again_clears_the_reason(world, reported, as_user, post):
    as_user(world.moderator_a)
    act(post, reported, "hide_post", kind="post", category="off_topic", reason="Hoort in een andere groep.")
    act(post, reported, "restore_post", kind="post")

    reported.refresh_from_db()
    assert reported.status == PostStatus.PUBLISHED
    assert (reported.moderation_reason, reported.moderation_note) == ("", "")


def test_the_thread_page_asks_no_more_queries_for_more_moderated_posts(
    world, as_user, client, django_assert_max_num_queries
):
    from forum import services as forum_services

    thread = world.thread(title="Veel verborgen")
    url = thread.get_absolute_url()

    def hide_replies(count):
        for number in range(count):
            reply = world.reply(thread, f"Reactie {number}.")
            forum_services.hide_post(reply, reason="personal_data", note=f"Toelichting {number}.")

    hide_replies(1)
    as_user(world.author)
    with django_assert_max_num_queries(1000) as one:
        assert "Toelichting 0." in client.get(url).content.decode()
    hide_replies(6)
    with django_assert_max_num_queries(len(one.captured_queries)):
        assert "Toelichting 5." in client.get(url).content.decode()


# --- automatic hold -----------------------------------------------------------------------------------------------


def test_three_reports_hold_a_post_automatically(
    world, reported, as_user, post, client, django_capture_on_commit_callbacks
):
    item = ReviewItem.objects.get(post=reported)
    review_notices = Notification.objects.filter(recipient=world.moderator_a, kind=Kind.REVIEW).count()
    # A site moderator's report counts as one report, like anyone's.
    with django_capture_on_commit_callbacks(execute=True):
        services.report_post(reported, world.site_moderator, reason="personal_data")

    reported.refresh_from_db()
    item.refresh_from_db()
    assert reported.status == PostStatus.HELD and reported.is_held_after_reports
    assert item.is_open and item.is_auto_held
    entry = AuditEntry.objects.get(action="auto_hold", target_id=reported.pk)
    assert entry.actor is None and entry.actor_name == "" and entry.group == world.group_a
    assert Notification.objects.filter(recipient=world.moderator_a, kind=Kind.REVIEW).count() == review_notices + 1
    notice = Notification.objects.get(recipient=world.author, kind=Kind.MODERATION, object_id=reported.pk)
    excerpt = rendered(world.author, notice, "en").excerpt
    assert excerpt.startswith("Awaiting moderation (Held for review after reports from several members)")
    for reporter in (world.reporter, world.reader, world.site_moderator):
        assert reporter.get_full_name() not in excerpt

    as_user(world.reader)
    assert "Kerkstraat" not in client.get(reported.thread.get_absolute_url()).content.decode()
    as_user(world.author)
    with translation.override("en"):
        own = client.get(reported.thread.get_absolute_url()).content.decode()
    assert "Kerkstraat" in own and "Held for review after reports from several members" in own
    as_user(world.site_moderator)
    with translation.override("en"):
        audit = client.get(reverse("forum_moderation:audit")).content.decode()
    assert "Automatic hold after reports" in audit and "The platform (automatic)" in audit
    assert "Held automatically after reports from 3 members." in audit
    # Recorded as a number, put into words in each reader's language.
    with translation.override("da"):
        assert "Held automatically" not in client.get(reverse("forum_moderation:audit")).content.decode()


def test_the_same_member_reporting_twice_counts_once(world, reported):
    with pytest.raises(services.AlreadyReported):
        services.report_post(reported, world.reporter, reason="spam")
    reported.refresh_from_db()
    assert reported.status == PostStatus.PUBLISHED


@override_settings(FORUM_REPORT_HOLD_THRESHOLD=2)
def test_the_threshold_is_a_setting(world, django_capture_on_commit_callbacks):
    thread = world.thread()
    with django_capture_on_commit_callbacks(execute=True):
        services.report_post(thread.first_post, world.reporter, reason="spam")
        services.report_post(thread.first_post, world.reader, reason="spam")
    thread.first_post.refresh_from_db()
    thread.refresh_from_db()
    assert thread.first_post.status == PostStatus.HELD and thread.status == PostStatus.HELD


def test_approving_a_held_post_publishes_it_again_and_reporters_hear_no_action(
    world, reported, as_user, post, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.report_post(reported, world.site_moderator, reason="personal_data")
    item = ReviewItem.objects.get(post=reported)
    as_user(world.moderator_a)
    # Not "reject" and not "ignore": the post was published before, and a held post needs a decision.
    assert {action.id for action in for_target("item", world.moderator_a, item)} == {"approve", "hide", "edit_approve"}

    act(post, item, "approve")

    reported.refresh_from_db()
    assert reported.status == PostStatus.PUBLISHED and reported.moderation_reason == ""
    excerpt = rendered(world.reporter, outcomes(world.reporter).get(), "en").excerpt
    assert excerpt == "No action taken: the post stays as it is."
    # The site moderator reported it, but a group moderator decided: they hear the outcome too.
    assert outcomes(world.site_moderator).count() == 1


def test_hiding_a_held_post_keeps_it_out(world, reported, as_user, post, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.report_post(reported, world.site_moderator, reason="personal_data")
    item = ReviewItem.objects.get(post=reported)
    as_user(world.moderator_a)

    assert act(post, item, "hide", category="personal_data", reason=EXPLANATION).status_code == 302

    reported.refresh_from_db()
    assert reported.status == PostStatus.HIDDEN
    assert (reported.moderation_reason, reported.moderation_note) == ("personal_data", EXPLANATION)


def test_a_fourth_report_does_not_hold_a_held_post_again(world, make_user):
    thread = world.thread()
    extra = make_user("vierde@mod.example", first_name="Vierde")
    join(world.group_a, extra)
    for member in (world.reporter, world.reader, extra):
        services.report_post(thread.first_post, member, reason="spam")
    assert AuditEntry.objects.filter(action="auto_hold", target_id=thread.first_post.pk).count() == 1
    services.report_post(thread.first_post, world.site_moderator, reason="spam")
    assert AuditEntry.objects.filter(action="auto_hold", target_id=thread.first_post.pk).count() == 1
