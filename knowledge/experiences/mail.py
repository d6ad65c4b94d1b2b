"""Mails to the author of a submission, in the author's own language, with the moderator's reason and a link."""

from accounts.mail import absolute_url, localized_url, send_templated_mail
from knowledge.experiences.models import ExperienceSubmission


def send_decision_mail(submission_id: int) -> None:
    submission = ExperienceSubmission.objects.select_related("author", "page").filter(pk=submission_id).first()
    if submission is None or submission.author is None:
        return  # withdrawn or the author's account is gone: there is nobody to tell
    author = submission.author
    language = author.preferred_language
    Status = ExperienceSubmission.Status
    if submission.status == Status.APPROVED and submission.page and submission.page.live:
        link = absolute_url(submission.page.url)
    elif submission.status == Status.CHANGES_REQUESTED:
        link = localized_url("experiences:edit", language, pk=submission.pk)
    else:
        link = localized_url("experiences:my_contributions", language)
    send_templated_mail(
        "experiences/email/decision",
        author.email,
        {"user": author, "submission": submission, "link": link},
        language=language,
    )
