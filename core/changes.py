"""`committed`: sent after the commit of every change of what someone may read, or of what it says.

The search app announces them (`search.indexing.schedule_sources`, which every such change reaches: page publish,
unpublish, move, delete and view restrictions through search.signals; each app's `reindex_on_change` and
`indexing.schedule` calls), so the keepers of readable content (the page cache, a CDN in front) follow the same
list of changes instead of a second one. The signal lives here, in the lowest layer, so that any app may send or
receive it. It is sent also when none of the changed objects is searchable (an unindexed page type, a forum group
without threads): the change still happened.

Receivers get `sources`, a list of (content type id, primary key) of the searchable objects concerned. They run
after the commit and must not raise; an error is logged and the request goes on.
"""

from django.db import transaction
from django.dispatch import Signal

committed = Signal()


def send(sources) -> None:
    """Send `committed` now: for a caller that is already running after the commit."""
    # send_robust logs a receiver's error instead of raising it into a request whose change is committed.
    committed.send_robust(sender=None, sources=[list(source) for source in sources])


def announce(sources) -> None:
    """Send `committed` with these sources once the current transaction commits (at once outside one)."""
    sources = list(sources)
    transaction.on_commit(lambda: send(sources))
