"""The posting rate limit holds when one person's requests arrive at the same moment (real parallel connections)."""

import threading

import pytest
from django.db import connection

from accounts.models import Membership, User
from forum import services
from forum.errors import ForumError
from forum.models import ForumGroup, GroupMembership, Post
from tests import factories


@pytest.mark.django_db(transaction=True)
def test_sixteen_parallel_replies_by_one_person_stop_at_the_limit_of_ten(committed_db):
    organisation = factories.OrganisationFactory(name="Gemeente Zeist")
    group = ForumGroup.objects.create(slug="snelle-vingers", name="Snelle vingers", join_policy="open")
    people = []
    for name in ("starter", "typist"):
        user = User.objects.create_user(email=f"forum-rate-{name}@zeist.example", password="x" * 20)
        Membership.objects.create(user=user, organisation=organisation, status=Membership.Status.ACTIVE)
        GroupMembership.objects.create(group=group, user=user, status=GroupMembership.Status.ACTIVE)
        people.append(user)
    starter, typist = people
    thread = services.create_thread(group, starter, title="Reeks", body_markdown="Begin")
    attempts = 16
    barrier = threading.Barrier(attempts)
    outcomes = []

    def post_reply(number):
        try:
            barrier.wait()
            services.reply(thread, typist, f"Bericht {number}")
            outcomes.append("posted")
        except ForumError:
            outcomes.append("limited")
        finally:
            connection.close()

    workers = [threading.Thread(target=post_reply, args=(number,)) for number in range(attempts)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert outcomes.count("posted") == services.POST_LIMIT == 10
    assert outcomes.count("limited") == attempts - 10
    assert Post.objects.filter(author=typist).count() == 10
