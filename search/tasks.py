"""Background work of the search index (django-tasks: immediate in development and tests, a queue in production)."""

from django_tasks import task

from search import indexing


@task()
def sync_documents(sources: list[list[int]]) -> None:
    """Index, update or remove the documents of these (content type id, primary key) sources."""
    indexing.sync(sources)


@task()
def retry_pending_index_operations() -> None:
    """Replay Elasticsearch writes that failed while the cluster was unreachable."""
    from search.backends import elasticsearch

    elasticsearch.retry_pending()
