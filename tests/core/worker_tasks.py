"""Tasks for the task worker's tests: each leaves a line in a file per run, so a test counts the runs exactly."""

import time
from pathlib import Path

from django.db import connection
from django_tasks import task

WAIT_LIMIT = 60  # seconds; a task a test forgot to release ends by itself


def _note(folder: str, line: str) -> None:
    with (Path(folder) / "runs").open("a") as runs:
        runs.write(line + "\n")


def runs(folder) -> list[str]:
    path = Path(folder) / "runs"
    return path.read_text().splitlines() if path.exists() else []


@task()
def note_run(folder: str, name: str) -> str:
    _note(folder, name)
    return name


@task()
def wait_for_release(folder: str) -> str:
    """Starts, then waits until the test creates the file `release` (a worker can be killed in the meantime)."""
    _note(folder, "started")
    deadline = time.monotonic() + WAIT_LIMIT
    while not (Path(folder) / "release").exists():
        if time.monotonic() > deadline:
            raise TimeoutError("never released")
        time.sleep(0.05)
    _note(folder, "done")
    return "done"


@task()
def lose_the_database_once(folder: str) -> str:
    """On its first run the database ends this connection in the middle of the task, as a restart would."""
    first = not runs(folder)
    _note(folder, "started")
    with connection.cursor() as cursor:
        if first:
            cursor.execute("SELECT pg_terminate_backend(pg_backend_pid())")
        cursor.execute("SELECT 1")
    _note(folder, "done")
    return "done"
