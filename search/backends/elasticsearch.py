"""Elasticsearch (8/9, through elasticsearch.dsl): one index per language behind a read and a write alias.

Each index analyses text with its language's analyzer (the index default), so a query across all read aliases is
analysed per language too. A reindex builds new indices and swaps the aliases atomically (no downtime). The
database rows (search.models.SearchDocument) remain the source: Elasticsearch is filled from them, and when the
cluster is unreachable reads are answered by the database backend (with a notice) and writes wait in
PendingIndexOperation until `retry_pending` gets them through.
"""

import logging
import re
from collections import Counter
from datetime import UTC, datetime, timedelta
from functools import cache

from django.contrib.contenttypes.models import ContentType
from django.db.models import F, Min
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django_tasks import default_task_backend, task
from elastic_transport import TransportError
from elasticsearch import ApiError, Elasticsearch
from elasticsearch.dsl import Completion as CompletionField
from elasticsearch.dsl import Date, Document, Index, Integer, Keyword, Q, Search, Text
from elasticsearch.helpers import BulkIndexError, streaming_bulk

from accounts.models import Organisation
from search import conf, registry
from search.audience import Audience
from search.backends.base import (
    SORT_DATE,
    TAG_FACET_SIZE,
    Completion,
    FacetValue,
    Hit,
    SearchBackend,
    SearchQuery,
    SearchResponse,
)
from search.documents import MARK_END, MARK_START, highlight_html
from search.metrics import SEARCH_FALLBACKS
from search.models import PendingIndexOperation, SearchDocument, SearchDocumentTag, Visibility

logger = logging.getLogger(__name__)
ERRORS = (ApiError, TransportError, BulkIndexError)
LANGUAGE_ANALYZERS = {"dutch": "dutch", "danish": "danish", "english": "english", "simple": "standard"}
FACET_FIELDS = {"kind": "kind", "language": "language", "organisation": "organisation"}
RETRY_DELAY = timedelta(minutes=1)
# Boosts as PostgreSQL weighs its vector (A title, B tags and summary, C body).
TEXT_FIELDS = ["title^3", "tag_names^2", "summary^2", "body"]
_PHRASE = re.compile(r'"([^"]*)"')
_WORD = re.compile(r"\w")


class SearchEntry(Document):
    """One search document in Elasticsearch; the id is SearchDocument.source_key."""

    kind = Keyword()
    language = Keyword()
    title = Text(fields={"raw": Keyword()})
    summary = Text()
    body = Text()
    tags = Keyword()  # slugs
    tag_names = Text()
    organisation = Keyword()  # slug
    visibility = Keyword()
    group_ids = Integer()
    url = Keyword(index=False)
    # Stored with their offset; a value without one (never written by to_entry) is read as UTC, not naive.
    published_at = Date(default_timezone="UTC")
    updated_at = Date(default_timezone="UTC")
    # Who may see a completion is a context; the suggester filters on it like the bool filter does for search.
    title_suggest = CompletionField(contexts=[{"name": "access", "type": "category"}])
    tag_suggest = CompletionField(contexts=[{"name": "access", "type": "category"}])

    @classmethod
    def _matches(cls, hit) -> bool:
        # Every index the backend reads holds only these documents. Without this, elasticsearch.dsl binds a hit to
        # the class only when its index matches the class's own index name, which this class does not have (one
        # index per language, renamed on every rebuild): hits would stay plain Hits, dates strings.
        return True


def read_alias(language: str) -> str:
    return f"{conf.elasticsearch_index_prefix()}-{language}"


def write_alias(language: str) -> str:
    return f"{conf.elasticsearch_index_prefix()}-{language}-write"


def new_index_name(language: str) -> str:
    return f"{read_alias(language)}-{timezone.now():%Y%m%d%H%M%S%f}"


def language_index(language: str, name: str) -> Index:
    """The index of one language: its analyzer is the default for every text field."""
    analyzer = LANGUAGE_ANALYZERS[conf.text_search_config(language)]
    index = Index(name)
    index.settings(number_of_shards=1, analysis={"analyzer": {"default": {"type": analyzer}}})
    # The mapping only: Index.document() would also make this index the class's default index, for the whole
    # process, after the first rebuild.
    index.mapping(SearchEntry._doc_type.mapping)
    return index


def alias_actions(new_index: str, old_indices: list[str], alias: str) -> list[dict]:
    """Move `alias` to the new index in one atomic step."""
    actions = [{"remove": {"index": old, "alias": alias}} for old in old_indices]
    return [*actions, {"add": {"index": new_index, "alias": alias}}]


def access_values(audience: Audience) -> list[str]:
    values = ["public"]
    if audience.member:
        values.append("members")
    return values + [f"group:{group_id}" for group_id in sorted(audience.group_ids)]


def document_access(document: SearchDocument, group_ids: list[int]) -> list[str]:
    if document.visibility == Visibility.GROUPS:
        return [f"group:{group_id}" for group_id in sorted(group_ids)]
    return [document.visibility]


def permission_filter(audience: Audience) -> Q:
    should = [Q("term", visibility=Visibility.PUBLIC.value)]
    if audience.member:
        should.append(Q("term", visibility=Visibility.MEMBERS.value))
    if audience.group_ids:
        should.append(
            Q(
                "bool",
                filter=[
                    Q("term", visibility=Visibility.GROUPS.value),
                    Q("terms", group_ids=sorted(audience.group_ids)),
                ],
            )
        )
    return Q("bool", should=should, minimum_should_match=1)


def facet_filters(query: SearchQuery, *, skip: str = "") -> list[Q]:
    selected = {"kind": query.kinds, "language": query.languages, "organisation": query.organisations}
    return [
        Q("terms", **{FACET_FIELDS[facet]: list(values)})
        for facet, values in selected.items()
        if values and facet != skip
    ]


def text_clauses(text: str) -> list[Q]:
    """Every word required, each in any of the fields, as PostgreSQL and SQLite match; a quoted phrase whole.

    combined_fields, not multi_match: best_fields with operator "and" wants every word in ONE field, so "klacht
    bemiddeling" missed a page titled "Bemiddeling" whose body speaks of a "klacht". combined_fields looks for each
    term in any of the fields and scores them as one field (BM25F; a title word counts three times). It needs one
    search analyzer over the fields, which each index has: its language's analyzer is the default of every field.
    """
    clauses = [
        Q("multi_match", type="phrase", query=phrase, fields=TEXT_FIELDS)
        for phrase in _PHRASE.findall(text)
        if _WORD.search(phrase)
    ]
    words = _PHRASE.sub(" ", text)
    if _WORD.search(words):
        clauses.insert(0, Q("combined_fields", query=words.strip(), fields=TEXT_FIELDS, operator="and"))
    # Nothing searchable (only punctuation) matches nothing, as on PostgreSQL, rather than everything.
    return clauses or [Q("match_none")]


def build_search(query: SearchQuery, client=None) -> Search:
    # Bound to SearchEntry: elasticsearch.dsl then reads each hit's source through the mapping (dates as datetimes,
    # absent fields as None).
    indices = [read_alias(language) for language in conf.languages()]
    search = Search(using=client, index=indices, doc_type=[SearchEntry])
    must = text_clauses(query.text) if query.text else [Q("match_all")]
    filters = [permission_filter(query.audience), *(Q("term", tags=slug) for slug in query.tags)]
    search = search.query(Q("bool", must=must, filter=filters))
    # Facet selections filter the hits after aggregating, so each facet can count its other values.
    selections = facet_filters(query)
    if selections:
        search = search.post_filter(Q("bool", filter=selections))
    if query.facets:
        for facet, field in FACET_FIELDS.items():
            others = facet_filters(query, skip=facet)
            search.aggs.bucket(facet, "filter", filter=Q("bool", filter=others)).bucket(
                "values", "terms", field=field, size=50
            )
        search.aggs.bucket("tag", "filter", filter=Q("bool", filter=selections)).bucket(
            "values", "terms", field="tags", size=TAG_FACET_SIZE
        )
    if query.text:
        search = search.highlight("body", "summary", fragment_size=160, number_of_fragments=2)
        search = search.highlight_options(pre_tags=[MARK_START], post_tags=[MARK_END], encoder="default")
    date_order = {"updated_at": {"order": "desc", "missing": "_last"}}
    search = search.sort(date_order) if query.sort == SORT_DATE or not query.text else search.sort("_score", date_order)
    search = search.extra(track_total_hits=True)
    return search[query.offset : query.offset + query.per_page]


def build_completion(text: str, audience: Audience, language: str, limit: int, client=None) -> Search:
    search = Search(using=client, index=read_alias(language)).source(["title", "url", "tags", "tag_names"])
    contexts = {"access": access_values(audience)}
    for name, field, size in (("titles", "title_suggest", limit - limit // 3), ("tags", "tag_suggest", limit // 3)):
        search = search.suggest(
            name,
            text,
            completion={
                "field": field,
                "size": size,
                "skip_duplicates": True,
                "fuzzy": {"fuzziness": "AUTO"},
                "contexts": contexts,
            },
        )
    return search


def to_entry(document: SearchDocument, group_ids: list[int]) -> SearchEntry:
    access = document_access(document, group_ids)
    tag_names = [name for _slug, name in document.tags]
    return SearchEntry(
        meta={"id": document.source_key},
        kind=document.kind,
        language=document.language,
        title=document.title,
        summary=document.summary,
        body=document.body,
        tags=[slug for slug, _name in document.tags],
        tag_names=tag_names,
        organisation=document.organisation.slug if document.organisation_id else None,
        visibility=document.visibility,
        group_ids=group_ids,
        url=document.url,
        published_at=document.published_at,
        updated_at=document.updated_at,
        title_suggest={"input": [document.title], "contexts": {"access": access}} if document.title else None,
        tag_suggest={"input": tag_names, "contexts": {"access": access}} if tag_names else None,
    )


@cache
def _client(url: str, timeout: float) -> Elasticsearch:
    return Elasticsearch(url, request_timeout=timeout, max_retries=0, retry_on_timeout=False)


def client() -> Elasticsearch:
    return _client(conf.elasticsearch_url(), conf.elasticsearch_timeout())


# Writing -------------------------------------------------------------------------------------------------------


def _index_actions(document: SearchDocument) -> list[dict]:
    group_ids = list(document.group_rows.values_list("group_id", flat=True))
    entry = to_entry(document, group_ids).to_dict(include_meta=True)
    entry["_index"] = write_alias(document.language)
    # A document lives in its language's index only; drop it from the others (a no-op unless its language changed).
    return [entry, *_delete_actions(document.source_key, skip=document.language)]


def _delete_actions(source_key: str, skip: str = "") -> list[dict]:
    return [
        {"_op_type": "delete", "_index": write_alias(language), "_id": source_key}
        for language in conf.languages()
        if language != skip
    ]


def _send(actions: list[dict]) -> None:
    """Write through the aliases; raise BulkIndexError for any write that failed, so it is queued.

    require_alias: a missing write alias must fail the write, not auto-create a concrete index of that name with a
    guessed mapping (which would also block the alias for good). A 404 is expected only for deletes (the document,
    or its language's index, is not there): it is ignored for those alone.
    """
    failed = [
        item
        for ok, item in streaming_bulk(client(), actions, raise_on_error=False, refresh="wait_for", require_alias=True)
        if not ok and not _already_gone(item)
    ]
    if failed:
        raise BulkIndexError(f"{len(failed)} document(s) failed to index.", failed)


def _already_gone(item: dict) -> bool:
    return "delete" in item and item["delete"].get("status") == 404


def _queue(operations: list[tuple[str, str, str]], error: Exception) -> None:
    """Remember failed writes (source key, action, language); the newest action per document wins."""
    logger.warning("Elasticsearch unreachable, %d index writes queued: %s", len(operations), error)
    for source_key, action, language in operations:
        pending, created = PendingIndexOperation.objects.get_or_create(
            source_key=source_key, defaults={"action": action, "language": language, "last_error": str(error)[:2000]}
        )
        if not created:
            pending.action, pending.language, pending.last_error = action, language, str(error)[:2000]
            pending.attempts += 1
            pending.save()
    _schedule_retry()


def _schedule_retry() -> None:
    # Only a queue that can wait helps; the immediate backend would just fail again at once.
    if default_task_backend.supports_defer:
        retry_pending_index_operations.using(run_after=timezone.now() + RETRY_DELAY).enqueue()


def mirror_index(documents: list[SearchDocument]) -> None:
    operations = [
        (document.source_key, PendingIndexOperation.Action.INDEX, document.language) for document in documents
    ]
    try:
        _send([action for document in documents for action in _index_actions(document)])
    except ERRORS as error:
        _queue(operations, error)
        return
    retry_pending()


def mirror_delete(keys: list[tuple[str, str]]) -> None:
    try:
        _send([action for key, _language in keys for action in _delete_actions(key)])
    except ERRORS as error:
        _queue([(key, PendingIndexOperation.Action.DELETE, language) for key, language in keys], error)
        return
    retry_pending()


def _document_for_key(source_key: str) -> SearchDocument | None:
    natural_key, _colon, pk = source_key.rpartition(":")
    app_label, _dot, model = natural_key.partition(".")
    content_type = ContentType.objects.filter(app_label=app_label, model=model).first()
    if content_type is None or not pk.isdigit():
        return None
    return SearchDocument.objects.filter(source_type=content_type, source_id=int(pk)).first()


@task()
def retry_pending_index_operations() -> None:
    """Replay Elasticsearch writes that failed while the cluster was unreachable."""
    retry_pending()


def retry_pending() -> int:
    """Replay queued writes from the current database rows; returns how many went through."""
    pending = list(PendingIndexOperation.objects.order_by("pk")[:500])
    if not pending:
        return 0
    actions = []
    for operation in pending:
        document = _document_for_key(operation.source_key)
        actions += _index_actions(document) if document is not None else _delete_actions(operation.source_key)
    try:
        _send(actions)
    except ERRORS as error:
        PendingIndexOperation.objects.filter(pk__in=[p.pk for p in pending]).update(
            attempts=F("attempts") + 1, last_error=str(error)[:2000]
        )
        _schedule_retry()
        return 0
    PendingIndexOperation.objects.filter(pk__in=[p.pk for p in pending]).delete()
    return len(pending)


def rebuild(progress=lambda iterable, total, what: iterable) -> Counter:
    """Fill fresh indices from the database rows and swap the aliases to them: readers never see a gap.

    The write alias moves first, so changes made during the rebuild land in the new index; the read alias follows
    once the new index is complete; the old indices are deleted last.
    """
    es = client()
    started = timezone.now()
    written = Counter()
    languages = set(SearchDocument.objects.values_list("language", flat=True).distinct())
    for language in sorted(languages | set(conf.languages())):
        name = new_index_name(language)
        language_index(language, name).create(using=es)
        _move_alias(es, write_alias(language), name)
        documents = SearchDocument.objects.filter(language=language).select_related("organisation")
        actions = (
            {**_index_actions(document)[0], "_index": name}
            for document in progress(documents.iterator(chunk_size=500), documents.count(), language)
        )
        for ok, _item in streaming_bulk(es, actions, chunk_size=500):
            written[language] += int(ok)
        es.indices.refresh(index=name)
        _move_alias(es, read_alias(language), name)
        for old_index in es.indices.get(index=f"{read_alias(language)}-2*"):
            if old_index != name:
                es.indices.delete(index=old_index)
    # The new indices hold every row as it is now, so writes queued before the rebuild began are done.
    PendingIndexOperation.objects.filter(updated_at__lt=started).delete()
    return written


def _move_alias(es, alias: str, index: str) -> None:
    old = list(es.indices.get_alias(name=alias)) if es.indices.exists_alias(name=alias) else []
    es.indices.update_aliases(actions=alias_actions(index, old, alias))


def index_counts() -> Counter:
    """Documents per kind in the read aliases."""
    search = Search(using=client(), index=[read_alias(language) for language in conf.languages()]).extra(size=0)
    search.aggs.bucket("kinds", "terms", field="kind", size=100)
    response = search.params(ignore_unavailable=True).execute()
    return Counter(dict(_buckets(response.to_dict(), "kinds")))


def _buckets(body: dict, *path: str) -> list[tuple[str, int]]:
    """(key, doc_count) of a terms aggregation at `path` in a raw response body; none when it is absent."""
    node = body.get("aggregations") or {}
    for name in path:
        node = node.get(name) or {}
    return [(bucket["key"], bucket.get("doc_count", 0)) for bucket in node.get("buckets") or [] if "key" in bucket]


# Reading -------------------------------------------------------------------------------------------------------


class ElasticsearchBackend(SearchBackend):
    """Reads from the cluster; answers from the database backend (with a notice) when the cluster fails."""

    name = "elasticsearch"

    def __init__(self, fallback: SearchBackend):
        self.fallback = fallback

    @property
    def unavailable_notice(self) -> str:
        return _(
            "The search service is not available at the moment. These results come from a simpler search and "
            "may be ordered differently."
        )

    def search(self, query: SearchQuery) -> SearchResponse:
        try:
            response = build_search(query, client()).execute()
        except ERRORS as error:
            logger.warning("Elasticsearch search failed, answering from the database: %s", error)
            SEARCH_FALLBACKS.labels(operation="search").inc()
            fallback = self.fallback.search(query)
            fallback.notice = self.unavailable_notice
            return fallback
        body = response.to_dict()
        if (body.get("_shards") or {}).get("failed"):
            logger.warning("Elasticsearch answered from some shards only: %s", body["_shards"])
        hits = [self._hit(hit) for hit in response]
        return SearchResponse(
            query=query,
            hits=hits,
            total=_total(body, len(hits)),
            facets=self._facets(query, body) if query.facets else {},
        )

    def _hit(self, hit) -> Hit:
        """A result from a hit: a SearchEntry (absent fields read as None) or, should a hit not be bound to it, a
        plain elasticsearch.dsl Hit (absent fields raise AttributeError). Elasticsearch leaves out of the stored
        source whatever was empty when indexed (no tags, no summary, no organisation, no dates), and a highlight
        only where a highlighted field matched: none of it may be required."""
        summary = _text(hit, "summary")
        highlight = getattr(hit.meta, "highlight", None)
        fragments = _strings(getattr(highlight, "body", None)) or _strings(getattr(highlight, "summary", None))
        tags = zip(_strings(getattr(hit, "tags", None)), _strings(getattr(hit, "tag_names", None)), strict=False)
        return Hit(
            title=_text(hit, "title"),
            url=_text(hit, "url"),
            kind=_text(hit, "kind"),
            language=_text(hit, "language"),
            summary=summary,
            snippet=highlight_html(" … ".join(fragments)) if fragments else summary,
            tags=list(tags),
            published_at=_moment(getattr(hit, "published_at", None)),
            updated_at=_moment(getattr(hit, "updated_at", None)),
        )

    def _facets(self, query: SearchQuery, body: dict) -> dict[str, list[FacetValue]]:
        raw = {facet: _buckets(body, facet, "values") for facet in (*FACET_FIELDS, "tag")}
        organisations = dict(
            Organisation.objects.filter(slug__in=[v for v, _n in raw["organisation"]]).values_list("slug", "name")
        )
        tag_names = dict(
            SearchDocumentTag.objects.filter(slug__in=[v for v, _n in raw["tag"]])
            .values("slug")
            .annotate(name=Min("name"))
            .values_list("slug", "name")
        )
        labels = {
            "kind": lambda v: str(registry.kind_label(v, plural=True)),
            "language": conf.language_name,
            "organisation": lambda v: organisations.get(v, v),
            "tag": lambda v: tag_names.get(v, v),
        }
        selected = {
            "kind": query.kinds,
            "language": query.languages,
            "organisation": query.organisations,
            "tag": query.tags,
        }
        return {
            facet: [
                FacetValue(value=v, label=labels[facet](v), count=n, selected=v in selected[facet]) for v, n in values
            ]
            for facet, values in raw.items()
        }

    def count(self, text: str, audience: Audience) -> int:
        try:
            return build_search(SearchQuery(text=text, audience=audience, facets=False), client()).count()
        except ERRORS:
            SEARCH_FALLBACKS.labels(operation="count").inc()
            return self.fallback.count(text, audience)

    def complete(self, text: str, audience: Audience, language: str, limit: int = 8) -> list[Completion]:
        try:
            response = build_completion(text, audience, language, limit, client()).execute()
        except ERRORS:
            SEARCH_FALLBACKS.labels(operation="complete").inc()
            return self.fallback.complete(text, audience, language, limit)
        suggest = response.to_dict().get("suggest") or {}
        options = []
        for option in _options(suggest, "titles"):
            source = option.get("_source") or {}
            if source.get("title") and source.get("url"):
                options.append(Completion(type="document", label=source["title"], url=source["url"]))
        for option in _options(suggest, "tags"):
            source = option.get("_source") or {}
            # The option's text is the input that matched: one of the document's tag names.
            slugs = dict(zip(_strings(source.get("tag_names")), _strings(source.get("tags")), strict=False))
            if option.get("text") in slugs:
                options.append(Completion(type="tag", label=option["text"], slug=slugs[option["text"]]))
        return options

    # "Did you mean" reads the database's vocabulary per audience (search.vocabulary), not an Elasticsearch term or
    # phrase suggester: those read the shard's whole term dictionary (every document, deleted ones too until a merge),
    # and a query or a collate only filters what they return, while the corrections they propose and their order
    # still follow the frequencies of text the reader may not read.
    def similar_words(self, word, languages, audience):
        return self.fallback.similar_words(word, languages, audience)

    def known_words(self, words, audience):
        return self.fallback.known_words(words, audience)


# Reading a response ---------------------------------------------------------------------------------------------


def _text(hit, name: str) -> str:
    value = getattr(hit, name, None)
    return value if isinstance(value, str) else ""


def _strings(value) -> list[str]:
    """A field Elasticsearch may return as a list, a single value or not at all, as a list of strings."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [item for item in value if isinstance(item, str)]


def _moment(value) -> datetime | None:
    """An aware datetime from what a hit holds: a datetime (bound to SearchEntry), else the stored ISO 8601 string
    or epoch milliseconds; None when absent or unreadable."""
    if isinstance(value, str):
        try:
            value = parse_datetime(value)
        except ValueError:
            return None
    elif isinstance(value, int | float) and not isinstance(value, bool):
        try:
            return datetime.fromtimestamp(value / 1000, tz=UTC)
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, datetime):
        return None
    return value if timezone.is_aware(value) else timezone.make_aware(value, UTC)


def _total(body: dict, shown: int) -> int:
    total = (body.get("hits") or {}).get("total")
    if isinstance(total, dict):
        total = total.get("value")
    # An integer with rest_total_hits_as_int; absent when a search does not track hits.
    return total if isinstance(total, int) else shown


def _options(suggest: dict, name: str) -> list[dict]:
    """The options of a suggester in a raw response body: one entry per suggested text, each with its options."""
    return [option for entry in suggest.get(name) or [] for option in entry.get("options") or []]
