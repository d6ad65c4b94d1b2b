"""Mails to the author of a submission, in the author's own language, with the moderator's reason and a link.

A mail is built when it is sent, from the submission as it is then: after a redaction the submission holds the
edited text, so no mail (queued or new) ever carries what the moderator took out.
"""

from accounts.mail import absolute_url, localized_url, send_templated_mail
from knowledge.experiences.models import ExperienceDecision, ExperienceSubmission

Action = ExperienceDecision.Action


def send_decision_mail(submission_id: int) -> None:
    submission = ExperienceSubmission.objects.select_related("author", "page").filter(pk=submission_id).first()
    if submission is None or submission.author is None or submission.is_withdrawn:
        return  # withdrawn or the author's account is gone: there is nobody to tell
    decision = submission.decisions.exclude(action=Action.PURGE_REVISION).order_by("-created_at", "-pk").first()
    kind = decision.action if decision else _kind_of(submission.status)
    author = submission.author
    language = author.preferred_language
    Status = ExperienceSubmission.Status
    page = submission.page
    if submission.status == Status.APPROVED and page and page.live:
        link = absolute_url(page.url)
    elif submission.status in (Status.CHANGES_REQUESTED, Status.TAKEN_DOWN):
        link = localized_url("experiences:edit", language, pk=submission.pk)
    else:
        link = localized_url("experiences:my_contributions", language)
    revision = submission.revisions.order_by("-created_at", "-pk").first() if kind == Action.REDACT else None
    send_templated_mail(
        "experiences/email/decision",
        author.email,
        {
            "user": author,
            "submission": submission,
            "link": link,
            "redacted": kind == Action.REDACT,
            "members_only": bool(page and page.members_only),
            "changed": revision.changed_labels() if revision else [],
        },
        language=language,
    )


def _kind_of(status: str) -> str:
    return {
        ExperienceSubmission.Status.APPROVED: Action.APPROVE,
        ExperienceSubmission.Status.CHANGES_REQUESTED: Action.REQUEST_CHANGES,
        ExperienceSubmission.Status.TAKEN_DOWN: Action.TAKE_DOWN,
    }.get(status, Action.REJECT)
