"""The rules of shared experiences: submitting and resubmitting, publishing an approved submission as a page,
redacting, taking down and withdrawing, useful marks. What the index and experience pages show is in queries.py.

Moderation decisions themselves are the actions in `actions.py`; they call the functions here under the submission's
row lock. Taking a page off the site deletes it: its Wagtail revisions go with it, search removes its document (and
its words from the vocabulary) on the page's delete signal, and the sitemap and the index list only read live pages.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from taggit.utils import parse_tags
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageLogEntry, Revision

from accounts import roles
from knowledge.experiences.models import (
    REDACTABLE_FIELDS,
    ExperienceDecision,
    ExperienceIndexPage,
    ExperiencePage,
    ExperienceRelatedProtocol,
    ExperienceRevision,
    ExperienceSubmission,
    UsefulMark,
)
from knowledge.experiences.permissions import can_purge_revision, can_withdraw

Status = ExperienceSubmission.Status


class SubmissionError(Exception):
    message = _("This is not possible.")

    def __str__(self):
        return str(self.message)


class NotEditable(SubmissionError):
    message = _("This submission has already been decided on and can no longer be changed.")


class NoIndexPage(SubmissionError):
    message = _("There is no page for shared experiences in this language yet; ask an editor to create one.")


class NotWithdrawable(SubmissionError):
    message = _("This experience can no longer be withdrawn.")


class ChangedMeanwhile(SubmissionError):
    message = _("A moderator has decided on this experience in the meantime. Look at it again before you withdraw it.")


class NothingChanged(SubmissionError):
    message = _("You did not change anything. Edit the text, or use another decision.")


class AlreadyPurged(SubmissionError):
    message = _("This original text has already been purged.")


def record(submission, action: str, actor, reason: str = "", members_only: bool = False) -> ExperienceDecision:
    """Append who did what to the submission's history (never its text)."""
    return ExperienceDecision.objects.create(
        submission=submission, action=action, actor=actor, reason=reason, members_only=members_only
    )


# Submitting


def _save_from_form(submission: ExperienceSubmission, form) -> ExperienceSubmission:
    for name, value in form.cleaned_data.items():
        if name in form.Meta.fields and name != "related_protocols":
            setattr(submission, name, value)
    submission.checklist_confirmed_at = timezone.now()
    submission.findings_confirmed = form.cleaned_data.get("findings_confirmed", False)
    submission.save()
    submission.related_protocols.set(form.cleaned_data.get("related_protocols") or [])
    return submission


def submit(author, language: str, form) -> ExperienceSubmission:
    """A new submission from a valid SubmissionForm; it waits for a moderator."""
    with transaction.atomic():
        return _save_from_form(ExperienceSubmission(author=author, language=language), form)


def resubmit(submission_id: int, author, form) -> ExperienceSubmission:
    """The author's edited version goes back into the queue. Locked: a moderator may be deciding right now."""
    with transaction.atomic():
        submission = ExperienceSubmission.objects.select_for_update().get(pk=submission_id, author=author)
        if not submission.is_editable:
            raise NotEditable
        submission.status = ExperienceSubmission.Status.PENDING
        submission.submitted_at = timezone.now()
        return _save_from_form(submission, form)


# Publishing


def _free_slug(index: ExperienceIndexPage, title: str, page=None) -> str:
    base = slugify(title, allow_unicode=True)[:60].strip("-") or "experience"
    children = index.get_children().filter(slug__startswith=base)
    if page is not None:
        children = children.exclude(pk=page.pk)
    taken = set(children.values_list("slug", flat=True))
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def publish_submission(submission: ExperienceSubmission, members_only: bool = False) -> ExperiencePage:
    """Create and publish the experience page under the index of the submission's language.

    Indexing for search follows from publishing (after the commit), like any other page. The page is members-only
    when the author asked for it, or when the moderator chose it (`members_only`).
    """
    index = ExperienceIndexPage.objects.filter(locale__language_code=submission.language).first()
    if index is None:
        raise NoIndexPage
    page = ExperiencePage(
        title=submission.title,
        slug=_free_slug(index, submission.title),
        setting=submission.setting,
        case_kind=submission.case_kind,
        what_happened=submission.what_happened,
        approach=submission.approach,
        outcome=submission.outcome,
        lessons=submission.lessons,
        organisation=submission.organisation,
        show_organisation=submission.show_organisation,
        submitter=submission.author,
        members_only=submission.members_only or members_only,
    )
    page.related_protocols = [
        ExperienceRelatedProtocol(protocol=protocol, sort_order=number)
        for number, protocol in enumerate(submission.related_protocols.all())
    ]
    index.add_child(instance=page)
    page.tags.set(parse_tags(submission.tags))
    page.save_revision(user=None, log_action=False).publish(log_action=False)
    return page


def remove_page(submission: ExperienceSubmission) -> None:
    """Take the published page off the site for good (called under the submission's lock)."""
    page = submission.page
    submission.page = None
    if page is not None:
        page.delete()


# Redaction


def redact(submission: ExperienceSubmission, moderator, text: dict, members_only: bool) -> ExperienceRevision | None:
    """Replace the free text of the submission (and of its page, if published) with the moderator's edit; keep what
    the author wrote only in an ExperienceRevision. Called under the submission's lock; the caller publishes a
    waiting submission afterwards. Returns the revision, or None when only the audience changed."""
    changed = [name for name in REDACTABLE_FIELDS if name in text and text[name] != getattr(submission, name)]
    page = submission.page
    audience_changed = page is not None and (submission.members_only or members_only) != page.members_only
    if not changed and not audience_changed:
        raise NothingChanged
    revision = None
    if changed:
        revision = ExperienceRevision.objects.create(
            submission=submission,
            original={name: getattr(submission, name) for name in changed},
            changed_fields=changed,
            created_by=moderator,
        )
        for name in changed:
            setattr(submission, name, text[name])
    if page is not None:
        _republish(page.specific, submission, members_only=submission.members_only or members_only)
    return revision


def _republish(page: ExperiencePage, submission: ExperienceSubmission, members_only: bool) -> None:
    """Publish the redacted text on the existing page and leave no copy of the earlier text behind in Wagtail: its
    older revisions, the redirect from a slug made of the old title, the title in the page's log entries."""
    old_title = page.title
    for name in ("case_kind", "what_happened", "approach", "lessons"):
        setattr(page, name, getattr(submission, name))
    if submission.title != old_title:
        page.title = page.draft_title = submission.title
        # A slug made of the old title may hold the very detail taken out. Written directly rather than through a
        # slug change on publish, which would make Wagtail keep the old address as a redirect.
        page.slug = _free_slug(page.get_parent().specific, submission.title, page=page)
        page.url_path = f"{page.get_parent().url_path}{page.slug}/"
        Page.objects.filter(pk=page.pk).update(slug=page.slug, url_path=page.url_path)
    page.members_only = members_only
    page.tags.set(parse_tags(submission.tags))
    revision = page.save_revision(user=None, log_action=False)
    revision.publish(log_action=False)
    Revision.objects.for_instance(page).exclude(pk=revision.pk).delete()
    Redirect.objects.filter(redirect_page=page).delete()
    PageLogEntry.objects.filter(page_id=page.pk).update(label=page.title, data={})


def purge_revision(revision_id: int, moderator, reason: str = "") -> ExperienceRevision:
    """Erase the author's original text for good; the row stays, so the history shows that an edit was made."""
    with transaction.atomic():
        revision = ExperienceRevision.objects.select_for_update().select_related("submission").get(pk=revision_id)
        if not can_purge_revision(moderator, revision):
            raise AlreadyPurged
        revision.original = {}
        revision.purged_at = timezone.now()
        revision.purged_by = moderator
        revision.save(update_fields=["original", "purged_at", "purged_by"])
        record(revision.submission, ExperienceDecision.Action.PURGE_REVISION, moderator, reason)
    return revision


# Withdrawal by the author


def withdraw(submission_id: int, author, seen: str) -> ExperienceSubmission:
    """The author takes their experience back: out of the queue, or off the site at once if it was published.

    `seen` is the status the author confirmed for. Locked like a moderator's decision, so when the two happen at
    the same moment exactly one takes effect: a decision taken first makes the withdrawal stop and ask the author
    to look again; a withdrawal taken first makes the moderator's decision find the submission withdrawn.
    """
    with transaction.atomic():
        submission = ExperienceSubmission.objects.select_for_update().get(pk=submission_id)
        if not can_withdraw(author, submission):
            raise NotWithdrawable
        if submission.status != seen:
            raise ChangedMeanwhile
        remove_page(submission)
        submission.status = Status.WITHDRAWN
        submission.withdrawn_at = timezone.now()
        submission.save()
        record(submission, ExperienceDecision.Action.WITHDRAW, author)
    return submission


# Useful marks


def mark_useful(user, page: ExperiencePage, useful: bool = True) -> int:
    """Mark (or unmark) the page as useful for this member; a repeated mark changes nothing. Returns the count."""
    if not roles.is_member(user):
        raise SubmissionError
    if useful:
        try:
            with transaction.atomic():
                UsefulMark.objects.get_or_create(user=user, page=page)
        except IntegrityError:
            pass  # a parallel request of the same member made it first: the unique constraint holds
    else:
        UsefulMark.objects.filter(user=user, page=page).delete()
    return UsefulMark.objects.filter(page=page).count()
