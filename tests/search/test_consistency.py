"""The index follows every change of who may read: what a reader can no longer open, search no longer shows.

Each test changes who may read something the way the platform does it (the CMS form, a moderation action, a
forum service, Wagtail's privacy and publishing actions) and then asks the search service as a reader who lost
(or gained) access: hits, the total and facet counts, and autocomplete.
"""

import io

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import translation
from wagtail.models import PageViewRestriction

from forum import services as forum
from forum.models import ForumGroup, Post, PostStatus
from search import services
from tests import factories
from tests.forum.helpers import CANARY

REPLY_WORD = "antwoordkanarie"


def seen(user, word):
    """What `user` learns about `word` from search: hit titles, the total, the type counts, autocomplete labels."""
    page = services.search_page(user or AnonymousUser(), {"q": word})
    response = page.response
    kinds = {value.value: value.count for value in response.facets.get("kind", [])}
    completions = [option.label for option in services.complete(user or AnonymousUser(), word, "nl")]
    return {
        "titles": [hit.title for hit in response.hits],
        "total": response.total,
        "kinds": kinds,
        "completions": completions,
    }


def nothing(user, word):
    found = seen(user, word)
    return found["total"] == 0 and not found["titles"] and not found["kinds"] and not found["completions"]


@pytest.fixture
def platform_group(make_group, people):
    return make_group(
        "platformgroep-zoeken",
        name="Platformgroep",
        visibility=ForumGroup.Visibility.PLATFORM,
        members=[people["group_member"]],
        moderators=[people["group_moderator"]],
    )


@pytest.fixture
def platform_thread(platform_group, people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        thread = forum.create_thread(
            platform_group, people["group_member"], title=f"Casus {CANARY}", body_markdown=f"Openingstekst {CANARY}."
        )
        forum.reply(thread, people["group_moderator"], f"Een antwoord met {REPLY_WORD}.")
    return thread


def test_a_group_made_private_in_the_cms_is_no_longer_found_by_anyone_outside_it(
    client,
    platform_group,
    platform_thread,
    people,
    django_capture_on_commit_callbacks,
):
    outsider = people["platform_member"]
    assert seen(outsider, CANARY)["total"] == 2 and seen(outsider, REPLY_WORD)["total"] == 1
    client.force_login(factories.superuser("admin@kennisplatform.example"))
    data = {
        "name": platform_group.name,
        "slug": platform_group.slug,
        "description": "",
        "language": "nl",
        "visibility": ForumGroup.Visibility.PRIVATE,
        "join_policy": ForumGroup.JoinPolicy.INVITATION,
        "max_members": "",
        "premoderation": ForumGroup.Premoderation.OFF,
        "premoderation_first_posts": "3",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/cms/forum_groups/edit/{platform_group.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert ForumGroup.objects.get(pk=platform_group.pk).visibility == ForumGroup.Visibility.PRIVATE
    for word in (CANARY, REPLY_WORD, "Casus"):
        assert CANARY not in str(seen(outsider, word)), word
        assert CANARY not in str(seen(None, word)), word
    assert nothing(outsider, CANARY) and nothing(outsider, REPLY_WORD)
    member = seen(people["group_member"], CANARY)
    assert member["titles"] == [f"Casus {CANARY}"] * 2 and member["kinds"] == {"forum_thread": 1, "forum_post": 1}


def test_a_held_first_post_takes_the_thread_and_its_replies_out_of_search(
    platform_group,
    platform_thread,
    people,
    django_capture_on_commit_callbacks,
):
    platform_group.premoderation = ForumGroup.Premoderation.ALL
    platform_group.save()
    first = Post.objects.get(pk=platform_thread.first_post_id)
    with django_capture_on_commit_callbacks(execute=True):
        forum.edit_post(first, people["group_member"], f"Openingstekst {CANARY}, aangepast.")
    assert Post.objects.get(pk=first.pk).status == PostStatus.HELD
    for user in (people["platform_member"], people["group_member"], people["site_moderator"]):
        assert nothing(user, CANARY), user
        assert nothing(user, REPLY_WORD), user


def test_a_hidden_first_post_takes_the_replies_out_of_search(
    platform_thread,
    people,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        forum.hide_post(Post.objects.get(pk=platform_thread.first_post_id))
    assert nothing(people["platform_member"], REPLY_WORD) and nothing(people["platform_member"], CANARY)
    with django_capture_on_commit_callbacks(execute=True):
        forum.approve_post(Post.objects.get(pk=platform_thread.first_post_id))
    assert seen(people["platform_member"], REPLY_WORD)["total"] == 1


def test_a_hidden_reply_is_gone_and_comes_back_when_shown_again(
    platform_thread,
    people,
    django_capture_on_commit_callbacks,
):
    reply = Post.objects.filter(thread=platform_thread).exclude(pk=platform_thread.first_post_id).get()
    with django_capture_on_commit_callbacks(execute=True):
        forum.hide_post(reply)
    assert nothing(people["platform_member"], REPLY_WORD)
    assert seen(people["platform_member"], CANARY)["total"] == 1  # the thread itself stays
    with django_capture_on_commit_callbacks(execute=True):
        forum.approve_post(Post.objects.get(pk=reply.pk))
    assert seen(people["platform_member"], REPLY_WORD)["total"] == 1


def test_a_thread_moved_to_a_private_group_is_gone_for_everyone_outside_it(
    platform_thread,
    private_group,
    people,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        forum.move_thread(platform_thread, private_group)
    for word in (CANARY, REPLY_WORD):
        assert nothing(people["platform_member"], word) and nothing(None, word)
        assert f"Casus {CANARY}" in seen(people["group_member"], word)["titles"]


# Pages --------------------------------------------------------------------------------------------------------


PAGE_WORD = "paginaprivacykanarie"


def test_a_page_made_members_only_is_gone_for_visitors_and_found_by_members(
    publish, member, django_capture_on_commit_callbacks
):
    parent = publish("Ouder van privacy", "Gewone tekst.")
    child = publish(f"Kind {PAGE_WORD}", f"Tekst met {PAGE_WORD}.", parent=parent)
    assert seen(None, PAGE_WORD)["total"] == 1
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(page=parent, restriction_type=PageViewRestriction.LOGIN)
    assert nothing(None, PAGE_WORD)
    assert seen(member, PAGE_WORD)["titles"] == [child.title]
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert seen(None, PAGE_WORD)["titles"] == [child.title]


def test_an_unpublished_page_is_gone(publish, member, django_capture_on_commit_callbacks):
    page = publish(f"Ingetrokken {PAGE_WORD}", f"Tekst met {PAGE_WORD}.")
    assert seen(member, PAGE_WORD)["total"] == 1
    with django_capture_on_commit_callbacks(execute=True), translation.override("nl"):
        page.unpublish()
    assert nothing(member, PAGE_WORD) and nothing(None, PAGE_WORD)


def test_an_expired_page_is_gone_once_the_scheduler_unpublishes_it(publish, member, django_capture_on_commit_callbacks):
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    page = publish(f"Verlopen {PAGE_WORD}", f"Tekst met {PAGE_WORD}.")
    type(page).objects.filter(pk=page.pk).update(expire_at=timezone.now() - timedelta(minutes=1))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("publish_scheduled", stdout=io.StringIO())
    assert nothing(member, PAGE_WORD) and nothing(None, PAGE_WORD)


def test_a_page_moved_into_a_members_only_section_is_gone_for_visitors(
    publish, member, django_capture_on_commit_callbacks
):
    section = publish("Ledensectie", "Gewone tekst.", restriction=PageViewRestriction.LOGIN)
    page = publish(f"Verhuisd {PAGE_WORD}", f"Tekst met {PAGE_WORD}.")
    assert seen(None, PAGE_WORD)["total"] == 1
    with django_capture_on_commit_callbacks(execute=True):
        type(page).objects.get(pk=page.pk).move(section, pos="last-child")
    assert nothing(None, PAGE_WORD)
    assert seen(member, PAGE_WORD)["titles"] == [page.title]
