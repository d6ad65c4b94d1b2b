"""Snippets for the SQLite backend, cut from the original text with the matched words marked.

The FTS5 table holds stems (search.stemming), so FTS5's own snippet() would show "bemiddel" where the page says
"bemiddelen". Instead each word of the original text is stemmed in the document's language and marked when its stem
is one the query matches (or starts with a word typed as a prefix), exactly the comparison FTS5 made; a window of
words around the spot with the most different query terms is cut out. The result carries search.documents' markers
and goes through `highlight_html` like every backend's snippet, so the text is escaped before any <mark> is added.
"""

from search.documents import MARK_END, MARK_START, clean_text
from search.stemming import WORD, Term, fold, normalized, stems

WINDOW = 30  # words in a snippet
LEAD = 5  # words shown before the first match of the window, so it does not open on the match
ELLIPSIS = " … "


class Matcher:
    """Which query terms a document's word matches, given the word's stem in the document's language."""

    def __init__(self, terms: list[Term]):
        self.stems = [{fold(stem) for variant in term.variants for stem in variant} for term in terms]
        self.prefixes = [fold(term.prefix) for term in terms]

    def terms_of(self, stem: str) -> frozenset[int]:
        folded = fold(stem)
        return frozenset(
            number
            for number, (stems, prefix) in enumerate(zip(self.stems, self.prefixes, strict=True))
            if folded in stems or (prefix and folded.startswith(prefix))
        )


def snippet(terms: list[Term], language: str, texts: list[str], window: int = WINDOW) -> str | None:
    """The first of `texts` that holds a match, cut around its best spot, matched words between the markers; the
    start of the first non-empty text when none matches; None when all are empty."""
    matcher = Matcher(terms)
    first = None
    for text in texts:
        # Stored text is cleaned when indexed; cleaned again so that only this function ever sets a marker.
        text = clean_text(normalized(text))
        words = list(WORD.finditer(text))
        if not words:
            continue
        matched = [matcher.terms_of(stem) for stem in stems([word.group(0) for word in words], language)]
        if any(matched):
            return _cut(text, words, matched, _best_start(matched, window), window)
        if first is None:
            first = _cut(text, words, matched, 0, window)
    return first


def _best_start(matched: list[frozenset[int]], window: int) -> int:
    """Where the window starts: around the match whose window covers the most different terms, then the most
    matched words; the earliest of equals."""
    best, best_score = 0, (-1, -1)
    for position, found in enumerate(matched):
        if not found:
            continue
        start = max(0, position - LEAD)
        covered = matched[start : start + window]
        score = (len(frozenset().union(*covered)), sum(1 for terms in covered if terms))
        if score > best_score:
            best, best_score = start, score
    return best


def _cut(text: str, words, matched: list[frozenset[int]], start: int, window: int) -> str:
    end = min(len(words), start + window)
    begin = 0 if start == 0 else words[start].start()
    finish = len(text) if end == len(words) else words[end - 1].end()
    parts, position = [], begin
    for word, found in zip(words[start:end], matched[start:end], strict=True):
        if found:
            parts += [text[position : word.start()], MARK_START, word.group(0), MARK_END]
            position = word.end()
    parts.append(text[position:finish])
    marked = "".join(parts)
    return (ELLIPSIS.lstrip() if start else "") + marked + (ELLIPSIS.rstrip() if end < len(words) else "")
