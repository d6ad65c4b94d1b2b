"""The data generation: a stamp in the shared cache that changes after every committed write to the database.

What a member's page shows depends on more rows than anyone could list for each page (their memberships and
roles, their notifications, their checklists and enrolments, a group's members, what others posted), and on rows
changed by people, background tasks, the CMS and bulk updates that send no signal. So a cache of such pages does
not try to know which write matters: every statement that writes, on every connection of every process, schedules
a new generation for after its transaction commits, and anything cached under an older generation is never served
again (core.member_cache).

Why after the commit: a request that began before it may have read the old rows; it read the old generation first,
so what it stores is stamped old and never served. A new generation before the commit would let a request read the
old rows and store them under the new stamp. Why random, not a counter: if the key is evicted, a new value cannot
match an old entry. Writes to the database cache's own table are not changes of data (and the new generation is
itself written there), nor are the task workers' heartbeats (BOOKKEEPING_TABLES). A rolled-back write drops its
scheduled callback with it, and changed nothing. Every process that writes (web, task workers, commands) runs with
the same `PAGE_CACHE_TIMEOUT`: with 0 it counts no writes.

Reads (`SELECT`, savepoints, `SET`, `PRAGMA`, `EXPLAIN`…) are the only statements not counted: anything else,
including a statement this module does not recognise, counts as a write.
"""

import logging
import re

from django.conf import settings
from django.core.cache import cache
from django.db import connections
from django.db.backends.signals import connection_created
from django.db.transaction import TransactionManagementError

from core import page_cache

logger = logging.getLogger(__name__)

KEY = "data:generation"
READ_ONLY = re.compile(
    r"\s*(?:SELECT|SAVEPOINT|RELEASE|ROLLBACK|BEGIN|COMMIT|SET|SHOW|PRAGMA|EXPLAIN)\b", re.IGNORECASE
)
WRITE_TARGET = re.compile(
    r"\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM|REPLACE\s+INTO)\s+[\"`]?(\w+)", re.IGNORECASE
)
# Rows no page shows, written all the time: counting them would end every member's stored pages every few seconds.
# The task workers' heartbeats (core.models.WorkerHeartbeat, written by each worker every few seconds).
BOOKKEEPING_TABLES = frozenset({"core_workerheartbeat"})
# Set on a connection by a write, cleared by the first callback after the commit: a transaction of a thousand
# writes starts one new generation, not a thousand.
DIRTY = "_data_generation_dirty"


def current() -> str | None:
    """The generation now, made if there is none; None when the cache cannot be reached."""
    try:
        generation = page_cache.established(KEY, cache.get(KEY))
    except Exception:
        logger.exception("Cache unreachable: no data generation")
        return None
    return generation


def bump() -> None:
    try:
        cache.set(KEY, page_cache.new_generation(), timeout=None)
    except Exception:
        # Entries stamped with a generation also time out; a failing cache must not fail the write.
        logger.exception("Could not start a new data generation")


def _cache_tables() -> frozenset[str]:
    return frozenset(
        str(config["LOCATION"]).lower()
        for config in settings.CACHES.values()
        if config.get("BACKEND", "").endswith("DatabaseCache")
    )


def is_write(sql: str) -> bool:
    """Whether a statement changes data other than the cache's own rows."""
    if READ_ONLY.match(sql):
        return False
    target = WRITE_TARGET.match(sql)
    return target is None or target.group(1).lower() not in _cache_tables() | BOOKKEEPING_TABLES


def _after_commit(connection) -> None:
    if getattr(connection, DIRTY, False):
        setattr(connection, DIRTY, False)
        bump()


def watch_writes(execute, sql, params, many, context):
    result = execute(sql, params, many, context)
    # Without the page caches (PAGE_CACHE_TIMEOUT 0, as in most tests) nothing is stamped with a generation.
    if settings.PAGE_CACHE_TIMEOUT > 0 and is_write(sql):
        connection = context["connection"]
        setattr(connection, DIRTY, True)
        try:
            # Outside a transaction the callback runs at once; inside one, with the commit (or never).
            # The connection itself, not its alias: some (the test runner's connection without a database) are in
            # no registry of connections.
            connection.on_commit(lambda: _after_commit(connection), robust=True)
        except TransactionManagementError:
            # Autocommit switched off by hand: there is no commit to wait for. A new generation now still ends
            # what was stored before; what is stored until the commit ends with its timeout.
            _after_commit(connection)
    return result


def watch(connection) -> None:
    """Count the writes of this connection (idempotent: a connection that reconnects keeps its wrappers)."""
    if watch_writes not in connection.execute_wrappers:
        connection.execute_wrappers.append(watch_writes)


def _on_connection_created(sender, connection, **kwargs):
    watch(connection)


def connect() -> None:
    connection_created.connect(_on_connection_created, dispatch_uid="core.data_generation.watch")
    for connection in connections.all(initialized_only=True):
        watch(connection)
