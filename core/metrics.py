"""The counters an operator scrapes at /metrics (Prometheus text format, prometheus_client).

Requests, responses by status, latency by view and exceptions by type come from django-prometheus's middleware
(`django_http_*`). Apps add counters of their own (`search/metrics.py`) and figures read from the database at each
scrape (`register_collector`); this module adds the task queue: `kennisplatform_tasks{status}` and
`kennisplatform_task_queue_lag_seconds` (`TaskQueueCollector`). Read at scrape time rather than counted, so every
app server reports the same figures whichever process answers, and they are right even when no worker runs (a
worker's own counters would live in the worker's process, which nobody scrapes).

Counters live in the process that counts. Under gunicorn with several workers, prometheus_client's multiprocess
mode (PROMETHEUS_MULTIPROC_DIR, set by platform/bin/start-web) keeps them in files that a scrape adds up;
`scrape_registry` reads those files, or the process's own registry when there are none.
"""

import logging
import os
from collections.abc import Iterator

from django.db import DatabaseError
from django.db.models import Case, Count, F, Min, When
from django.db.models.functions import Greatest
from django.utils import timezone
from prometheus_client import REGISTRY, CollectorRegistry, multiprocess
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.metrics_core import Metric
from prometheus_client.registry import Collector

logger = logging.getLogger(__name__)

_collectors: list[Collector] = []


def register_collector(collector: Collector) -> None:
    """A collector (an object with `collect()` yielding metric families) read at every scrape, in the request.

    Its `collect()` should catch its own database errors and yield nothing then: one failing figure must not cost
    the operator every other one.
    """
    _collectors.append(collector)


def waiting_tasks():
    """READY tasks whose time has come, annotated with `waiting_since` (when they could first have run)."""
    from django_tasks_db.models import DBTaskResult, get_date_max

    return (
        DBTaskResult.objects.ready()
        # django_tasks_db stores "no run_after" as the largest date; otherwise a task waits from the later of the two.
        .annotate(
            waiting_since=Case(
                When(run_after=get_date_max(), then=F("enqueued_at")),
                default=Greatest("enqueued_at", "run_after"),
            )
        )
    )


def task_queue_lag(now=None) -> float:
    """Seconds the oldest ready task has waited for a worker; 0 when none waits."""
    now = now or timezone.now()
    oldest = waiting_tasks().aggregate(oldest=Min("waiting_since"))["oldest"]
    return max(0.0, (now - oldest).total_seconds()) if oldest else 0.0


class TaskQueueCollector(Collector):
    """The task queue as it is in the database at the moment of the scrape."""

    def collect(self) -> Iterator[Metric]:
        from django_tasks_db.models import DBTaskResult

        try:
            rows = DBTaskResult.objects.order_by().values("status").annotate(n=Count("id")).values_list("status", "n")
            counts = dict(rows)
            lag = task_queue_lag()
        except DatabaseError as error:
            # Left out rather than reported as zero: an absent series is what an alert on the queue should see.
            logger.warning("Task queue metrics not collected: %s", type(error).__name__)
            return
        tasks = GaugeMetricFamily("kennisplatform_tasks", "Background tasks by status.", labels=["status"])
        for status in DBTaskResult._meta.get_field("status").choices or ():
            tasks.add_metric([status[0]], counts.get(status[0], 0))
        yield tasks
        yield GaugeMetricFamily(
            "kennisplatform_task_queue_lag_seconds",
            "Seconds the oldest ready task has waited for a worker (0 when none waits).",
            value=lag,
        )


class _Forward(Collector):
    """Everything a registry holds, for a registry of its own (the task collector is added per scrape)."""

    def __init__(self, registry: CollectorRegistry):
        self.registry = registry

    def collect(self) -> Iterator[Metric]:
        yield from self.registry.collect()


def multiprocess_mode() -> bool:
    return bool(os.environ.get("PROMETHEUS_MULTIPROC_DIR"))


def scrape_registry() -> CollectorRegistry:
    """What one scrape reports: every process's counters (or this process's) and the task queue."""
    registry = CollectorRegistry(auto_describe=False)
    if multiprocess_mode():
        multiprocess.MultiProcessCollector(registry)
    else:
        registry.register(_Forward(REGISTRY))
    registry.register(TaskQueueCollector())
    for collector in _collectors:
        registry.register(collector)
    return registry
