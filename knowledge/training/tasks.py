"""Background work: training mails (queued with the change they are about, sent outside the request)."""

import logging
from functools import partial

from django_tasks import task

from accounts.mail import send_once
from knowledge.training.mail import send_enrolment_mail

logger = logging.getLogger(__name__)


@task()
def send_training_mails(enrolment_ids: list[int], kind: str, event: str) -> int:
    """The mails of one change (an enrolment, a cancelled session), each sent once however often the task runs;
    returns how many were sent by this run.

    One failing mail does not keep the others from going; the task fails at the end, so that it shows as failed and a
    second run sends only what is missing."""
    sent, failed = 0, None
    for enrolment_id in enrolment_ids:
        try:
            sent += send_once(f"training:{event}:{enrolment_id}", partial(send_enrolment_mail, enrolment_id, kind))
        except Exception as error:
            logger.exception("Training mail %s to enrolment %s failed", kind, enrolment_id)
            failed = error
    if failed is not None:
        raise failed
    return sent


@task()
def send_training_mail(enrolment_id: int, kind: str) -> None:
    """One mail; kept so that tasks queued under this name still run."""
    send_enrolment_mail(enrolment_id, kind)
