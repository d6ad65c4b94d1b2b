"""The demo content shows the feature populated: experiences in three languages and a queue for the moderator."""

import io

import pytest
from django.core.management import call_command

from knowledge.experiences.models import ExperienceIndexPage, ExperiencePage, ExperienceSubmission

pytestmark = pytest.mark.usefixtures("demo")


def counts():
    return (
        ExperienceIndexPage.objects.count(),
        {lang: ExperiencePage.objects.live().filter(locale__language_code=lang).count() for lang in ("nl", "da", "en")},
        sorted(ExperienceSubmission.objects.values_list("status", flat=True)),
    )


def test_demo_content_has_experiences_in_three_languages_and_a_moderation_queue(db):
    indexes, pages, statuses = counts()
    assert indexes == 3
    assert pages["nl"] >= 4 and pages["da"] >= 2 and pages["en"] >= 1
    assert {"pending", "changes_requested", "approved"} <= set(statuses)
    assert ExperienceSubmission.objects.filter(author__email="lid@almere.example", status="pending").exists()


def test_loading_the_demo_again_adds_nothing(db):
    before = counts()
    call_command("demo_content", stdout=io.StringIO())
    assert counts() == before


def test_the_moderator_sees_the_demo_queue(client, db):
    from accounts.models import User

    client.force_login(User.objects.get(email="moderator@hilversum.example"))
    page = client.get("/nl/experiences/moderation/").content.decode()
    assert "Buurtbewoners en een evenementenvergunning" in page


def test_the_demo_has_a_members_only_and_a_redacted_experience(db):
    from knowledge.experiences.models import ExperienceRevision

    assert ExperiencePage.objects.live().filter(members_only=True).exists()
    revision = ExperienceRevision.objects.select_related("submission__page").get()
    assert revision.submission.page.live and "Van Dijkhuizen" not in revision.submission.page.what_happened
    assert "Van Dijkhuizen" in revision.original["what_happened"]
