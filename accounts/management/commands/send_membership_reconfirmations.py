from django.core.management.base import BaseCommand

from accounts import reconfirmation


class Command(BaseCommand):
    help = (
        "Ask members who joined by e-mail domain to re-confirm yearly, and end memberships not re-confirmed "
        "within 30 days (run daily, e.g. from cron)."
    )

    def handle(self, *args, **options):
        reconfirmation.run(write=self.stdout.write)
