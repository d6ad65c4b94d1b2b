"""Background work of moderation: the mails a decision sends the member (see forum.moderation.mail)."""

from django_tasks import task

from forum.moderation import mail


@task()
def send_warning_mail(membership_id: int, reason: str, event: str) -> bool:
    return mail.warning_mail(membership_id, reason, event)


@task()
def send_suspension_mail(suspension_id: int, template: str, event: str) -> bool:
    return mail.suspension_mail(suspension_id, template, event)
