"""Background work of accounts: the mails about a person's account and memberships (see accounts.services)."""

from django_tasks import task


@task()
def send_account_mail(mail: str, pk: int, event: str) -> None:
    from accounts import services

    services.send_account_mail(mail, pk, event)
