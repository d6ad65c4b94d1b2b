"""Moderation decisions on a submitted experience: approve, ask for changes, reject.

Each decision is a small class: who may take it, whether a reason is required, what it does, and which mail the
author gets. `decide()` runs one of them with the submission row locked (`select_for_update`), so when two
moderators decide at the same moment, the second finds the submission already decided and is told so; it never
publishes a second page or overwrites the first decision.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from knowledge.experiences.forms import ReasonForm
from knowledge.experiences.models import ExperienceSubmission
from knowledge.experiences.permissions import can_decide, can_moderate
from knowledge.experiences.services import SubmissionError, publish_submission

Status = ExperienceSubmission.Status


class AlreadyDecided(SubmissionError):
    message = _("Another moderator has already decided on this submission in the meantime.")


class NotAllowed(SubmissionError):
    message = _("You may not moderate experiences.")


class ModerationAction:
    id: str
    label: str | Promise = ""
    reason_required = False
    reason_help: str | Promise = ""
    result: str

    def allowed(self, user, submission) -> bool:
        return can_decide(user, submission)

    def form(self, data=None) -> ReasonForm:
        return ReasonForm(data, prefix=self.id, required=self.reason_required, help_text=self.reason_help)

    def effect(self, submission: ExperienceSubmission) -> None:
        """What the decision does besides recording it (called under the row lock)."""


class Approve(ModerationAction):
    id = "approve"
    label = _("Approve and publish")
    reason_help = _("Optional: a note for the author.")
    result = Status.APPROVED

    def effect(self, submission):
        submission.page = publish_submission(submission)


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


ACTIONS = {action.id: action for action in (Approve(), RequestChanges(), Reject())}


def decide(action_id: str, submission_id: int, user, reason: str = "") -> ExperienceSubmission:
    """Take one decision; mails the author after the commit. Raises a SubmissionError with a message."""
    action = ACTIONS[action_id]
    with transaction.atomic():
        submission = ExperienceSubmission.objects.select_for_update().get(pk=submission_id)
        if not can_moderate(user):
            raise NotAllowed
        if not action.allowed(user, submission):
            raise AlreadyDecided
        action.effect(submission)
        submission.status = action.result
        submission.reason = reason
        submission.decided_by = user
        submission.decided_at = timezone.now()
        submission.save()
        _mail_author(submission.pk)
    return submission


def _mail_author(submission_id: int) -> None:
    from knowledge.experiences.tasks import send_decision_mail

    transaction.on_commit(lambda: send_decision_mail.enqueue(submission_id))
