"""The quickstart's SQLite backend: the stemmed FTS5 query, a real FTS5 table filled the way indexing fills it, and a
real SQLite database migrated and loaded with the demo content the way `make run` does, then searched with the same
permission filter and facets."""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from search.backends.sqlite import FTS_COLUMNS, fts_query, fts_row
from tests.search.helpers import titles_rank_above_body_only

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ("nl", "da", "en")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The word as typed (a prefix, for a word still being typed) or its stem in any of the languages.
        ("bemiddeling", '("bemiddeling"* OR "bemiddel")'),
        ("Bemiddelingen", '("bemiddelingen"* OR "bemiddel" OR "bemiddeling")'),
        ("mæglingen", '("mæglingen"* OR "mægling")'),
        # Every stem starts with the word as typed: the prefix alone covers them.
        ("mægling", '"mægling"*'),
        ("complaints", '("complaints"* OR "complaint")'),
        ("de klacht", '"de" AND "klacht"*'),
        # A phrase: its words' stems in a row, in one language or another.
        ('"regionale pool" mediator', '("regionaal pool" OR "regional pool") AND ("mediator"* OR "mediat")'),
        ('"unbalanced quote', '("unbalanced"* OR "unbalanc") AND ("quote"* OR "quot")'),
        (
            "title:x AND (y OR z*) NEAR ^~\\",
            '("title"* OR "titl") AND "x" AND "and"* AND "y" AND "or" AND "z" AND "near"*',
        ),
        ("snake_case", '("snake"* OR "snak") AND ("case"* OR "cas")'),
        ("' \" ( ) : * ! & | \\ ~ ^ [ ] { }", None),
        ("", None),
    ],
)
def test_user_text_becomes_an_fts5_expression_in_which_nothing_is_syntax(text, expected):
    assert fts_query(text, LANGUAGES) == expected


def test_only_the_given_languages_stem():
    assert fts_query("bemiddelingen", ["da"]) == '("bemiddelingen"* OR "bemiddeling")'
    # A language without a Snowball stemmer is indexed and searched as written.
    assert fts_query("bemiddelingen", ["xx"]) == '"bemiddelingen"*'


DOCUMENTS = [
    (1, "nl", "Wat doet een mediator?", "", "", "Zij bemiddelen tussen de inwoner en de gemeente."),
    (2, "nl", "Twee bemiddelingen", "", "", "Beide liepen goed af."),
    (3, "da", "Mæglingen blev afsluttet", "", "", "Med en aftale."),
    (4, "da", "Kommunen tilbyder mægling", "", "", "Ved konflikter med borgere."),
    (5, "en", "Handling complaints", "", "", "A complaint is handled within six weeks."),
    (6, "nl", "De regionale pool", "", "", "Gemeenten in de regio delen hun mediators."),
    (7, "nl", "Iets anders", "", "", "Over de coördinator van het team."),
]


@pytest.fixture
def fts():
    """An FTS5 table as migration 0009 creates it, filled as search.backends.sqlite.index_documents fills it."""
    database = sqlite3.connect(":memory:")
    database.execute(f"CREATE VIRTUAL TABLE fts USING fts5({FTS_COLUMNS}, tokenize='unicode61 remove_diacritics 2')")
    insert = f"INSERT INTO fts (rowid, {FTS_COLUMNS}) VALUES (?, ?, ?, ?, ?)"  # noqa: S608 -- constant columns
    for pk, language, *texts in DOCUMENTS:
        database.execute(insert, (pk, *fts_row(language, *texts)))

    def search(text):
        expression = fts_query(text, LANGUAGES)
        if expression is None:  # nothing searchable: the backend matches nothing without asking FTS5
            return []
        rows = database.execute("SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY rowid", [expression]).fetchall()
        return [row[0] for row in rows]

    yield search
    database.close()


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("bemiddeling", [1, 2]),  # "bemiddelen", "bemiddelingen"
        ("bemiddelingen", [1, 2]),
        ("mæglingen", [3, 4]),  # "Mæglingen", "mægling"
        ("mægling", [3, 4]),
        ("complaints", [5]),  # "complaints", "complaint"
        ("complaint", [5]),
        ("bemidd", [1, 2]),  # still typing
        ("mediator gemeente", [1, 6]),  # "mediators", "gemeenten"
        ("mediator aftale", []),  # every word required
        ('"regionale pool"', [6]),
        ('"pool regionale"', []),  # a phrase keeps its order
        ("coordinator", [7]),  # diacritics folded on both sides
        ("vuurtoren", []),
    ],
)
def test_inflections_find_each_other_in_a_real_fts5_table(fts, text, found):
    assert fts(text) == found


@pytest.mark.parametrize(
    "text", ['"', "x:*", "' OR 1=1 --", "a" * 300, "NEAR(a b)", "title:mediator", "^mægling", "-x", "a\u0301"]
)
def test_odd_input_is_searched_as_words_and_never_raises(fts, text):
    assert isinstance(fts(text), list)


SCRIPT = """
import io, json
from django.core.management import call_command
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth import get_user_model
from search.audience import audience_for, VISITOR
from search.backends import get_backend
from search.backends.base import SearchQuery
from search.models import SearchDocument
from search.services import did_you_mean, complete, search_page
from tests.search.helpers import DEMO_INFLECTIONS, place_of_match
backend = get_backend()
member = get_user_model().objects.get(email="lid@almere.example")
response = backend.search(SearchQuery(text="mediator"))
tagged = backend.search(SearchQuery(tags=("mediatorpool", "intervisie")))
stemmed = {}
for word in DEMO_INFLECTIONS:
    found = backend.search(SearchQuery(text=word, per_page=50))
    documents = {d.url: d for d in SearchDocument.objects.filter(url__in=[hit.url for hit in found.hits])}
    stemmed[word] = {
        "total": found.total,
        "hits": [
            {"title": hit.title, "snippet": str(hit.snippet), "place": place_of_match(documents[hit.url], word)}
            for hit in found.hits
        ],
        "suggestion": search_page(AnonymousUser(), {"q": word}).suggestion,
    }
status = io.StringIO()
call_command("search_status", stdout=status)
print(json.dumps({
    "backend": backend.name,
    "status": status.getvalue().splitlines()[-1],
    "total": response.total,
    "snippet": str(response.hits[0].snippet),
    "kinds": {v.value: v.count for v in response.facets["kind"]},
    "tagged": [hit.title for hit in tagged.hits],
    "stemmed": stemmed,
    "suggestion": did_you_mean("mediatr", SearchQuery(text="mediatr")),
    "complete": [o.label for o in complete(member, "Welke med", "nl")],
    "bad": [backend.search(SearchQuery(text=t)).total for t in ['"', "x:*", "' OR 1=1 --", "a" * 300]],
}))
"""


def test_the_quickstart_on_sqlite_indexes_the_demo_content_and_searches_it(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL"}}
    env.update({"DJANGO_SETTINGS_MODULE": "config.settings.dev", "DATABASE_URL": f"sqlite:///{tmp_path / 'q.sqlite3'}"})
    for command in (["migrate", "--no-input", "-v0"], ["demo_content"], ["shell", "-c", SCRIPT]):
        result = subprocess.run(
            [sys.executable, "manage.py", *command], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
        )
        assert result.returncode == 0, result.stderr[-3000:]
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["backend"] == "sqlite"
    # Every document has its stemmed full-text row (search_status would say which are missing).
    assert found["status"] == "The index matches the content."
    assert found["total"] >= 3 and "<mark>" in found["snippet"]
    assert found["kinds"]["page"] >= 3
    assert found["tagged"] == ["Samenwerken in de regio"]
    assert found["suggestion"] == "mediator"
    assert "Welke mediator past bij de zaak?" in found["complete"]
    assert all(isinstance(total, int) for total in found["bad"])
    assert_inflections_found_highlighted_and_ranked(found["stemmed"])


def assert_inflections_found_highlighted_and_ranked(stemmed):
    for word, result in stemmed.items():
        # Found, so no "did you mean" (least of all a stem of the word).
        assert result["total"] >= 1 and result["suggestion"] == "", word
        assert "<mark>" in result["hits"][0]["snippet"], word
        # A title holding the word ranks above every document that holds it in its body only.
        places = [hit["place"] for hit in result["hits"]]
        assert titles_rank_above_body_only(places), (word, places)

    def snippets(word):
        return {hit["title"]: hit["snippet"] for hit in stemmed[word]["hits"]}

    # The demo speaks of "bemiddelen" once (a training's summary): both other forms find it, highlighted.
    for word in ("bemiddeling", "bemiddelingen"):
        assert "<mark>bemiddelen</mark>" in snippets(word)["Specialisatie overheidsmediator"]
    # "Indfør mægling …" says "mægling" only; "Hvad er mægling …" also says "mæglingen".
    assert "<mark>mægling</mark>" in snippets("mæglingen")["Indfør mægling i din organisation"]
    assert stemmed["mæglingen"]["total"] >= 10
    assert any("<mark>mæglingen</mark>" in snippet for snippet in snippets("mægling").values())
    # Three English pages say "complaint" only, one "complaints".
    complaint = snippets("complaints")
    assert sum("<mark>complaint</mark>" in snippet for snippet in complaint.values()) >= 3
    assert "<mark>complaints</mark>" in complaint["Specialisation: government mediator"]
