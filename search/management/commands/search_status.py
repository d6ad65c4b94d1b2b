"""Compare what should be indexed with what is: `manage.py search_status`; exit code 1 when they differ."""

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from search import conf, indexing
from search.models import PendingIndexOperation


class Command(BaseCommand):
    help = "Documents per type in the content, the database index and Elasticsearch; exit code 1 when they differ."

    def handle(self, *args, **options):
        columns = {"content": indexing.expected_counts(), "database index": indexing.database_counts()}
        if conf.elasticsearch_url():
            from search.backends import elasticsearch

            try:
                columns["elasticsearch"] = elasticsearch.index_counts()
            except elasticsearch.ERRORS as error:
                self.stderr.write(f"Elasticsearch is unreachable: {error}")
                columns["elasticsearch"] = None
        kinds = sorted(set().union(*(counts or {} for counts in columns.values())))
        width = max([len("type"), *map(len, kinds)])
        self.stdout.write("type".ljust(width) + "".join(f"  {name:>16}" for name in columns))
        differ = False
        for kind in kinds:
            values = [counts.get(kind, 0) if counts is not None else None for counts in columns.values()]
            differ |= len(set(values)) > 1
            cells = "".join(f"  {'?' if value is None else value:>16}" for value in values)
            self.stdout.write(kind.ljust(width) + cells)
        if connection.vendor == "sqlite":
            from search.backends import sqlite

            unsearchable = sqlite.documents_without_fts_row()
            if unsearchable:
                self.stdout.write(f"{unsearchable} documents are missing from the SQLite full-text table.")
                differ = True
        pending = PendingIndexOperation.objects.count()
        if pending:
            self.stdout.write(f"{pending} Elasticsearch writes are waiting to be retried.")
            differ = True
        if differ:
            raise CommandError("The index differs from the content: run `manage.py search_reindex`.", returncode=1)
        self.stdout.write("The index matches the content.")
