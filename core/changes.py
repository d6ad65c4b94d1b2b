"""`committed`: sent after the commit of every change of what someone may read, or of what it says.

The search app announces them (`search.indexing.schedule_sources`, which every such change reaches: page publish,
unpublish, move, delete and view restrictions through search.signals; each app's `reindex_on_change` and
`indexing.schedule` calls), so the keepers of readable content (the page cache, a CDN in front) follow the same
list of changes instead of a second one. The signal lives here, in the lowest layer, so that any app may send or
receive it. It is sent also when none of the changed objects is searchable (an unindexed page type, a forum group
without threads): the change still happened.

Receivers get `sources`, a list of (content type id, primary key) of the searchable objects concerned. They run
after the commit, in the request that made the change, so they must be quick and must not fail (an error is logged
and the request goes on): the page cache's new generation is one such receiver. Work that may fail or take time (the
CDN purge) is a task queued in the transaction by `announce`, which is committed with the change and run by a
worker, never lost after the commit.
"""

from functools import partial

from django.conf import settings
from django.db import transaction
from django.dispatch import Signal

committed = Signal()


def send(sources) -> None:
    """Send `committed` now: for a caller that is already running after the commit."""
    # send_robust logs a receiver's error instead of raising it into a request whose change is committed.
    committed.send_robust(sender=None, sources=[list(source) for source in sources])


def announce(sources) -> None:
    """A change of what someone may read, made in the current transaction: a CDN in front is purged by a task queued
    with it, and `committed` is sent once it commits (at once outside a transaction)."""
    sources = [list(source) for source in sources]
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        from core.tasks import purge_frontend_cache

        purge_frontend_cache.enqueue(sources)
    # robust: the change is committed whatever happens here; `send` logs a receiver's error as well.
    transaction.on_commit(partial(send, sources), robust=True)
