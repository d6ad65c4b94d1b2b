"""Background work: training mails (sent after the commit, outside the request)."""

from django_tasks import task


@task()
def send_training_mail(enrolment_id: int, kind: str) -> None:
    from knowledge.training.mail import send_enrolment_mail

    send_enrolment_mail(enrolment_id, kind)
