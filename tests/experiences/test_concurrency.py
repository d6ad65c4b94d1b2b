"""Two moderators deciding on the same submission at the same moment: one decision wins, the other is told the
submission was already decided. Real parallel connections on PostgreSQL."""

import threading

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.urls import reverse

from knowledge.experiences.models import ExperiencePage, ExperienceSubmission
from tests import factories

ROUNDS = 4


@pytest.mark.django_db(transaction=True)
def test_two_moderators_deciding_at_once_make_exactly_one_decision(committed_db):
    author, moderator, editor = factories.member(), factories.moderator(), factories.editor()
    submissions = [
        ExperienceSubmission.objects.create(
            author=author,
            language="nl",
            title=f"Gelijktijdig {number}",
            setting="workplace",
            case_kind="Teamconflict",
            what_happened="Twee collega's spraken niet meer met elkaar.",
            approach="Een mediator uit de pool.",
            outcome="resolved",
            lessons="Vroeg beginnen.",
        )
        for number in range(ROUNDS)
    ]
    jobs = []
    for submission in submissions:
        jobs.append((moderator, reverse("experiences:decide", args=[submission.pk, "approve"]), {}))
        jobs.append(
            (editor, reverse("experiences:decide", args=[submission.pk, "reject"]), {"reject-reason": "Niet passend."})
        )
    barrier = threading.Barrier(len(jobs))
    responses, errors = [], []

    def request(user, url, data):
        try:
            client = Client()
            client.force_login(user)
            barrier.wait()
            responses.append(client.post(url, data))
        except Exception as error:
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=request, args=job) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert all(response.status_code == 302 for response in responses)
    winners = [r for r in responses if r.url.endswith("/experiences/moderation/")]
    assert len(winners) == ROUNDS, "one decision per submission; the other moderator is sent back with a message"
    for submission in submissions:
        submission.refresh_from_db()
        assert submission.status in ("approved", "rejected")
        pages = ExperiencePage.objects.filter(title=submission.title)
        assert pages.count() == (1 if submission.status == "approved" else 0)
        assert [m for m in mail.outbox if submission.title in m.subject].__len__() == 1


@pytest.mark.django_db(transaction=True)
def test_an_author_withdrawing_while_a_moderator_approves_ends_in_exactly_one_of_the_two(committed_db):
    author, moderator = factories.member(), factories.moderator()
    submissions = [
        ExperienceSubmission.objects.create(
            author=author,
            language="nl",
            title=f"Terugtrekken of publiceren {number}",
            setting="workplace",
            case_kind="Teamconflict",
            what_happened="Twee collega's spraken niet meer met elkaar.",
            approach="Een mediator uit de pool.",
            outcome="resolved",
            lessons="Vroeg beginnen.",
        )
        for number in range(ROUNDS)
    ]
    jobs = []
    for submission in submissions:
        jobs.append((moderator, reverse("experiences:decide", args=[submission.pk, "approve"]), {}))
        jobs.append((author, reverse("experiences:withdraw", args=[submission.pk]), {"seen": "pending"}))
    barrier = threading.Barrier(len(jobs))
    responses, errors = [], []

    def request(user, url, data):
        try:
            client = Client()
            client.force_login(user)
            barrier.wait()
            responses.append((url, client.post(url, data)))
        except Exception as error:
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=request, args=job) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == [] and all(response.status_code == 302 for _url, response in responses)
    for submission in submissions:
        submission.refresh_from_db()
        pages = ExperiencePage.objects.filter(title=submission.title)
        decisions = list(submission.decisions.values_list("action", flat=True))
        if submission.status == "approved":
            assert pages.count() == 1 and pages.get().live and decisions == ["approve"]
        else:
            assert submission.status == "withdrawn" and not pages.exists() and decisions == ["withdraw"]
            assert submission.page_id is None
