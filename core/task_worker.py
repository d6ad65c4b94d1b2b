"""The task worker that outlives database trouble (`manage.py run_worker`).

django_tasks_db's `db_worker` leaves a process to die on a database error in its claim query, and stores a task's
outcome with three quick retries on the same, possibly broken, connection. This worker is that Worker with three
additions:
- a database error anywhere in its loop (claim, status update, a connection cut, a database restarting) is logged
  in one line; the broken connection is closed and the worker waits, with a growing delay up to a bound, until the
  database answers again, then carries on. Only SIGTERM/SIGINT stop it (after the task in hand, as before);
- a task's outcome is recorded once the database answers, and only while this worker still holds the task; a task
  that failed because the database went away is put back in the queue (it counts as an attempt);
- a heartbeat thread writes the worker's `WorkerHeartbeat` every few seconds and recovers the tasks of workers that
  stopped writing theirs (`core.task_recovery`).
"""

import contextlib
import logging
import os
import random
import socket
import threading
import time
from collections.abc import Callable
from typing import Any

from django.db import (
    Error,
    InterfaceError,
    OperationalError,
    close_old_connections,
    connections,
    router,
    transaction,
)
from django.utils.crypto import get_random_string
from django_tasks.base import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from core import task_recovery

logger = logging.getLogger("core.task_worker")

# What a lost connection or a database that is (re)starting raises: psycopg's errors arrive as OperationalError,
# a query on a connection already closed as InterfaceError.
DATABASE_TROUBLE = (OperationalError, InterfaceError)

FIRST_DELAY = 0.5  # seconds before the first retry; doubles each time up to the worker's backoff_max


def new_worker_id() -> str:
    """Unique across the pool, and telling an operator where the worker runs (at most 64 characters)."""
    return f"{socket.gethostname()[:40]}-{os.getpid()}-{get_random_string(8)}"[:64]


class ResilientWorker(Worker):
    def __init__(
        self, *, heartbeat_interval: float, lease_timeout: float, max_attempts: int, backoff_max: float, **options: Any
    ) -> None:
        super().__init__(**options)
        self.heartbeat_interval = heartbeat_interval
        self.lease_timeout = lease_timeout
        self.max_attempts = max_attempts
        self.backoff_max = backoff_max
        self.database = router.db_for_write(DBTaskResult)
        self._stop_beating = threading.Event()

    def run(self) -> None:
        heartbeat = threading.Thread(target=self.keep_beating, name=f"heartbeat {self.worker_id}", daemon=True)
        heartbeat.start()
        try:
            while True:
                try:
                    super().run()  # returns only for --batch or --max-tasks; SIGTERM exits through SystemExit
                    return
                except DATABASE_TROUBLE as error:
                    logger.error(
                        "Task worker %s lost the database (%s: %s); closing the connection and retrying with a "
                        "growing delay of up to %g s",
                        self.worker_id,
                        type(error).__name__,
                        str(error).strip().splitlines()[0] if str(error).strip() else "",
                        self.backoff_max,
                    )
                    self.startup_delay = False
                    self.wait_for_database()
        finally:
            self._stop_beating.set()
            heartbeat.join(timeout=2)
            with contextlib.suppress(Error):  # otherwise the heartbeat expires by itself
                task_recovery.forget(self.worker_id)

    def backoff(self, attempt: int) -> float:
        """A growing delay with jitter, so that a pool of workers does not hammer a database that comes back."""
        delay = min(self.backoff_max, FIRST_DELAY * 2 ** min(attempt, 16))  # capped: an outage may last hours
        return delay * random.uniform(0.5, 1.0)  # noqa: S311 -- jitter, not a secret

    def close_connection(self) -> None:
        with contextlib.suppress(Error):  # a connection already gone cannot be closed any further
            connections[self.database].close()

    def wait_for_database(self) -> None:
        """Close the broken connection, then wait until the database answers again (or the worker is told to
        stop)."""
        self.close_connection()
        lost_at = time.monotonic()
        attempt = 0
        while self.running:
            time.sleep(self.backoff(attempt))
            try:
                with connections[self.database].cursor() as cursor:
                    cursor.execute("SELECT 1")
            except DATABASE_TROUBLE:
                self.close_connection()
                attempt += 1
                continue
            logger.warning(
                "Task worker %s has the database back after %.1f s", self.worker_id, time.monotonic() - lost_at
            )
            return

    def run_task(self, db_task_result: DBTaskResult) -> None:
        attempts = len(db_task_result.worker_ids)
        if attempts > 1:
            logger.warning(
                "Task %s (%s): attempt %d of %d on worker %s",
                db_task_result.id,
                db_task_result.task_path,
                attempts,
                self.max_attempts,
                self.worker_id,
            )
        # The Worker stores the outcome through these two methods; this worker's versions outlast a lost connection.
        db_task_result.set_successful = self.recorder(db_task_result, "set_successful")
        db_task_result.set_failed = self.recorder(db_task_result, "set_failed")
        super().run_task(db_task_result)

    def recorder(self, db_task_result: DBTaskResult, method: str) -> Callable[[Any], None]:
        # The model's own method without its retry decorator: retrying on the same broken connection inside a
        # transaction cannot succeed, so record() retries around the whole transaction instead.
        store = getattr(DBTaskResult, method).__wrapped__

        def record(outcome: Any) -> None:
            attempt = 0
            while True:
                try:
                    self.record(db_task_result, store, outcome)
                    return
                except DATABASE_TROUBLE as error:
                    if attempt == 0:
                        logger.error(
                            "Task worker %s could not record the outcome of task %s (%s); retrying until the "
                            "database answers",
                            self.worker_id,
                            db_task_result.id,
                            type(error).__name__,
                        )
                    self.close_connection()
                    time.sleep(self.backoff(attempt))
                    attempt += 1

        return record

    def record(self, db_task_result: DBTaskResult, store: Callable[..., None], outcome: Any) -> None:
        with transaction.atomic(using=self.database):
            current = (
                DBTaskResult.objects.using(self.database)
                .select_for_update()
                .filter(pk=db_task_result.pk)
                .values_list("status", "worker_ids")
                .first()
            )
            if current is None or current[0] != TaskResultStatus.RUNNING or current[1][-1:] != [self.worker_id]:
                # The heartbeat lapsed for longer than the lease (the database was away) and another worker has
                # recovered the task: its record stands, this run's does not overwrite it.
                logger.warning(
                    "Task %s was recovered by another worker while worker %s ran it; this run's outcome is not "
                    "recorded",
                    db_task_result.id,
                    self.worker_id,
                )
                return
            if isinstance(outcome, DATABASE_TROUBLE) and len(db_task_result.worker_ids) < self.max_attempts:
                # The task failed because the database went away, not because of itself: it gets another
                # attempt; on its last one the database's error is recorded like any other.
                reason = f"the database failed during the task ({type(outcome).__name__}: {outcome})".strip()
                task_recovery.requeue(db_task_result, reason, max_attempts=self.max_attempts)
                return
            store(db_task_result, outcome)

    def keep_beating(self) -> None:
        """The heartbeat thread: its own connection, its own view of the database's trouble."""
        host, pid = socket.gethostname(), os.getpid()
        in_trouble = False
        while True:
            try:
                close_old_connections()
                task_recovery.beat(self.worker_id, host=host, pid=pid)
                task_recovery.recover_lost_tasks(lease_timeout=self.lease_timeout, max_attempts=self.max_attempts)
                if in_trouble:
                    logger.warning("Task worker %s records its heartbeat again", self.worker_id)
                    in_trouble = False
            except DATABASE_TROUBLE as error:
                if not in_trouble:
                    logger.warning(
                        "Task worker %s could not record its heartbeat (%s); retrying every %g s",
                        self.worker_id,
                        type(error).__name__,
                        self.heartbeat_interval,
                    )
                    in_trouble = True
                self.close_connection()
            except Exception:
                # Never let the heartbeat die quietly: a worker without one loses its tasks to the others.
                logger.exception("Task worker %s: heartbeat failed", self.worker_id)
            if self._stop_beating.wait(self.heartbeat_interval):
                break
        connections.close_all()
