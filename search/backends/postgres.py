"""PostgreSQL full-text search over the document table.

Each row's `search_vector` (a generated column, migration 0002) is built with the row's own language
configuration and weighted A title, B tags and summary, C body. A query is parsed with websearch_to_tsquery (it
never raises on syntax) for every configured language and the variants are OR-ed, so "bemiddelingen" finds Dutch
"bemiddeling" and "mæglingen" Danish "mægling" through one GIN index scan. Ranking: ts_rank_cd; snippets:
ts_headline in the document's language; typo tolerance: pg_trgm on titles, tags and the vocabulary.
"""

# ruff: noqa: S608 -- statements are assembled from constant fragments; every value is a bound parameter.

from django.db import connection, transaction

from search import conf
from search.backends.base import SORT_DATE, SearchQuery
from search.backends.sql import DOCUMENTS, TAGS, WORDS, SQLBackend, escape_like, fetch, permission_sql, placeholders
from search.documents import MARK_END, MARK_START

# Not fragment mode (MaxFragments): it returns only the few words around a match in short texts.
HEADLINE_OPTIONS = f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=35, MinWords=15, ShortWord=3"
SNIPPET_SOURCE_CHARS = 20_000  # ts_headline reads the text again; the start of a long body is plenty for a snippet
FULL_RANK_LIMIT = 3_000  # matches up to which ts_rank_cd reads the full vector (migration 0004)
HEAD_RANK_LIMIT = 15_000  # matches up to which ts_rank_cd ranks on title, tags and summary; beyond: newest first


def tsquery_sql(text: str, languages) -> tuple[str, list]:
    """One tsquery: the text parsed by each language's configuration, OR-ed."""
    configs = sorted({conf.text_search_config(language) for language in languages})
    sql = " || ".join(f"websearch_to_tsquery('{config}'::regconfig, %s)" for config in configs)
    return f"({sql})", [text] * len(configs)


class PostgresBackend(SQLBackend):
    name = "postgresql"

    def tsquery(self, text: str, query: SearchQuery | None) -> tuple[str, list]:
        languages = (query.languages if query and query.languages else None) or conf.languages()
        return tsquery_sql(text, languages)

    def match_sql(self, text, query=None):
        tsquery, params = self.tsquery(text, query)
        return f"d.search_vector @@ {tsquery}", params

    def search(self, query):
        # A common word matches most rows and the planner then prefers a sequential scan, which reads every row's
        # out-of-line vector; the GIN bitmap answers the same without touching the vectors.
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            return super().search(query)

    def page_sql(self, query, where, params, total):
        tsquery, tsquery_params = self.tsquery(query.text, query) if query.text else ("", [])
        newest = "d.updated_at DESC NULLS LAST, d.id DESC"
        if query.text and query.sort != SORT_DATE and total > HEAD_RANK_LIMIT:
            inner, inner_params = self._broad_page(query, where, params, tsquery, tsquery_params)
            order = f"rank DESC, {newest}"
        else:
            if query.text and query.sort != SORT_DATE:
                # Up to FULL_RANK_LIMIT matches ts_rank_cd reads everything; beyond, only title, tags and summary.
                vector = "d.search_vector" if total <= FULL_RANK_LIMIT else "d.search_head"
                rank, rank_params = f"ts_rank_cd({vector}, {tsquery})", tsquery_params
                order = f"rank DESC, {newest}"
            else:
                rank, rank_params, order = "0", [], newest
            inner = f"SELECT d.id, d.updated_at, {rank} AS rank FROM {DOCUMENTS} d WHERE {where} ORDER BY {order}"
            inner += " LIMIT %s OFFSET %s"
            inner_params = [*rank_params, *params, query.per_page, query.offset]
        # Cut the page first, then build snippets for those rows only (ts_headline is the costly part).
        if not query.text:
            return f"SELECT d.id, NULL FROM ({inner}) d ORDER BY {order}", inner_params
        snippet = (
            "ts_headline(search_ts_config(doc.language), CASE WHEN doc.body <> '' THEN "
            f"left(doc.body, {SNIPPET_SOURCE_CHARS}) ELSE doc.summary END, {tsquery}, %s)"
        )
        sql = f"SELECT d.id, {snippet} FROM ({inner}) d JOIN {DOCUMENTS} doc ON doc.id = d.id ORDER BY {order}"
        return sql, [*tsquery_params, HEADLINE_OPTIONS, *inner_params]

    def _broad_page(self, query, where, params, tsquery, tsquery_params):
        """A word found almost everywhere ranks nothing apart: matches in title, tags or summary first, then the
        rest, each newest first — two short walks along the date index instead of ranking every match."""
        needed = query.offset + query.per_page
        branch = (
            f"(SELECT d.id, d.updated_at, %s AS rank FROM {DOCUMENTS} d WHERE {where} AND {{head}}"
            " ORDER BY d.updated_at DESC NULLS LAST, d.id DESC LIMIT %s)"
        )
        sql = (
            f"SELECT * FROM ({branch.format(head=f'd.search_head @@ {tsquery}')} UNION ALL "
            f"{branch.format(head=f'NOT (d.search_head @@ {tsquery})')}) d"
            " ORDER BY rank DESC, d.updated_at DESC NULLS LAST, d.id DESC LIMIT %s OFFSET %s"
        )
        head_first, body_only = ([rank, *params, *tsquery_params, needed] for rank in (1, 0))
        return sql, [*head_first, *body_only, query.per_page, query.offset]

    def completion_rows(self, text, audience, language, limit):
        permission, permission_params = permission_sql(audience)
        like = f"%{escape_like(text)}%"
        documents = fetch(
            f"SELECT d.title, d.url FROM {DOCUMENTS} d WHERE {permission} AND d.language = %s"
            " AND (d.title ILIKE %s OR %s <%% d.title)"
            " ORDER BY (d.title ILIKE %s) DESC, word_similarity(%s, d.title) DESC, d.title LIMIT %s",
            [*permission_params, language, like, text, f"{escape_like(text)}%", text, limit - limit // 3],
        )
        tags = fetch(
            f"SELECT MIN(t.name), t.slug FROM {TAGS} t JOIN {DOCUMENTS} d ON d.id = t.document_id"
            f" WHERE {permission} AND d.language = %s AND (t.name ILIKE %s OR %s <%% t.name)"
            " GROUP BY t.slug ORDER BY MAX(word_similarity(%s, t.name)) DESC, t.slug LIMIT %s",
            [*permission_params, language, like, text, text, limit // 3],
        )
        return documents, tags

    def similar_words(self, word, languages):
        language_filter = f"AND language IN ({placeholders(languages)})" if languages else ""
        rows = fetch(
            f"SELECT word, MAX(similarity(word, %s)) AS score FROM {WORDS} WHERE word %% %s {language_filter}"
            " GROUP BY word ORDER BY score DESC, word LIMIT 5",
            [word, word, *languages],
        )
        return [row[0] for row in rows]
