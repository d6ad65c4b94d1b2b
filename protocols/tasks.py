"""Background work: the daily review reminders."""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from accounts.mail import absolute_url, send_templated_mail
from protocols import services
from protocols.models import ReviewReminder


@task()
def send_review_reminders() -> int:
    """One mail per owner listing their protocols that are due or overdue; each state of a protocol is mailed once.

    Returns the number of mails sent.
    """
    today = timezone.localdate()
    sent = 0
    for owner, pages in services.group_by_owner(services.due_for_reminder(today)).items():
        items = [
            {
                "page": page,
                "overdue": page.review_status == "overdue",
                "edit_url": absolute_url(reverse("wagtailadmin_pages:edit", args=[page.pk])),
            }
            for page in pages
        ]
        with transaction.atomic():
            # Recorded first: a crash after sending would otherwise mail the same owner again tomorrow.
            ReviewReminder.objects.bulk_create(
                [ReviewReminder(page=p, next_review=p.next_review, status=p.review_status) for p in pages],
                ignore_conflicts=True,
            )
            send_templated_mail(
                "protocols/email/review_reminder",
                owner.email,
                {"owner": owner, "items": items, "report_url": absolute_url(reverse("protocol_review_report"))},
                language=owner.preferred_language or None,
            )
        sent += 1
    return sent
