"""Background work of the search index (django-tasks: immediate in development and tests, a queue in production).

Each task is defined next to the work it runs, which also enqueues it: `indexing.sync_documents` after a commit,
`backends.elasticsearch.retry_pending_index_operations` after a failed write to the cluster. They are named here as
well because a queued task is stored by its import path, and tasks queued under these paths must still run.
"""

from search.backends.elasticsearch import retry_pending_index_operations
from search.indexing import sync_documents

__all__ = ["retry_pending_index_operations", "sync_documents"]
