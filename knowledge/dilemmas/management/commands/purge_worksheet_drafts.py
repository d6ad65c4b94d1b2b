from django.core.management.base import BaseCommand

from knowledge.dilemmas.services import purge_expired_drafts


class Command(BaseCommand):
    help = "Remove worksheet drafts kept over an expired session once they are too old to restore (run daily)."

    def handle(self, *args, **options):
        self.stdout.write(f"Expired worksheet drafts removed: {purge_expired_drafts()}.")
