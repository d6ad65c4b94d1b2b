"""A moderator edits a re-identifying detail (a surname) out of an experience and publishes the edited version,
members-only if need be; the author's original is kept only in the moderators' history until it is purged, after
which it exists nowhere. Readers, search, the sitemap and mails only ever carry the edited text."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import PageLogEntry, Revision
from wagtail.search.models import IndexEntry

from knowledge.experiences.models import ExperienceDecision, ExperiencePage, ExperienceRevision, ExperienceSubmission
from search.models import SearchDocument, SearchWord
from tests import factories

SURNAME = "Oosterhuisveld"
REDACTED_STORY = "De inwoner maakte bezwaar tegen de kap van een kastanje naast zijn tuin."


def story_with_surname():
    return f"De inwoner, meneer {SURNAME}, maakte bezwaar tegen de kap van een kastanje naast zijn tuin."


@pytest.fixture
def waiting(member):
    return factories.ExperienceSubmissionFactory(
        author=member,
        title=f"Bezwaar van {SURNAME} over een kastanje",
        case_kind="Bezwaar tegen een kapvergunning",
        what_happened=story_with_surname(),
        approach="Wij belden en spraken af bij de boom.",
        lessons="Samen ter plekke kijken werkte.",
        tags="bezwaar, bomen",
    )


def redact_data(submission, **overrides) -> dict:
    data = {
        "redact-title": "Bezwaar over een kastanje",
        "redact-case_kind": submission.case_kind,
        "redact-what_happened": REDACTED_STORY,
        "redact-approach": submission.approach,
        "redact-lessons": submission.lessons,
        "redact-tags": submission.tags,
        "redact-reason": "Ik heb de achternaam weggelaten.",
    }
    data.update(overrides)
    return data


def decide_url(submission, action):
    return reverse("experiences:decide", args=[submission.pk, action])


def places_holding(word: str) -> list[str]:
    """Every stored place that still holds `word` (case-insensitive): pages and their Wagtail revisions, log
    entries and redirects, Wagtail's own search index, the site search and its vocabulary, submissions, the history
    and every mail sent."""
    word = word.lower()
    found = []
    for page in ExperiencePage.objects.all():
        if word in " ".join([page.title, page.slug, page.url_path, page.what_happened, page.lessons]).lower():
            found.append(f"page {page.pk}")
    if any(word in str(revision.content).lower() for revision in Revision.objects.all()):
        found.append("wagtail revision")
    if any(word in f"{entry.label} {entry.data}".lower() for entry in PageLogEntry.objects.all()):
        found.append("page log entry")
    if Redirect.objects.filter(old_path__icontains=word).exists():
        found.append("redirect")
    if any(word in f"{entry.title} {entry.body}".lower() for entry in IndexEntry.objects.all()):
        found.append("wagtail search index")
    if any(
        word in f"{d.title} {d.summary} {d.body} {d.url} {d.tags_text}".lower() for d in SearchDocument.objects.all()
    ):
        found.append("search document")
    if SearchWord.objects.filter(word__icontains=word).exists():
        found.append("search vocabulary")
    fields = ("title", "case_kind", "what_happened", "approach", "lessons", "tags", "reason")
    for submission in ExperienceSubmission.objects.all():
        if word in " ".join(getattr(submission, name) for name in fields).lower():
            found.append(f"submission {submission.pk}")
    if any(word in str(revision.original).lower() for revision in ExperienceRevision.objects.all()):
        found.append("moderators' history")
    for message in mail.outbox:
        if word in f"{message.subject} {message.body} {message.alternatives[0][0]}".lower():
            found.append(f"mail to {message.to[0]}")
    return found


def test_a_moderator_redacts_a_surname_from_an_experience_and_publishes_it_members_only(
    client, post, waiting, member, other_member, moderator
):
    client.force_login(moderator)
    review = client.get(reverse("experiences:review", args=[waiting.pk])).content.decode()
    assert f'value="Bezwaar van {SURNAME} over een kastanje"' in review, "the edit form starts from the author's text"

    response = post(decide_url(waiting, "redact"), redact_data(waiting, **{"redact-members_only": "on"}))
    assert response.status_code == 302, response.content.decode()[:3000]

    waiting.refresh_from_db()
    page = waiting.page
    assert waiting.status == "approved" and page.live and page.members_only
    assert page.title == "Bezwaar over een kastanje" and page.what_happened == REDACTED_STORY
    assert waiting.what_happened == REDACTED_STORY, "the submission holds the edited text too"
    revision = ExperienceRevision.objects.get(submission=waiting)
    assert revision.changed_fields == ["title", "what_happened"] and SURNAME in revision.original["what_happened"]
    decision = ExperienceDecision.objects.get(submission=waiting)
    assert (decision.action, decision.actor, decision.members_only) == ("redact", moderator, True)
    assert SURNAME not in decision.reason
    document = SearchDocument.objects.get(source_id=page.pk, kind="experience")
    assert document.visibility == "members"
    assert places_holding(SURNAME) == ["moderators' history"]

    # The author is told it was published with an edit, and which parts; the mail carries the edited title only.
    message = [m for m in mail.outbox if m.to == [member.email]][-1]
    with translation.override("en"):
        assert "Bezwaar over een kastanje" in message.subject
    assert "Ik heb de achternaam weggelaten." in message.body
    assert page.url in message.body

    # A visitor is sent to log in; search, the index and the sitemap show the page to nobody but members.
    client.logout()
    response = client.get(page.url)
    assert response.status_code == 302 and "/accounts/login/" in response.url
    assert page.url not in client.get("/sitemap.xml").content.decode()
    assert "Bezwaar over een kastanje" not in client.get("/nl/ervaringen/").content.decode()
    assert client.get("/nl/search/", {"q": "kastanje"}).context["results"].total == 0

    # A member reads the edited text, finds it in search and in the index; the page is not for shared caches.
    client.force_login(other_member)
    response = client.get(page.url)
    content = response.content.decode()
    assert response.status_code == 200 and REDACTED_STORY in content and SURNAME not in content
    assert "private" in response["Cache-Control"]
    assert "Bezwaar over een kastanje" in client.get("/nl/search/", {"q": "kastanje"}).content.decode()
    assert "Bezwaar over een kastanje" in client.get("/nl/ervaringen/").content.decode()

    # The author sees the edited text and what was edited, never the original; the decision is in their list too.
    client.force_login(member)
    mine = client.get(reverse("experiences:submission", args=[waiting.pk])).content.decode()
    assert REDACTED_STORY in mine and SURNAME not in mine
    with translation.override("en"):
        listing = client.get(reverse("notifications:list")).content.decode()
    assert "Bezwaar over een kastanje" in listing and SURNAME not in listing


def test_purging_the_original_leaves_it_nowhere(client, post, waiting, moderator):
    client.force_login(moderator)
    post(decide_url(waiting, "redact"), redact_data(waiting))
    revision = ExperienceRevision.objects.get(submission=waiting)
    review = client.get(reverse("experiences:review", args=[waiting.pk])).content.decode()
    assert SURNAME in review, "moderators read the original in the history until it is purged"

    response = post(reverse("experiences:purge_revision", args=[revision.pk]), {})
    assert response.status_code == 302
    revision.refresh_from_db()
    assert revision.is_purged and revision.original == {} and revision.changed_fields == ["title", "what_happened"]
    assert places_holding(SURNAME) == []
    assert SURNAME not in client.get(reverse("experiences:review", args=[waiting.pk])).content.decode()
    assert ExperienceDecision.objects.filter(submission=waiting, action="purge_revision", actor=moderator).exists()
    # Purging twice is refused with a message, not an error page.
    again = post(reverse("experiences:purge_revision", args=[revision.pk]), {}, follow=True)
    with translation.override("en"):
        assert again.status_code == 200


def test_an_already_published_experience_is_redacted_leaving_no_earlier_revision_or_old_address(
    client, post, waiting, member, moderator
):
    client.force_login(moderator)
    post(decide_url(waiting, "approve"), {})
    waiting.refresh_from_db()
    page = waiting.page
    old_url = page.url
    assert SURNAME.lower() in old_url and not page.members_only
    assert "search document" in places_holding(SURNAME)
    mail.outbox = []  # the approval mail went out before anybody noticed; what follows must not repeat the name

    review = client.get(reverse("experiences:review", args=[waiting.pk])).content.decode()
    assert "Bewerken en publiceren" in review or "Edit and publish" in review
    response = post(decide_url(waiting, "redact"), redact_data(waiting))
    assert response.status_code == 302
    page = ExperiencePage.objects.get(pk=page.pk)
    assert page.live and page.title == "Bezwaar over een kastanje" and page.url != old_url
    assert Revision.objects.for_instance(page).count() == 1
    assert places_holding(SURNAME) == ["moderators' history"]
    assert client.get(old_url).status_code == 404
    assert client.get(page.url).status_code == 200
    assert [m.to for m in mail.outbox] == [[member.email]]


def test_a_moderator_may_publish_members_only_but_never_public_what_the_author_kept_for_members(
    client, post, member, moderator
):
    kept = factories.ExperienceSubmissionFactory(author=member, members_only=True, title="Alleen voor leden")
    client.force_login(moderator)
    review = client.get(reverse("experiences:review", args=[kept.pk])).content.decode()
    assert "approve-members_only" in review and "disabled" in review
    post(decide_url(kept, "approve"), {})  # an unticked (disabled) box does not make it public
    kept.refresh_from_db()
    assert kept.page.members_only

    asked_public = factories.ExperienceSubmissionFactory(author=member, title="Voor iedereen gevraagd")
    post(decide_url(asked_public, "approve"), {"approve-members_only": "on"})
    asked_public.refresh_from_db()
    assert asked_public.page.members_only and not asked_public.members_only
    client.force_login(member)
    with translation.override("en"):
        page = client.get(reverse("experiences:submission", args=[asked_public.pk])).content.decode()
    assert "Readers: members only, as a moderator decided" in page


def test_a_redaction_needs_a_change_and_a_reason_and_loses_nothing_typed(client, post, waiting, moderator):
    client.force_login(moderator)
    unchanged = post(
        decide_url(waiting, "redact"),
        redact_data(waiting, **{"redact-title": waiting.title, "redact-what_happened": waiting.what_happened}),
    )
    assert unchanged.status_code == 400
    no_reason = post(decide_url(waiting, "redact"), redact_data(waiting, **{"redact-reason": ""}))
    assert no_reason.status_code == 400
    assert REDACTED_STORY in no_reason.content.decode(), "the edit is kept"
    waiting.refresh_from_db()
    assert waiting.status == "pending" and waiting.page is None and not ExperienceRevision.objects.exists()


def test_the_detector_reads_the_moderators_edit_too(client, post, waiting, moderator):
    client.force_login(moderator)
    bsn = "111222333"
    response = post(decide_url(waiting, "redact"), redact_data(waiting, **{"redact-lessons": f"Zijn BSN was {bsn}."}))
    assert response.status_code == 400
    assert f"<mark>{bsn}</mark>" in response.content.decode()
    waiting.refresh_from_db()
    assert waiting.status == "pending"


def test_a_moderator_takes_down_a_published_experience_and_the_author_may_send_it_again(
    client, post, waiting, member, moderator
):
    client.force_login(moderator)
    post(decide_url(waiting, "approve"), {})
    waiting.refresh_from_db()
    url, page_pk = waiting.page.url, waiting.page.pk
    assert post(decide_url(waiting, "take_down"), {}).status_code == 400, "a reason is required"
    post(decide_url(waiting, "take_down"), {"take_down-reason": "De achternaam maakt de inwoner herkenbaar."})
    waiting.refresh_from_db()
    assert waiting.status == "taken_down" and waiting.page is None
    assert not ExperiencePage.objects.filter(pk=page_pk).exists()
    assert client.get(url).status_code == 404
    assert not SearchDocument.objects.filter(source_id=page_pk).exists()
    assert url not in client.get("/sitemap.xml").content.decode()
    assert "De achternaam maakt de inwoner herkenbaar." in mail.outbox[-1].body
    assert ExperienceDecision.objects.filter(submission=waiting, action="take_down").exists()

    client.force_login(member)
    assert client.get(reverse("experiences:edit", args=[waiting.pk])).status_code == 200


def test_only_moderators_redact_take_down_or_purge(client, post, waiting, member, other_member, moderator):
    client.force_login(moderator)
    post(decide_url(waiting, "redact"), redact_data(waiting))
    revision = ExperienceRevision.objects.get(submission=waiting)
    for person in (member, other_member):
        client.force_login(person)
        assert post(decide_url(waiting, "redact"), redact_data(waiting, **{"redact-lessons": "x"})).status_code == 404
        assert post(decide_url(waiting, "take_down"), {"take_down-reason": "Weg."}).status_code == 404
        assert post(reverse("experiences:purge_revision", args=[revision.pk]), {}).status_code == 404
    client.logout()
    assert post(reverse("experiences:purge_revision", args=[revision.pk]), {}).status_code == 302
    revision.refresh_from_db()
    waiting.refresh_from_db()
    assert not revision.is_purged and waiting.status == "approved" and waiting.lessons != "x"


def test_the_review_page_does_not_ask_more_queries_as_the_history_grows(
    client, post, waiting, moderator, django_assert_max_num_queries
):
    client.force_login(moderator)
    post(decide_url(waiting, "redact"), redact_data(waiting))
    url = reverse("experiences:review", args=[waiting.pk])
    client.get(url)
    with django_assert_max_num_queries(40) as few:
        client.get(url)
    budget = len(few.captured_queries)  # read now: the next request resets the connection's query log
    for number in range(4):
        post(decide_url(waiting, "redact"), redact_data(waiting, **{"redact-lessons": f"Les {number}."}))
    with django_assert_max_num_queries(budget):
        assert client.get(url).status_code == 200
