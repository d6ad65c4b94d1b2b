"""Snowball stemming for the SQLite backend: the same word splitting and stems for the indexed text and the query.

PostgreSQL stems with its text search configurations and Elasticsearch with its analyzers; SQLite's FTS5 has no
stemming tokenizer, and a custom one cannot be written in Python with the standard sqlite3 module. So the SQLite
backend stems in Python: a document's text in its own language (`stemmed_text`) before it goes into the FTS5 table,
and each query word in every configured language (`query_terms`), as PostgreSQL ORs one tsquery per configuration.
The Snowball stemmers are PostgreSQL's own algorithms (`dutch`, `danish`, `english`), so inflections find each other
the same way on both.

Words are runs of letters and digits; FTS5's unicode61 tokenizer then folds case and diacritics of the stems on both
sides, which `fold` reproduces for the highlighter (search.highlight).
"""

import re
import threading
import unicodedata
from dataclasses import dataclass

import Stemmer  # type: ignore[import-not-found]  # PyStemmer ships no type information

from search import conf

WORD = re.compile(r"[^\W_]+")
_PHRASE_OR_WORD = re.compile(r'"([^"]*)"|([^\W_]+)')
PREFIX_MIN_LENGTH = 3
_local = threading.local()


def normalized(text: str) -> str:
    """Composed characters, so that an accent typed as a separate mark stays part of its word."""
    return unicodedata.normalize("NFC", text or "")


def stemmer(language: str):
    """The Snowball stemmer of a language, or None (text is then indexed as written). One per thread: a PyStemmer
    instance keeps state between calls and must not be used by two threads at once (runserver is threaded)."""
    stemmers = getattr(_local, "stemmers", None)
    if stemmers is None:
        stemmers = _local.stemmers = {}
    if language not in stemmers:
        algorithm = conf.text_search_config(language)
        stemmers[language] = Stemmer.Stemmer(algorithm) if algorithm in Stemmer.algorithms() else None
    return stemmers[language]


def stems(words: list[str], language: str) -> list[str]:
    """Each word lowercased and stemmed in the language (the stemmers expect lowercase)."""
    lowered = [word.lower() for word in words]
    found = stemmer(language)
    return found.stemWords(lowered) if found else lowered


def stemmed_text(text: str, language: str) -> str:
    """What the FTS5 table holds for a text: its words' stems in order, so phrases still match word for word."""
    return " ".join(stems(WORD.findall(normalized(text)), language))


def fold(word: str) -> str:
    """A word as FTS5's `unicode61 remove_diacritics 2` compares it: lowercase, without accents (æ, ø stay)."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@dataclass(frozen=True)
class Term:
    """One part of a query that a document must match: a word, matched by its stem in any configured language or,
    typed with three letters or more, as a prefix (a word still being typed); or a quoted phrase, matched by its
    words' stems in a row in one of the languages. Every term is required."""

    variants: tuple[tuple[str, ...], ...]  # stem sequences, one per language, without duplicates
    prefix: str = ""

    def covered_by_prefix(self, variant: tuple[str, ...]) -> bool:
        return bool(self.prefix) and len(variant) == 1 and fold(variant[0]).startswith(fold(self.prefix))


def query_terms(text: str, languages=None) -> list[Term]:
    """The terms of what a person typed. Every configured language, whatever the language filter (as PostgreSQL
    does): matching and the language facet's counts then agree on what matches."""
    languages = list(languages or conf.languages())
    terms = []
    for phrase, word in _PHRASE_OR_WORD.findall(normalized(text)):
        words = WORD.findall(phrase) if phrase else [word] if word else []
        if not words:
            continue
        variants = tuple(dict.fromkeys(tuple(stems(words, language)) for language in languages))
        prefix = word.lower() if word and len(word) >= PREFIX_MIN_LENGTH else ""
        terms.append(Term(variants=variants, prefix=prefix))
    return terms
