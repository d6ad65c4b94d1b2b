"""Moderators and editors decide on submissions on the site: approve (a published, searchable page in the
submitter's language), ask for changes, or reject; the author is mailed each outcome in their own language."""

import pytest
from django.core import mail
from django.urls import reverse

from knowledge.experiences.models import ExperienceIndexPage, ExperiencePage, ExperienceSubmission
from search.models import SearchDocument
from tests import factories
from tests.experiences.helpers import submission_data
from tests.helpers import links_in_last_mail, path_of


@pytest.fixture
def submitted(client, post, member):
    def make(url="/nl/experiences/submit/", author=None, **overrides):
        client.force_login(author or member)
        response = post(url, submission_data(**overrides))
        assert response.status_code == 302, response.content.decode()[:2000]
        client.logout()
        return ExperienceSubmission.objects.filter(author=author or member).latest("pk")

    return make


def decide_url(submission, action):
    return reverse("experiences:decide", args=[submission.pk, action])


def test_approval_publishes_a_page_in_the_submitters_language_that_search_finds_and_mails_the_author(
    client, post, submitted, member, moderator
):
    submission = submitted(title="Bomenkap zonder ruzie", lessons="Het woord kastanjelaan vinden we terug.")
    client.force_login(moderator)
    assert "/nl/experiences/moderation/" in client.get("/nl/accounts/profile/").content.decode()
    queue = client.get("/nl/experiences/moderation/").content.decode()
    assert "Bomenkap zonder ruzie" in queue
    review = client.get(reverse("experiences:review", args=[submission.pk]))
    assert review.status_code == 200 and "Goedkeuren en publiceren" in review.content.decode()

    response = post(decide_url(submission, "approve"), {"approve-reason": ""})
    assert response.status_code == 302

    submission.refresh_from_db()
    page = submission.page
    assert submission.status == "approved" and submission.decided_by == moderator
    assert page.live and page.locale.language_code == "nl"
    assert page.get_parent().specific_class is ExperienceIndexPage
    assert page.submitter == member and page.lessons == "Het woord kastanjelaan vinden we terug."
    assert sorted(page.tags.names()) == ["bezwaar", "bomen"]
    document = SearchDocument.objects.get(source_id=page.pk, kind="experience")
    assert sorted(document.tags) == [["bezwaar", "bezwaar"], ["bomen", "bomen"]], "tags written at publish are indexed"
    assert document.language == "nl" and document.organisation_id is None  # the author did not show it
    assert "Bomenkap zonder ruzie" in client.get("/nl/search/", {"q": "kastanjelaan"}).content.decode()
    assert client.get(page.url).status_code == 200

    sent = [m for m in mail.outbox if m.to == [member.email]]
    assert [m.subject for m in sent] == ["[Kennisplatform] Uw ervaring is gepubliceerd: Bomenkap zonder ruzie"]
    assert path_of(links_in_last_mail(member.email)[0]) == page.url
    client.force_login(member)
    contributions = client.get("/nl/my/contributions/").content.decode()
    assert "Gepubliceerd" in contributions and page.url in contributions


def test_asking_for_changes_needs_a_reason_and_the_author_edits_and_resubmits(
    client, post, submitted, member, moderator
):
    submission = submitted()
    client.force_login(moderator)
    refused = post(decide_url(submission, "request_changes"), {"request_changes-reason": "  "})
    assert refused.status_code == 400
    assert "Geef de auteur een reden." in refused.content.decode()
    submission.refresh_from_db()
    assert submission.status == "pending" and mail.outbox == []

    post(decide_url(submission, "request_changes"), {"request_changes-reason": "Laat de boomsoort weg."})
    submission.refresh_from_db()
    assert submission.status == "changes_requested" and submission.reason == "Laat de boomsoort weg."
    message = mail.outbox[-1]
    assert message.to == [member.email] and message.subject.startswith("[Kennisplatform] Wilt u uw ervaring aanpassen")
    assert "Laat de boomsoort weg." in message.body
    edit_path = path_of(links_in_last_mail(member.email)[-1])
    assert edit_path == reverse("experiences:edit", args=[submission.pk])

    client.force_login(member)
    contributions = client.get("/nl/my/contributions/").content.decode()
    assert "Aanpassing gevraagd" in contributions and "Laat de boomsoort weg." in contributions
    form = client.get(edit_path).content.decode()
    assert "Laat de boomsoort weg." in form and "Bezwaar over een kapvergunning" in form
    assert post(edit_path, submission_data(lessons="Ter plekke kijken werkt.")).status_code == 302
    submission.refresh_from_db()
    assert submission.status == "pending" and submission.lessons == "Ter plekke kijken werkt."

    client.force_login(moderator)
    post(decide_url(submission, "approve"), {})
    submission.refresh_from_db()
    assert submission.status == "approved" and submission.page.lessons == "Ter plekke kijken werkt."


def test_rejection_needs_a_reason_mails_it_and_publishes_nothing(client, post, submitted, member, moderator):
    submission = submitted(title="Niet geschikt verhaal")
    client.force_login(moderator)
    assert post(decide_url(submission, "reject"), {}).status_code == 400
    post(decide_url(submission, "reject"), {"reject-reason": "Dit is geen ervaring met mediation."})
    submission.refresh_from_db()
    assert submission.status == "rejected" and submission.page is None
    assert not ExperiencePage.objects.filter(title="Niet geschikt verhaal").exists()
    message = mail.outbox[-1]
    assert message.subject == "[Kennisplatform] Uw ervaring wordt niet gepubliceerd: Niet geschikt verhaal"
    assert "Dit is geen ervaring met mediation." in message.body
    assert "Dit is geen ervaring met mediation." in message.alternatives[0][0]

    client.force_login(member)
    assert client.get(reverse("experiences:edit", args=[submission.pk])).status_code == 302  # no longer editable


def test_a_decided_submission_cannot_be_decided_again(client, post, submitted, moderator, editor):
    submission = submitted()
    client.force_login(moderator)
    post(decide_url(submission, "reject"), {"reject-reason": "Te weinig over de aanpak."})
    client.force_login(editor)  # editors moderate as well
    response = post(decide_url(submission, "approve"), {}, follow=True)
    assert "Een andere moderator heeft in de tussentijd al over deze inzending besloten." in response.content.decode()
    submission.refresh_from_db()
    assert submission.status == "rejected" and submission.decided_by == moderator
    assert len(mail.outbox) == 1


def test_a_danish_submission_is_published_in_danish_and_the_author_is_mailed_in_danish(
    client, post, submitted, make_user, moderator
):
    copenhagen = factories.OrganisationFactory(name="Københavns Kommune", country="DK")
    dane = make_user("mette@kk.example", organisation=copenhagen, preferred_language="da")
    submission = submitted(url="/da/experiences/submit/", author=dane, title="Klage over ventetid")
    client.force_login(moderator)
    post(decide_url(submission, "approve"), {})
    submission.refresh_from_db()
    assert submission.page.locale.language_code == "da"
    assert submission.page.url.startswith("/da/erfaringer/")
    assert mail.outbox[-1].subject == "[Kennisplatform] Din erfaring er offentliggjort: Klage over ventetid"


def test_members_cannot_reach_the_moderation_pages(client, post, submitted, other_member):
    submission = submitted()
    client.force_login(other_member)
    assert "/nl/experiences/moderation/" not in client.get("/nl/accounts/profile/").content.decode()
    assert client.get("/nl/experiences/moderation/").status_code == 404
    assert client.get(reverse("experiences:review", args=[submission.pk])).status_code == 404
    assert post(decide_url(submission, "approve"), {}).status_code == 404
    submission.refresh_from_db()
    assert submission.status == "pending"


def test_approval_without_an_index_page_in_that_language_is_refused_with_a_message_and_changes_nothing(
    client, post, member, moderator
):
    ExperienceIndexPage.objects.get(locale__language_code="en").delete()
    submission = ExperienceSubmission.objects.create(
        author=member,
        language="en",
        title="Nowhere to go",
        setting="workplace",
        case_kind="Team conflict",
        what_happened="Two colleagues stopped talking.",
        approach="A mediator from the pool.",
        outcome="resolved",
        lessons="Start early.",
    )
    client.force_login(moderator)
    response = post(decide_url(submission, "approve"), {}, follow=True)
    assert "Er is nog geen pagina voor ervaringen in deze taal" in response.content.decode()
    submission.refresh_from_db()
    assert submission.status == "pending" and submission.page is None and mail.outbox == []
