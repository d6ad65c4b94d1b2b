"""The PostgreSQL backend: stemming per language, weighting, facets, tags combined with AND, snippets, sorting."""

import pytest

from search.audience import VISITOR
from search.backends import get_backend
from search.backends.base import SORT_DATE, SearchQuery


def search(text="", **options):
    return get_backend().search(SearchQuery(text=text, audience=options.pop("audience", VISITOR), **options))


def titles(response):
    return [hit.title for hit in response.hits]


def test_the_test_database_uses_the_postgresql_backend(db):
    assert get_backend().name == "postgresql"


@pytest.mark.parametrize(
    ("language", "indexed", "searched"),
    [
        ("nl", "Een gesprek over bemiddeling tussen gemeente en inwoner.", "bemiddelingen"),
        ("nl", "Twee bemiddelingen liepen goed af.", "bemiddeling"),
        ("da", "Kommunen tilbyder mægling ved konflikter med borgere.", "mæglingen"),
        ("da", "Mæglingen blev afsluttet med en aftale.", "mægling"),
        ("en", "The council offered mediation to the neighbours.", "mediations"),
    ],
)
def test_words_are_stemmed_in_the_documents_own_language(publish, language, indexed, searched):
    # "qzmarker" keeps the result list to this test's page, whatever else the demo content says about mediation.
    publish("Stamtest", f"{indexed} Qzmarker.", language=language)
    assert titles(search(f"{searched} qzmarker")) == ["Stamtest"]
    publish("Andere stam", "Qzmarker zonder het gezochte woord.", language=language)
    assert titles(search(f"{searched} qzmarker")) == ["Stamtest"]


def test_a_title_match_ranks_above_a_body_match(publish):
    publish("Over iets anders", "Hier staat het woord klokkenluidersregeling ergens in de tekst.")
    publish("Klokkenluidersregeling", "Een tekst zonder dat woord verder.")
    assert titles(search("klokkenluidersregeling"))[:2] == ["Klokkenluidersregeling", "Over iets anders"]


def test_several_words_must_all_occur(publish):
    publish("Alleen zeilboot", "Een zeilboot op het meer.")
    publish("Zeilboot en vuurtoren", "Een zeilboot bij de vuurtoren.")
    assert titles(search("zeilboot vuurtoren")) == ["Zeilboot en vuurtoren"]


def test_facet_counts_per_type_tag_and_language(publish):
    publish("Faceta een", "paraplubeleid", tags=["paraplu", "beleid"])
    publish("Faceta twee", "paraplubeleid", tags=["paraplu"])
    publish("Faceta drie", "paraplubeleid", tags=["paraplu"], language="da")
    response = search("paraplubeleid")
    assert response.total == 3
    facets = {name: {v.value: v.count for v in values} for name, values in response.facets.items()}
    assert facets["kind"] == {"page": 3}
    assert facets["language"] == {"nl": 2, "da": 1}
    assert facets["tag"] == {"paraplu": 3, "beleid": 1}
    language_labels = {v.value: v.label for v in response.facets["language"]}
    assert language_labels == {"nl": "Nederlands", "da": "Dansk"}


def test_choosing_a_language_keeps_the_other_languages_counted(publish):
    publish("Taalfacet nl", "windmolenpark")
    publish("Taalfacet da", "windmolenpark", language="da")
    response = search("windmolenpark", languages=("da",))
    assert titles(response) == ["Taalfacet da"]
    counts = {v.value: (v.count, v.selected) for v in response.facets["language"]}
    assert counts == {"nl": (1, False), "da": (1, True)}


def test_several_tags_combine_with_and(publish):
    publish("Beide tags", "tekst", tags=["appel", "peer"])
    publish("Alleen appel", "tekst", tags=["appel"])
    publish("Alleen peer", "tekst", tags=["peer"])
    assert sorted(titles(search(tags=("appel",)))) == ["Alleen appel", "Beide tags"]
    both = search(tags=("appel", "peer"))
    assert titles(both) == ["Beide tags"]
    assert {v.value: (v.count, v.selected) for v in both.facets["tag"]} == {"appel": (1, True), "peer": (1, True)}


def test_snippets_highlight_matches_and_escape_everything_else(publish):
    publish("Snippettest", "Als de kosten &lt; 100 euro &amp; meer zijn, helpt de gemeentelijke ombudsvoorziening.")
    snippet = search("ombudsvoorziening").hits[0].snippet
    assert "<mark>ombudsvoorziening</mark>" in snippet
    assert "kosten &lt; 100 euro &amp; meer" in snippet
    assert snippet.replace("<mark>", "").replace("</mark>", "").count("<") == 0


def test_sorting_by_date_and_paging(publish):
    for number in range(1, 13):
        publish(f"Datumtest {number:02d}", "zonnepanelensubsidie")
    newest_first = search("zonnepanelensubsidie", sort=SORT_DATE, per_page=5)
    assert newest_first.total == 12 and newest_first.num_pages == 3
    assert titles(newest_first) == [f"Datumtest {n:02d}" for n in (12, 11, 10, 9, 8)]
    last_page = search("zonnepanelensubsidie", sort=SORT_DATE, per_page=5, page=3)
    assert titles(last_page) == ["Datumtest 02", "Datumtest 01"]


def test_an_empty_query_with_a_tag_lists_everything_with_the_tag(publish):
    publish("Bladerpagina", "iets", tags=["bladeren"])
    assert titles(search(tags=("bladeren",))) == ["Bladerpagina"]


def test_demo_content_is_indexed_with_tags(db):
    response = search("mediatorpool")
    assert response.total >= 2
    assert any(value.value == "mediatorpool" for value in response.facets["tag"])


def test_ranking_reads_the_whole_text_for_few_matches_and_title_tags_summary_for_many(publish, monkeypatch):
    from search.backends import postgres

    publish("Vaak in de tekst", " ".join(["Over kwijtschelding."] * 5))
    publish("Eenmaal in de samenvatting", "Een tekst zonder het woord.", summary="Iets over kwijtschelding.")
    # Few matches: five mentions in the body outweigh one in the summary.
    assert titles(search("kwijtschelding")) == ["Vaak in de tekst", "Eenmaal in de samenvatting"]
    monkeypatch.setattr(postgres, "FULL_RANK_LIMIT", 0)
    # Many matches: only title, tags and summary are ranked.
    assert titles(search("kwijtschelding")) == ["Eenmaal in de samenvatting", "Vaak in de tekst"]


def test_very_broad_queries_show_title_tag_and_summary_matches_first_then_the_rest_newest_first(publish, monkeypatch):
    from search.backends import postgres

    monkeypatch.setattr(postgres, "HEAD_RANK_LIMIT", 0)
    publish("Oud over erfpacht", "tekst")
    publish("Alleen in de tekst, oud", "Iets over erfpacht.")
    publish("Nieuw over erfpacht", "tekst")
    publish("Alleen in de tekst, nieuw", "Iets over erfpacht.")
    expected = ["Nieuw over erfpacht", "Oud over erfpacht", "Alleen in de tekst, nieuw", "Alleen in de tekst, oud"]
    assert titles(search("erfpacht")) == expected
    assert titles(search("erfpacht", per_page=3, page=2)) == expected[3:]
    assert "<mark>erfpacht</mark>" in search("erfpacht").hits[2].snippet
