from django.core.management.base import BaseCommand

from cases.services.retention import reduce_expired


class Command(BaseCommand):
    help = (
        "Reduce closed cases to their statistics once their organisation's retention period has passed "
        "(run daily, e.g. from cron)."
    )

    def handle(self, *args, **options):
        reduced = reduce_expired(progress=self.stdout.write)
        self.stdout.write(f"Closed cases reduced to statistics: {reduced}.")
