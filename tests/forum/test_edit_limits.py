"""What one message may cost: edits are rate-limited like new posts, and the database refuses an over-long text."""

import threading
from datetime import timedelta

import pytest
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from accounts.models import Membership, User
from forum import services
from forum.errors import ForumError
from forum.models import ForumGroup, GroupMembership, Post, PostRevision
from tests import factories


@pytest.fixture
def group(make_group, people):
    return make_group("bewerkers", members=[people["group_member"]], moderators=[people["group_moderator"]])


@pytest.mark.django_db
def test_the_edit_after_the_limit_is_refused_with_a_message_and_the_text_is_kept(client, people, group):
    thread = services.create_thread(group, people["group_member"], title="Schaven", body_markdown="Versie 0")
    post = thread.first_post
    for version in range(1, services.EDIT_LIMIT + 1):
        services.edit_post(Post.objects.get(pk=post.pk), people["group_member"], f"Versie {version}")
    client.force_login(people["group_member"])
    response = client.post(f"/en/forum/posts/{post.pk}/edit/", {"body": "Nog een versie"})
    page = response.content.decode()
    assert response.status_code == 200
    assert f"You can edit your messages at most {services.EDIT_LIMIT} times in 10 minutes" in page
    assert "Nog een versie" in page, "what was typed is kept"
    post.refresh_from_db()
    assert post.body_markdown == f"Versie {services.EDIT_LIMIT}"

    PostRevision.objects.filter(post=post).update(replaced_at=timezone.now() - timedelta(minutes=11))
    assert client.post(f"/en/forum/posts/{post.pk}/edit/", {"body": "Nog een versie"}).status_code == 302


@pytest.mark.django_db
def test_moderators_are_not_limited_when_they_edit(people, group):
    thread = services.create_thread(group, people["group_moderator"], title="Moderator", body_markdown="Versie 0")
    for version in range(1, services.EDIT_LIMIT + 3):
        services.edit_post(Post.objects.get(pk=thread.first_post_id), people["group_moderator"], f"Versie {version}")


@pytest.mark.django_db
def test_the_database_refuses_a_post_longer_than_the_limit(people, group):
    thread = services.create_thread(group, people["group_member"], title="Lang", body_markdown="Kort")
    Post.objects.create(thread=thread, author=people["group_member"], body_markdown="a" * 20_000)
    with pytest.raises(IntegrityError), transaction.atomic():
        Post.objects.create(thread=thread, author=people["group_member"], body_markdown="a" * 20_001)


@pytest.mark.django_db(transaction=True)
def test_parallel_edits_by_one_person_stop_at_the_limit(committed_db):
    organisation = factories.OrganisationFactory(name="Gemeente Zeist")
    group = ForumGroup.objects.create(slug="snelle-bewerkingen", name="Snelle bewerkingen", join_policy="open")
    user = User.objects.create_user(email="forum-edit-race@zeist.example", password="x" * 20)
    Membership.objects.create(user=user, organisation=organisation, status=Membership.Status.ACTIVE)
    GroupMembership.objects.create(group=group, user=user, status=GroupMembership.Status.ACTIVE)
    thread = services.create_thread(group, user, title="Reeks", body_markdown="Begin")
    attempts = services.EDIT_LIMIT + 6
    barrier = threading.Barrier(attempts, timeout=60)
    outcomes = []

    def edit(number):
        try:
            post = Post.objects.get(pk=thread.first_post_id)
            barrier.wait()
            services.edit_post(post, user, f"Versie {number}")
            outcomes.append("edited")
        except ForumError:
            outcomes.append("limited")
        except Exception as error:
            outcomes.append(repr(error))
        finally:
            connection.close()

    workers = [threading.Thread(target=edit, args=(number,)) for number in range(attempts)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert outcomes.count("edited") == services.EDIT_LIMIT
    assert outcomes.count("limited") == attempts - services.EDIT_LIMIT
    assert PostRevision.objects.filter(post_id=thread.first_post_id).count() == services.EDIT_LIMIT
