"""Background work of the worksheets: the invitation mail (queued with the invitation, sent outside the request)."""

from django_tasks import task

from accounts.mail import send_once
from knowledge.dilemmas import mail


@task()
def send_invitation_mail(invitation_id: int) -> bool:
    # An invitation is mailed once: revoking and inviting again makes a new row, and so a new mail.
    return send_once(f"dilemmas.invitation:{invitation_id}", lambda: mail.send_invitation_mail(invitation_id))
