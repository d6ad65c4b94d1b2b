"""SQLite FTS5 search (the quickstart), with the same interface and permission filter as PostgreSQL.

Stemming: FTS5 has no stemming tokenizer and the standard sqlite3 module cannot add one, so the FTS5 table (migration
0009) holds each document's text already stemmed in its own language (search.stemming), and a query word matches
any of its stems in the configured languages or, as typed, as a prefix. The table is filled from Python when
search.indexing writes a document (`index_documents`, in the same transaction), not by triggers: a trigger could only
stem through a function registered on each Django connection, so any other SQLite client (dbshell, the sqlite3 tool,
a restore script) writing a document would fail, a SQLite built with trusted_schema off would refuse the function,
and Django's table rebuild on a later ALTER would drop the triggers and leave new text silently unsearchable. What
remains a trigger is the plain-SQL removal of a deleted document's row. A document written around search.indexing
(which the model forbids) is searchable again after `manage.py search_reindex`; `search_status` reports a missing row.

Snippets are cut from the original text by search.highlight (FTS5's snippet() would show the stems). Ranking is bm25
with title above tags and summary above body.
"""

# ruff: noqa: S608 -- statements are assembled from constant fragments; every value is a bound parameter.

import difflib

from django.db import connection as default_connection

from search import highlight, stemming, vocabulary
from search.backends.base import SORT_DATE
from search.backends.sql import DOCUMENTS, TAGS, WORDS, SQLBackend, escape_like, fetch, permission_sql, placeholders

FTS = "search_fts"
FTS_COLUMNS = "title, tags_text, summary, body"
BM25_WEIGHTS = "10.0, 5.0, 5.0, 1.0"  # title, tags, summary, body
SNIPPET_SOURCE_CHARS = 20_000  # as on PostgreSQL: the start of a long body is plenty for a snippet


def fts_query(text: str, languages=None) -> str | None:
    """User text as an FTS5 expression in which no character is syntax: every stem and prefix quoted, the
    alternatives for one word or phrase OR-ed, all words and phrases required."""
    expressions = []
    for term in stemming.query_terms(text, languages):
        parts = [f'"{term.prefix}"*'] if term.prefix else []
        parts += ['"' + " ".join(variant) + '"' for variant in term.variants if not term.covered_by_prefix(variant)]
        expressions.append(parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")")
    return " AND ".join(expressions) or None


def fts_row(language: str, title: str, tags_text: str, summary: str, body: str) -> tuple[str, ...]:
    """The FTS5 columns of a document: its text stemmed in its language."""
    return tuple(stemming.stemmed_text(text, language) for text in (title, tags_text, summary, body))


def index_documents(documents, connection=default_connection) -> None:
    """Put these documents' stemmed text in the FTS5 table, replacing what it held for them (SQLite only)."""
    rows = [(d.pk, *fts_row(d.language, d.title, d.tags_text, d.summary, d.body)) for d in documents]
    with connection.cursor() as cursor:
        cursor.executemany(f"DELETE FROM {FTS} WHERE rowid = %s", [(row[0],) for row in rows])
        cursor.executemany(f"INSERT INTO {FTS} (rowid, {FTS_COLUMNS}) VALUES (%s, %s, %s, %s, %s)", rows)


def documents_without_fts_row() -> int:
    """Documents written around search.indexing, which no search can find (search_status reports them)."""
    sql = f"SELECT COUNT(*) FROM {DOCUMENTS} d WHERE NOT EXISTS (SELECT 1 FROM {FTS} f WHERE f.rowid = d.id)"
    return fetch(sql, [])[0][0]


class SQLiteBackend(SQLBackend):
    name = "sqlite"

    def match_sql(self, text, query=None):
        expression = fts_query(text)
        if expression is None:
            return None
        return f"d.id IN (SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s)", [expression]

    def page_sql(self, query, where, params, total):
        """(id, language, summary, start of the body) of the page: the snippets are cut in `hits`."""
        expression = fts_query(query.text) if query.text else None
        if expression is None:
            sql = f"SELECT d.id, NULL, NULL, NULL FROM {DOCUMENTS} d WHERE {where}"
            sql += " ORDER BY d.updated_at DESC NULLS LAST, d.id DESC LIMIT %s OFFSET %s"
            return sql, [*params, query.per_page, query.offset]
        order = (
            "d.updated_at DESC NULLS LAST, d.id DESC"
            if query.sort == SORT_DATE
            else f"bm25({FTS}, {BM25_WEIGHTS}), d.updated_at DESC NULLS LAST"
        )
        sql = (
            f"SELECT d.id, d.language, d.summary, substr(d.body, 1, %s) FROM {FTS}"
            f" JOIN {DOCUMENTS} d ON d.id = {FTS}.rowid"
            f" WHERE {FTS} MATCH %s AND {where} ORDER BY {order} LIMIT %s OFFSET %s"
        )
        return sql, [SNIPPET_SOURCE_CHARS, expression, *params, query.per_page, query.offset]

    def hits(self, query, total):
        where, params = self.where(query)
        rows = fetch(*self.page_sql(query, where, params, total))
        terms = stemming.query_terms(query.text) if query.text else []
        marked = [
            (pk, highlight.snippet(terms, language, [body, summary]) if terms else None)
            for pk, language, summary, body in rows
        ]
        return self.hits_from_rows(marked)

    def completion_rows(self, text, audience, language, limit):
        permission, permission_params = permission_sql(audience)
        like = f"%{escape_like(text)}%"
        documents = fetch(
            f"SELECT d.title, d.url FROM {DOCUMENTS} d WHERE {permission} AND d.language = %s"
            " AND d.title LIKE %s ESCAPE '\\' ORDER BY (d.title LIKE %s ESCAPE '\\') DESC, d.title LIMIT %s",
            [*permission_params, language, like, f"{escape_like(text)}%", limit - limit // 3],
        )
        tags = fetch(
            f"SELECT MIN(t.name), t.slug FROM {TAGS} t JOIN {DOCUMENTS} d ON d.id = t.document_id"
            f" WHERE {permission} AND d.language = %s AND t.name LIKE %s ESCAPE '\\'"
            " GROUP BY t.slug ORDER BY t.slug LIMIT %s",
            [*permission_params, language, like, limit // 3],
        )
        return documents, tags

    def similar_words(self, word, languages, audience):
        # No trigram index here: compare with the words that start alike and are about as long.
        language_filter = f"AND w.language IN ({placeholders(languages)})" if languages else ""
        permission, permission_params = vocabulary.permission_sql(audience)
        candidates = [
            row[0]
            for row in fetch(
                f"SELECT DISTINCT w.word FROM {WORDS} w WHERE w.word LIKE %s ESCAPE '\\'"
                f" AND length(w.word) BETWEEN %s AND %s {language_filter} AND {permission}",
                [f"{escape_like(word[:1])}%", len(word) - 2, len(word) + 2, *languages, *permission_params],
            )
        ]
        return difflib.get_close_matches(word, candidates, n=5, cutoff=0.75)
