"""What the PostgreSQL and SQLite backends share: the permission filter, facet filters and facet counts in SQL.

The permission filter is part of every statement (`permission_sql`), never applied to results afterwards. Facets
are counted with GROUP BY over the permitted, matching set in one statement: for kind, language and organisation
(several values combine with OR) the counts ignore that facet's own selection, so the reader sees what choosing
another value would give; tags combine with AND and are counted within the full selection.
"""

# ruff: noqa: S608 -- statements are assembled from constant fragments; every value is a bound parameter.

from django.db import connection

from accounts.models import Organisation
from search import conf, registry
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
from search.models import SearchDocument, SearchDocumentGroup, SearchDocumentTag, SearchWord, Visibility

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
    clauses, params = [f"{alias}.visibility = %s"], [Visibility.PUBLIC.value]
    if audience.member:
        clauses.append(f"{alias}.visibility = %s")
        params.append(Visibility.MEMBERS.value)
    if audience.group_ids:
        group_ids = sorted(audience.group_ids)
        clauses.append(
            f"({alias}.visibility = %s AND EXISTS (SELECT 1 FROM {GROUPS} g"
            f" WHERE g.document_id = {alias}.id AND g.group_id IN ({placeholders(group_ids)})))"
        )
        params += [Visibility.GROUPS.value, *group_ids]
    return "(" + " OR ".join(clauses) + ")", params


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
        tags, tag_params = tags_sql(query.tags, alias)
        filters, filter_params = facet_filter_sql(query, alias, skip=skip)
        return " AND ".join([*clauses, tags, filters]), [*params, *tag_params, *filter_params]

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
        rows = fetch(*self.page_sql(query, where, params, total))
        documents = SearchDocument.objects.in_bulk([row[0] for row in rows])
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

    def facet_counts(self, query: SearchQuery) -> tuple[int, dict[str, list[FacetValue]]]:
        # The permitted, matching, tag-filtered set once; each facet then groups it under the other facets' filters.
        base = SearchQuery(text=query.text, audience=query.audience, tags=query.tags)
        base_where, params = self.where(base)
        parts, part_params = [], []
        for facet, column, label in (
            ("total", "''", "''"),
            ("kind", "m.kind", "''"),
            ("language", "m.language", "''"),
            ("organisation", "o.slug", "o.name"),
            ("tag", "t.slug", "MIN(t.name)"),
        ):
            filters, filter_params = facet_filter_sql(query, "m", skip=facet)
            join = {
                "organisation": f"JOIN {ORGANISATIONS} o ON o.id = m.organisation_id",
                "tag": f"JOIN {TAGS} t ON t.document_id = m.id",
            }.get(facet, "")
            group = "" if facet == "total" else f"GROUP BY {column}" + (", o.name" if facet == "organisation" else "")
            statement = f"SELECT '{facet}' AS facet, {column} AS value, {label} AS label, COUNT(*) AS n FROM m {join}"
            statement += f" WHERE {filters} {group}"
            if facet == "tag":
                statement = f"SELECT * FROM ({statement} ORDER BY n DESC, value LIMIT {TAG_FACET_SIZE}) top_tags"
            parts.append(statement)
            part_params += filter_params
        sql = (
            f"WITH m AS MATERIALIZED (SELECT d.id, d.kind, d.language, d.organisation_id FROM {DOCUMENTS} d"
            f" WHERE {base_where}) " + " UNION ALL ".join(parts)
        )
        total, facets = 0, {"kind": [], "tag": [], "language": [], "organisation": []}
        for facet, value, label, count in fetch(sql, [*params, *part_params]):
            if facet == "total":
                total = count
            else:
                facets[facet].append(FacetValue(value=value, label=label or value, count=count))
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

    def known_words(self, words: list[str]) -> set[str]:
        return set(SearchWord.objects.filter(word__in=words).values_list("word", flat=True))

    def complete(self, text: str, audience: Audience, language: str, limit: int = 8) -> list[Completion]:
        documents, tags = self.completion_rows(text, audience, language, limit)
        options = [Completion(type="document", label=title, url=url) for title, url in documents]
        options += [Completion(type="tag", label=name, slug=slug) for name, slug in tags]
        return options

    def completion_rows(self, text, audience, language, limit):
        raise NotImplementedError
