"""Elasticsearch: the index mapping and the queries are checked as data (always); the fallback when the cluster is
unreachable runs against a closed port (always); a live cluster is used only when ELASTICSEARCH_URL is set."""

import io
import os
import socket

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from search.audience import VISITOR, Audience
from search.backends import elasticsearch as es
from search.backends import get_backend
from search.backends.base import SORT_DATE, SearchQuery
from search.models import PendingIndexOperation, SearchDocument, Visibility

MEMBER_IN_GROUP = Audience(member=True, group_ids=frozenset({7, 3}))


def test_each_language_gets_an_index_with_its_own_analyzer():
    index = es.language_index("da", "kennisplatform-search-da-1").to_dict()
    assert index["settings"] == {"number_of_shards": 1, "analysis": {"analyzer": {"default": {"type": "danish"}}}}
    properties = index["mappings"]["properties"]
    assert properties["title"] == {"type": "text", "fields": {"raw": {"type": "keyword"}}}
    assert properties["body"] == {"type": "text"} and properties["tags"] == {"type": "keyword"}
    assert properties["visibility"] == {"type": "keyword"} and properties["group_ids"] == {"type": "integer"}
    assert properties["url"] == {"type": "keyword", "index": False}
    suggest = {"type": "completion", "contexts": [{"name": "access", "type": "category"}]}
    assert properties["title_suggest"] == suggest and properties["tag_suggest"] == suggest
    assert es.language_index("nl", "x").to_dict()["settings"]["analysis"]["analyzer"]["default"]["type"] == "dutch"
    assert es.language_index("en", "x").to_dict()["settings"]["analysis"]["analyzer"]["default"]["type"] == "english"


def test_a_visitors_search_filters_on_public_inside_the_query():
    search = es.build_search(SearchQuery(text="bemiddeling", audience=VISITOR, facets=False))
    assert search._index == ["kennisplatform-search-nl", "kennisplatform-search-da", "kennisplatform-search-en"]
    assert search.to_dict() == {
        "query": {
            "bool": {
                "must": [
                    {
                        "combined_fields": {
                            "query": "bemiddeling",
                            "fields": ["title^3", "tag_names^2", "summary^2", "body"],
                            "operator": "and",
                        }
                    }
                ],
                "filter": [{"bool": {"should": [{"term": {"visibility": "public"}}], "minimum_should_match": 1}}],
            }
        },
        "highlight": {
            "fields": {
                "body": {"fragment_size": 160, "number_of_fragments": 2},
                "summary": {"fragment_size": 160, "number_of_fragments": 2},
            },
            "pre_tags": ["\ue000"],
            "post_tags": ["\ue001"],
            "encoder": "default",
        },
        "sort": ["_score", {"updated_at": {"order": "desc", "missing": "_last"}}],
        "track_total_hits": True,
        "from": 0,
        "size": 10,
    }


FIELDS = ["title^3", "tag_names^2", "summary^2", "body"]


def test_every_word_is_required_but_each_may_be_in_any_field():
    """Like PostgreSQL's tsquery over the whole vector: "klacht bemiddeling" finds a page titled "Bemiddeling" whose
    body mentions a "klacht". multi_match with operator "and" over best_fields wanted both words in ONE field."""
    must = es.build_search(SearchQuery(text="klacht bemiddeling")).to_dict()["query"]["bool"]["must"]
    assert must == [{"combined_fields": {"query": "klacht bemiddeling", "fields": FIELDS, "operator": "and"}}]
    assert "type" not in must[0]["combined_fields"]  # combined_fields is term-centric by definition


def test_a_quoted_phrase_is_required_whole_next_to_the_other_words():
    must = es.build_search(SearchQuery(text='"vroege inzet" bemiddeling "" "?"')).to_dict()["query"]["bool"]["must"]
    assert must == [
        {"combined_fields": {"query": "bemiddeling", "fields": FIELDS, "operator": "and"}},
        {"multi_match": {"type": "phrase", "query": "vroege inzet", "fields": FIELDS}},
    ]
    only_phrase = es.text_clauses('"vroege inzet"')
    assert [clause.to_dict() for clause in only_phrase] == [
        {"multi_match": {"type": "phrase", "query": "vroege inzet", "fields": FIELDS}}
    ]


def test_text_without_a_word_matches_nothing_rather_than_everything():
    for text in ("?!", '""', '"  "', "-"):
        assert [clause.to_dict() for clause in es.text_clauses(text)] == [{"match_none": {}}]


def test_building_an_index_does_not_rebind_the_document_class():
    """Index.document() would make the first index built the class's default index for the whole process."""
    es.language_index("nl", "kennisplatform-search-nl-1")
    assert es.SearchEntry._index._name is None
    assert es.SearchEntry._matches({"_index": "kennisplatform-search-da-2"})


def test_members_and_group_members_get_their_share_of_the_permission_filter():
    assert es.permission_filter(MEMBER_IN_GROUP).to_dict() == {
        "bool": {
            "should": [
                {"term": {"visibility": "public"}},
                {"term": {"visibility": "members"}},
                {"bool": {"filter": [{"term": {"visibility": "groups"}}, {"terms": {"group_ids": [3, 7]}}]}},
            ],
            "minimum_should_match": 1,
        }
    }
    assert es.access_values(MEMBER_IN_GROUP) == ["public", "members", "group:3", "group:7"]
    assert es.access_values(VISITOR) == ["public"]


def test_facets_are_aggregations_and_selections_are_post_filters_with_tags_and_ed():
    query = SearchQuery(
        text="", tags=("a", "b"), kinds=("page",), languages=("nl", "da"), sort=SORT_DATE, page=3, per_page=5
    )
    body = es.build_search(query).to_dict()
    assert body["query"]["bool"]["must"] == [{"match_all": {}}]
    assert body["query"]["bool"]["filter"][1:] == [{"term": {"tags": "a"}}, {"term": {"tags": "b"}}]
    kind, language = {"terms": {"kind": ["page"]}}, {"terms": {"language": ["nl", "da"]}}
    assert body["post_filter"] == {"bool": {"filter": [kind, language]}}
    # Each facet counts under the other facets' selections, so its own values stay choosable.
    assert body["aggs"]["kind"] == {
        "filter": {"bool": {"filter": [language]}},
        "aggs": {"values": {"terms": {"field": "kind", "size": 50}}},
    }
    assert body["aggs"]["language"]["filter"] == {"bool": {"filter": [kind]}}
    assert body["aggs"]["tag"] == {
        "filter": {"bool": {"filter": [kind, language]}},
        "aggs": {"values": {"terms": {"field": "tags", "size": 25}}},
    }
    assert body["sort"] == [{"updated_at": {"order": "desc", "missing": "_last"}}]
    assert (body["from"], body["size"]) == (10, 5) and "highlight" not in body


def test_autocomplete_is_a_completion_suggester_limited_to_what_the_reader_may_see():
    search = es.build_completion("bemid", Audience(member=True), "nl", 8)
    assert search._index == ["kennisplatform-search-nl"]
    contexts = {"access": ["public", "members"]}
    fuzzy = {"fuzziness": "AUTO"}
    assert search.to_dict()["suggest"] == {
        "titles": {
            "prefix": "bemid",
            "completion": {
                "field": "title_suggest",
                "size": 6,
                "skip_duplicates": True,
                "fuzzy": fuzzy,
                "contexts": contexts,
            },
        },
        "tags": {
            "prefix": "bemid",
            "completion": {
                "field": "tag_suggest",
                "size": 2,
                "skip_duplicates": True,
                "fuzzy": fuzzy,
                "contexts": contexts,
            },
        },
    }


def test_a_reindex_moves_each_alias_to_the_new_index_in_one_atomic_step():
    assert es.alias_actions("kp-nl-2", ["kp-nl-1"], "kp-nl") == [
        {"remove": {"index": "kp-nl-1", "alias": "kp-nl"}},
        {"add": {"index": "kp-nl-2", "alias": "kp-nl"}},
    ]
    assert es.alias_actions("kp-nl-1", [], "kp-nl-write") == [{"add": {"index": "kp-nl-1", "alias": "kp-nl-write"}}]


def test_documents_carry_their_access_for_the_suggester(group_document):
    document = group_document("Groepsdocument", "tekst", tags=[("overleg", "Overleg")])
    entry = es.to_entry(document, [4242]).to_dict(include_meta=True)
    assert entry["_id"] == document.source_key
    source = entry["_source"]
    assert source["visibility"] == Visibility.GROUPS and source["group_ids"] == [4242]
    assert source["title_suggest"] == {"input": ["Groepsdocument"], "contexts": {"access": ["group:4242"]}}
    assert source["tag_suggest"] == {"input": ["Overleg"], "contexts": {"access": ["group:4242"]}}
    assert source["tags"] == ["overleg"] and source["tag_names"] == ["Overleg"]


# The cluster is down -----------------------------------------------------------------------------------------


@pytest.fixture
def cluster_down(settings):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # Nothing listens on the port once the probe is closed: every request is refused at once.
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{port}"
    settings.SEARCH_ELASTICSEARCH_TIMEOUT = 0.5
    return settings.ELASTICSEARCH_URL


def test_searches_fall_back_to_the_database_with_a_notice(client, publish, cluster_down):
    publish("Terugvaltest", "De noodstroomvoorziening van het stadhuis.", tags=["noodstroom"])
    assert get_backend().name == "elasticsearch"
    response = client.get("/nl/search/", {"q": "noodstroomvoorziening"})
    page = response.content.decode()
    assert response.status_code == 200 and "Terugvaltest" in page
    assert "De zoekdienst is op dit moment niet beschikbaar." in page
    assert "<mark>noodstroomvoorziening</mark>" in page
    tag_page = client.get("/nl/tags/noodstroom/")
    assert (
        tag_page.status_code == 200 and "De zoekdienst is op dit moment niet beschikbaar." in tag_page.content.decode()
    )
    options = client.get("/nl/search/autocomplete/", {"q": "Terugval"}).json()["results"]
    assert [option["label"] for option in options] == ["Terugvaltest"]
    assert client.get("/nl/search/", {"q": "noodstroomvorziening"}).context["search"].suggestion == (
        "noodstroomvoorziening"
    )


def test_index_writes_are_queued_and_retried_while_the_cluster_is_down(publish, cluster_down, client):
    page = publish("Wachtrijtest", "tekst")
    document = SearchDocument.objects.get(source_type_id=page.content_type_id, source_id=page.pk)
    pending = PendingIndexOperation.objects.get(source_key=document.source_key)
    assert (pending.action, pending.language, pending.attempts) == ("index", "nl", 0)
    assert "Connection" in pending.last_error or "refused" in pending.last_error
    # The database index is complete regardless: the search still finds it (from the database).
    assert "Wachtrijtest" in client.get("/nl/search/", {"q": "wachtrijtest"}).content.decode()
    assert es.retry_pending() == 0
    pending.refresh_from_db()
    assert pending.attempts == 1
    page.unpublish()  # outside a transaction test: run the indexing by hand, as the task would
    from search import indexing

    indexing.sync([indexing.source_of(page)])
    pending.refresh_from_db()
    assert pending.action == "delete"


def test_status_reports_an_unreachable_cluster_and_exits_with_1(db, cluster_down):
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError) as failure:
        call_command("search_status", stdout=out, stderr=err)
    assert failure.value.returncode == 1
    assert "Elasticsearch is unreachable" in err.getvalue()
    assert out.getvalue().splitlines()[0].split()[-1] == "elasticsearch"


def test_reindex_on_an_unreachable_cluster_fails_with_a_clear_message(db, cluster_down):
    with pytest.raises(CommandError, match="Elasticsearch failed"):
        call_command("search_reindex", "--backend", "elasticsearch", "--no-progress", stdout=io.StringIO())


# A live cluster (only with ELASTICSEARCH_URL set) -------------------------------------------------------------

live = pytest.mark.skipif(
    not os.environ.get("ELASTICSEARCH_URL"), reason="needs a live Elasticsearch cluster: set ELASTICSEARCH_URL"
)


@pytest.fixture
def cluster(settings):
    settings.ELASTICSEARCH_URL = os.environ["ELASTICSEARCH_URL"]
    settings.SEARCH_ELASTICSEARCH_INDEX_PREFIX = "kennisplatform-test"
    call_command("search_reindex", "--no-progress", stdout=io.StringIO(), stderr=io.StringIO())
    yield es.client()
    # By name: Elasticsearch 8 refuses to delete by wildcard (action.destructive_requires_name defaults to true).
    names = list(es.client().indices.get(index="kennisplatform-test-*"))
    if names:
        es.client().indices.delete(index=names)


@live
@pytest.mark.elasticsearch
def test_live_reindex_swaps_aliases_and_status_matches(cluster):
    first = set(cluster.indices.get_alias(name="kennisplatform-test-nl"))
    call_command("search_reindex", "--no-progress", stdout=io.StringIO(), stderr=io.StringIO())
    second = set(cluster.indices.get_alias(name="kennisplatform-test-nl"))
    assert first != second and len(second) == 1
    assert set(cluster.indices.get_alias(name="kennisplatform-test-nl-write")) == second
    call_command("search_status", stdout=io.StringIO())


@live
@pytest.mark.elasticsearch
def test_live_search_stems_filters_and_completes(cluster, publish, group_document):
    publish("Levend cluster", "Een gesprek over bemiddeling.", tags=["clustertest"])
    publish("Levend leden", "Alleen leden: bemiddeling.", restriction="login")
    group_document("Levend groep", "Groepsgesprek over bemiddeling.")
    backend = get_backend()
    visitor = backend.search(SearchQuery(text="bemiddelingen"))
    assert "Levend cluster" in [hit.title for hit in visitor.hits] and not visitor.notice
    assert not {"Levend leden", "Levend groep"} & {hit.title for hit in visitor.hits}
    group = backend.search(SearchQuery(text="bemiddeling", audience=Audience(member=True, group_ids=frozenset({4242}))))
    assert {"Levend cluster", "Levend leden", "Levend groep"} <= {hit.title for hit in group.hits}
    assert any("<mark>" in hit.snippet for hit in group.hits)
    assert "Levend cluster" in [option.label for option in backend.complete("Levend", VISITOR, "nl")]


@live
@pytest.mark.elasticsearch
def test_live_hits_without_optional_fields_words_across_fields_and_phrases(cluster, publish, group_document):
    """What the recorded responses in test_elasticsearch_parsing.py cannot show: what a real cluster stores,
    returns and matches for these queries."""
    publish("Kaal kruisveld", "Een gesprek over noodstroomvoorziening.")  # no tags, no summary
    publish("Getagd kruisveld", "Tekst.", summary="Samenvatting.", tags=["kruisveldtag"])
    group_document("Groepskruisveld", "Groepsgesprek over noodstroomvoorziening.", tags=())
    backend = get_backend()
    bare = backend.search(SearchQuery(text="noodstroomvoorziening"))
    assert not bare.notice and [hit.title for hit in bare.hits] == ["Kaal kruisveld"]
    (hit,) = bare.hits
    assert hit.tags == [] and hit.summary == "" and "<mark>" in hit.snippet
    assert hit.updated_at is not None and hit.updated_at.tzinfo is not None
    # One word in the title, one in the body: found (best_fields with operator "and" needed both in one field).
    assert [h.title for h in backend.search(SearchQuery(text="kaal noodstroomvoorziening")).hits] == ["Kaal kruisveld"]
    assert not backend.search(SearchQuery(text="kaal onbestaandwoord")).hits
    tagged = backend.search(SearchQuery(text="getagd kruisveldtag"))
    assert [(h.title, h.tags, h.summary) for h in tagged.hits] == [
        ("Getagd kruisveld", [("kruisveldtag", "kruisveldtag")], "Samenvatting.")
    ]
    assert {f.value for f in tagged.facets["tag"]} == {"kruisveldtag"}
    in_group = Audience(member=True, group_ids=frozenset({4242}))
    phrase = backend.search(SearchQuery(text='"gesprek over noodstroomvoorziening"', audience=in_group))
    assert [h.title for h in phrase.hits] == ["Kaal kruisveld"]
    words = backend.search(SearchQuery(text="noodstroomvoorziening", audience=in_group))
    assert {h.title for h in words.hits} == {"Kaal kruisveld", "Groepskruisveld"}
    tags = [option for option in backend.complete("kruisveld", VISITOR, "nl") if option.type == "tag"]
    assert [(option.label, option.slug) for option in tags] == [("kruisveldtag", "kruisveldtag")]


def test_did_you_mean_offers_only_words_of_what_the_reader_may_read(publish, group_document, cluster_down):
    """The suggestions come from the database's vocabulary per audience, also with Elasticsearch (see the backend)."""
    publish("Openbaar verslag", "Mevrouw jansen opende de bijeenkomst.")
    group_document("Groepsverslag", "Meneer janszen belde opnieuw.")
    backend = get_backend()
    assert backend.name == "elasticsearch"
    for audience in (VISITOR, Audience(member=True)):
        assert backend.known_words(["janszen", "jansen"], audience) == {"jansen"}
        assert "janszen" not in backend.similar_words("janszem", (), audience)
    in_group = Audience(member=True, group_ids=frozenset({4242}))
    assert backend.known_words(["janszen"], in_group) == {"janszen"}
    assert backend.similar_words("janszem", (), in_group)[0] == "janszen"
