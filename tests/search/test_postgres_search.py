"""The PostgreSQL backend: stemming per language, weighting, facets, tags combined with AND, snippets, sorting."""

import pytest

from search.audience import VISITOR
from search.backends import get_backend
from search.backends.base import SORT_DATE, SearchQuery
from search.models import SearchDocument
from tests.search.helpers import place_of_match, titles_rank_above_body_only


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


def test_facets_count_organisations_and_each_facet_ignores_only_its_own_choice(db, make_organisation):
    from django.contrib.contenttypes.models import ContentType

    from search.documents import DocumentData
    from search.indexing import store

    almere, zeist = make_organisation("almere-facet"), make_organisation("zeist-facet")
    content_type = ContentType.objects.get_for_model(ContentType)
    rows = [("protocol", "nl", almere), ("protocol", "da", zeist), ("training", "nl", zeist), ("training", "nl", None)]
    for number, (kind, language, organisation) in enumerate(rows, start=1):
        data = DocumentData(
            title=f"Gemeenschappelijke regeling {number}",
            url=f"/nl/regeling-{number}/",
            language=language,
            tags=[("regeling", "regeling")],
            organisation_id=organisation.pk if organisation else None,
        )
        store(content_type.pk, 900_000 + number, kind, data, mirror=False)

    def counts(response):
        return {name: {v.value: v.count for v in values} for name, values in response.facets.items()}

    everything = counts(search("gemeenschappelijke"))
    assert everything["organisation"] == {"almere-facet": 1, "zeist-facet": 2}
    assert {v.label for v in search("gemeenschappelijke").facets["organisation"]} == {
        almere.name,
        zeist.name,
    }
    chosen = search("gemeenschappelijke", organisations=("zeist-facet",), kinds=("training",))
    assert chosen.total == 1
    facets = counts(chosen)
    # Other organisations still count under the chosen kind; other kinds under the chosen organisation.
    assert facets["organisation"] == {"zeist-facet": 1}
    assert facets["kind"] == {"protocol": 1, "training": 1}
    assert facets["language"] == {"nl": 1}
    assert facets["tag"] == {"regeling": 1}


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


@pytest.mark.usefixtures("demo")
def test_demo_content_is_indexed_with_tags(db):
    response = search("mediatorpool")
    assert response.total >= 2
    assert any(value.value == "mediatorpool" for value in response.facets["tag"])


def test_the_best_matches_are_ranked_on_the_whole_text_the_rest_on_title_tags_and_summary(publish, monkeypatch):
    from search.backends import postgres

    publish("Vaak in de tekst", " ".join(["Over kwijtschelding."] * 5))
    publish("Eenmaal in de samenvatting", "Een tekst zonder het woord.", summary="Iets over kwijtschelding.")
    # Within the rescoring window: five mentions in the body outweigh one in the summary.
    assert titles(search("kwijtschelding")) == ["Vaak in de tekst", "Eenmaal in de samenvatting"]
    monkeypatch.setattr(postgres, "RESCORE_WINDOW", 1)
    # Beyond it, title, tags and summary decide, and the window only reorders the best of those.
    assert titles(search("kwijtschelding")) == ["Eenmaal in de samenvatting", "Vaak in de tekst"]


def test_paging_past_the_rescoring_window_neither_repeats_nor_skips_a_hit(publish, monkeypatch):
    from search.backends import postgres

    monkeypatch.setattr(postgres, "RESCORE_WINDOW", 3)
    for number in range(7):
        # The odd pages mention the word in their summary as well; older pages mention it more often.
        publish(
            f"Pagina {number}",
            " ".join(["Over precariobelasting."] * (7 - number)),
            summary="precariobelasting" if number % 2 else "",
        )
    pages = [titles(search("precariobelasting", per_page=2, page=page)) for page in (1, 2, 3, 4)]
    seen = [title for page in pages for title in page]
    # Summary matches first (the window, reordered by mentions in the whole text), then the rest newest first.
    assert seen == ["Pagina 1", "Pagina 3", "Pagina 5", "Pagina 6", "Pagina 4", "Pagina 2", "Pagina 0"]


# The quickstart's words (SQLite: tests/search/test_sqlite.py): each finds a demo document that says it in another
# form, with the form it says marked. The one demo document with "bemiddelen" has it in its summary only, so its
# headline comes from the summary; the headline of "mægling" marks "mægling" where a body also says "mæglingen".
DEMO_INFLECTIONS = [
    ("bemiddeling", "Specialisatie overheidsmediator", "bemiddelen"),
    ("bemiddelingen", "Specialisatie overheidsmediator", "bemiddelen"),
    ("mæglingen", "Indfør mægling i din organisation", "mægling"),
    ("mægling", "Hvad er mægling i det offentlige?", "mægling"),  # it also says "mæglingen"
    ("complaints", "What is mediation in government?", "complaint"),
]


@pytest.mark.usefixtures("demo")
@pytest.mark.parametrize(("word", "title", "highlighted"), DEMO_INFLECTIONS)
def test_the_demo_content_is_found_by_another_form_of_the_word(db, word, title, highlighted):
    hits = search(word, per_page=50).hits
    snippets = {hit.title: str(hit.snippet) for hit in hits}
    assert title in snippets
    assert f"<mark>{highlighted}</mark>" in snippets[title]
    documents = {document.url: document for document in SearchDocument.objects.filter(url__in=[h.url for h in hits])}
    places = [place_of_match(documents[hit.url], word) for hit in hits]
    assert titles_rank_above_body_only(places), places
