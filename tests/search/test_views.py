"""The search page, autocomplete and tag pages as a reader meets them: without JavaScript, with htmx, in nl/da."""

import pytest

from search.documents import highlight_html

pytestmark = pytest.mark.django_db

BAD_INPUT = [
    "",
    " ",
    "x" * 5000,
    "bemiddeling " * 500,
    '"mediation',
    'mediation"',
    "'; DROP TABLE search_searchdocument; --",
    "' \" ( ) : * ! & | \\ ~ ^ [ ] { }",
    "mediation:* & !!(",
    "title:mediation AND body:(x OR y)^3~2",
    "NEAR(a b) OR NOT",
    # A NUL is refused for the whole site with a 400 page that says why (tests/search/test_odd_input.py).
    "%_%",
    "<script>alert(1)</script>",
    "ﬁ ǅ 𝔪𝔢𝔡𝔦𝔞𝔱𝔦𝔬𝔫 🙂",
]


@pytest.mark.parametrize("query", BAD_INPUT)
def test_bad_input_gives_results_or_a_clear_message_never_an_error(client, query):
    for params in ({"q": query}, {"q": query, "tag": query[:50], "type": query[:20], "page": query[:10]}):
        response = client.get("/nl/search/", params)
        assert response.status_code == 200
        page = response.content.decode()
        assert "<script>alert(1)</script>" not in page
        assert 'id="search-count"' in page or "geen letters of cijfers" in page or "Typ waar u naar zoekt" in page, (
            page[-3000:]
        )
    assert client.get("/nl/search/autocomplete/", {"q": query}).status_code == 200


def test_an_overlong_query_is_shortened_with_a_notice_and_kept_in_the_box(client):
    query = "mediation " + "x" * 4990
    page = client.get("/nl/search/", {"q": query}).content.decode()
    assert "Uw zoekopdracht was erg lang; we hebben de eerste 200 tekens gebruikt." in page
    assert f'value="{query}"' in page


def test_a_query_of_only_symbols_says_there_is_nothing_to_search_for(client):
    page = client.get("/nl/search/", {"q": "(*&^%)"}).content.decode()
    assert "Uw zoekopdracht bevat geen letters of cijfers om naar te zoeken." in page


def test_the_page_shows_highlights_types_dates_tags_and_facets_in_dutch(client, publish):
    publish("Weergavetest", "Over de gemeentelijke geschilbeslechting.", tags=["geschil"])
    page = client.get("/nl/search/", {"q": "geschilbeslechting"}).content.decode()
    assert "<mark>geschilbeslechting</mark>" in page
    assert '<span class="utrecht-badge-status search-hit__type">Pagina</span>' in page
    assert '<legend class="utrecht-form-fieldset__legend">Soort</legend>' in page
    assert "Pagina&#x27;s <span" in page
    assert 'href="/nl/tags/geschil/">geschil</a>' in page
    assert "1 resultaat" in page
    assert 'name="tag" value="geschil"' in page


def test_the_page_in_danish(client, publish):
    publish("Dansk visning", "Kommunal konfliktmægling i praksis.", language="da", tags=["konflikt"])
    page = client.get("/da/search/", {"q": "konfliktmægling"}).content.decode()
    assert "1 resultat" in page and '<span class="utrecht-badge-status search-hit__type">Side</span>' in page
    assert "<mark>konfliktmægling</mark>" in page
    assert '<h2 class="utrecht-heading-2" id="search-facets-title">Afgræns</h2>' in page


def test_htmx_requests_get_only_the_results_region(client, publish):
    publish("Htmxtest", "deelresultaat")
    response = client.get("/nl/search/", {"q": "deelresultaat"}, HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert page.lstrip().startswith('<div id="search-results"') and "<html" not in page
    assert "HX-Request" in response["Vary"]


def test_did_you_mean_offers_a_link_with_the_respelt_query(client, publish):
    publish("Spellingtest", "Over de klachtenprocedure van de gemeente.")
    response = client.get("/nl/search/", {"q": "klachtenprosedure"})
    assert response.context["search"].suggestion == "klachtenprocedure"
    assert 'href="/nl/search/?q=klachtenprocedure"' in response.content.decode()


def test_did_you_mean_finds_danish_words(client, publish):
    publish("Dansk stavning", "Om borgerrådgiveren i kommunen.", language="da")
    response = client.get("/da/search/", {"q": "borgerrådgiverren"})
    assert response.context["search"].suggestion == "borgerrådgiveren"


def test_autocomplete_needs_two_characters_and_offers_titles_and_tags(client, publish):
    publish("Autocompletetest vergunning", "tekst", tags=["vergunningverlening"])
    assert client.get("/nl/search/autocomplete/", {"q": "v"}).json() == {"results": []}
    results = client.get("/nl/search/autocomplete/", {"q": "vergunn"}).json()["results"]
    assert any(r["type"] == "document" and r["label"] == "Autocompletetest vergunning" for r in results)
    assert {"type": "tag", "label": "vergunningverlening", "url": "/nl/tags/vergunningverlening/"} in results


def test_autocomplete_tolerates_a_typo(client, publish):
    publish("Schuldhulpverlening voor inwoners", "tekst")
    labels = [r["label"] for r in client.get("/nl/search/autocomplete/", {"q": "schuldhulpverlenig"}).json()["results"]]
    assert "Schuldhulpverlening voor inwoners" in labels


def test_tag_page_groups_by_type_and_lists_related_tags(client, publish):
    publish("Tagpagina een", "tekst", tags=["wijkaanpak", "buurtbemiddeling"])
    publish("Tagpagina twee", "tekst", tags=["wijkaanpak", "buurtbemiddeling", "geluidsoverlast"])
    publish("Tagpagina drie", "tekst", tags=["geluidsoverlast"])
    response = client.get("/nl/tags/wijkaanpak/")
    page = response.content.decode()
    assert "Trefwoord: wijkaanpak" in page and "Tagpagina een" in page and "Tagpagina twee" in page
    assert "Tagpagina drie" not in page
    assert response.context["tag"].groups[0][0] == "Pagina's"
    related = {value.value: value.count for value in response.context["tag"].related}
    assert related == {"buurtbemiddeling": 2, "geluidsoverlast": 1}


def test_unknown_tag_is_a_404(client):
    assert client.get("/nl/tags/bestaat-echt-niet/").status_code == 404


def test_the_number_of_queries_does_not_grow_with_the_results(client, publish, django_assert_max_num_queries):
    for number in range(12):
        publish(f"Querytelling {number}", "rekenkamer", tags=[f"tag{number}", "telling"])
    with django_assert_max_num_queries(12):
        client.get("/nl/search/", {"q": "rekenkamer"})
    with django_assert_max_num_queries(12):
        client.get("/nl/tags/telling/")


def test_highlight_html_escapes_and_balances():
    assert highlight_html("<b>\ue000x\ue001</b>") == "&lt;b&gt;<mark>x</mark>&lt;/b&gt;"
    assert highlight_html("cut \ue000off") == "cut off"
    assert highlight_html("\ue001a\ue000b") == "ab"
