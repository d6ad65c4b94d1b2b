"""Tasks are never left RUNNING by a worker that died: heartbeats, and putting a lost task back or failing it.

A worker claims a task by setting it RUNNING and appending its id to `DBTaskResult.worker_ids`, so the last id
names the worker that holds the task and the length of the list counts the attempts. Each worker writes its
`WorkerHeartbeat` every few seconds. A worker killed outright (SIGKILL, out of memory, a lost host) stops
writing; once its heartbeat is older than the lease timeout, any other worker puts its task back in the queue, or
marks it FAILED with the reason once it has had its attempts. Tasks may therefore run more than once (a worker
that was only cut off from the database may still finish its run): every task must be idempotent.
"""

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from core.models import WorkerHeartbeat

logger = logging.getLogger("core.task_worker")


class WorkerLost(Exception):
    """The worker running a task stopped heart-beating (killed, out of memory, host lost) before it finished."""


WORKER_LOST = f"{WorkerLost.__module__}.{WorkerLost.__qualname__}"


@dataclass
class Recovery:
    """The ids of the tasks one pass put back in the queue and of those it marked FAILED."""

    requeued: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


def beat(worker_id: str, *, host: str = "", pid: int | None = None, now: datetime | None = None) -> None:
    """Record that this worker is alive. Only the worker itself writes its row, so update-then-create cannot race."""
    now = now or timezone.now()
    if not WorkerHeartbeat.objects.filter(worker_id=worker_id).update(last_seen=now):
        WorkerHeartbeat.objects.create(worker_id=worker_id, host=host[:255], pid=pid, started_at=now, last_seen=now)


def forget(worker_id: str) -> None:
    """A worker that stops cleanly removes its heartbeat: it holds no task any more."""
    WorkerHeartbeat.objects.filter(worker_id=worker_id).delete()


def holder(task: DBTaskResult) -> str | None:
    """The worker that claimed the task last."""
    return task.worker_ids[-1] if task.worker_ids else None


def recover_lost_tasks(*, lease_timeout: float, max_attempts: int, now: datetime | None = None) -> Recovery:
    """Put back in the queue (or fail, after `max_attempts`) every task RUNNING under a worker not seen for
    `lease_timeout` seconds. Safe with any number of workers doing this at once: each lost task is locked with
    SKIP LOCKED, and PostgreSQL re-checks the RUNNING condition on a row another pass changed meanwhile, so a task
    is recovered once. A task claimed less than `lease_timeout` ago is left alone whatever its worker, so a worker's
    first heartbeat may land just after its first claim."""
    now = now or timezone.now()
    cutoff = now - timedelta(seconds=lease_timeout)
    recovery = Recovery()
    with transaction.atomic():
        candidates = list(
            DBTaskResult.objects.running().filter(started_at__lt=cutoff).select_for_update(skip_locked=True)
        )
        if candidates:
            alive = set(WorkerHeartbeat.objects.filter(last_seen__gte=cutoff).values_list("worker_id", flat=True))
            for task in candidates:
                if holder(task) in alive:
                    continue
                last_seen = WorkerHeartbeat.objects.filter(worker_id=holder(task)).values_list("last_seen", flat=True)
                reason = (
                    f"Worker {holder(task)} stopped heart-beating while running this task "
                    f"(claimed {task.started_at.isoformat()}, last seen "
                    f"{last_seen[0].isoformat() if last_seen else 'never or long ago'}; lease {lease_timeout:g} s)."
                )
                if len(task.worker_ids) < max_attempts:
                    requeue(task, reason, max_attempts=max_attempts)
                    recovery.requeued.append(str(task.id))
                else:
                    fail(task, reason, max_attempts=max_attempts, now=now)
                    recovery.failed.append(str(task.id))
        # The heartbeats of workers gone for longer than the lease say nothing an absent row does not.
        WorkerHeartbeat.objects.filter(last_seen__lt=cutoff).delete()
    return recovery


def requeue(task: DBTaskResult, reason: str, *, max_attempts: int) -> None:
    """Put a task that did not finish for a reason outside itself back in the queue. The caller holds the row's
    lock. The claims stay in `worker_ids`: the next claim appends to them, which counts the attempt."""
    task.status = TaskResultStatus.READY
    task.save(update_fields=["status"])
    logger.warning(
        "Task %s (%s) put back in the queue after attempt %d of %d: %s",
        task.id,
        task.task_path,
        len(task.worker_ids),
        max_attempts,
        reason,
    )


def fail(task: DBTaskResult, reason: str, *, max_attempts: int, now: datetime | None = None) -> None:
    """Mark a task whose worker was lost on its last attempt FAILED, with the reason as its error. The caller holds
    the row's lock."""
    attempts = len(task.worker_ids)
    task.status = TaskResultStatus.FAILED
    task.finished_at = now or timezone.now()
    task.return_value = None
    task.exception_class_path = WORKER_LOST
    task.traceback = f"{WORKER_LOST}: {reason} Gave up after {attempts} attempts (TASK_MAX_ATTEMPTS={max_attempts}).\n"
    task.save(update_fields=["status", "finished_at", "return_value", "exception_class_path", "traceback"])
    logger.error("Task %s (%s) FAILED after %d attempts: %s", task.id, task.task_path, attempts, reason)
