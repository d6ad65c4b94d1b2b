"""The permission matrix: a canary word in each kind of restricted content, searched through every way in.

Members-only page (Wagtail "logged-in users" restriction), a draft, a page waiting in the moderation workflow, a
live page whose newer revision waits in the workflow, and a private-group document — as a visitor, a member
outside the group and a member of the group: through the search page, autocomplete, tag pages and "did you mean".
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from wagtail.models import PageViewRestriction

from knowledge.models import ContentPage
from tests.factories import paragraph

# canary: (title, word in the body, a misspelling of that word, tag)
CANARIES = {
    "members": ("Kanarie ledenpagina", "ledenkanariewoord", "ledenkanariewort", "ledenkanarietag"),
    "draft": ("Kanarie concept", "conceptkanariewoord", "conceptkanariewort", "conceptkanarietag"),
    "pending": ("Kanarie ter beoordeling", "beoordelingkanariewoord", "beoordelingkanariewort", "beoordelingtag"),
    "pending_revision": ("Kanarie revisie", "revisiekanariewoord", "revisiekanariewort", "revisiekanarietag"),
    "group": ("Kanarie groepsbericht", "groepkanariewoord", "groepkanariewort", "groepkanarietag"),
}
MAY_SEE = {
    "visitor": {"members": False, "draft": False, "pending": False, "pending_revision": False, "group": False},
    "member": {"members": True, "draft": False, "pending": False, "pending_revision": False, "group": False},
    "group_member": {"members": True, "draft": False, "pending": False, "pending_revision": False, "group": True},
}


@pytest.fixture
def canaries(publish, group_document, django_capture_on_commit_callbacks, editor):
    title, word, _typo, tag = CANARIES["members"]
    publish(title, f"Alleen voor leden: {word}.", tags=[tag], restriction=PageViewRestriction.LOGIN)
    title, word, _typo, tag = CANARIES["draft"]
    publish(title, f"Concept: {word}.", tags=[tag], live=False)
    title, word, _typo, tag = CANARIES["pending"]
    pending = publish(title, f"Wacht op goedkeuring: {word}.", tags=[tag], live=False)
    with django_capture_on_commit_callbacks(execute=True):
        pending.get_workflow().start(pending, editor)
    # Live with harmless text; the canary is in a newer revision that waits for approval.
    title, word, _typo, tag = CANARIES["pending_revision"]
    live = publish("Gewone pagina", "Niets bijzonders.")
    editing = ContentPage.objects.get(pk=live.pk)
    editing.title, editing.body = title, paragraph(f"Gewijzigd: {word}.")
    editing.tags.add(tag)
    with django_capture_on_commit_callbacks(execute=True):
        editing.save_revision(user=editor)
        editing.get_workflow().start(editing, editor)
    title, word, _typo, tag = CANARIES["group"]
    group_document(title, f"Uit de besloten groep: {word}.", tags=[(tag, tag)])


@pytest.fixture(params=["visitor", "member", "group_member"])
def audience(request, client, canaries):
    if request.param == "member":
        client.force_login(request.getfixturevalue("non_group_member"))
    elif request.param == "group_member":
        client.force_login(request.getfixturevalue("group_member"))
    return request.param


def test_search_page(client, audience):
    for canary, (title, word, _typo, _tag) in CANARIES.items():
        page = client.get("/nl/search/", {"q": word}).content.decode()
        assert (title in page) is MAY_SEE[audience][canary], (audience, canary)
    everything = client.get("/nl/search/", {"q": "kanarie"}).content.decode()
    for canary, (title, *_rest) in CANARIES.items():
        assert (title in everything) is MAY_SEE[audience][canary], (audience, canary)


def test_autocomplete_titles_and_tags(client, audience):
    labels = {option["label"] for option in client.get("/nl/search/autocomplete/", {"q": "Kanarie"}).json()["results"]}
    for canary, (title, *_rest) in CANARIES.items():
        assert (title in labels) is MAY_SEE[audience][canary], (audience, canary)
    for canary, (*_rest, tag) in CANARIES.items():
        options = client.get("/nl/search/autocomplete/", {"q": tag[:-1]}).json()["results"]
        assert (tag in {option["label"] for option in options}) is MAY_SEE[audience][canary], (audience, canary)


def test_tag_pages(client, audience):
    for canary, (title, *_rest, tag) in CANARIES.items():
        response = client.get(f"/nl/tags/{tag}/")
        if MAY_SEE[audience][canary]:
            assert response.status_code == 200 and title in response.content.decode(), (audience, canary)
        else:
            assert response.status_code == 404, (audience, canary)
            assert title not in response.content.decode()


def test_did_you_mean(client, audience):
    for canary, (_title, word, typo, _tag) in CANARIES.items():
        response = client.get("/nl/search/", {"q": typo})
        assert response.context["results"].total == 0
        assert (response.context["search"].suggestion == word) is MAY_SEE[audience][canary], (audience, canary)
        assert (word in response.content.decode()) is MAY_SEE[audience][canary], (audience, canary)


def test_a_member_outside_the_group_and_a_visitor_share_nothing_with_the_group(canaries, non_group_member):
    from search.audience import audience_for

    assert audience_for(AnonymousUser()).group_ids == frozenset()
    assert audience_for(non_group_member).group_ids == frozenset()
