"""Background work: training mails (sent after the commit, outside the request)."""

from django_tasks import task

from knowledge.training.mail import send_enrolment_mail


@task()
def send_training_mail(enrolment_id: int, kind: str) -> None:
    send_enrolment_mail(enrolment_id, kind)
