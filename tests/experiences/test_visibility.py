"""A submission that is not published is visible only to its author and the moderators: for anyone else it does
not exist (404), and its text reaches no page, list, search result or sitemap. A canary word proves it."""

import pytest
from django.urls import reverse

from knowledge.experiences import permissions
from knowledge.experiences.models import ExperienceSubmission
from tests.experiences.helpers import submission_data

CANARY = "zwavelkanarie"


@pytest.fixture
def canary_submission(client, post, member):
    client.force_login(member)
    post("/nl/experiences/submit/", submission_data(title=f"Geheim {CANARY}", lessons=f"Het {CANARY} verhaal."))
    client.logout()
    return ExperienceSubmission.objects.get(author=member)


@pytest.mark.parametrize("status", ["pending", "changes_requested", "rejected"])
def test_an_unpublished_submission_is_invisible_to_other_members_and_visitors(
    client, canary_submission, other_member, status
):
    ExperienceSubmission.objects.filter(pk=canary_submission.pk).update(status=status)
    own_urls = [
        reverse("experiences:submission", args=[canary_submission.pk]),
        reverse("experiences:edit", args=[canary_submission.pk]),
    ]
    client.force_login(other_member)
    for url in own_urls:
        assert client.get(url).status_code == 404
    assert CANARY not in client.get("/nl/my/contributions/").content.decode()
    for reader in (other_member, None):
        client.logout()
        if reader:
            client.force_login(reader)
        assert client.get("/nl/search/", {"q": CANARY}).context["results"].total == 0
        for url in (
            "/nl/ervaringen/",
            "/sitemap.xml",
            "/nl/search/autocomplete/?q=zwavel",
            "/nl/experiences/moderation/",
        ):
            assert CANARY not in client.get(url).content.decode(), url


def test_no_page_exists_for_a_submission_until_it_is_approved(canary_submission):
    from wagtail.models import Page

    assert not Page.objects.filter(title__icontains=CANARY).exists()


def test_the_author_and_the_moderators_see_the_submission(client, canary_submission, member, moderator, editor):
    url = reverse("experiences:submission", args=[canary_submission.pk])
    client.force_login(member)
    assert CANARY in client.get(url).content.decode()
    assert CANARY in client.get("/nl/my/contributions/").content.decode()
    for person in (moderator, editor):
        client.force_login(person)
        assert CANARY in client.get("/nl/experiences/moderation/").content.decode()
        assert CANARY in client.get(reverse("experiences:review", args=[canary_submission.pk])).content.decode()


def test_one_rule_decides_who_reads_submissions(canary_submission, member, other_member, moderator):
    from django.contrib.auth.models import AnonymousUser

    visible = permissions.visible_submissions
    assert canary_submission in visible(member)
    assert canary_submission in visible(moderator)
    assert canary_submission not in visible(other_member)
    assert not visible(AnonymousUser()).exists()
