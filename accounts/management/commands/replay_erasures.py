from django.core.management.base import BaseCommand, CommandError

from accounts import erasure_journal, privacy


class Command(BaseCommand):
    help = (
        "Erase again every account the erasure journal (ERASURE_JOURNAL_DIR) names that this database still holds: "
        "run after restoring a backup, before the site opens (platform/bin/restore does). Safe to run twice."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--ignore-email",
            action="store_true",
            help="also erase accounts whose e-mail address differs from the journaled one (check them first)",
        )

    def handle(self, *args, ignore_email, **options):
        try:
            replay = privacy.replay_erasures(ignore_email=ignore_email)
        except erasure_journal.JournalError as error:
            raise CommandError(f"Erasure journal: {error}") from error
        self.stdout.write(f"Erasure journal {erasure_journal.directory()}: {replay.entries} entries.")
        self.stdout.write(f"Accounts erased again: {len(replay.erased)}.")
        self.stdout.write(f"Accounts already gone: {len(replay.already_gone)}.")
        self.stdout.write(f"Accounts left for a check (other e-mail address): {len(replay.other_email)}.")
        if replay.other_email:
            ids = ", ".join(map(str, replay.other_email))
            raise CommandError(
                f"Accounts {ids} still exist with an e-mail address other than the one journaled when they were "
                "erased (changed after the backup, a journal of another database, or a replaced "
                "ERASURE_JOURNAL_KEY/SECRET_KEY). Check that they are the same people, then run this again with "
                "--ignore-email."
            )
