from django.core.management.base import BaseCommand

from protocols.tasks import send_review_reminders


class Command(BaseCommand):
    help = "Queue the protocol review reminders (run daily, e.g. from cron)."

    def handle(self, *args, **options):
        result = send_review_reminders.enqueue()
        self.stdout.write(f"Review reminders queued ({result.id}).")
