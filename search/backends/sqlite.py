"""SQLite FTS5 search (the quickstart), with the same interface and permission filter as PostgreSQL.

The FTS5 table (migration 0003) uses the unicode61 tokenizer with diacritics removed. It does not stem: Dutch and
Danish inflections are only partly covered by prefix matching ("bemiddeling" finds "bemiddelingen", not the other
way round). Use PostgreSQL or Elasticsearch for real stemming.
"""

# ruff: noqa: S608 -- statements are assembled from constant fragments; every value is a bound parameter.

import difflib
import re

from search import vocabulary
from search.backends.base import SORT_DATE
from search.backends.sql import DOCUMENTS, TAGS, WORDS, SQLBackend, escape_like, fetch, permission_sql, placeholders
from search.documents import MARK_END, MARK_START

FTS = "search_fts"
BM25_WEIGHTS = "10.0, 5.0, 5.0, 1.0"  # title, tags, summary, body
_TERMS = re.compile(r'"([^"]*)"|(\w+)')
_WORD = re.compile(r"\w+")


def fts_query(text: str) -> str | None:
    """User text as an FTS5 expression: quoted phrases kept, every other word quoted (so no character is syntax),
    words of three letters or more matched as prefixes, all terms required."""
    terms = []
    for phrase, word in _TERMS.findall(text):
        if phrase:
            words = _WORD.findall(phrase)
            if words:
                terms.append('"' + " ".join(words) + '"')
        elif word:
            terms.append(f'"{word}"' + ("*" if len(word) >= 3 else ""))
    return " AND ".join(terms) or None


class SQLiteBackend(SQLBackend):
    name = "sqlite"

    def match_sql(self, text, query=None):
        expression = fts_query(text)
        if expression is None:
            return None
        return f"d.id IN (SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s)", [expression]

    def page_sql(self, query, where, params, total):
        expression = fts_query(query.text) if query.text else None
        if expression is None:
            sql = f"SELECT d.id, NULL FROM {DOCUMENTS} d WHERE {where}"
            sql += " ORDER BY d.updated_at DESC NULLS LAST, d.id DESC LIMIT %s OFFSET %s"
            return sql, [*params, query.per_page, query.offset]
        order = (
            "d.updated_at DESC NULLS LAST, d.id DESC"
            if query.sort == SORT_DATE
            else f"bm25({FTS}, {BM25_WEIGHTS}), d.updated_at DESC NULLS LAST"
        )
        sql = (
            f"SELECT d.id, snippet({FTS}, 3, %s, %s, ' … ', 24) FROM {FTS} JOIN {DOCUMENTS} d ON d.id = {FTS}.rowid"
            f" WHERE {FTS} MATCH %s AND {where} ORDER BY {order} LIMIT %s OFFSET %s"
        )
        return sql, [MARK_START, MARK_END, expression, *params, query.per_page, query.offset]

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
