"""PostgreSQL full-text search over the document table.

Each row's `search_vector` (a generated column, migrations 0002 and 0007) is built with the row's own language
configuration and weighted A title, B tags and summary, C body. A query is parsed with websearch_to_tsquery (it
never raises on syntax) for every configured language and the variants are OR-ed, so "bemiddelingen" finds Dutch
"bemiddeling" and "mæglingen" Danish "mægling" through one GIN index scan. Filters (tags, kind, language,
organisation) are lexemes in the same vector (migration 0007), so the index narrows the matches before any row is
read. One statement scans the matches once for facets and the page; a query with more matches than can be counted
in time has its counts estimated from a fixed sample instead (see `search`). Ranking: ts_rank on title, tags and
summary, the best rescored with ts_rank_cd over the whole text; snippets: ts_headline in the document's language (of
the summary when only it holds the words); typo tolerance: pg_trgm on titles, tags and the vocabulary.
"""

# ruff: noqa: S608 -- statements are assembled from constant fragments; every value is a bound parameter.

from django.db import connection, transaction

from accounts.models import Organisation
from search import conf, vocabulary
from search.backends.base import SORT_DATE, TAG_FACET_SIZE, SearchResponse
from search.backends.sql import (
    DOCUMENTS,
    TAGS,
    WORDS,
    SQLBackend,
    escape_like,
    facet_filter_sql,
    fetch,
    permission_sql,
    placeholders,
)
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
# A search too broad to rank every match ranks its title matches, and adds the sample only when there are fewer than
# this many: below the title matches a page holds the best of the sample (see PostgresBackend.broad_hits).
ENOUGH_TITLE_MATCHES = 1000


def newest(alias: str) -> str:
    return f"{alias}.updated_at DESC NULLS LAST, {alias}.id DESC"


def tsquery_sql(text: str, languages) -> tuple[str, list]:
    """One tsquery: the text parsed by each language's configuration, OR-ed."""
    configs = sorted({conf.text_search_config(language) for language in languages})
    sql = " || ".join(f"websearch_to_tsquery('{config}'::regconfig, %s)" for config in configs)
    return f"({sql})", [text] * len(configs)


# Lexemes of migration 0007's search_filter_lexemes: no typed query produces them, as each holds a space.
SAMPLE = "sample 0"  # one of SAMPLE_RATE buckets (the document id modulo SAMPLE_RATE)
SAMPLE_RATE = 32
TAG, KIND, LANGUAGE, ORGANISATION = "tag ", "kind ", "language ", "organisation "


def lexeme_query(groups: list[list[str]]) -> str:
    """tsquery text matching documents with, for each group, at least one of its lexemes."""

    def quoted(lexeme: str) -> str:
        return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"

    return " & ".join("(" + " | ".join(quoted(lexeme) for lexeme in group) + ")" for group in groups)


def lexeme_condition(groups: list[list[str]], alias: str = "d") -> tuple[str, list]:
    """A condition on `alias` for `lexeme_query(groups)`, answered by the GIN index."""
    if not groups:
        return "1 = 1", []
    return f"{alias}.search_vector @@ %s::tsquery", [lexeme_query(groups)]


def tag_lexemes(tags) -> list[list[str]]:
    """Every tag required (AND), each its own group."""
    return [[TAG + tag] for tag in tags]


def scaled(sample_count: int) -> int:
    """A count in the sample as an estimate for all matches, to two significant digits."""
    estimate = sample_count * SAMPLE_RATE
    return round(estimate, 2 - len(str(estimate))) if estimate >= 100 else estimate


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

    def tags_sql(self, tags, alias="d"):
        # Through the GIN index (tag lexemes, migration 0007): no row is read for a document without the tags.
        return lexeme_condition(tag_lexemes(tags), alias)

    def search(self, query):
        """Exact counts, facets and ranking from one scan of the matches, unless a query matches more documents
        than can be counted in time: then counts are estimated from a fixed sample of the matches, the way
        Elasticsearch stops counting at track_total_hits.

        One in 32 documents carries the lexeme "sample 0" (migration 0007), so `vector @@ (query & 'sample 0')`
        reads a thirty-second of the matches through the same GIN index. Above `conf.exact_count_limit()` matches:
        - kind, language and organisation counts are the sample's, times 32, to two significant digits;
        - when the reader's choices leave few enough, total, tag counts and hits are exact over those;
        - otherwise total and tags are estimated too, and the hits are ranked among the title matches (plus the
          sample when few titles match) by relevance, or read newest first from an index by date."""
        # A common word matches most rows and the planner then prefers a sequential scan, which reads every row's
        # out-of-line vector; the GIN bitmap answers the same without touching the vectors. Parallel workers cost
        # more to start than they save on scans of a few thousand rows (measured: 23 ms against 14 ms).
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off; SET LOCAL max_parallel_workers_per_gather = 0")
            return self.search_planned(query)

    def search_planned(self, query):
        ranked = bool(query.text) and query.sort != SORT_DATE
        tsquery, tsquery_params = self.tsquery(query.text) if query.text else ("NULL", [])
        limit = conf.exact_count_limit()
        sample_rows = self.facet_rows(query, also=lexeme_condition([[SAMPLE]]))
        if scaled(sum(row[5] for row in sample_rows if row[0] == "combination")) <= limit:
            return self.counted(query, ranked, tsquery, tsquery_params)
        estimated_total, facets = self.facets_from_rows(query, sample_rows)
        for facet in facets.values():
            for value in facet:
                value.count = scaled(value.count)
        estimated_total = scaled(estimated_total)
        if estimated_total <= limit:
            chosen = lexeme_condition(self.chosen_lexemes(query))
            counted = self.counted(query, ranked, tsquery, tsquery_params, also=chosen)
            counted.facets = {**facets, "tag": counted.facets["tag"]}
            counted.estimated = frozenset({"kind", "language", "organisation"})
            return counted
        hits, reachable = self.broad_hits(query, ranked, tsquery, tsquery_params)
        estimated = frozenset({"total", *facets})
        return SearchResponse(query, hits, estimated_total, facets, estimated=estimated, reachable=reachable)

    def counted(self, query, ranked, tsquery, tsquery_params, also=None) -> SearchResponse:
        """Exact facets and the page of hits from one scan of the matches (the CTE `m` of `matches_sql`)."""
        first = (f"ts_rank(d.search_head, {tsquery}, 32)", tsquery_params) if ranked else ("NULL::real", [])
        matches, params = self.matches_sql(query, first=first, also=also)
        page, page_params = self.page_ctes(query, ranked, tsquery, tsquery_params)
        rows = fetch(f"{matches}, {page} {self.facet_rows_sql()} UNION ALL {PAGE_ROWS}", [*params, *page_params])
        total, facets = self.facets_from_rows(query, rows)
        return SearchResponse(query=query, hits=self.hits_from_page_rows(rows), total=total, facets=facets)

    def hits_from_page_rows(self, rows):
        page_rows = sorted((row for row in rows if row[0] == "hit"), key=lambda row: row[5])
        return self.hits_from_rows([(int(row[1]), row[2]) for row in page_rows])

    def broad_hits(self, query, ranked, tsquery, tsquery_params):
        """The page of a query too broad to rank every match, and how many hits paging can reach.

        By relevance: candidates are the chosen matches whose title matches (the title's own GIN index, migration
        0007) and, when those are fewer than ENOUGH_TITLE_MATCHES, the chosen matches in the sample; a title match
        outranks a match elsewhere, so the best hits are among them. By date: the chosen matches newest first,
        walking the newest-first index until the page is full."""
        permission, params = permission_sql(query.audience)
        lexemes = [*tag_lexemes(query.tags), *self.chosen_lexemes(query)]
        if ranked:
            # The title index knows no filter lexemes: title matches are filtered on the row's own columns.
            chosen, chosen_params = facet_filter_sql(query, "d")
            filtered = f"{permission} AND {chosen} AND d.tag_slugs @> %s::text[]"
            filtered_params = [*params, *chosen_params, list(query.tags)]
            title = f"to_tsvector(search_ts_config(d.language), d.title) @@ {tsquery}"
            candidate = f"SELECT d.id, d.updated_at, true AS chosen, ts_rank(d.search_head, {tsquery}, 32) AS first"
            # The sample is read only when the title matches are few (a one-time filter: otherwise not scanned).
            matches = (
                f"WITH t AS MATERIALIZED ({candidate} FROM {DOCUMENTS} d WHERE {filtered} AND {title}),"
                f" m AS MATERIALIZED (SELECT * FROM t UNION {candidate} FROM {DOCUMENTS} d WHERE"
                f" (SELECT COUNT(*) FROM t) < %s AND {filtered} AND d.search_vector @@ ({tsquery} && %s::tsquery))"
            )
            sample = lexeme_query([[SAMPLE], *lexemes])
            params = [*tsquery_params, *filtered_params, *tsquery_params]
            params += [*tsquery_params, ENOUGH_TITLE_MATCHES, *filtered_params, *tsquery_params, sample]
        else:
            filters = lexeme_condition(lexemes)
            match = f"{filters[0]} AND d.search_vector @@ {tsquery}" if query.text else filters[0]
            params += [*filters[1], *tsquery_params]
            matches = (
                f"WITH m AS MATERIALIZED (SELECT d.id, d.updated_at, true AS chosen, NULL::real AS first"
                f" FROM {DOCUMENTS} d WHERE {permission} AND {match} ORDER BY {newest('d')} LIMIT %s)"
            )
            params.append(query.offset + query.per_page)
        page, page_params = self.page_ctes(query, ranked, tsquery, tsquery_params)
        rows = fetch(
            f"{matches}, {page} {PAGE_ROWS} UNION ALL SELECT 'reachable', NULL, NULL, NULL, NULL, COUNT(*) FROM m",
            [*params, *page_params],
        )
        reachable = next(row[5] for row in rows if row[0] == "reachable") if ranked else None
        return self.hits_from_page_rows(rows), reachable

    def chosen_lexemes(self, query) -> list[list[str]]:
        """The kind, language and organisation choices as lexeme alternatives (OR within, AND between)."""
        groups = []
        if query.kinds:
            groups.append([KIND + kind for kind in query.kinds])
        if query.languages:
            groups.append([LANGUAGE + language for language in query.languages])
        if query.organisations:
            ids = Organisation.objects.filter(slug__in=query.organisations).values_list("id", flat=True)
            groups.append([ORGANISATION + str(pk) for pk in ids] or [ORGANISATION + "none"])
        return groups

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
            # The headline comes from the body, unless only the summary holds the words (then it would mark none).
            body = f"left(doc.body, {SNIPPET_SOURCE_CHARS})"
            source = (
                f"CASE WHEN doc.summary <> '' AND to_tsvector(search_ts_config(doc.language), doc.summary) @@ {tsquery}"
                f" AND NOT to_tsvector(search_ts_config(doc.language), {body}) @@ {tsquery} THEN doc.summary"
                f" WHEN doc.body <> '' THEN {body} ELSE doc.summary END"
            )
            snippet = f"ts_headline(search_ts_config(doc.language), {source}, {tsquery}, %s)"
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
            params += [*tsquery_params, *tsquery_params, *tsquery_params, HEADLINE_OPTIONS]
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

    def similar_words(self, word, languages, audience):
        language_filter = f"AND w.language IN ({placeholders(languages)})" if languages else ""
        permission, permission_params = vocabulary.permission_sql(audience)
        rows = fetch(
            f"SELECT w.word, MAX(similarity(w.word, %s)) AS score FROM {WORDS} w WHERE w.word %% %s {language_filter}"
            f" AND {permission} GROUP BY w.word ORDER BY score DESC, w.word LIMIT 5",
            [word, word, *languages, *permission_params],
        )
        return [row[0] for row in rows]
