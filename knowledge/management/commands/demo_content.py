"""Load demo content: organisations, one user per role, and pages in Dutch, Danish and English.

Idempotent: running it again updates what is there instead of duplicating it. Each app contributes a loader
(`<app>/demo.py` with `load(progress)`), listed in DEMO_LOADERS in the order they depend on each other.
"""

from importlib import import_module

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

DEMO_LOADERS = [
    "accounts.demo",
    "knowledge.demo",
    "protocols.demo",
    "knowledge.training.demo",
    "knowledge.dilemmas.demo",
    "knowledge.experiences.demo",
    "forum.demo",
    "forum.moderation.demo",
    "notifications.demo",
]


class Progress:
    """Counted progress lines: `[3/10] organisations: Gemeente Zeist`."""

    def __init__(self, command):
        self.command = command
        self.accounts = []
        self.password = None

    def iterate(self, items, what):
        items = list(items)
        for number, item in enumerate(items, start=1):
            label = item[1] if isinstance(item, tuple | list) and len(item) > 1 else item
            self.command.stdout.write(f"  [{number}/{len(items)}] {what}: {label}")
            yield item

    def step(self, message):
        self.command.stdout.write(f"  {message}")

    def credentials(self, rows, password):
        """Remember demo log-ins; they are printed once everything is loaded."""
        self.accounts.extend(rows)
        self.password = password

    def print_credentials(self):
        if not self.accounts:
            return
        style = self.command.style
        self.command.stdout.write(
            style.SUCCESS(f"\nDemo log-ins (development only), password for all: {self.password}")
        )
        width = max(len(label) for label, _ in self.accounts)
        for label, email in self.accounts:
            self.command.stdout.write(f"  {label.ljust(width)}  {email}")


class Command(BaseCommand):
    help = "Load demo organisations, users and pages (idempotent). Refused in production."

    def handle(self, *args, **options):
        if not getattr(settings, "DEMO_CONTENT_ALLOWED", False):
            raise CommandError("Demo content is for development only (DEMO_CONTENT_ALLOWED is off in these settings).")
        progress = Progress(self)
        for number, path in enumerate(DEMO_LOADERS, start=1):
            self.stdout.write(self.style.MIGRATE_HEADING(f"({number}/{len(DEMO_LOADERS)}) {path}"))
            with transaction.atomic():
                import_module(path).load(progress)
        progress.print_credentials()
        self.stdout.write(self.style.SUCCESS("Demo content is ready: http://127.0.0.1:8000/"))
