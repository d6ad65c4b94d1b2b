"""/metrics: Prometheus text for whoever holds the token, nothing for anyone else; the platform's own figures."""

import os
import socket
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from prometheus_client.parser import text_string_to_metric_families

from tests import factories

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "t" * 8 + "-a-metrics-token-of-enough-length-0123"


def scrape(client) -> dict[tuple[str, tuple], float]:
    response = client.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(response.content.decode())
        for sample in family.samples
    }


@pytest.fixture
def token(settings):
    settings.METRICS_TOKEN = TOKEN
    return TOKEN


def test_without_a_configured_token_nobody_gets_metrics(client, db, settings):
    settings.METRICS_TOKEN = None
    assert client.get("/metrics").status_code == 403
    assert client.get("/metrics", headers={"Authorization": "Bearer "}).status_code == 403
    assert client.get("/metrics", headers={"Authorization": "Bearer None"}).status_code == 403


def test_only_the_right_bearer_token_gets_metrics(client, db, token):
    for authorization in (None, "Bearer wrong", f"Bearer {TOKEN}x", TOKEN, f"Basic {TOKEN}"):
        headers = {"Authorization": authorization} if authorization else {}
        response = client.get("/metrics", headers=headers)
        assert response.status_code == 403, authorization
        assert b"django_http" not in response.content
    client.get("/healthz")
    samples = scrape(client)
    names = {name for name, _labels in samples}
    for expected in (
        "django_http_requests_total_by_method_total",
        "django_http_responses_total_by_status_total",
        "django_http_requests_latency_seconds_by_view_method_bucket",
        "kennisplatform_tasks",
        "kennisplatform_task_queue_lag_seconds",
        "kennisplatform_search_pending_index_writes",
    ):
        assert expected in names or any(name.startswith(expected) for name in names), expected
    assert samples[("django_http_responses_total_by_status_total", (("status", "200"),))] >= 1


def test_the_task_queue_is_read_at_each_scrape(client, db, token):
    for waited in (timedelta(minutes=1), timedelta(minutes=15)):
        result = DBTaskResult.objects.create(
            task_path="search.tasks.sync_documents", args_kwargs={"args": [], "kwargs": {}}, backend_name="default"
        )
        DBTaskResult.objects.filter(pk=result.pk).update(enqueued_at=timezone.now() - waited)
    DBTaskResult.objects.filter(pk=result.pk).update(status="FAILED")
    samples = scrape(client)
    assert samples[("kennisplatform_tasks", (("status", "READY"),))] == 1
    assert samples[("kennisplatform_tasks", (("status", "FAILED"),))] == 1
    assert samples[("kennisplatform_tasks", (("status", "RUNNING"),))] == 0
    assert 60 <= samples[("kennisplatform_task_queue_lag_seconds", ())] < 15 * 60


def test_a_search_answered_from_the_database_because_elasticsearch_failed_is_counted(
    client, db, token, settings, django_capture_on_commit_callbacks
):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with django_capture_on_commit_callbacks(execute=True):
        factories.content_page("Tellertest", "De noodstroomvoorziening van het stadhuis.")
    key = ("kennisplatform_search_fallbacks_total", (("operation", "search"),))
    before = scrape(client).get(key, 0)
    # The way tests/search/test_elasticsearch.py takes the cluster down: its address is a closed port.
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{port}"
    settings.SEARCH_ELASTICSEARCH_TIMEOUT = 0.5
    response = client.get("/nl/search/", {"q": "noodstroomvoorziening"})
    assert "Tellertest" in response.content.decode()
    assert scrape(client)[key] == before + 1


def test_under_several_processes_a_scrape_adds_up_every_processs_counters(tmp_path):
    """prometheus_client's multiprocess mode as platform/bin/start-web sets it up: two processes count, a third
    one (any worker answering the scrape) reports the sum."""
    env = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    count = (
        "import django; django.setup(); from search.metrics import SEARCH_FALLBACKS; "
        "SEARCH_FALLBACKS.labels(operation='search').inc(2)"
    )
    report = (
        "import django; django.setup(); from prometheus_client import generate_latest; "
        "from core.metrics import scrape_registry; print(generate_latest(scrape_registry()).decode())"
    )
    for _ in range(2):
        subprocess.run([sys.executable, "-c", count], cwd=ROOT, env=env, check=True, timeout=120)
    output = subprocess.run(
        [sys.executable, "-c", report], cwd=ROOT, env=env, check=True, timeout=120, capture_output=True, text=True
    ).stdout
    assert 'kennisplatform_search_fallbacks_total{operation="search"} 4.0' in output
