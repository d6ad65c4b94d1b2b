"""Participant numbers in a thread: one per person, never handed out twice, also after an account is deleted."""

import threading

import pytest
from django.db import connection

from accounts.models import Membership, User
from accounts.privacy import delete_account
from forum import services
from forum.models import ForumGroup, GroupMembership, ThreadPseudonym
from tests import factories


@pytest.mark.django_db
def test_after_participant_two_deletes_their_account_a_new_participant_gets_a_fresh_number(
    client, people, make_group, make_user
):
    almere = factories.OrganisationFactory(name="Gemeente Almere")
    leaver = make_user("vertrekker@almere.example", organisation=almere)
    newcomer = make_user("nieuwkomer@almere.example", organisation=almere)
    group = make_group(
        "pseudoniemen",
        allow_pseudonyms=True,
        members=[people["group_member"], leaver, people["other_member"], newcomer],
    )
    thread = services.create_thread(
        group, people["group_member"], title="Genummerd", body_markdown="Een", pseudonymous=True
    )
    services.reply(thread, leaver, "Twee", pseudonymous=True)
    services.reply(thread, people["other_member"], "Drie", pseudonymous=True)
    assert ThreadPseudonym.objects.get(thread=thread, user=leaver).number == 2

    delete_account(leaver)

    client.force_login(newcomer)
    response = client.post(f"/en/forum/threads/{thread.pk}/reply/", {"body": "Vier", "pseudonymous": "on"})
    assert response.status_code == 302
    numbers = dict(ThreadPseudonym.objects.filter(thread=thread).values_list("user_id", "number"))
    assert numbers == {people["group_member"].pk: 1, people["other_member"].pk: 3, newcomer.pk: 4}


@pytest.mark.django_db(transaction=True)
def test_two_people_posting_pseudonymously_at_the_same_moment_get_different_numbers(committed_db):
    organisation = factories.OrganisationFactory(name="Gemeente Zeist")
    group = ForumGroup.objects.create(slug="tegelijk", name="Tegelijk", join_policy="open", allow_pseudonyms=True)
    people = []
    for name in ("starter", "een", "twee", "drie"):
        user = User.objects.create_user(email=f"forum-pseudo-{name}@zeist.example", password="x" * 20)
        Membership.objects.create(user=user, organisation=organisation, status=Membership.Status.ACTIVE)
        GroupMembership.objects.create(group=group, user=user, status=GroupMembership.Status.ACTIVE)
        people.append(user)
    starter, *repliers = people
    thread = services.create_thread(group, starter, title="Wie eerst", body_markdown="Begin", pseudonymous=True)
    barrier = threading.Barrier(len(repliers), timeout=60)
    errors = []

    def post_reply(user):
        try:
            barrier.wait()
            services.reply(thread, user, "Ik ook", pseudonymous=True)
        except Exception as error:
            errors.append(repr(error))
        finally:
            connection.close()

    workers = [threading.Thread(target=post_reply, args=(user,)) for user in repliers]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert errors == []
    numbers = sorted(ThreadPseudonym.objects.filter(thread=thread).values_list("number", flat=True))
    assert numbers == [1, 2, 3, 4]
