"""Load demo content: organisations, one user per role, and pages in Dutch, Danish and English.

Idempotent: running it again updates what is there instead of duplicating it. Each app contributes a loader from
its own `demo.py` (see core.demo), run in the order they depend on each other.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from core import demo


class Command(BaseCommand):
    help = "Load demo organisations, users and pages (idempotent). Refused in production."

    def handle(self, *args, **options):
        if not getattr(settings, "DEMO_CONTENT_ALLOWED", False):
            raise CommandError("Demo content is for development only (DEMO_CONTENT_ALLOWED is off in these settings).")
        demo.autodiscover()
        loaders = demo.loaders()
        progress = demo.Progress(self)
        for number, load in enumerate(loaders, start=1):
            self.stdout.write(self.style.MIGRATE_HEADING(f"({number}/{len(loaders)}) {load.__module__}"))
            with transaction.atomic():
                load(progress)
        progress.print_credentials()
        self.stdout.write(self.style.SUCCESS("Demo content is ready: http://127.0.0.1:8000/"))
