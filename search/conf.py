"""Search settings, each with a default, so config/settings only mention what a deployment changes.

SEARCH_BACKEND          "postgresql" | "sqlite" | "elasticsearch"; default: Elasticsearch when ELASTICSEARCH_URL is
                        set, otherwise the database's own full-text search.
ELASTICSEARCH_URL       the cluster (base.py reads it from the environment).
SEARCH_ELASTICSEARCH_INDEX_PREFIX   prefix of index and alias names (default "kennisplatform-search").
SEARCH_ELASTICSEARCH_TIMEOUT        seconds per request (default 5); reads fall back to the database after it.
SEARCH_PER_PAGE         results per page (default 10).
SEARCH_MAX_QUERY_LENGTH characters of a query that are used (default 200).
SEARCH_EXACT_COUNT_LIMIT  PostgreSQL: matches above which counts are estimated from a sample (default 5,000).
"""

from django.conf import settings
from django.db import connection

# Language code → PostgreSQL text search configuration, Elasticsearch analyzer and, on SQLite, Snowball stemmer
# (PyStemmer's algorithm of the same name; search.stemming). The PostgreSQL side is also spelled out in the
# `search_ts_config` SQL function (migration 0002): change both together.
TEXT_SEARCH_CONFIGS = {"nl": "dutch", "da": "danish", "en": "english"}
FALLBACK_TEXT_SEARCH_CONFIG = "simple"


def backend_name() -> str:
    configured = getattr(settings, "SEARCH_BACKEND", None)
    if configured:
        return configured
    if elasticsearch_url():
        return "elasticsearch"
    return database_backend_name()


def database_backend_name() -> str:
    return "postgresql" if connection.vendor == "postgresql" else "sqlite"


def elasticsearch_url() -> str | None:
    return getattr(settings, "ELASTICSEARCH_URL", None) or None


def elasticsearch_index_prefix() -> str:
    return getattr(settings, "SEARCH_ELASTICSEARCH_INDEX_PREFIX", "kennisplatform-search")


def elasticsearch_timeout() -> float:
    return float(getattr(settings, "SEARCH_ELASTICSEARCH_TIMEOUT", 5))


def per_page() -> int:
    return int(getattr(settings, "SEARCH_PER_PAGE", 10))


def max_query_length() -> int:
    return int(getattr(settings, "SEARCH_MAX_QUERY_LENGTH", 200))


def languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def text_search_config(language: str) -> str:
    return TEXT_SEARCH_CONFIGS.get(language, FALLBACK_TEXT_SEARCH_CONFIG)


def language_name(code: str) -> str:
    return dict(settings.LANGUAGES).get(code, code)


def exact_count_limit() -> int:
    """Above this many matches the PostgreSQL backend estimates counts from a sample (see PostgresBackend.search)."""
    return int(getattr(settings, "SEARCH_EXACT_COUNT_LIMIT", 5000))
