"""Background work: the author's mail about a moderation decision (queued with the decision, sent outside the
request)."""

from django_tasks import task

from accounts.mail import send_once


@task()
def send_decision_mail(submission_id: int, event: str = "") -> bool:
    """`event`: the decision's own key, so the mail goes once however often the task runs."""
    from knowledge.experiences.mail import send_decision_mail as send

    key = f"experiences.decision:{event}" if event else ""
    return send_once(key, lambda: send(submission_id))
