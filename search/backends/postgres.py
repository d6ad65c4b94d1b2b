"""PostgreSQL full-text search over the document table.

Each row's `search_vector` (a generated column, migration 0002) is built with the row's own language
configuration and weighted A title, B tags and summary, C body. A query is parsed with websearch_to_tsquery (it
never raises on syntax) for every configured language and the variants are OR-ed, so "bemiddelingen" finds Dutch
"bemiddeling" and "mæglingen" Danish "mægling" through one GIN index scan. One statement scans the matches once
for facets and the page. Ranking: ts_rank on title, tags and summary, the best rescored with ts_rank_cd over the
whole text; snippets: ts_headline in the document's language; typo tolerance: pg_trgm on titles, tags and the
vocabulary.
"""

# ruff: noqa: S608 -- statements are assembled from constant fragments; every value is a bound parameter.

from django.db import connection, transaction

from search import conf
from search.backends.base import SORT_DATE, TAG_FACET_SIZE, SearchResponse
from search.backends.sql import DOCUMENTS, TAGS, WORDS, SQLBackend, escape_like, fetch, permission_sql, placeholders
from search.documents import MARK_END, MARK_START

# Not fragment mode (MaxFragments): it returns only the few words around a match in short texts.
HEADLINE_OPTIONS = f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=35, MinWords=15, ShortWord=3"
SNIPPET_SOURCE_CHARS = 20_000  # ts_headline reads the text again; the start of a long body is plenty for a snippet
# Ranking in two stages, like Elasticsearch's rescore: every match is ordered by ts_rank on the small inline vector
# of title, tags and summary; the best RESCORE_WINDOW of those are then ordered by ts_rank_cd over the whole text.
# ts_rank_cd on the full vector means a detoast and a walk over every lexeme position per row: fine for a hundred
# rows, far too slow for thousands. Pages beyond the window keep the first-stage order, so paging never repeats or
# skips a hit.
RESCORE_WINDOW = 100


def newest(alias: str) -> str:
    return f"{alias}.updated_at DESC NULLS LAST, {alias}.id DESC"


def tsquery_sql(text: str, languages) -> tuple[str, list]:
    """One tsquery: the text parsed by each language's configuration, OR-ed."""
    configs = sorted({conf.text_search_config(language) for language in languages})
    sql = " || ".join(f"websearch_to_tsquery('{config}'::regconfig, %s)" for config in configs)
    return f"({sql})", [text] * len(configs)


# The hits' rows in the shape of the facet rows (see SQLBackend.facet_rows_sql), so one statement returns both.
PAGE_ROWS = "SELECT 'hit', page.id::text, page.snippet, NULL, NULL, page.position FROM page"


class PostgresBackend(SQLBackend):
    name = "postgresql"

    def tsquery(self, text: str) -> tuple[str, list]:
        # Every configured language, whatever the language filter: matching and facet counts then agree on what
        # matches, and the language facet can show the other languages' counts.
        return tsquery_sql(text, conf.languages())

    # Tag slugs kept inline on the row (migration 0006), so the facet scan counts tags without a join.
    facet_columns = ", d.tag_slugs"

    def tag_facet_sql(self):
        name = f"(SELECT t.name FROM {TAGS} t WHERE t.slug = u.slug ORDER BY t.document_id LIMIT 1)"
        return (
            f"SELECT u.slug, {name} AS name, u.n FROM (SELECT slug, COUNT(*) AS n"
            " FROM (SELECT unnest(m.tag_slugs) AS slug FROM m WHERE m.chosen) s"
            f" GROUP BY slug ORDER BY n DESC, slug LIMIT {TAG_FACET_SIZE}) u"
        )

    def match_sql(self, text, query=None):
        tsquery, params = self.tsquery(text)
        return f"d.search_vector @@ {tsquery}", params

    def search(self, query):
        """Facets and the page of hits from one scan of the matches (the CTE `m` of `matches_sql`)."""
        ranked = bool(query.text) and query.sort != SORT_DATE
        tsquery, tsquery_params = self.tsquery(query.text) if query.text else ("NULL", [])
        first = (f"ts_rank(d.search_head, {tsquery}, 32)", tsquery_params) if ranked else ("NULL::real", [])
        matches, params = self.matches_sql(query, first=first)
        page, page_params = self.page_ctes(query, ranked, tsquery, tsquery_params)
        # A common word matches most rows and the planner then prefers a sequential scan, which reads every row's
        # out-of-line vector; the GIN bitmap answers the same without touching the vectors.
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            rows = fetch(f"{matches}, {page} {self.facet_rows_sql()} UNION ALL {PAGE_ROWS}", [*params, *page_params])
        total, facets = self.facets_from_rows(query, rows)
        page_rows = sorted((row for row in rows if row[0] == "hit"), key=lambda row: row[5])
        hits = self.hits_from_rows([(int(row[1]), row[2]) for row in page_rows])
        return SearchResponse(query=query, hits=hits, total=total, facets=facets)

    def page_ctes(self, query, ranked, tsquery, tsquery_params):
        """CTEs `candidates`, `ranked` and `page` over `m`: the requested page of chosen matches, best (or newest)
        first.

        Ranked in two stages (see RESCORE_WINDOW); normalisation 32 maps both ranks into [0, 1), so a rescored hit
        (2 + its rank) always sorts above the first-stage rest (its rank)."""
        window = RESCORE_WINDOW if ranked else 0
        needed = query.offset + query.per_page
        # Only a ranked page reads the full vectors of the rescoring window.
        rank, rescored = "c.first", ""
        if ranked:
            rank = f"CASE WHEN c.position <= %s THEN 2 + ts_rank_cd(doc.search_vector, {tsquery}, 32) ELSE c.first END"
            rescored = f" JOIN {DOCUMENTS} doc ON doc.id = c.id"
        snippet = "NULL"
        if query.text:
            snippet = (
                "ts_headline(search_ts_config(doc.language), CASE WHEN doc.body <> '' THEN "
                f"left(doc.body, {SNIPPET_SOURCE_CHARS}) ELSE doc.summary END, {tsquery}, %s)"
            )
        sql = (
            # Numbered after the LIMIT: a top-N sort of the matches, not a full one.
            "candidates AS (SELECT t.*, row_number() OVER (ORDER BY t.first DESC NULLS LAST, "
            f"{newest('t')}) AS position FROM (SELECT m.id, m.updated_at, m.first FROM m WHERE m.chosen"
            f" ORDER BY m.first DESC NULLS LAST, {newest('m')} LIMIT %s) t),"
            f" ranked AS (SELECT c.id, c.updated_at, {rank} AS rank FROM candidates c{rescored}),"
            f" page AS (SELECT r.id, {snippet} AS snippet, row_number() OVER (ORDER BY r.rank DESC NULLS LAST,"
            f" {newest('r')}) AS position FROM (SELECT * FROM ranked ORDER BY rank DESC NULLS LAST, {newest('ranked')}"
            f" LIMIT %s OFFSET %s) r JOIN {DOCUMENTS} doc ON doc.id = r.id)"
        )
        params = [max(window, needed)]
        if ranked:
            params += [window, *tsquery_params]
        if query.text:
            params += [*tsquery_params, HEADLINE_OPTIONS]
        return sql, [*params, query.per_page, query.offset]

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
