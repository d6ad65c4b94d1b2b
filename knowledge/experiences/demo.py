"""Demo shared experiences: an index page per language, published experiences in nl/da/en, and a demo member's
submissions in moderation (one waiting, one sent back with a request for changes, one that became a page), one
published for members only and one a moderator redacted before publishing.

Idempotent: pages are found by their slug in their language, submissions by author and title.
"""

from django.apps import apps
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from accounts.models import Organisation, User
from core.demo import register
from knowledge.experiences import services
from knowledge.experiences.demo_texts import EXPERIENCES, INDEX, MODERATED, SUBMISSIONS
from knowledge.experiences.models import (
    ExperienceIndexPage,
    ExperiencePage,
    ExperienceRelatedProtocol,
    ExperienceSubmission,
)

LANGUAGES = ("nl", "da", "en")
MODERATOR = "moderator@hilversum.example"
FIELDS = ("title", "setting", "case_kind", "outcome", "what_happened", "approach", "lessons")


def _publish(page):
    page.save_revision(log_action=False).publish(log_action=False)


def _indexes(progress) -> dict:
    indexes = {}
    source = ExperienceIndexPage.objects.filter(locale__language_code="nl").first()
    for language in progress.iterate(LANGUAGES, "experience index"):
        text = INDEX[language]
        if language == "nl":
            page = source
            if page is None:
                page = ExperienceIndexPage(title=text["title"], slug=text["slug"], intro=text["intro"])
                home = apps.get_model("knowledge", "HomePage").objects.get(locale__language_code="nl")
                home.add_child(instance=page)
                source = page
        else:
            locale = Locale.objects.get(language_code=language)
            existing = source.get_translation_or_none(locale)
            page = existing.specific if existing else source.copy_for_translation(locale).specific
        if page.live_revision_id is None or page.title != text["title"] or not page.show_in_menus:
            page.title = page.draft_title = text["title"]
            page.slug, page.intro, page.show_in_menus = text["slug"], text["intro"], True
            _publish(page)
        indexes[language] = page.pk
    return indexes


def _experience(index_pk: int, language: str, text: dict) -> ExperiencePage:
    # Re-read the index for every child: add_child on a stale instance would write an old numchild back.
    index = ExperienceIndexPage.objects.get(pk=index_pk)
    page = ExperiencePage.objects.child_of(index).filter(slug=text["slug"]).first()
    if page is not None:
        return page
    page = ExperiencePage(
        slug=text["slug"],
        organisation=Organisation.objects.filter(slug=text["organisation"]).first(),
        show_organisation=text["show_organisation"],
        submitter=User.objects.filter(email=text.get("submitter", "")).first(),
        **{name: text[name] for name in FIELDS},
    )
    ProtocolPage = apps.get_model("protocols", "ProtocolPage")
    protocols = ProtocolPage.objects.filter(locale__language_code=language, slug__in=text["protocols"])
    page.related_protocols = [
        ExperienceRelatedProtocol(protocol=protocol, sort_order=number) for number, protocol in enumerate(protocols)
    ]
    index.add_child(instance=page)
    page.tags.set(text["tags"])
    _publish(page)
    return page


def _approved_submission(page: ExperiencePage, language: str, text: dict) -> None:
    """The submission a published demo experience came from, so its author finds it in "my contributions"."""
    if page.submitter is None or ExperienceSubmission.objects.filter(page=page).exists():
        return
    submission = ExperienceSubmission.objects.create(
        author=page.submitter,
        language=language,
        tags=", ".join(text["tags"]),
        organisation=page.organisation,
        show_organisation=page.show_organisation,
        checklist_confirmed_at=timezone.now(),
        status=ExperienceSubmission.Status.APPROVED,
        decided_by=User.objects.filter(email=MODERATOR).first(),
        decided_at=timezone.now(),
        page=page,
        **{name: text[name] for name in FIELDS},
    )
    submission.related_protocols.set([link.protocol for link in page.related_protocols.all()])


def load(progress):
    indexes = _indexes(progress)
    for language in LANGUAGES:
        texts = [(text, text["title"]) for text in EXPERIENCES[language]]
        for text, _title in progress.iterate(texts, f"experiences ({language})"):
            page = _experience(indexes[language], language, text)
            _approved_submission(page, language, text)

    for text, _title in progress.iterate([(text, text["title"]) for text in SUBMISSIONS], "submissions in moderation"):
        author = User.objects.get(email=text["author"])
        if ExperienceSubmission.objects.filter(author=author, title=text["title"]).exists():
            continue
        values = {key: value for key, value in text.items() if key != "author"}
        if values["status"] != ExperienceSubmission.Status.PENDING:
            values.update(decided_by=User.objects.filter(email=MODERATOR).first(), decided_at=timezone.now())
        ExperienceSubmission.objects.create(
            author=author,
            organisation=Organisation.objects.filter(memberships__user=author).first(),
            checklist_confirmed_at=timezone.now(),
            **values,
        )

    for text, _title in progress.iterate([(text, text["title"]) for text in MODERATED], "moderated experiences"):
        _moderated(text)


def _moderated(text: dict) -> None:
    """Published as the moderation actions do it (without mailing the demo member)."""
    author = User.objects.get(email=text["author"])
    if ExperienceSubmission.objects.filter(author=author, title=text["title"]).exists():
        return
    moderator = User.objects.filter(email=MODERATOR).first()
    fields = ("title", "setting", "case_kind", "outcome", "what_happened", "approach", "lessons", "tags")
    with transaction.atomic():
        submission = ExperienceSubmission.objects.create(
            author=author,
            language=text["language"],
            members_only=text["members_only"],
            organisation=Organisation.objects.filter(memberships__user=author).first(),
            checklist_confirmed_at=timezone.now(),
            **{name: text[name] for name in fields},
        )
        action = "approve"
        if "redacted_what_happened" in text:
            action = "redact"
            edit = {"title": text["redacted_title"], "what_happened": text["redacted_what_happened"]}
            services.redact(submission, moderator, edit, members_only=False)
        submission.page = services.publish_submission(submission)
        submission.status = ExperienceSubmission.Status.APPROVED
        submission.reason = text.get("reason", "")
        submission.decided_by, submission.decided_at = moderator, timezone.now()
        submission.save()
        services.record(submission, action, moderator, submission.reason, members_only=submission.page.members_only)


register(load, order=60)
