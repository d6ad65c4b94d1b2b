"""How the Elasticsearch backend reads what a cluster answers: hits, highlights, dates, facets, completions, bulk.

These are RECORDED RESPONSE SHAPES, NOT A CLUSTER. No Elasticsearch server can run on this project's machines, so
every response body below was written by hand from Elasticsearch's documented response formats (the search API's
`hits.total` / `hits.hits[]` with `_index`, `_id`, `_score`, `_source`, `highlight`, `sort`; filter and terms
aggregations; the completion suggester's `options[]`; the bulk API's `items[]`). They show that the backend's
parsing copes with every shape the documentation allows, above all the fields a stored document can lack: an empty
list, None and "" are left out of the stored source (elasticsearch.dsl drops them when it serialises), so a forum
post has no tags, no summary, no organisation and maybe no dates. They do NOT show what a real cluster ranks,
analyses or matches: the live tests in test_elasticsearch.py do that when ELASTICSEARCH_URL is set.

The backend runs its production path: only the HTTP connection is replaced (tests/search/recorded.py), so the
Elasticsearch client, elasticsearch.dsl's Search, Response and Document classes and the backend's parsing all run.
"""

from datetime import UTC, datetime, timedelta, timezone

import pytest
from django.utils import translation
from elasticsearch.dsl import Search
from elasticsearch.dsl.response import Response

from search.audience import VISITOR
from search.backends import elasticsearch as es
from search.backends.base import SearchQuery
from search.backends.elasticsearch import ElasticsearchBackend
from search.models import PendingIndexOperation
from tests.search.recorded import Recorded, recorded_client

INDEX = "kennisplatform-search-nl-20250301120000000000"
SHARDS = {"total": 3, "successful": 3, "skipped": 0, "failed": 0}


class NoFallback:
    """The database backend must not answer: every reply here is a successful one."""

    def __getattr__(self, name):
        raise AssertionError(f"the backend fell back to the database ({name})")


@pytest.fixture
def recorded(monkeypatch):
    replies = Recorded()
    connection = recorded_client(replies)
    monkeypatch.setattr(es, "client", lambda: connection)
    return replies


@pytest.fixture
def backend():
    return ElasticsearchBackend(fallback=NoFallback())


def full_source(**changes):
    """A stored page as to_entry writes it, with every optional field filled."""
    source = {
        "kind": "page",
        "language": "nl",
        "title": "Bemiddeling bij klachten",
        "summary": "Hoe een klacht met bemiddeling wordt opgelost.",
        "body": "De ombudsman biedt bemiddeling aan voordat een klacht formeel wordt behandeld.",
        "tags": ["klachten", "ombudsman"],
        "tag_names": ["Klachten", "Ombudsman"],
        "organisation": "utrecht",
        "visibility": "public",
        "group_ids": [],
        "url": "/nl/richtlijnen/bemiddeling-bij-klachten/",
        "published_at": "2025-03-01T09:30:00+00:00",
        "updated_at": "2025-03-02T10:15:00+01:00",
        "title_suggest": {"input": ["Bemiddeling bij klachten"], "contexts": {"access": ["public"]}},
        "tag_suggest": {"input": ["Klachten", "Ombudsman"], "contexts": {"access": ["public"]}},
    }
    source.update(changes)
    return {key: value for key, value in source.items() if value is not None}


HIGHLIGHT = {
    "body": ["De ombudsman biedt \ue000bemiddeling\ue001 aan voordat een klacht formeel wordt behandeld."],
    "summary": ["Hoe een klacht met \ue000bemiddeling\ue001 wordt opgelost."],
}


def hit(source, highlight=HIGHLIGHT, doc_id="wagtailcore.page:12"):
    raw = {"_index": INDEX, "_id": doc_id, "_score": 4.2, "_source": source, "sort": [4.2, 1740906900000]}
    if highlight is not None:
        raw["highlight"] = highlight
    return raw


def search_body(*hits, total=None, aggregations=None):
    body = {
        "took": 7,
        "timed_out": False,
        "_shards": SHARDS,
        "hits": {
            "total": {"value": len(hits) if total is None else total, "relation": "eq"},
            "max_score": None,
            "hits": list(hits),
        },
    }
    if aggregations is not None:
        body["aggregations"] = aggregations
    return body


def only_hit(backend, recorded, raw_hit):
    recorded.reply(search_body(raw_hit))
    response = backend.search(SearchQuery(text="bemiddeling", facets=False))
    assert response.total == 1 and len(response.hits) == 1 and not response.notice
    return response.hits[0]


# Hits ----------------------------------------------------------------------------------------------------------


def test_a_complete_document_becomes_a_hit_with_highlight_tags_and_aware_dates(backend, recorded):
    result = only_hit(backend, recorded, hit(full_source()))
    assert (result.title, result.url, result.kind, result.language) == (
        "Bemiddeling bij klachten",
        "/nl/richtlijnen/bemiddeling-bij-klachten/",
        "page",
        "nl",
    )
    assert result.summary == "Hoe een klacht met bemiddeling wordt opgelost."
    assert result.snippet == (
        "De ombudsman biedt <mark>bemiddeling</mark> aan voordat een klacht formeel wordt behandeld."
    )
    assert result.tags == [("klachten", "Klachten"), ("ombudsman", "Ombudsman")]
    assert result.published_at == datetime(2025, 3, 1, 9, 30, tzinfo=UTC)
    assert result.updated_at == datetime(2025, 3, 2, 10, 15, tzinfo=timezone(timedelta(hours=1)))
    assert result.published_at.tzinfo is not None and result.updated_at.utcoffset() == timedelta(hours=1)


# Each optional field absent from the stored source (or the highlight absent from the hit), and what becomes of it.
ABSENT = [
    ("tags", ["tags"], {}, {"tags": []}),
    ("tag_names", ["tag_names"], {}, {"tags": []}),
    ("tags and tag_names", ["tags", "tag_names"], {}, {"tags": []}),
    ("summary", ["summary"], {}, {"summary": ""}),
    ("body", ["body"], {}, {}),
    ("organisation", ["organisation"], {}, {}),
    ("group_ids", ["group_ids"], {}, {}),
    ("published_at", ["published_at"], {}, {"published_at": None}),
    ("updated_at", ["updated_at"], {}, {"updated_at": None}),
    ("suggest inputs", ["title_suggest", "tag_suggest"], {}, {}),
    ("highlight", [], {"highlight": None}, {"snippet": "Hoe een klacht met bemiddeling wordt opgelost."}),
    (
        "body highlight",
        [],
        {"highlight": {"summary": HIGHLIGHT["summary"]}},
        {"snippet": "Hoe een klacht met <mark>bemiddeling</mark> wordt opgelost."},
    ),
    ("highlight and summary", ["summary"], {"highlight": None}, {"summary": "", "snippet": ""}),
]


@pytest.mark.parametrize(
    ("absent", "hit_changes", "expected_changes"), [case[1:] for case in ABSENT], ids=[case[0] for case in ABSENT]
)
def test_a_hit_without_an_optional_field_still_reads(backend, recorded, absent, hit_changes, expected_changes):
    result = only_hit(backend, recorded, hit(full_source(**dict.fromkeys(absent)), **hit_changes))
    expected = {
        "title": "Bemiddeling bij klachten",
        "summary": "Hoe een klacht met bemiddeling wordt opgelost.",
        "snippet": "De ombudsman biedt <mark>bemiddeling</mark> aan voordat een klacht formeel wordt behandeld.",
        "tags": [("klachten", "Klachten"), ("ombudsman", "Ombudsman")],
        "published_at": datetime(2025, 3, 1, 9, 30, tzinfo=UTC),
        "updated_at": datetime(2025, 3, 2, 9, 15, tzinfo=UTC),
        **expected_changes,
    }
    assert {name: getattr(result, name) for name in expected} == expected


def test_a_forum_post_with_only_the_required_fields_reads(backend, recorded):
    """The issue's first search: every forum document is stored without tags, summary, organisation or dates."""
    source = {"kind": "forum", "language": "nl", "title": "Vraag", "visibility": "groups", "url": "/nl/forum/1/"}
    result = only_hit(backend, recorded, hit(source, highlight=None, doc_id="forum.post:3"))
    assert (result.title, result.url, result.kind, result.summary, result.snippet) == (
        "Vraag",
        "/nl/forum/1/",
        "forum",
        "",
        "",
    )
    assert result.tags == [] and result.published_at is None and result.updated_at is None


def test_even_an_empty_source_does_not_fail(backend, recorded):
    result = only_hit(backend, recorded, hit({}, highlight={}))
    assert (result.title, result.url, result.snippet, result.tags, result.updated_at) == ("", "", "", [], None)


@pytest.mark.parametrize(
    ("stored", "expected"),
    [
        ("2025-03-01T09:30:00Z", datetime(2025, 3, 1, 9, 30, tzinfo=UTC)),
        ("2025-03-01T09:30:00.123456+02:00", datetime(2025, 3, 1, 7, 30, 0, 123456, tzinfo=UTC)),
        # Never written by to_entry, but a date without an offset is read as UTC rather than left naive.
        ("2025-03-01T09:30:00", datetime(2025, 3, 1, 9, 30, tzinfo=UTC)),
    ],
)
def test_stored_dates_come_back_as_aware_datetimes(backend, recorded, stored, expected):
    result = only_hit(backend, recorded, hit(full_source(published_at=stored, updated_at=stored)))
    assert result.published_at == expected and result.published_at.tzinfo is not None
    assert result.updated_at == expected and result.updated_at.tzinfo is not None


def test_hits_are_read_through_the_document_class(recorded):
    """The search is bound to SearchEntry, so elasticsearch.dsl turns the stored strings into datetimes itself, and
    hits from any language index (whose names change on every rebuild) are bound, also after a rebuild in the same
    process pointed the library at one concrete index."""
    es.language_index("da", "kennisplatform-search-da-20250301120000000000")
    search = es.build_search(SearchQuery(text="mægling", facets=False))
    danish = {**hit(full_source(language="da")), "_index": "kennisplatform-search-da-20260101000000000000"}
    response = Response(search, search_body(danish, hit(full_source())))
    assert [type(entry) for entry in response] == [es.SearchEntry, es.SearchEntry]
    assert response[0].updated_at == datetime(2025, 3, 2, 9, 15, tzinfo=UTC)
    assert response[0].tags == ["klachten", "ombudsman"] and response[0].organisation == "utrecht"
    bare = Response(search, search_body(hit({"title": "Alleen een titel"})))
    assert bare[0].tags is None and bare[0].published_at is None


def test_a_hit_not_bound_to_the_document_class_reads_the_same(backend):
    """Should a hit come back as a plain elasticsearch.dsl Hit (absent fields raise AttributeError, dates are the
    stored strings), the backend still reads it."""
    unbound = Response(Search(index="x"), search_body(hit(full_source()), hit({"title": "Kaal"}, highlight=None)))
    full, bare = (backend._hit(entry) for entry in unbound)
    assert type(unbound[0]).__name__ == "Hit"
    with pytest.raises(AttributeError):
        _ = unbound[1].tags
    assert full.updated_at == datetime(2025, 3, 2, 9, 15, tzinfo=UTC)
    assert full.tags == [("klachten", "Klachten"), ("ombudsman", "Ombudsman")]
    assert (bare.title, bare.tags, bare.published_at, bare.snippet) == ("Kaal", [], None, "")


def test_the_total_is_read_in_either_documented_form(backend, recorded):
    recorded.reply(search_body(hit(full_source()), total=1234))
    assert backend.search(SearchQuery(text="bemiddeling", facets=False)).total == 1234
    body = search_body(hit(full_source()))
    body["hits"]["total"] = 56  # rest_total_hits_as_int
    recorded.reply(body)
    assert backend.search(SearchQuery(text="bemiddeling", facets=False)).total == 56


# The request ---------------------------------------------------------------------------------------------------


def test_the_search_request_requires_every_word_across_the_fields(backend, recorded):
    recorded.reply(search_body())
    backend.search(SearchQuery(text="klacht bemiddeling", facets=False))
    (request,) = recorded.requests
    assert request.method == "POST"
    assert request.path == "/kennisplatform-search-nl,kennisplatform-search-da,kennisplatform-search-en/_search"
    assert request.body["query"]["bool"]["must"] == [
        {
            "combined_fields": {
                "query": "klacht bemiddeling",
                "fields": ["title^3", "tag_names^2", "summary^2", "body"],
                "operator": "and",
            }
        }
    ]


# Facets --------------------------------------------------------------------------------------------------------


def terms(*buckets):
    return {
        "doc_count": sum(count for _key, count in buckets),
        "values": {
            "doc_count_error_upper_bound": 0,
            "sum_other_doc_count": 0,
            "buckets": [{"key": key, "doc_count": count} for key, count in buckets],
        },
    }


AGGREGATIONS = {
    "kind": terms(("protocol", 2), ("forum", 1)),
    "language": terms(("nl", 3)),
    "organisation": terms(("utrecht", 2)),
    "tag": terms(("klachten", 2), ("onbekend", 1)),
}


@pytest.fixture
def facet_names(make_organisation, group_document):
    make_organisation("utrecht", name="Gemeente Utrecht")
    group_document("Met labels", "tekst", tags=[("klachten", "Klachten")])


def test_facets_are_read_from_the_aggregations_with_their_labels(backend, recorded, facet_names):
    recorded.reply(search_body(hit(full_source()), aggregations=AGGREGATIONS))
    with translation.override("en"):
        facets = backend.search(SearchQuery(text="bemiddeling", kinds=("protocol",))).facets
    assert [(f.value, f.label, f.count, f.selected) for f in facets["kind"]][:1] == [("protocol", "Protocols", 2, True)]
    assert [(f.value, f.count, f.selected) for f in facets["kind"]] == [("protocol", 2, True), ("forum", 1, False)]
    assert [(f.value, f.label, f.count) for f in facets["organisation"]] == [("utrecht", "Gemeente Utrecht", 2)]
    # A tag the database no longer knows keeps its slug as its label.
    assert [(f.value, f.label, f.count) for f in facets["tag"]] == [
        ("klachten", "Klachten", 2),
        ("onbekend", "onbekend", 1),
    ]
    assert [(f.value, f.count) for f in facets["language"]] == [("nl", 3)]


@pytest.mark.parametrize(
    "aggregations",
    [
        None,
        {},
        {"kind": terms(("page", 1))},
        {**AGGREGATIONS, "tag": {"doc_count": 0}},
        {**AGGREGATIONS, "organisation": {"doc_count": 0, "values": {"buckets": []}}},
    ],
    ids=["no aggregations", "empty aggregations", "one facet only", "a filter without its terms", "no buckets"],
)
def test_missing_aggregations_give_empty_facets(backend, recorded, db, aggregations):
    recorded.reply(search_body(hit(full_source()), aggregations=aggregations))
    facets = backend.search(SearchQuery(text="bemiddeling")).facets
    assert set(facets) == {"kind", "language", "organisation", "tag"}
    expected = aggregations or {}
    for name, values in facets.items():
        buckets = (expected.get(name) or {}).get("values", {}).get("buckets", [])
        assert [(f.value, f.count) for f in values] == [(b["key"], b["doc_count"]) for b in buckets]


# Completions ---------------------------------------------------------------------------------------------------


def suggestion(text, *options):
    return [{"text": text, "offset": 0, "length": len(text), "options": list(options)}]


def option(text, source, doc_id="wagtailcore.page:12"):
    return {"text": text, "_index": INDEX, "_id": doc_id, "_score": 1.0, "_source": source, "contexts": {}}


def suggest_body(titles, tags):
    return {
        "took": 2,
        "timed_out": False,
        "_shards": SHARDS,
        "hits": {"total": {"value": 0, "relation": "eq"}, "max_score": None, "hits": []},
        "suggest": {"titles": titles, "tags": tags},
    }


def test_completions_are_read_from_the_suggester_options(backend, recorded):
    titled = {"title": "Bemiddeling bij klachten", "url": "/nl/b/", "tags": ["klachten"], "tag_names": ["Klachten"]}
    untagged = {"title": "Bemiddelen in de buurt", "url": "/nl/c/"}
    recorded.reply(
        suggest_body(
            suggestion("bemid", option("Bemiddeling bij klachten", titled), option("Bemiddelen", untagged, "x:2")),
            suggestion("bemid", option("Klachten", titled)),
        )
    )
    options = backend.complete("bemid", VISITOR, "nl")
    assert [(o.type, o.label, o.url, o.slug) for o in options] == [
        ("document", "Bemiddeling bij klachten", "/nl/b/", ""),
        ("document", "Bemiddelen in de buurt", "/nl/c/", ""),
        ("tag", "Klachten", "", "klachten"),
    ]
    (request,) = recorded.requests
    assert request.path == "/kennisplatform-search-nl/_search"
    assert request.body["_source"] == ["title", "url", "tags", "tag_names"]


@pytest.mark.parametrize(
    "suggest",
    [
        None,
        {},
        {"titles": suggestion("bemid")},
        {"titles": [{"text": "bemid", "offset": 0, "length": 5}]},
        {"tags": suggestion("bemid", option("Klachten", {"title": "Zonder slugs", "url": "/nl/d/"}))},
        {"titles": suggestion("bemid", option("Zonder bron", {}))},
    ],
    ids=["no suggest", "empty suggest", "no options", "options absent", "tag without slugs", "option without source"],
)
def test_incomplete_suggester_answers_give_fewer_completions_not_errors(backend, recorded, suggest):
    body = suggest_body([], [])
    if suggest is None:
        del body["suggest"]
    else:
        body["suggest"] = suggest
    recorded.reply(body)
    assert backend.complete("bemid", VISITOR, "nl") == []


# Writes --------------------------------------------------------------------------------------------------------


def bulk_reply(*items):
    return {
        "took": 3,
        "errors": any(item[1] >= 300 for item in items),
        "items": [
            {op: {"_index": INDEX, "_id": "wagtailcore.page:12", "status": status, **extra}}
            for op, status, extra in items
        ],
    }


def test_writes_go_through_existing_aliases_and_a_missing_document_to_delete_is_no_error(recorded):
    recorded.reply(bulk_reply(("index", 201, {"result": "created"}), ("delete", 404, {"result": "not_found"})))
    es._send(
        [
            {"_index": "kennisplatform-search-nl-write", "_id": "wagtailcore.page:12", "_source": {"title": "T"}},
            {"_op_type": "delete", "_index": "kennisplatform-search-da-write", "_id": "wagtailcore.page:12"},
        ]
    )
    (request,) = recorded.requests
    assert request.path == "/_bulk"
    assert request.params == {"refresh": ["wait_for"], "require_alias": ["true"]}
    assert request.body[0] == {"index": {"_index": "kennisplatform-search-nl-write", "_id": "wagtailcore.page:12"}}


def test_a_failed_index_write_is_queued_not_dropped(recorded, group_document, settings):
    """Before, every 404 was ignored: a write to a missing alias was lost without a trace (or created a stray index)."""
    document = group_document("Wachtrij", "tekst")
    missing_alias = {
        "type": "index_not_found_exception",
        "reason": "[require_alias] request flag is [true] and [kennisplatform-search-nl-write] is not an alias",
    }
    recorded.reply(
        bulk_reply(
            ("index", 404, {"error": missing_alias}),
            ("delete", 404, {"result": "not_found"}),
            ("delete", 404, {"result": "not_found"}),
        )
    )
    es.mirror_index([document])
    pending = PendingIndexOperation.objects.get(source_key=document.source_key)
    assert pending.action == "index" and "failed to index" in pending.last_error


def test_a_rebuild_fills_new_indices_and_moves_the_aliases_in_order(recorded, group_document):
    """The order a reader never notices: the write alias moves to the new index first, the index is filled, then the
    read alias follows and the old index goes. (Recorded acknowledgements: what a cluster does is the live tests'.)"""
    document = group_document("Herbouw", "tekst")
    old = "kennisplatform-search-nl-20240101000000000000"

    def route(request):
        if request.path.startswith("/_alias/"):  # the alias exists and points at the language's old index
            alias = request.path.removeprefix("/_alias/")
            language = alias.split("-")[2]
            aliased = {f"kennisplatform-search-{language}-20240101000000000000": {"aliases": {alias: {}}}}
            return 200, None if request.method == "HEAD" else aliased
        if request.path == "/_bulk":
            items = [{"index": {"_id": action["index"]["_id"], "status": 201}} for action in request.body[::2]]
            return 200, {"took": 1, "errors": False, "items": items}
        if request.method == "GET":  # the language's dated indices besides the new one
            return 200, {request.path.strip("/").replace("2*", "20240101000000000000"): {}}
        return 200, {"acknowledged": True, "_shards": SHARDS}

    recorded.route = route
    written = es.rebuild()
    assert written["nl"] >= 1
    nl = [(r.method, r.path, r.body) for r in recorded.requests if "-nl" in r.path or "-nl" in str(r.body)]
    new = nl[0][1].removeprefix("/")
    assert nl[0][0] == "PUT" and new.startswith("kennisplatform-search-nl-2") and new != old
    assert [(method, path) for method, path, _body in nl] == [
        ("PUT", f"/{new}"),
        ("HEAD", "/_alias/kennisplatform-search-nl-write"),
        ("GET", "/_alias/kennisplatform-search-nl-write"),
        ("POST", "/_aliases"),
        ("PUT", "/_bulk"),
        ("POST", f"/{new}/_refresh"),
        ("HEAD", "/_alias/kennisplatform-search-nl"),
        ("GET", "/_alias/kennisplatform-search-nl"),
        ("POST", "/_aliases"),
        ("GET", "/kennisplatform-search-nl-2*"),
        ("DELETE", f"/{old}"),
    ]
    assert nl[3][2] == {
        "actions": [
            {"remove": {"index": old, "alias": "kennisplatform-search-nl-write"}},
            {"add": {"index": new, "alias": "kennisplatform-search-nl-write"}},
        ]
    }
    assert nl[8][2] == {
        "actions": [
            {"remove": {"index": old, "alias": "kennisplatform-search-nl"}},
            {"add": {"index": new, "alias": "kennisplatform-search-nl"}},
        ]
    }
    bulk = nl[4][2]
    assert {"index": {"_index": new, "_id": document.source_key}} in bulk
    created = nl[0][2]
    assert created["settings"]["analysis"]["analyzer"]["default"]["type"] == "dutch"
    assert created["mappings"]["properties"]["published_at"] == {"type": "date"}
