"""What an operator sees of search at /metrics (core.metrics serves them).

- `kennisplatform_search_fallbacks_total{operation}`: searches, counts and completions answered from the database
  because Elasticsearch failed (counted in the web process that answered; `operation` is search, count or
  complete);
- `kennisplatform_search_pending_index_writes`: index writes waiting for Elasticsearch to come back
  (`PendingIndexOperation`), read from the database at each scrape: the writes are queued by the task worker, whose
  own counters nobody scrapes.
"""

import logging
from collections.abc import Iterator

from django.db import DatabaseError
from prometheus_client import Counter
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.metrics_core import Metric
from prometheus_client.registry import Collector

logger = logging.getLogger(__name__)

SEARCH_FALLBACKS = Counter(
    "kennisplatform_search_fallbacks",
    "Search requests answered from the database because Elasticsearch failed.",
    ["operation"],
)


class PendingWritesCollector(Collector):
    def collect(self) -> Iterator[Metric]:
        from search.models import PendingIndexOperation

        try:
            pending = PendingIndexOperation.objects.count()
        except DatabaseError as error:
            logger.warning("Search metrics not collected: %s", type(error).__name__)
            return
        yield GaugeMetricFamily(
            "kennisplatform_search_pending_index_writes",
            "Search index writes waiting for Elasticsearch to come back.",
            value=pending,
        )
