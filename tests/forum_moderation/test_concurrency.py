"""Two moderators decide the same item at the same moment (real parallel connections on PostgreSQL)."""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from forum.models import PostStatus
from forum.moderation import services
from forum.moderation.models import AuditEntry, ReviewItem
from tests.factories import join


@pytest.mark.django_db(transaction=True)
def test_two_moderators_at_once_one_decision_wins_and_the_other_is_told_who_handled_it(committed_db, world):
    thread = world.thread(title="Gelijktijdig")
    services.report_post(thread.first_post, world.reporter, reason="disrespectful")
    item = ReviewItem.objects.get(post=thread.first_post)
    attempts = [
        (world.moderator_a, "hide", {"hide-category": "disrespectful", "hide-reason": "Niet respectvol."}),
        (world.site_moderator, "approve", {}),
    ]
    barrier = threading.Barrier(len(attempts))
    responses, errors = {}, []

    def decide(user, action, data):
        try:
            client = Client()
            client.force_login(user)
            url = reverse("forum_moderation:act", kwargs={"kind": "item", "pk": item.pk, "action_id": action})
            barrier.wait()  # both loaded version 1 and submit now
            responses[action] = client.post(url, {"version": item.version, **data})
        except Exception as error:
            errors.append(repr(error))
        finally:
            connection.close()  # this thread's own connection

    threads = [threading.Thread(target=decide, args=attempt) for attempt in attempts]
    for worker in threads:
        worker.start()
    for worker in threads:
        worker.join()

    assert errors == []
    codes = sorted(response.status_code for response in responses.values())
    assert codes == [302, 409], codes
    winner = next(action for action, response in responses.items() if response.status_code == 302)
    loser = next(response for response in responses.values() if response.status_code == 409)
    item.refresh_from_db()
    assert item.version == 2 and item.decision == winner
    assert list(AuditEntry.objects.filter(group=world.group_a).values_list("action", flat=True)) == [winner], (
        "only the winner acted"
    )
    thread.first_post.refresh_from_db()
    expected = PostStatus.HIDDEN if winner == "hide" else PostStatus.PUBLISHED
    assert thread.first_post.status == expected
    assert f"Al afgehandeld door {item.decided_by_name}" in loser.content.decode()


@pytest.mark.django_db(transaction=True)
def test_reports_arriving_at_once_hold_the_post_exactly_once(committed_db, world, make_user):
    """The second, third and fourth report at the same moment (threshold 3): one hold, one audit entry, no report
    lost and no deadlock between the reporters."""
    thread = world.thread(title="Gelijktijdig gemeld")
    post = thread.first_post
    services.report_post(post, world.reporter, reason="personal_data")
    others = [world.reader]
    for number in (1, 2):
        member = make_user(f"melder{number}@mod.example", first_name=f"Melder{number}")
        join(world.group_a, member)
        others.append(member)
    barrier = threading.Barrier(len(others))
    errors = []

    def report(member):
        try:
            barrier.wait()
            services.report_post(post, member, reason="personal_data")
        except Exception as error:
            errors.append(repr(error))
        finally:
            connection.close()

    workers = [threading.Thread(target=report, args=(member,)) for member in others]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()

    assert errors == []
    item = ReviewItem.objects.get(post=post)
    assert item.reports.count() == 4 and item.is_auto_held
    post.refresh_from_db()
    assert post.status == PostStatus.HELD
    assert AuditEntry.objects.filter(action="auto_hold", target_id=post.pk).count() == 1
