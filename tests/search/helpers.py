"""What the search specs share."""

import re

# A private forum group, as the forum reports group membership to search (documents are stored directly).
PRIVATE_GROUP_ID = 4242

# Words the quickstart must understand (issue: Dutch and Danish stemming), with their forms in the demo content.
DEMO_INFLECTIONS = {
    "bemiddeling": {"bemiddeling", "bemiddelingen", "bemiddelen"},
    "bemiddelingen": {"bemiddeling", "bemiddelingen", "bemiddelen"},
    "mæglingen": {"mægling", "mæglingen"},
    "mægling": {"mægling", "mæglingen"},
    "complaints": {"complaint", "complaints"},
}


def place_of_match(document, word: str) -> str:
    """Where a search document holds `word`: "title", "other" (tags or summary) or "body only". A form of it in
    DEMO_INFLECTIONS counts, and so does a word starting with the word as typed (typed words match as prefixes)."""
    forms = DEMO_INFLECTIONS[word]

    def holds(text):
        return any(found in forms or found.startswith(word) for found in re.findall(r"\w+", text.lower()))

    if holds(document.title):
        return "title"
    return "other" if holds(document.summary) or holds(document.tags_text) else "body only"


def titles_rank_above_body_only(places: list[str]) -> bool:
    """No title match after the first match in the body only."""
    return "body only" not in places or "title" not in places[places.index("body only") :]
