"""Small helpers the specs share."""

import re
import threading

from django.core import mail
from django.db import connection, transaction
from django.utils import translation


def links_in_last_mail(to: str | None = None) -> list[str]:
    messages = [m for m in mail.outbox if to is None or to in m.to]
    assert messages, f"no mail sent to {to or 'anyone'}"
    return re.findall(r"https?://[^\s\"'<>]+", messages[-1].body)


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def at_once(*calls, refused: type[Exception] | tuple[type[Exception], ...] = ()):
    """Run each call — (function, args) or (function, args, kwargs) — in its own thread and database connection, all
    released together by a barrier, as parallel requests would be; returns (results, errors).

    An exception of a `refused` type is a rule saying no (its message, in English, goes to errors); any other
    exception is a failure of the test."""
    barrier = threading.Barrier(len(calls))
    results, errors, crashes = [], [], []

    def run(function, args, kwargs=None):
        try:
            with translation.override("en"):
                barrier.wait()
                results.append(function(*args, **(kwargs or {})))
        except refused as error:
            errors.append(str(error))
        except Exception as error:
            crashes.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=call) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert crashes == []
    return results, errors


def queued_tasks(task_name: str | None = None):
    """The task rows of the database queue (`database_queue` fixture), in the order they were queued; `task_name`: the
    function name of one task only (e.g. "announce_post")."""
    from django_tasks_db.models import DBTaskResult

    rows = DBTaskResult.objects.order_by("enqueued_at", "id")
    if task_name is not None:
        rows = rows.filter(task_path__endswith=f".{task_name}")
    return rows


def run_queued_tasks(limit: int = 1000) -> int:
    """Run the ready tasks as `db_worker` does (claim one, run it, mark it successful or failed), including the tasks
    they queue, until none is ready; returns how many ran. The worker's own loop is not used: it closes the database
    connection between tasks, which would end the test's transaction."""
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    ran = 0
    while ran < limit:
        with transaction.atomic():
            row = DBTaskResult.objects.ready().get_locked()
            if row is None:
                break
            row.claim(worker.worker_id)
        worker.run_task(row)
        ran += 1
    return ran


def run_again(task_name: str) -> int:
    """Put the finished tasks of this name back in the queue and run the queue: what a worker does with a task whose
    first worker died before it could mark it done. Returns how many tasks ran."""
    from django_tasks import TaskResultStatus

    queued_tasks(task_name).update(status=TaskResultStatus.READY, started_at=None, finished_at=None)
    return run_queued_tasks()
