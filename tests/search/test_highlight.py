"""Snippets of the SQLite backend: cut from the original text, matched words marked whatever their inflection, and
made safe by the same `highlight_html` as every backend's snippets."""

from search.documents import MARK_END, MARK_START, highlight_html
from search.highlight import WINDOW, snippet
from search.stemming import query_terms

LANGUAGES = ("nl", "da", "en")


def marked(text, language, *texts, window=WINDOW):
    found = snippet(query_terms(text, LANGUAGES), language, list(texts), window)
    return None if found is None else str(highlight_html(found))


def test_a_different_inflection_of_the_word_is_marked_as_written():
    assert marked("bemiddeling", "nl", "Wij bemiddelen graag.") == "Wij <mark>bemiddelen</mark> graag."
    assert marked("mægling", "da", "Det, der siges under mæglingen, bliver i rummet.") == (
        "Det, der siges under <mark>mæglingen</mark>, bliver i rummet."
    )
    assert marked("complaints", "en", "A complaint, two Complaints.") == (
        "A <mark>complaint</mark>, two <mark>Complaints</mark>."
    )


def test_words_are_stemmed_in_the_documents_language_only():
    # English would stem "mediation" and "mediator" alike; Dutch does not, and the document is Dutch.
    assert marked("mediation", "nl", "Een mediator helpt bij mediation.") == (
        "Een mediator helpt bij <mark>mediation</mark>."
    )


def test_a_word_being_typed_and_a_word_without_its_accents_are_marked():
    assert marked("bemidd", "nl", "Wij bemiddelen.") == "Wij <mark>bemiddelen</mark>."
    assert marked("coordinator", "nl", "De coördinator belt.") == "De <mark>coördinator</mark> belt."


def test_the_words_of_a_phrase_are_marked():
    assert marked('"regionale pool"', "nl", "De regionale pool groeit.") == (
        "De <mark>regionale</mark> <mark>pool</mark> groeit."
    )


def test_a_long_text_is_cut_around_the_spot_with_the_most_query_words():
    words = [f"woord{number}" for number in range(200)]
    words[50] = "klacht"
    words[150], words[152] = "klachten", "bemiddelen"
    found = marked("klacht bemiddeling", "nl", " ".join(words))
    assert found.startswith("… woord145 ") and found.endswith(" …")
    assert "<mark>klachten</mark> woord151 <mark>bemiddelen</mark>" in found
    assert len(found.replace("<mark>", "").replace("</mark>", "").split()) == WINDOW + 2  # the two ellipses


def test_the_summary_is_used_when_the_body_has_no_match_and_the_start_of_the_body_when_neither_has():
    assert marked("bemiddeling", "nl", "Over iets anders.", "Wij bemiddelen.") == "Wij <mark>bemiddelen</mark>."
    assert marked("bemiddeling", "nl", "Een twee drie vier.", "Vijf.", window=3) == "Een twee drie …"
    assert marked("bemiddeling", "nl", "", "") is None


def test_nothing_in_the_text_becomes_html_and_stray_markers_do_not_survive():
    text = f'<script>alert("x")</script> & bemiddelen {MARK_START}<b>vet</b>{MARK_END}'
    found = marked("bemiddeling", "nl", text)
    assert found == (
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; <mark>bemiddelen</mark> &lt;b&gt;vet&lt;/b&gt;"
    )
