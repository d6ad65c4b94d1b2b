"""Readiness: can this app server do its work? The database, the shared cache and the task queue, each checked.

`/healthz` (liveness) answers whether the process answers at all, with one cheap query. `/readyz` asks more: the
database answers a query, the default cache stores and returns a value (Redis with REDIS_URL, else the database
cache), and no ready task has waited longer than READYZ_MAX_TASK_LAG seconds (a task worker runs and keeps up).

Each check runs in a thread of a small pool and gets READYZ_TIMEOUT seconds: a database or Redis that accepts a
connection and then says nothing would otherwise hold the probe (and the thread serving it) until the operating
system gives up, minutes later. A check that has not answered in time is reported as such and left to finish on
its own; the pool bounds how many can hang at once (past that, new checks wait in its queue and time out too,
which is the truth: the part still hangs).

The answer names each part in plain words. An exception's message is never shown (it can hold host names, user
names or a query); its class is, and the full error goes to the log.
"""

import contextvars
import logging
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.db import connection

from core.metrics import task_queue_lag

logger = logging.getLogger(__name__)

CHECK_THREADS = 8
_pool = ThreadPoolExecutor(max_workers=CHECK_THREADS, thread_name_prefix="readyz")


@dataclass(frozen=True)
class Result:
    ok: bool
    detail: str


def check_database() -> Result:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return Result(True, "ok")


def check_cache() -> Result:
    cache = caches["default"]
    key = f"readyz:{uuid.uuid4().hex}"
    value = uuid.uuid4().hex
    cache.set(key, value, timeout=30)
    try:
        if cache.get(key) != value:
            return Result(False, "a value stored in the cache could not be read back")
    finally:
        cache.delete(key)
    return Result(True, "ok")


def check_tasks() -> Result:
    lag = task_queue_lag()
    limit = settings.READYZ_MAX_TASK_LAG
    if lag > limit:
        return Result(
            False,
            f"the oldest waiting task has waited {lag:.0f} s, longer than {limit} s: is a task worker running?",
        )
    return Result(True, f"ok (oldest waiting task: {lag:.0f} s)")


CHECKS: dict[str, tuple[Callable[[], Result], str]] = {
    "database": (check_database, "the database did not answer"),
    "cache": (check_cache, "the cache did not answer"),
    "tasks": (check_tasks, "the task queue could not be read"),
}


def _run(name: str) -> Result:
    check, failure = CHECKS[name]
    try:
        return check()
    except Exception as error:
        # One line, no traceback: a probe every few seconds would bury the log in identical ones.
        logger.warning("Readiness check %s failed: %s: %s", name, type(error).__name__, error)
        return Result(False, f"{failure} ({type(error).__name__})")
    finally:
        # Each check opens its own connection and closes it: a kept one would be one more per pool thread and
        # process, held for nothing between probes, and opening one is part of what the check proves.
        connection.close()


def readiness() -> dict[str, Result]:
    """Every check's result, each within READYZ_TIMEOUT seconds of the start."""
    timeout = settings.READYZ_TIMEOUT
    # Side by side: the probe waits one timeout at most, not one per check.
    # Each in a copy of this context: the checks' log lines carry the probe's request id.
    futures = {name: _pool.submit(contextvars.copy_context().run, _run, name) for name in CHECKS}
    wait(futures.values(), timeout=timeout)
    results = {}
    for name, future in futures.items():
        if future.done():
            results[name] = future.result()
        else:
            future.cancel()  # still queued behind hanging checks: never started, never piling up
            logger.warning("Readiness check %s did not answer within %s s", name, timeout)
            results[name] = Result(False, f"no answer within {timeout} s")
    return results
