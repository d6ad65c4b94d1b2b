"""The author withdraws an experience: a waiting one leaves the moderators' queue, a published one is gone at once
from its page, search, the sitemap and the index with its count. Only the author withdraws, after a confirmation,
by POST; the withdrawal is recorded (who and when, no text)."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from knowledge.experiences.models import ExperienceDecision, ExperiencePage, ExperienceSubmission
from search.models import SearchDocument, SearchWord
from tests import factories

CANARY = "wilgenkatjesmarkt"


def withdraw_url(submission):
    return reverse("experiences:withdraw", args=[submission.pk])


@pytest.fixture
def published(client, post, member, moderator):
    submission = factories.ExperienceSubmissionFactory(
        author=member, title=f"Ruzie over de {CANARY}", lessons=f"De {CANARY} bracht iedereen samen."
    )
    client.force_login(moderator)
    post(reverse("experiences:decide", args=[submission.pk, "approve"]), {})
    client.logout()
    submission.refresh_from_db()
    assert submission.page.live
    return submission


def test_the_author_withdraws_another_and_it_is_gone_from_page_search_and_sitemap(
    client, post, published, member, other_member, moderator
):
    page = published.page
    url = page.url
    client.force_login(other_member)
    assert CANARY in client.get("/nl/search/", {"q": CANARY}).content.decode()
    assert url in client.get("/sitemap.xml").content.decode()
    index = client.get("/nl/ervaringen/")
    assert CANARY in index.content.decode()
    count_before = len(index.context["experiences"])
    mail.outbox = []

    client.force_login(member)
    mine = client.get(reverse("experiences:submission", args=[published.pk])).content.decode()
    assert withdraw_url(published) in mine
    confirm = client.get(withdraw_url(published))
    assert confirm.status_code == 200 and 'name="seen" value="approved"' in confirm.content.decode()
    assert ExperiencePage.objects.filter(pk=page.pk).exists(), "the confirmation page changes nothing"

    response = post(withdraw_url(published), {"seen": "approved"})
    assert response.status_code == 302 and response.url == reverse("experiences:my_contributions")
    published.refresh_from_db()
    assert published.status == "withdrawn" and published.page is None and published.withdrawn_at
    decision = ExperienceDecision.objects.get(submission=published, action="withdraw")
    assert decision.actor == member and decision.reason == ""

    for reader in (other_member, moderator, None):
        client.logout()
        if reader:
            client.force_login(reader)
        assert client.get(url).status_code == 404
        assert client.get("/nl/search/", {"q": CANARY}).context["results"].total == 0
        assert url not in client.get("/sitemap.xml").content.decode()
        index = client.get("/nl/ervaringen/")
        assert CANARY not in index.content.decode()
    assert len(index.context["experiences"]) == count_before - 1
    assert not SearchDocument.objects.filter(source_id=page.pk).exists()
    assert not SearchWord.objects.filter(word__icontains=CANARY).exists()
    assert mail.outbox == [], "the author did it: nobody is mailed"

    client.force_login(moderator)
    queue = client.get("/nl/experiences/moderation/")
    assert published not in queue.context["waiting"]
    client.force_login(member)
    with translation.override("en"):
        contributions = client.get("/en/my/contributions/").content.decode()
    assert "Withdrawn" in contributions and withdraw_url(published) not in contributions


def test_a_waiting_submission_is_withdrawn_and_leaves_the_queue(client, post, member, moderator):
    waiting = factories.ExperienceSubmissionFactory(author=member, title="Nog even niet")
    client.force_login(moderator)
    assert waiting in client.get("/nl/experiences/moderation/").context["waiting"]
    client.force_login(member)
    assert withdraw_url(waiting) in client.get("/nl/my/contributions/").content.decode()
    post(withdraw_url(waiting), {"seen": "pending"})
    waiting.refresh_from_db()
    assert waiting.status == "withdrawn"
    client.force_login(moderator)
    assert waiting not in client.get("/nl/experiences/moderation/").context["waiting"]
    # A moderator who still had it open is told, and nothing is published.
    response = post(reverse("experiences:decide", args=[waiting.pk, "approve"]), {}, follow=True)
    with translation.override("en"):
        assert response.status_code == 200
    waiting.refresh_from_db()
    assert waiting.status == "withdrawn" and waiting.page is None
    assert not ExperiencePage.objects.filter(title="Nog even niet").exists()


def test_a_withdrawal_confirmed_for_a_status_that_changed_meanwhile_is_not_carried_out(client, post, member):
    submission = factories.ExperienceSubmissionFactory(author=member, status="changes_requested")
    client.force_login(member)
    response = post(withdraw_url(submission), {"seen": "pending"})
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == "changes_requested"
    bad = post(withdraw_url(submission), {"seen": "maan"})
    assert bad.status_code == 302
    submission.refresh_from_db()
    assert submission.status == "changes_requested"


def test_only_the_author_withdraws_and_only_by_post(client, post, published, other_member, moderator):
    for person in (other_member, moderator):
        client.force_login(person)
        assert client.get(withdraw_url(published)).status_code == 404
        assert post(withdraw_url(published), {"seen": "approved"}).status_code == 404
    client.logout()
    assert client.post(withdraw_url(published), {"seen": "approved"}).status_code == 302
    published.refresh_from_db()
    assert published.status == "approved" and published.page.live
    rejected = factories.ExperienceSubmissionFactory(author=published.author, status="rejected")
    client.force_login(published.author)
    post(withdraw_url(rejected), {"seen": "rejected"})
    rejected.refresh_from_db()
    assert rejected.status == "rejected", "a decided submission that is not published has nothing to withdraw"


def test_the_confirmation_page_asks_few_queries(client, published, django_assert_max_num_queries):
    client.force_login(published.author)
    client.get(withdraw_url(published))
    with django_assert_max_num_queries(25):
        assert client.get(withdraw_url(published)).status_code == 200


def test_a_withdrawn_submission_is_erased_with_the_account_like_any_unpublished_one(member):
    submission = factories.ExperienceSubmissionFactory(author=member, status="withdrawn")
    from knowledge.experiences.privacy import erase_unpublished_submissions

    erase_unpublished_submissions(member)
    assert not ExperienceSubmission.objects.filter(pk=submission.pk).exists()
