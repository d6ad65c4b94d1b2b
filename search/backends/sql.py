"""What the PostgreSQL and SQLite backends share: the permission filter, facet filters and facet counts in SQL.

The permission filter is part of every statement (`permission_sql`), never applied to results afterwards. Facets
are counted with GROUP BY over the permitted, matching set in one statement: for kind, language and organisation
(several values combine with OR) the counts ignore that facet's own selection, so the reader sees what choosing
another value would give; tags combine with AND and are counted within the full selection.
"""

# ruff: noqa: S608 -- statements are assembled from constant fragments; every value is a bound parameter.

from django.db import connection

from accounts.models import Organisation
from search import conf, registry, vocabulary
from search.audience import Audience
from search.backends.base import (
    TAG_FACET_SIZE,
    Completion,
    FacetValue,
    Hit,
    SearchBackend,
    SearchQuery,
    SearchResponse,
)
from search.documents import highlight_html
from search.models import SearchDocument, SearchDocumentGroup, SearchDocumentTag, SearchWord

DOCUMENTS = SearchDocument._meta.db_table
TAGS = SearchDocumentTag._meta.db_table
GROUPS = SearchDocumentGroup._meta.db_table
WORDS = SearchWord._meta.db_table
ORGANISATIONS = Organisation._meta.db_table


def placeholders(values) -> str:
    return ", ".join(["%s"] * len(values))


def escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def permission_sql(audience: Audience, alias: str = "d") -> tuple[str, list]:
    return audience.sql(
        alias,
        lambda groups: (
            f"EXISTS (SELECT 1 FROM {GROUPS} g WHERE g.document_id = {alias}.id AND g.group_id IN ({groups}))"
        ),
    )


def tags_sql(tags, alias: str = "d") -> tuple[str, list]:
    """A document must carry every selected tag."""
    clauses = [f"EXISTS (SELECT 1 FROM {TAGS} t WHERE t.document_id = {alias}.id AND t.slug = %s)" for _ in tags]
    return " AND ".join(clauses) or "1 = 1", list(tags)


def facet_filter_sql(query: SearchQuery, alias: str, *, skip: str = "") -> tuple[str, list]:
    clauses, params = [], []
    if query.kinds and skip != "kind":
        clauses.append(f"{alias}.kind IN ({placeholders(query.kinds)})")
        params += query.kinds
    if query.languages and skip != "language":
        clauses.append(f"{alias}.language IN ({placeholders(query.languages)})")
        params += query.languages
    if query.organisations and skip != "organisation":
        clauses.append(
            f"{alias}.organisation_id IN (SELECT o.id FROM {ORGANISATIONS} o"
            f" WHERE o.slug IN ({placeholders(query.organisations)}))"
        )
        params += query.organisations
    return " AND ".join(clauses) or "1 = 1", params


def combine_facets(query: SearchQuery, combinations) -> tuple[int, dict[str, list[FacetValue]]]:
    """Facet counts from (kind, language, organisation slug, organisation name, count) rows. Kind, language and
    organisation values combine with OR within a facet and AND between facets; each facet is counted under the other
    facets' selections only, so the reader sees what choosing another value would give."""
    chosen = {"kind": set(query.kinds), "language": set(query.languages), "organisation": set(query.organisations)}

    def passes(values: dict, skip: str = "") -> bool:
        return all(not chosen[facet] or values[facet] in chosen[facet] for facet in chosen if facet != skip)

    total, counts, labels = 0, {facet: {} for facet in chosen}, {}
    for kind, language, organisation, organisation_name, count in combinations:
        values = {"kind": kind, "language": language, "organisation": organisation}
        total += count if passes(values) else 0
        labels[organisation] = organisation_name
        for facet, value in values.items():
            if value is not None and passes(values, skip=facet):
                counts[facet][value] = counts[facet].get(value, 0) + count
    facets = {
        facet: [FacetValue(value=value, label=value, count=count) for value, count in values.items()]
        for facet, values in counts.items()
    }
    for value in facets["organisation"]:
        value.label = labels[value.value] or value.value
    return total, facets


def fetch(sql: str, params) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


class SQLBackend(SearchBackend):
    """Subclasses say how text matches (`match_sql`) and how a page of hits is ranked (`page_sql`)."""

    def match_sql(self, text: str, query: SearchQuery | None = None) -> tuple[str, list] | None:
        """A condition on `d` for the text, or None when the text holds nothing searchable."""
        raise NotImplementedError

    def page_sql(self, query: SearchQuery, where: str, params: list, total: int) -> tuple[str, list]:
        """A statement selecting (id, marked snippet) of the requested page, best first (`total` matches)."""
        raise NotImplementedError

    def where(self, query: SearchQuery, *, skip: str = "", alias: str = "d") -> tuple[str, list]:
        permission, params = permission_sql(query.audience, alias)
        clauses = [permission]
        if query.text:
            match = self.match_sql(query.text, query)
            clauses.append(match[0] if match else "1 = 0")
            params += match[1] if match else []
        tags, tag_params = self.tags_sql(query.tags, alias)
        filters, filter_params = facet_filter_sql(query, alias, skip=skip)
        return " AND ".join([*clauses, tags, filters]), [*params, *tag_params, *filter_params]

    def tags_sql(self, tags, alias: str = "d") -> tuple[str, list]:
        return tags_sql(tags, alias)

    def search(self, query: SearchQuery) -> SearchResponse:
        if query.facets:
            total, facets = self.facet_counts(query)
        else:
            where, params = self.where(query)
            total, facets = fetch(f"SELECT COUNT(*) FROM {DOCUMENTS} d WHERE {where}", params)[0][0], {}
        hits = self.hits(query, total) if total and query.offset < total else []
        return SearchResponse(query=query, hits=hits, total=total, facets=facets)

    def hits(self, query: SearchQuery, total: int) -> list[Hit]:
        where, params = self.where(query)
        return self.hits_from_rows(fetch(*self.page_sql(query, where, params, total)))

    def hits_from_rows(self, rows) -> list[Hit]:
        """Hits from (document id, marked snippet or None) rows, in their order."""
        documents = SearchDocument.objects.defer("body", "tags_text").in_bulk([row[0] for row in rows])
        hits = []
        for pk, marked in rows:
            document = documents[pk]
            snippet = highlight_html(marked) if marked else document.summary
            hits.append(
                Hit(
                    title=document.title,
                    url=document.url,
                    kind=document.kind,
                    language=document.language,
                    summary=document.summary,
                    snippet=snippet,
                    tags=[tuple(tag) for tag in document.tags],
                    published_at=document.published_at,
                    updated_at=document.updated_at,
                )
            )
        return hits

    # What the facet scan keeps of each match besides kind, language and organisation (see `tag_facet_sql`).
    facet_columns = ""

    def tag_facet_sql(self) -> str:
        """(slug, name, count) of the most frequent tags among the chosen rows of `m`."""
        return (
            f"SELECT t.slug AS slug, MIN(t.name) AS name, COUNT(*) AS n FROM m JOIN {TAGS} t ON t.document_id = m.id"
            f" WHERE m.chosen GROUP BY t.slug ORDER BY n DESC, t.slug LIMIT {TAG_FACET_SIZE}"
        )

    def matches_sql(
        self, query: SearchQuery, first: tuple[str, list] | None = None, also: tuple[str, list] | None = None
    ) -> tuple[str, list]:
        """`WITH m AS (...)`: the permitted, matching, tag-filtered documents, each with `chosen` (whether it passes
        the kind, language and organisation choices too), what the facets read and, given `first`, that expression
        as column `first` for the chosen rows (a first-stage rank). `also` is one more condition on `d`."""
        base = SearchQuery(text=query.text, audience=query.audience, tags=query.tags)
        base_where, params = self.where(base)
        if also:
            base_where, params = f"{base_where} AND {also[0]}", [*params, *also[1]]
        chosen, chosen_params = facet_filter_sql(query, "d")
        columns, column_params = f"({chosen}) AS chosen{self.facet_columns}", list(chosen_params)
        if first:
            columns += f", CASE WHEN ({chosen}) THEN {first[0]} END AS first"
            column_params += [*chosen_params, *first[1]]
        sql = (
            f"WITH m AS MATERIALIZED (SELECT d.id, d.kind, d.language, d.organisation_id, d.updated_at, {columns}"
            f" FROM {DOCUMENTS} d WHERE {base_where})"
        )
        return sql, [*column_params, *params]

    def facet_rows_sql(self) -> str:
        """Rows (part, a, b, c, d, n) read from `m`: ("combination", kind, language, organisation slug and name,
        count) — a few hundred at most — and ("tag", slug, name, -, -, count) for the top tags."""
        return (
            # Grouped first, then joined: the organisation table meets a few hundred rows, not every match.
            "SELECT 'combination', c.kind, c.language, o.slug, o.name, c.n FROM (SELECT m.kind, m.language,"
            " m.organisation_id, COUNT(*) AS n FROM m GROUP BY m.kind, m.language, m.organisation_id) c"
            f" LEFT JOIN {ORGANISATIONS} o ON o.id = c.organisation_id"
            f" UNION ALL SELECT 'tag', top.slug, top.name, NULL, NULL, top.n"
            f" FROM ({self.tag_facet_sql()}) top"
        )

    def facet_counts(self, query: SearchQuery) -> tuple[int, dict[str, list[FacetValue]]]:
        """One pass over the matches: each facet summed from the combinations under the other facets' choices."""
        return self.facets_from_rows(query, self.facet_rows(query))

    def facet_rows(self, query: SearchQuery, also: tuple[str, list] | None = None) -> list[tuple]:
        """The rows of `facet_rows_sql` for the matches (`also`: see `matches_sql`)."""
        matches, params = self.matches_sql(query, also=also)
        return fetch(f"{matches} {self.facet_rows_sql()}", params)

    def facets_from_rows(self, query: SearchQuery, rows) -> tuple[int, dict[str, list[FacetValue]]]:
        combinations, tags = [], []
        for part, a, b, c, d, count in rows:
            if part == "tag":
                tags.append(FacetValue(value=a, label=b or a, count=count))
            elif part == "combination":
                combinations.append((a, b, c, d, count))
        total, facets = combine_facets(query, combinations)
        facets["tag"] = sorted(tags, key=lambda value: (-value.count, value.value))
        # A selected tag outside the most frequent ones still shows (checked), so it can be unchecked.
        listed = {value.value for value in facets["tag"]}
        facets["tag"] += [FacetValue(value=slug, label=slug, count=total) for slug in query.tags if slug not in listed]
        return total, self._label_facets(query, facets)

    def _label_facets(self, query: SearchQuery, facets: dict[str, list[FacetValue]]) -> dict[str, list[FacetValue]]:
        selected = {"kind": query.kinds, "tag": query.tags, "language": query.languages}
        selected["organisation"] = query.organisations
        for facet, values in facets.items():
            for value in values:
                value.selected = value.value in selected[facet]
                if facet == "kind":
                    value.label = str(registry.kind_label(value.value, plural=True))
                elif facet == "language":
                    value.label = conf.language_name(value.value)
            if facet != "tag":
                values.sort(key=lambda v: (-v.count, v.label.lower()))
        return facets

    def count(self, text: str, audience: Audience) -> int:
        where, params = self.where(SearchQuery(text=text, audience=audience))
        return fetch(f"SELECT COUNT(*) FROM (SELECT 1 FROM {DOCUMENTS} d WHERE {where} LIMIT 1000) found", params)[0][0]

    def known_words(self, words: list[str], audience: Audience) -> set[str]:
        if not words:
            return set()
        permission, params = vocabulary.permission_sql(audience)
        rows = fetch(
            f"SELECT DISTINCT w.word FROM {WORDS} w WHERE w.word IN ({placeholders(words)}) AND {permission}",
            [*words, *params],
        )
        return {row[0] for row in rows}

    def complete(self, text: str, audience: Audience, language: str, limit: int = 8) -> list[Completion]:
        documents, tags = self.completion_rows(text, audience, language, limit)
        options = [Completion(type="document", label=title, url=url) for title, url in documents]
        options += [Completion(type="tag", label=name, slug=slug) for name, slug in tags]
        return options

    def completion_rows(self, text, audience, language, limit):
        raise NotImplementedError
