"""The rules of shared experiences: submitting and resubmitting, publishing an approved submission as a page,
useful marks. What the index and experience pages show is in queries.py.

Moderation decisions themselves are the actions in `actions.py`; they call `publish_submission` from here.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from taggit.utils import parse_tags

from accounts import roles
from knowledge.experiences.models import (
    ExperienceIndexPage,
    ExperiencePage,
    ExperienceRelatedProtocol,
    ExperienceSubmission,
    UsefulMark,
)


class SubmissionError(Exception):
    message = _("This is not possible.")

    def __str__(self):
        return str(self.message)


class NotEditable(SubmissionError):
    message = _("This submission has already been decided on and can no longer be changed.")


class NoIndexPage(SubmissionError):
    message = _("There is no page for shared experiences in this language yet; ask an editor to create one.")


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


def _free_slug(index: ExperienceIndexPage, title: str) -> str:
    base = slugify(title, allow_unicode=True)[:60].strip("-") or "experience"
    taken = set(index.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def publish_submission(submission: ExperienceSubmission) -> ExperiencePage:
    """Create and publish the experience page under the index of the submission's language.

    Indexing for search follows from publishing (after the commit), like any other page.
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
    )
    page.related_protocols = [
        ExperienceRelatedProtocol(protocol=protocol, sort_order=number)
        for number, protocol in enumerate(submission.related_protocols.all())
    ]
    index.add_child(instance=page)
    page.tags.set(parse_tags(submission.tags))
    page.save_revision(user=None, log_action=False).publish(log_action=False)
    return page


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
