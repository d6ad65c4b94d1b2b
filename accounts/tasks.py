"""Background work of accounts: the mails about a person's account and memberships (accounts.account_mail), queued
by accounts.services in the transaction of the change."""

from django_tasks import task

from accounts import account_mail


@task()
def send_account_mail(mail: str, pk: int, event: str) -> None:
    account_mail.send_account_mail(mail, pk, event)
