"""The backend that answers searches, chosen by settings (see search.conf)."""

from search import conf
from search.backends.base import SearchBackend


def database_backend() -> SearchBackend:
    if conf.database_backend_name() == "postgresql":
        from search.backends.postgres import PostgresBackend

        return PostgresBackend()
    from search.backends.sqlite import SQLiteBackend

    return SQLiteBackend()


def get_backend(name: str | None = None) -> SearchBackend:
    name = name or conf.backend_name()
    if name == "elasticsearch":
        from search.backends.elasticsearch import ElasticsearchBackend

        return ElasticsearchBackend(fallback=database_backend())
    if name not in ("postgresql", "sqlite"):
        raise ValueError(f"Unknown search backend {name!r}")
    if name != conf.database_backend_name():
        raise ValueError(f"The {name} search backend needs a {name} database")
    return database_backend()
