"""Names of people in free text, for the personal-data detector (`core.personal_data`).

A capitalised word is not a name by itself: Dutch and Danish texts are full of capitalised places, organisations,
months and words that open a sentence. So a name counts only with evidence around it:

- a title or form of address before it ("mevrouw Jansen", "hr. Hansen", "de heer J. de Vries", "fru Jensen");
- a known first name before a capitalised surname ("Jan de Vries", "Mette Nielsen", "Lars Løkke Rasmussen");
- initials before a surname ("J. de Vries", "H.C. Petersen");
- a known surname after a capitalised word, or after a tussenvoegsel ("Lotte Jansen", "van Dijk", "de Vries");
- a surname that is hardly anything else on its own ("Jansen belde", "Nielsen har ringet": -sen, -gaard, -stra).

The word lists are data (`core/data/names_*.txt`, `core/data/not_names.txt`): common first names and surnames,
and the capitalised words that are never part of a name (places, organisations, months, roles).
"""

import re
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
LANGUAGES = ("nl", "da")

# Latin-1 and Latin Extended-A letters (Yıldız, Łukasz): upper case listed, lower case by range.
UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
LOWER = "a-zß-öø-ÿā-ž"
# A capitalised word, possibly double-barrelled (Anne-Marie, Van Hout-Smit); never all capitals (BSN, GGD).
CAP = rf"[{UPPER}][{LOWER}'’]+(?:-[{UPPER}][{LOWER}'’]+)?"
INITIALS = rf"(?:[{UPPER}]\.(?: ?[{UPPER}]\.){{0,3}})"
TUSSEN = r"(?:van der|van den|van de|van 't|van|de|den|der|ter|ten|te|in 't|op de|op den|von|le|la|du|da|di)"
TITLES = (
    r"(?:mevrouw|mevr\.?|mw\.|meneer|mijnheer|de heer|dhr\.?|mr\.|drs\.|dr\.|ir\.|prof\.|familie|fam\.|"
    r"fru|frk\.|frøken|hr\.|herr|familien|mrs\.?|ms\.|"
    r"wethouder|burgemeester|advocaat|buurman|buurvrouw|borgmester|rådmand|advokat|naboen)"
)
STREET_END = re.compile(
    r"(?<=\w)(?:straat|weg|laan|plein|gracht|kade|singel|dijk|steeg|dreef|markt|gade|vej|allé|plads|stræde|torv|vænge|"
    r"boulevard)s?$",
    re.IGNORECASE,
)
# Institutions named after a person ("Niels Brocks Handelsskole", "Anne Frank Huis", "Erasmus Ziekenhuis").
INSTITUTION = re.compile(
    r"^(?:huis|huset|prijs|pris|prisen|kerk|kirke|fonds|fond|fonden|lezing)$"  # alone: Nieuwenhuis is a surname
    r"|(?:skole|school|scholen|instituut|institut|instituttet|museum|museet|ziekenhuis|hospital|hospitalet|kliniek|"
    r"klinik|centrum|center|centret|college|gymnasium|stichting|kazerne|kollegium|universitet|universiteit)$",
    re.IGNORECASE,
)
# Surnames that stand alone: patronymics and regional endings that are hardly ever an ordinary word.
DISTINCT_ENDING = re.compile(r"(?:sen|gaard|stra|sma|ema)$")

TITLED = re.compile(
    rf"(?<![\w.])(?i:{TITLES})\s+((?:{INITIALS} ?)?(?:(?:{TUSSEN}|(?i:{TUSSEN})) )?{CAP}"
    rf"(?: (?:{TUSSEN} )?{CAP})?)(?![\w])"
)
# A first name, up to two middle names or initials, a tussenvoegsel, a surname: one pattern per number of middle
# parts, tried longest first at every capitalised word, because the longest match may end on a place or a month.
FULL = [re.compile(rf"({CAP})((?: (?:{INITIALS}|{CAP})){{{n}}}) (?:({TUSSEN}) )?({CAP})(?![\w-])") for n in (2, 1, 0)]
CAP_START = re.compile(rf"(?<![\w.'’-])(?={CAP})")
WITH_INITIALS = re.compile(rf"(?<![\w.])({INITIALS}) ?(?:({TUSSEN}|(?i:{TUSSEN})) )?({CAP})(?![\w-])")
AFTER_TUSSEN = re.compile(rf"(?<![\w])((?i:{TUSSEN})) ({CAP})(?![\w-])")
ALONE = re.compile(rf"(?<![\w.-])({CAP})(?![\w-])")
TUSSEN_WORDS = {"van", "der", "den", "de", "ter", "ten", "te", "in", "op", "von", "le", "la", "du", "da", "di"}
NOT_INITIALS = {"N.B.", "P.S.", "A.U.B.", "T.A.V.", "I.V.M.", "E.U.", "U.S.", "C.Q."}


def _read_sections(path: Path) -> dict[str, set[str]]:
    sections: dict[str, set[str]] = {}
    current = ""
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            continue
        sections.setdefault(current, set()).add(line)
    return sections


@cache
def lists() -> dict[str, frozenset[str]]:
    """{"first", "surname", "surname, also a word", "not"}: the word lists of every language together."""
    merged: dict[str, set[str]] = {"first": set(), "surname": set(), "surname, also a word": set()}
    for language in LANGUAGES:
        for section, names in _read_sections(DATA / f"names_{language}.txt").items():
            merged[section] |= names
    not_names = {word.casefold() for words in _read_sections(DATA / "not_names.txt").values() for word in words}
    return {**{key: frozenset(value) for key, value in merged.items()}, "not": frozenset(not_names)}


def _base(word: str) -> str:
    """The name without a possessive ending (Jensens, Jansen's); a listed name stays as it is (Hendriks)."""
    known = lists()
    if word in known["surname"] or word in known["surname, also a word"] or word in known["first"]:
        return word
    for ending in ("'s", "’s", "s"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[: -len(ending)]
            if stem in lists()["surname"] or stem in lists()["surname, also a word"] or stem in lists()["first"]:
                return stem
    return word


def _not_a_name(word: str) -> bool:
    return (
        word.casefold() in lists()["not"]
        or _base(word).casefold() in lists()["not"]
        or bool(STREET_END.search(word))
        or bool(INSTITUTION.search(word))
    )


def _names_an_institution(text: str, end: int) -> bool:
    following = re.match(rf" ({CAP})", text[end:])
    return bool(following and INSTITUTION.search(following.group(1)))


def _is_first(word: str) -> bool:
    return word in lists()["first"] or all(part in lists()["first"] for part in word.split("-"))


def _is_surname(word: str, *, also_words: bool) -> bool:
    base = _base(word)
    names = lists()["surname"] | lists()["surname, also a word"] if also_words else lists()["surname"]
    return base in names or all(part in names for part in base.split("-"))


def _is_full_name(match: re.Match) -> bool:
    first, middle, last = match.group(1), match.group(2), match.group(4)
    middles = re.findall(CAP, middle or "")
    if any(_not_a_name(word) for word in [first, last, *middles]):
        return False
    # Either the first name is a known one, or the surname is (and is not also an ordinary word or a place).
    return _is_first(first) or _is_surname(last, also_words=False)


def find(text: str) -> list[tuple[int, int]]:
    """Spans of likely names of people in `text` (overlapping spans possible; the caller keeps the first)."""
    return [*_titled(text), *_full_names(text), *_with_initials(text), *_after_tussen(text), *_alone(text)]


def _titled(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in TITLED.finditer(text):
        words = [
            word for word in match.group(1).split() if re.fullmatch(CAP, word) and word.lower() not in TUSSEN_WORDS
        ]
        if words and not any(_not_a_name(word) for word in words):
            spans.append(match.span(1))
    return spans


def _full_names(text: str) -> list[tuple[int, int]]:
    spans = []
    for start in CAP_START.finditer(text):
        for pattern in FULL:
            match = pattern.match(text, start.start())
            if match and _is_full_name(match) and not _names_an_institution(text, match.end()):
                spans.append(match.span())
                break
    return spans


def _with_initials(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in WITH_INITIALS.finditer(text):
        initials, surname = match.group(1), match.group(3)
        if initials.replace(" ", "").upper() in NOT_INITIALS or _not_a_name(surname):
            continue
        if not _names_an_institution(text, match.end()):
            spans.append(match.span())
    return spans


def _after_tussen(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in AFTER_TUSSEN.finditer(text):
        tussen, surname = match.group(1), match.group(2)
        # "van Dijk", "van den Bos": after "van" even a surname that is also a word is a name; "de Dam" is a square.
        also_words = tussen.lower().startswith("van")
        if _is_surname(surname, also_words=also_words) and not _not_a_name(match.group(0)) and not _not_a_name(surname):
            spans.append(match.span())
    return spans


def _alone(text: str) -> list[tuple[int, int]]:
    return [
        match.span()
        for match in ALONE.finditer(text)
        if DISTINCT_ENDING.search(_base(match.group(1))) and _is_surname(match.group(1), also_words=False)
    ]
