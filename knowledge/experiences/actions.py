"""Moderation decisions on a submitted experience: approve, edit and publish (redact), ask for changes, reject, take
down a published one; and purging an author's original text from the history.

Each decision is a small class: who may take it, what it asks (a form), what it does, and which mail the author
gets. `decide()` runs one of them with the submission row locked (`select_for_update`), so when two moderators (or a
moderator and the withdrawing author) act at the same moment, the second finds the submission already changed and
is told so; it never publishes a second page or overwrites the first decision. Every decision is appended to the
submission's history (`ExperienceDecision`), with the moderator's reason and never the text.
"""

import uuid

from django.db import transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from knowledge.experiences import services
from knowledge.experiences.forms import ReasonForm, RedactForm, add_audience_choice
from knowledge.experiences.models import REDACTABLE_FIELDS, ExperienceSubmission
from knowledge.experiences.notifications import notify_author
from knowledge.experiences.permissions import can_decide, can_moderate, can_purge_revision, can_redact, can_take_down
from knowledge.experiences.services import SubmissionError, publish_submission

Status = ExperienceSubmission.Status


class AlreadyDecided(SubmissionError):
    message = _("Another moderator has already decided on this submission in the meantime.")


class WithdrawnMeanwhile(SubmissionError):
    message = _("The author has withdrawn this experience in the meantime.")


class NotAllowed(SubmissionError):
    message = _("You may not moderate experiences.")


class ModerationAction:
    id: str
    label: str | Promise = ""
    reason_required = False
    reason_help: str | Promise = ""
    result: str
    # Offers "publish for members only" (see forms.add_audience_choice).
    chooses_audience = False
    primary = False

    def allowed(self, user, submission) -> bool:
        return can_decide(user, submission)

    def form(self, submission, data=None):
        form = ReasonForm(data, prefix=self.id, required=self.reason_required, help_text=self.reason_help)
        if self.chooses_audience:
            add_audience_choice(form, submission)
        return form

    def effect(self, submission: ExperienceSubmission, user, data: dict) -> None:
        """What the decision does besides recording it (called under the row lock)."""

    def members_only(self, submission, data) -> bool:
        return bool(submission.members_only or data.get("members_only"))


class Approve(ModerationAction):
    id = "approve"
    label = _("Approve and publish")
    reason_help = _("Optional: a note for the author.")
    result = Status.APPROVED
    chooses_audience = True
    primary = True

    def effect(self, submission, user, data):
        submission.page = publish_submission(submission, members_only=self.members_only(submission, data))


class Redact(ModerationAction):
    """Edit a detail out of the text (a surname, a street) and publish the edited version, before or after it was
    published. The author's original stays only in the moderators' history, which they may purge."""

    id = "redact"
    label = _("Edit and publish")
    reason_required = True
    reason_help = _("Tell the author what you changed and why. They see the edited text.")
    result = Status.APPROVED
    chooses_audience = True

    def allowed(self, user, submission):
        return can_redact(user, submission)

    def form(self, submission, data=None):
        return RedactForm(data, prefix=self.id, submission=submission, required=True, help_text=self.reason_help)

    def effect(self, submission, user, data):
        text = {name: data[name] for name in REDACTABLE_FIELDS if name in data}
        members_only = self.members_only(submission, data)
        services.redact(submission, user, text, members_only)
        if submission.page is None:
            submission.page = publish_submission(submission, members_only=members_only)


class RequestChanges(ModerationAction):
    id = "request_changes"
    label = _("Ask for changes")
    reason_required = True
    reason_help = _("Tell the author what to change; they can edit the submission and send it again.")
    result = Status.CHANGES_REQUESTED


class Reject(ModerationAction):
    id = "reject"
    label = _("Reject")
    reason_required = True
    reason_help = _("Tell the author why this experience will not be published.")
    result = Status.REJECTED


class TakeDown(ModerationAction):
    """A published experience that turns out to identify someone comes off the site at once; the author may
    revise it and send it again."""

    id = "take_down"
    label = _("Take down")
    reason_required = True
    reason_help = _("Tell the author why it was taken down and what to change before sending it again.")
    result = Status.TAKEN_DOWN

    def allowed(self, user, submission):
        return can_take_down(user, submission)

    def effect(self, submission, user, data):
        services.remove_page(submission)


ACTIONS = {action.id: action for action in (Approve(), Redact(), RequestChanges(), Reject(), TakeDown())}


def decide(action_id: str, submission_id: int, user, data: dict | None = None) -> ExperienceSubmission:
    """Take one decision with the cleaned data of its form (`reason`, and what the action asks); mails the author
    after the commit. Raises a SubmissionError with a message."""
    action = ACTIONS[action_id]
    data = data or {}
    reason = data.get("reason", "")
    with transaction.atomic():
        submission = ExperienceSubmission.objects.select_for_update().get(pk=submission_id)
        if not can_moderate(user):
            raise NotAllowed
        if not action.allowed(user, submission):
            raise WithdrawnMeanwhile if submission.is_withdrawn else AlreadyDecided
        action.effect(submission, user, data)
        submission.status = action.result
        submission.reason = reason
        submission.decided_by = user
        submission.decided_at = timezone.now()
        submission.save()
        page = submission.page
        services.record(submission, action.id, user, reason, members_only=bool(page and page.members_only))
        _mail_author(submission.pk)
        notify_author(submission, actor=user)
    return submission


class PurgeRevision:
    """Erase what the author wrote before a redaction, like a purged forum revision: afterwards it exists nowhere
    (the page, search, the vocabulary and mails only ever had the edited text)."""

    id = "purge_revision"
    label = _("Purge the original text")

    def allowed(self, user, revision) -> bool:
        return can_purge_revision(user, revision)

    def form(self, revision, data=None) -> ReasonForm:
        # One form per earlier version on the review page: the prefix keeps their field ids apart.
        return ReasonForm(data, prefix=f"{self.id}-{revision.pk}", help_text=_("Optional: why (for the history)."))

    def apply(self, user, revision_id: int, data: dict):
        if not can_moderate(user):
            raise NotAllowed
        return services.purge_revision(revision_id, user, data.get("reason", ""))


PURGE_REVISION = PurgeRevision()


def _mail_author(submission_id: int) -> None:
    """Queued in the decision's transaction: committed with it, or rolled back with it."""
    from knowledge.experiences.tasks import send_decision_mail

    send_decision_mail.enqueue(submission_id, str(uuid.uuid4()))
