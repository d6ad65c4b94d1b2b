"""/readyz: the database, the cache and the task queue, each checked for real and named when it fails."""

import socket
import threading
from datetime import timedelta

import pytest
from django.db import connections
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from config import health


def closed_port() -> int:
    """A port on the loopback where nothing listens: every connection is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def ready_task(waited: timedelta, run_after=None) -> DBTaskResult:
    result = DBTaskResult.objects.create(
        task_path="search.tasks.sync_documents",
        args_kwargs={"args": [], "kwargs": {}},
        backend_name="default",
        run_after=run_after,
    )
    DBTaskResult.objects.filter(pk=result.pk).update(enqueued_at=timezone.now() - waited)
    return result


def test_ready_when_database_cache_and_task_queue_work(client, db):
    response = client.get("/readyz")
    body = response.json()
    assert response.status_code == 200
    assert body["status"] == "ok" and "failing" not in body
    assert body["checks"]["database"] == "ok" and body["checks"]["cache"] == "ok"
    assert body["checks"]["tasks"].startswith("ok")
    # A probe gets no cookie, and nobody keeps its answer.
    assert not response.cookies
    assert "no-store" in response["Cache-Control"]


def test_a_database_that_refuses_connections_makes_it_unready_naming_the_database(client, db, monkeypatch):
    # A real failure: the checks' own connections (made in the check threads) go to a closed port on the loopback.
    # The test's connection is open already and keeps its settings.
    port = closed_port()
    monkeypatch.setitem(connections.settings["default"], "HOST", "127.0.0.1")
    monkeypatch.setitem(connections.settings["default"], "PORT", str(port))
    response = client.get("/readyz")
    body = response.json()
    assert response.status_code == 503
    assert body["status"] == "unavailable"
    assert "database" in body["failing"]
    assert body["checks"]["database"] == "the database did not answer (OperationalError)"
    # Plain words, no connection details or error text.
    assert str(port) not in response.content.decode() and "127.0.0.1" not in response.content.decode()
    assert body["checks"]["cache"] == "ok"


def test_a_cache_that_is_not_there_makes_it_unready_naming_the_cache(client, db, settings):
    # A real Redis cache backend (redis-py, as production with REDIS_URL) pointed at a closed port.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
        }
    }
    response = client.get("/readyz")
    body = response.json()
    assert response.status_code == 503
    assert body["failing"] == ["cache"]
    assert body["checks"]["cache"].startswith(("the cache did not answer (", "no answer within"))
    assert body["checks"]["database"] == "ok"


def test_a_task_waiting_longer_than_the_limit_makes_it_unready_naming_the_tasks(client, committed_db, settings):
    # Committed rows: the checks read the queue on connections of their own, as a probe in production does.
    settings.READYZ_MAX_TASK_LAG = 300
    ready_task(timedelta(minutes=2))
    assert client.get("/readyz").status_code == 200

    ready_task(timedelta(minutes=10))
    response = client.get("/readyz")
    body = response.json()
    assert response.status_code == 503
    assert body["failing"] == ["tasks"]
    assert "longer than 300 s" in body["checks"]["tasks"] and "task worker" in body["checks"]["tasks"]


def test_a_scheduled_task_waits_from_its_time_and_finished_ones_not_at_all(client, committed_db, settings):
    settings.READYZ_MAX_TASK_LAG = 300
    # Enqueued an hour ago to run a minute ago: it has waited a minute.
    ready_task(timedelta(hours=1), run_after=timezone.now() - timedelta(minutes=1))
    # To run in an hour: not waiting yet.
    ready_task(timedelta(hours=2), run_after=timezone.now() + timedelta(hours=1))
    done = ready_task(timedelta(hours=3))
    DBTaskResult.objects.filter(pk=done.pk).update(status="SUCCESSFUL")
    response = client.get("/readyz")
    assert response.status_code == 200, response.json()


def test_a_check_that_hangs_is_reported_without_holding_the_probe(client, db, settings, monkeypatch):
    settings.READYZ_TIMEOUT = 0.2
    release = threading.Event()

    def hanging_cache():
        release.wait(30)
        return health.Result(True, "ok")

    monkeypatch.setitem(health.CHECKS, "cache", (hanging_cache, "the cache did not answer"))
    try:
        response = client.get("/readyz")
    finally:
        release.set()
    body = response.json()
    assert response.status_code == 503
    assert body["failing"] == ["cache"]
    assert body["checks"]["cache"] == "no answer within 0.2 s"


@pytest.mark.parametrize("path", ["/healthz", "/readyz", "/metrics"])
def test_probes_are_not_redirected_to_https_nor_looked_up_in_the_page_cache(client, db, settings, path):
    settings.SECURE_SSL_REDIRECT = True
    settings.PAGE_CACHE_TIMEOUT = 300
    response = client.get(path)
    assert response.status_code in (200, 403)  # /metrics: no token configured
    assert "X-Cache" not in response
    assert client.get("/nl/").status_code == 301  # everything else still goes to HTTPS
