"""Background work of moderation: the mails a decision sends the member (built and sent by forum.moderation.mail),
and the functions the actions call to queue them in their transaction."""

import uuid

from django_tasks import task

from forum.moderation import mail


@task()
def send_warning_mail(membership_id: int, reason: str, event: str) -> bool:
    return mail.warning_mail(membership_id, reason, event)


@task()
def send_suspension_mail(suspension_id: int, template: str, event: str) -> bool:
    return mail.suspension_mail(suspension_id, template, event)


def send_warning(membership, reason: str) -> None:
    send_warning_mail.enqueue(membership.pk, reason, str(uuid.uuid4()))


def send_platform_suspension(suspension) -> None:
    """The member learns that, why and until when (in their language and its date format), whatever their
    notification settings: like a warning, it is addressed to them about their account."""
    send_suspension_mail.enqueue(suspension.pk, mail.PLATFORM_SUSPENSION, str(uuid.uuid4()))


def send_suspension_lifted(suspension) -> None:
    send_suspension_mail.enqueue(suspension.pk, mail.SUSPENSION_LIFTED, str(uuid.uuid4()))
