"""Rebuild the search index from the content: `manage.py search_reindex [--backend database|elasticsearch|all]`."""

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from search import conf, indexing


class Command(BaseCommand):
    help = "Rebuild the search documents from the content, and the Elasticsearch indices from those (zero downtime)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--backend",
            choices=["database", "elasticsearch", "all"],
            default="all",
            help="database: the document table; elasticsearch: new indices from the table, then an alias swap; "
            "all (default): both, Elasticsearch only when ELASTICSEARCH_URL is set.",
        )
        parser.add_argument("--no-progress", action="store_true", help="Do not draw progress bars.")

    def handle(self, *args, backend, no_progress, **options):
        def progress(iterable, total, what):
            return tqdm(iterable, total=total, desc=what, unit="doc", disable=no_progress, file=self.stderr._out)

        if backend == "elasticsearch" and not conf.elasticsearch_url():
            raise CommandError("ELASTICSEARCH_URL is not set.")
        if backend in ("database", "all"):
            written = indexing.reindex_database(progress, mirror=False)
            self.stdout.write(f"Database: {sum(written.values())} documents ({self._per_kind(written)}).")
        if backend == "elasticsearch" or (backend == "all" and conf.elasticsearch_url()):
            from search.backends import elasticsearch

            try:
                written = elasticsearch.rebuild(progress)
            except elasticsearch.ERRORS as error:
                raise CommandError(f"Elasticsearch failed: {error}") from error
            self.stdout.write(f"Elasticsearch: {sum(written.values())} documents ({self._per_kind(written)}).")

    @staticmethod
    def _per_kind(counts) -> str:
        return ", ".join(f"{kind}: {n}" for kind, n in sorted(counts.items())) or "none"
