"""What notifications may show about forum posts and memberships, checked at delivery time."""

import pytest

from forum import services
from notifications.models import Notification
from notifications.registry import render

pytestmark = pytest.mark.django_db


@pytest.fixture
def group(make_group, people):
    return make_group(
        "meldingen",
        visibility="private",
        members=[people["group_member"], people["other_member"]],
        moderators=[people["group_moderator"]],
    )


def test_a_reply_hidden_after_the_notification_was_queued_is_no_longer_shown(people, group, committed):
    with committed():
        thread = services.create_thread(group, people["group_member"], title="Vraag", body_markdown="Start")
        reply = services.reply(thread, people["other_member"], "Iets dat later verborgen wordt")
    assert Notification.objects.filter(recipient=people["group_member"], kind="reply").count() == 1
    assert render(people["group_member"], reply).excerpt == "Iets dat later verborgen wordt"
    services.hide_post(reply)
    assert render(people["group_member"], reply) is None
    # The author still learns what became of their own post.
    assert render(people["other_member"], reply).excerpt.startswith("Verborgen door een moderator")


def test_a_member_who_left_the_group_no_longer_sees_its_posts_in_notifications(people, group, committed):
    with committed():
        thread = services.create_thread(group, people["group_member"], title="Vraag", body_markdown="Start")
        reply = services.reply(thread, people["other_member"], "Antwoord")
    services.leave_group(group, people["group_member"])
    assert render(people["group_member"], reply) is None


def test_a_pseudonymous_reply_never_names_its_author_in_a_notification(people, make_group, committed):
    group = make_group("pseudo", allow_pseudonyms=True, members=[people["group_member"], people["other_member"]])
    with committed():
        thread = services.create_thread(group, people["group_member"], title="Anoniem", body_markdown="Start")
        reply = services.reply(thread, people["other_member"], "Mijn reactie", pseudonymous=True)
    shown = render(people["group_member"], reply)
    assert "Otto" not in f"{shown.title} {shown.excerpt}"
    assert Notification.objects.get(recipient=people["group_member"], kind="reply").actor is None
