"""The task worker survives database trouble and never loses a task silently (core.task_worker, core.task_recovery).

Workers run as processes of their own (`manage.py run_worker`, settings `tests.core.worker_settings`) against the
test database, with committed data, so that faults are real: a backend ended with pg_terminate_backend, a worker
killed with SIGKILL in the middle of a task. Every wait is bounded; no assertion is about time.
"""

import os
import signal
import subprocess
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection
from django.test import override_settings
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

from core import task_recovery
from core.models import WorkerHeartbeat
from core.task_worker import ResilientWorker
from tests.core import worker_tasks

ROOT = Path(__file__).resolve().parents[2]
WAIT = 45  # seconds: the longest any step may take on a busy machine before the test fails instead of hanging
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


class WorkerProcess:
    def __init__(self, folder: Path, worker_id: str, *options: str):
        self.worker_id = worker_id
        self.log_path = folder / f"{worker_id}.log"
        db = connection.settings_dict
        url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}?application_name={worker_id}"
        env = {key: value for key, value in os.environ.items() if key not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL"}}
        env.update(DJANGO_SETTINGS_MODULE="tests.core.worker_settings", DATABASE_URL=url, PYTHONUNBUFFERED="1")
        with self.log_path.open("w") as log:
            self.process = subprocess.Popen(
                [
                    *(sys.executable, "manage.py", "run_worker", "--skip-checks", "--worker-id", worker_id),
                    *("--no-startup-delay", "--interval", "0.1", "--heartbeat-interval", "0.5", "--backoff-max", "1"),
                    *options,
                ],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )

    def log(self) -> str:
        return self.log_path.read_text()

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=WAIT)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode


def wait_until(condition, *workers: WorkerProcess, what: str) -> None:
    deadline = time.monotonic() + WAIT
    while not condition():
        for worker in workers:
            assert worker.process.poll() is None, f"worker {worker.worker_id} exited:\n{worker.log()}"
        if time.monotonic() > deadline:
            logs = "\n".join(f"--- {worker.worker_id}\n{worker.log()}" for worker in workers)
            raise AssertionError(f"gave up waiting until {what}\n{logs}")
        time.sleep(0.1)


def status(result) -> str:
    return DBTaskResult.objects.get(id=result.id).status


@pytest.fixture
def queue(committed_db):
    """The database queue for what the test enqueues (the test settings run tasks immediately)."""
    with override_settings(TASKS=DATABASE_QUEUE):
        yield


@pytest.fixture
def workers():
    started = []

    def start(folder, worker_id, *options):
        worker = WorkerProcess(folder, worker_id, *options)
        started.append(worker)
        return worker

    yield start
    for worker in started:
        worker.stop()


@pytest.mark.django_db(transaction=True)
def test_the_worker_outlives_its_connections_being_ended_and_runs_the_next_task(queue, workers, tmp_path):
    worker = workers(tmp_path, "worker-a", "--lease-timeout", "30")
    first = worker_tasks.note_run.enqueue(str(tmp_path), "first")
    wait_until(lambda: status(first) == TaskResultStatus.SUCCESSFUL, worker, what="the first task ran")

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = %s", [worker.worker_id]
        )
        ended = [row[0] for row in cursor.fetchall()]
    assert ended and all(ended), "the worker's backends were ended"

    second = worker_tasks.note_run.enqueue(str(tmp_path), "second")
    wait_until(lambda: status(second) == TaskResultStatus.SUCCESSFUL, worker, what="the second task ran")
    assert worker.process.poll() is None, "still running"
    assert WorkerHeartbeat.objects.filter(worker_id="worker-a").exists()

    assert worker.stop() == 0, worker.log()
    log = worker.log()
    assert "Task worker worker-a lost the database (OperationalError" in log
    assert "Task worker worker-a has the database back" in log
    assert worker_tasks.runs(tmp_path) == ["first", "second"]
    assert not WorkerHeartbeat.objects.filter(worker_id="worker-a").exists(), "a clean stop removes the heartbeat"


@pytest.mark.django_db(transaction=True)
def test_a_task_whose_worker_was_killed_is_run_again_once_by_another_worker(queue, workers, tmp_path):
    folder = tmp_path / "task"
    folder.mkdir()
    result = worker_tasks.wait_for_release.enqueue(str(folder))
    # Two workers start together (they boot in parallel); whichever claims the task first is killed. The lease is ten
    # heartbeats long, so a worker merely slowed down by a busy machine is not taken for dead.
    pool = {worker_id: workers(tmp_path, worker_id, "--lease-timeout", "5") for worker_id in ("worker-1", "worker-2")}
    wait_until(lambda: worker_tasks.runs(folder) == ["started"], *pool.values(), what="the task started")
    killed_id = DBTaskResult.objects.get(id=result.id).worker_ids[0]
    killed = pool.pop(killed_id)
    (rescuer,) = pool.values()

    killed.process.kill()
    killed.process.wait(timeout=WAIT)
    assert status(result) == TaskResultStatus.RUNNING, "SIGKILL leaves the task RUNNING"
    (folder / "release").touch()
    wait_until(lambda: status(result) == TaskResultStatus.SUCCESSFUL, rescuer, what="the task was run again")

    assert worker_tasks.runs(folder) == ["started", "started", "done"], "run again exactly once"
    assert DBTaskResult.objects.get(id=result.id).worker_ids == [killed_id, rescuer.worker_id]
    assert rescuer.stop() == 0
    log = rescuer.log()
    task_name = f"Task {result.id} (tests.core.worker_tasks.wait_for_release)"
    assert f"{task_name} put back in the queue after attempt 1 of 3" in log
    assert f"Worker {killed_id} stopped heart-beating while running this task" in log
    assert f"{task_name}: attempt 2 of 3 on worker {rescuer.worker_id}" in log


@pytest.mark.django_db(transaction=True)
def test_a_task_that_loses_the_database_midway_is_put_back_and_run_again(queue, workers, tmp_path):
    worker = workers(tmp_path, "worker-b", "--lease-timeout", "30")
    result = worker_tasks.lose_the_database_once.enqueue(str(tmp_path))
    wait_until(lambda: status(result) == TaskResultStatus.SUCCESSFUL, worker, what="the task ran again")

    assert worker_tasks.runs(tmp_path) == ["started", "started", "done"]
    assert DBTaskResult.objects.get(id=result.id).worker_ids == ["worker-b", "worker-b"], "two attempts, counted"
    assert worker.stop() == 0
    assert "put back in the queue after attempt 1 of 3: the database failed during the task" in worker.log()


def lost_task(*worker_ids, claimed_ago=timedelta(minutes=5)):
    return DBTaskResult.objects.create(
        status=TaskResultStatus.RUNNING,
        args_kwargs={"args": ["/nowhere", "lost"], "kwargs": {}},
        task_path="tests.core.worker_tasks.note_run",
        backend_name="default",
        run_after=get_date_max(),
        worker_ids=list(worker_ids),
        started_at=timezone.now() - claimed_ago,
    )


def heartbeat(worker_id, seen_ago):
    seen = timezone.now() - seen_ago
    return WorkerHeartbeat.objects.create(worker_id=worker_id, started_at=seen, last_seen=seen)


@pytest.mark.django_db
def test_a_task_lost_on_its_last_attempt_is_failed_with_the_reason_not_left_running():
    heartbeat("gone", seen_ago=timedelta(minutes=2))
    task = lost_task("first", "second", "gone")

    recovery = task_recovery.recover_lost_tasks(lease_timeout=60, max_attempts=3)

    task.refresh_from_db()
    assert recovery.failed == [str(task.id)] and recovery.requeued == []
    assert task.status == TaskResultStatus.FAILED
    assert task.finished_at is not None
    assert task.exception_class_path == "core.task_recovery.WorkerLost"
    assert "Worker gone stopped heart-beating while running this task" in task.traceback
    assert "Gave up after 3 attempts (TASK_MAX_ATTEMPTS=3)" in task.traceback
    assert task.task_result.errors[0].exception_class_path == "core.task_recovery.WorkerLost"
    assert not WorkerHeartbeat.objects.filter(worker_id="gone").exists(), "the stale heartbeat is cleared"


@pytest.mark.django_db
def test_only_tasks_of_workers_past_their_lease_are_recovered():
    heartbeat("alive", seen_ago=timedelta(seconds=5))
    heartbeat("silent", seen_ago=timedelta(seconds=90))
    of_the_living = lost_task("alive")
    of_the_silent = lost_task("silent")
    of_no_heartbeat = lost_task("never-seen")
    just_claimed = lost_task("not-yet-beating", claimed_ago=timedelta(seconds=1))

    recovery = task_recovery.recover_lost_tasks(lease_timeout=60, max_attempts=3)

    assert sorted(recovery.requeued) == sorted([str(of_the_silent.id), str(of_no_heartbeat.id)])
    statuses = dict(DBTaskResult.objects.values_list("id", "status"))
    assert statuses[of_the_living.id] == TaskResultStatus.RUNNING
    assert statuses[just_claimed.id] == TaskResultStatus.RUNNING
    assert statuses[of_the_silent.id] == statuses[of_no_heartbeat.id] == TaskResultStatus.READY
    assert DBTaskResult.objects.get(id=of_the_silent.id).worker_ids == ["silent"], "the attempt stays counted"


@pytest.mark.django_db(transaction=True)
def test_workers_recovering_at_the_same_moment_put_each_lost_task_back_once(committed_db):
    heartbeat("dead", seen_ago=timedelta(minutes=10))
    lost = {str(lost_task("dead").id) for _ in range(5)}
    parallel = 6
    barrier = threading.Barrier(parallel)
    results, errors = [], []

    def recover():
        try:
            barrier.wait()
            results.append(task_recovery.recover_lost_tasks(lease_timeout=60, max_attempts=3))
        except Exception as error:
            errors.append(repr(error))
        finally:
            connection.close()  # this thread's own connection

    threads = [threading.Thread(target=recover) for _ in range(parallel)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=WAIT)

    assert errors == []
    requeued = [task_id for recovery in results for task_id in recovery.requeued]
    assert sorted(requeued) == sorted(lost), "each lost task put back exactly once"
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {TaskResultStatus.READY}
    assert all(ids == ["dead"] for ids in DBTaskResult.objects.values_list("worker_ids", flat=True))


def worker_named(worker_id):
    return ResilientWorker(
        queue_names=["default"],
        excluded_queue_names=[],
        interval=1,
        batch=False,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=worker_id,
        heartbeat_interval=5,
        lease_timeout=60,
        max_attempts=3,
        backoff_max=1,
    )


@pytest.mark.django_db
def test_a_worker_records_the_outcome_of_a_task_it_still_holds():
    task = lost_task("first", "this-worker")

    worker_named("this-worker").recorder(task, "set_successful")("lost")

    task.refresh_from_db()
    assert task.status == TaskResultStatus.SUCCESSFUL and task.return_value == "lost"


@pytest.mark.django_db
def test_a_worker_whose_task_was_recovered_meanwhile_does_not_overwrite_the_new_attempt(caplog):
    task = lost_task("slow-worker", "rescuer")  # the rescuer claimed it after the slow worker's lease lapsed

    worker_named("slow-worker").recorder(task, "set_successful")("late")

    task.refresh_from_db()
    assert task.status == TaskResultStatus.RUNNING and task.worker_ids == ["slow-worker", "rescuer"]
    assert f"Task {task.id} was recovered by another worker while worker slow-worker ran it" in caplog.text


def test_the_wait_between_tries_grows_and_stays_within_its_bound():
    worker = worker_named("patient")  # backoff_max=1
    assert worker.backoff(0) <= 0.5
    assert all(worker.backoff(attempt) <= 1 for attempt in (1, 5, 50, 100_000)), "bounded, also after hours"
    assert min(worker.backoff(3) for _ in range(20)) >= 0.5, "and it grows"
