"""Background work: the author's mail about a moderation decision (sent after the commit, outside the request)."""

from django_tasks import task


@task()
def send_decision_mail(submission_id: int) -> None:
    from knowledge.experiences.mail import send_decision_mail as send

    send(submission_id)
