from django.core.management.base import BaseCommand

from notifications.tasks import send_notification_digests


class Command(BaseCommand):
    help = "Queue the daily notification digests (run once a day, e.g. from cron)."

    def handle(self, *args, **options):
        result = send_notification_digests.enqueue()
        self.stdout.write(f"Notification digests queued ({result.id}).")
