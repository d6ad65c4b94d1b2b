""" "Did you mean" tells nobody what occurs in text they may not read, and forgets text that is removed.

A surname occurs in one public page ("jansen") and, spelt differently, only in a private group's post ("janszen").
Comparing the suggestions for a few spellings must reveal nothing about the private post to a visitor or a member
outside the group; the group's members get their own words suggested; once the text is hidden, edited away (and the
earlier version purged) or deleted, nobody gets it suggested and the vocabulary no longer holds it.
"""

import pytest
from django.contrib.auth.models import AnonymousUser

from forum import services as forum
from forum.models import Post, Thread
from search import services
from search.audience import audience_for
from search.backends import get_backend
from search.models import SearchWord

PUBLIC_WORD = "jansen"
PRIVATE_WORD = "janszen"


def suggestion(user, text):
    page = services.search_page(user or AnonymousUser(), {"q": text})
    return page.suggestion if page.response.total == 0 else None


@pytest.fixture
def private_post(publish, private_group, people, django_capture_on_commit_callbacks):
    publish("Verslag van de bijeenkomst", f"Mevrouw {PUBLIC_WORD} opende de bijeenkomst.")
    with django_capture_on_commit_callbacks(execute=True):
        thread = forum.create_thread(
            private_group, people["group_member"], title="Een lastige casus", body_markdown="Over de aanvraag."
        )
        return forum.reply(thread, people["other_member"], f"Meneer {PRIVATE_WORD} belde opnieuw.")


@pytest.fixture
def outsiders(people):
    return {"visitor": None, "member outside the group": people["platform_member"], "outsider": people["outsider"]}


def test_a_private_word_is_never_suggested_outside_the_group_and_does_not_change_what_is(private_post, outsiders):
    for who, user in outsiders.items():
        # The private spelling is no "known word" for them: they get the public one, as if the post did not exist.
        assert suggestion(user, PRIVATE_WORD) == PUBLIC_WORD, who
        assert suggestion(user, "janszem") == PUBLIC_WORD, who
        assert suggestion(user, "jansem") == PUBLIC_WORD, who


def test_the_group_members_get_their_own_words_suggested(private_post, people):
    assert suggestion(people["group_member"], "janszem") == PRIVATE_WORD
    assert services.search_page(people["group_member"], {"q": PRIVATE_WORD}).response.total == 1


def test_the_backends_word_lists_are_scoped_to_the_reader(private_post, people, outsiders):
    backend = get_backend()
    for who, user in outsiders.items():
        audience = audience_for(user or AnonymousUser())
        assert backend.known_words([PRIVATE_WORD, PUBLIC_WORD], audience) == {PUBLIC_WORD}, who
        assert PRIVATE_WORD not in backend.similar_words("janszem", (), audience), who
    audience = audience_for(people["group_member"])
    assert backend.known_words([PRIVATE_WORD], audience) == {PRIVATE_WORD}
    assert PRIVATE_WORD in backend.similar_words("janszem", (), audience)


def test_a_hidden_post_leaves_no_word_behind(private_post, people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        forum.hide_post(private_post)
    assert suggestion(people["group_member"], "janszem") == PUBLIC_WORD
    assert not SearchWord.objects.filter(word=PRIVATE_WORD).exists()


def test_an_edited_away_and_purged_word_is_suggested_to_nobody(
    private_post, people, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        forum.edit_post(private_post, people["other_member"], "Meneer belde opnieuw.")
        forum.purge_revision(private_post.revisions.get())
    for user in (people["group_member"], people["site_moderator"], people["platform_member"], None):
        assert suggestion(user, "janszem") == PUBLIC_WORD
    assert not SearchWord.objects.filter(word=PRIVATE_WORD).exists()


def test_deleting_the_thread_deletes_its_words(private_post, people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        Thread.objects.filter(pk=private_post.thread_id).delete()
    assert not Post.objects.filter(pk=private_post.pk).exists()
    assert suggestion(people["group_member"], "janszem") == PUBLIC_WORD
    assert not SearchWord.objects.filter(word=PRIVATE_WORD).exists()


def test_a_post_held_again_leaves_no_word(private_group, people, django_capture_on_commit_callbacks):
    private_group.premoderation = private_group.Premoderation.ALL
    private_group.save()
    author = people["other_member"]
    with django_capture_on_commit_callbacks(execute=True):
        thread = forum.create_thread(private_group, author, title="Wacht", body_markdown=f"Over {PRIVATE_WORD}.")
        forum.approve_post(thread.first_post)
    assert SearchWord.objects.filter(word=PRIVATE_WORD).exists()
    with django_capture_on_commit_callbacks(execute=True):
        forum.edit_post(Post.objects.get(pk=thread.first_post_id), author, f"Over {PRIVATE_WORD} en meer.")
    assert not SearchWord.objects.filter(word=PRIVATE_WORD).exists()  # held again: out of search


def test_a_word_stays_while_another_document_of_the_audience_holds_it(publish, django_capture_on_commit_callbacks):
    first = publish("Eerste", "Het woord vergaderkamer staat hier.")
    publish("Tweede", "Ook hier: vergaderkamer.")
    assert SearchWord.objects.get(word="vergaderkamer", visibility="public").documents == 2
    with django_capture_on_commit_callbacks(execute=True):
        first.unpublish()
    assert SearchWord.objects.get(word="vergaderkamer", visibility="public").documents == 1


def test_the_counted_vocabulary_equals_a_recount(
    private_post, people, publish, make_group, django_capture_on_commit_callbacks
):
    other_group = make_group("andere-besloten-groep", visibility="private", members=[people["group_member"]])
    text = f"Meneer {PRIVATE_WORD} belde, mevrouw {PUBLIC_WORD} ook."
    with django_capture_on_commit_callbacks(execute=True):
        forum.edit_post(private_post, people["other_member"], text)
        forum.move_thread(private_post.thread, other_group)
    page = publish("Derde", f"Nog eens {PUBLIC_WORD}.")
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    from search import vocabulary

    counted = set(SearchWord.objects.values_list("language", "word", "visibility", "group_id", "documents"))
    vocabulary.rebuild()
    assert set(SearchWord.objects.values_list("language", "word", "visibility", "group_id", "documents")) == counted
