"""Personal-data detector: flags likely personal data in free text, so people can take it out before sharing.

It warns; the person decides. So it prefers missing an odd case to crying wolf on ordinary text: numbers are only
flagged when their checksum or format says they really are an identifier (BSN 11-proof, IBAN mod-97, a CPR
number with a real date), and years, amounts and article numbers of laws ("artikel 7:1 Awb") pass. Dates count
only with words that make them a date of birth, streets only with a house number, names only with evidence
around them (a known first name, a title, initials, a known surname).

Used by every form where members type free text (`core.forms.PersonalDataCheck`): worksheets and their comments,
checklist notes, experiences, the forum, case registers and the pool. Names are read with the word lists in
`core/data` (`core.personal_names`); `python -m core.personal_data_eval` measures recall and precision on a labelled
set and writes docs/personal_data_detector.md.
"""

import hashlib
import re
from dataclasses import dataclass
from datetime import date

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from core import personal_names


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int
    text: str
    message: Promise | str


MESSAGES = {
    "bsn": _("This looks like a Dutch citizen service number (BSN)."),
    "cpr": _("This looks like a Danish CPR number."),
    "iban": _("This looks like a bank account number (IBAN)."),
    "email": _("This looks like an e-mail address."),
    "phone": _("This looks like a phone number."),
    "postcode": _("This looks like an address (postcode and house number)."),
    "address": _("This looks like an address (street and house number)."),
    "birthdate": _("This looks like a date of birth."),
    "name": _("This looks like the name of a person."),
}

# --- checksums -------------------------------------------------------------------------------------------------


def is_valid_bsn(digits: str) -> bool:
    """The 11-proof: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is divisible by 11 (and the number is not all zeros)."""
    if len(digits) != 9 or not digits.isdigit() or set(digits) == {"0"}:
        return False
    weights = [9, 8, 7, 6, 5, 4, 3, 2, -1]
    return sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11 == 0


# Lengths of the IBANs people here are likely to paste; other countries are checked on the checksum alone.
IBAN_LENGTHS = {"NL": 18, "DK": 18, "BE": 16, "DE": 22, "FR": 27, "GB": 22, "SE": 24, "NO": 15, "FI": 18, "LU": 20}


def is_valid_iban(iban: str) -> bool:
    iban = iban.replace(" ", "").upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", iban):
        return False
    expected = IBAN_LENGTHS.get(iban[:2])
    if expected is not None and len(iban) != expected:
        return False
    rearranged = iban[4:] + iban[:4]
    number = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(number) % 97 == 1


def is_valid_cpr_date(ddmmyy: str) -> bool:
    day, month, year = int(ddmmyy[:2]), int(ddmmyy[2:4]), int(ddmmyy[4:6])
    for century in (1900, 2000):
        try:
            date(century + year, month, day)
        except ValueError:
            continue
        return True
    return False


# --- patterns --------------------------------------------------------------------------------------------------

# Digits must not touch other digits, letters or a colon/period-digit continuation ("7:1", "1.250,00").
_EDGE_BEFORE = r"(?<![\w:.,/-])"
_EDGE_AFTER = r"(?![\w:/-]|[.,]\d)"

BSN = re.compile(_EDGE_BEFORE + r"(\d{4}\.\d{2}\.\d{3}|\d{3}[ .]\d{3}[ .]\d{3}|\d{9})" + _EDGE_AFTER)
CPR = re.compile(_EDGE_BEFORE + r"(\d{6})[-–](\d{4})" + _EDGE_AFTER)
IBAN = re.compile(r"(?<![\w])([A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?)(?![\w])", re.IGNORECASE)
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-])")
PHONE = re.compile(
    _EDGE_BEFORE + r"("
    # Dutch mobile and landline: 06-12345678, 06 1234 5678, 020-1234567, 0031 6 12345678, +31 (0)6 12345678
    r"(?:\+31|0031)[ -]?(?:\(0\)[ -]?)?[1-9](?:[ -]?\d){8}"
    r"|0[1-9](?:[ -]?\d){8}"
    # Danish: +45 12 34 56 78, 0045 12345678, or four pairs 12 34 56 78
    r"|(?:\+45|0045)[ -]?(?:\d{2}[ -]?){3}\d{2}"
    r"|\d{2} \d{2} \d{2} \d{2}"
    r")" + _EDGE_AFTER
)
# Dutch postcode (never starts with 0; SA, SD and SS are not issued) next to a house number on either side.
_POSTCODE = r"[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}"
POSTCODE = re.compile(
    rf"(?<![\w])(?:{_POSTCODE}[ ,]+\d{{1,5}}[a-zA-Z]?|[A-Z][a-zà-ÿ]+(?:straat|weg|laan|plein|gracht|kade|singel|dijk|"
    rf"pad|hof|markt|steeg)? \d{{1,5}}[a-zA-Z]?, ?{_POSTCODE})(?![\w])"
)
# A street and house number, Dutch or Danish, with the Danish floor and side, postcode and town when given:
# "Kerkstraat 12", "Jan van Galenstraat 4b", "Vester Voldgade 2A, 1552 København V", "Nørre Allé 14, 2. tv.".
# The street is known by its ending; the house number has at most three digits, so "Arbeidsmarkt 2025" passes.
_STREET_SUFFIX = (
    r"(?:straat|weg|laan|plein|gracht|kade|singel|dijk|steeg|dreef|markt|hof|haven|wal|"
    r"gade|gaden|vej|vejen|allé|alle|alléen|plads|pladsen|stræde|strædet|torv|torvet|vænge|boulevard|kaj)"
)
_UP, _LOW = personal_names.UPPER, personal_names.LOWER
_STREET_WORD = rf"[{_UP}][{_LOW}]*{_STREET_SUFFIX}"
_STREET_ALONE = r"(?:Allé|Alle|Boulevard|Plads|Torv|Vej|Gade|Stræde|Gracht|Kade|Plein|Laan|Weg|Straat|Singel|Dijk)"
# Words before the street's own word ("Jan van Galen", "Vester", "H.C. Andersens"); the first is capitalised, so an
# article before the street ("aan het Stadhuisplein 1") stays out of the finding.
_CAP_PREFIX = rf"(?:[{_UP}][{_LOW}.'’-]*|[{_UP}]\.(?:[{_UP}]\.)*)"
_STREET_PREFIX = rf"(?:{_CAP_PREFIX} (?:(?:{_CAP_PREFIX}|van|de|der|den|het|ter|ten|'t) ){{0,2}})"
ADDRESS = re.compile(
    rf"(?<![\w])(?:{_STREET_PREFIX}?{_STREET_WORD}|{_STREET_PREFIX}{_STREET_ALONE})"
    r" \d{1,3}(?: ?[a-zA-Z](?![\w]))?(?:-\d{1,3})?"
    r"(?:,? (?:st\.|kl\.|\d{1,2}\.)(?: ?(?:sal|th|tv|mf)\.?)?)?"
    rf"(?:,? [1-9]\d{{3}} (?:Kgs\. )?[{_UP}][{_LOW}]+(?: [{_UP}](?![\w]))?)?"
    r"(?![\w]|[.,:]\d)"
)
_MONTHS = (
    r"(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
    r"januar|februar|marts|maj|august|jan|feb|mrt|mar|apr|jun|jul|aug|sep|sept|okt|nov|dec)\.?"
)
_DATE = rf"(?:\d{{1,2}}[-./]\d{{1,2}}[-./](?:\d{{4}}|\d{{2}})|\d{{1,2}}\.? {_MONTHS} \d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
# A date is a date of birth only when the words around it say so; meeting dates and deadlines pass.
_BORN = (
    r"(?:geboren(?: op| de)?|geb\.|geboortedatum(?: is)?|geb\.datum|født(?: den| d\.)?|(?<![\w.])f\.|"
    r"fødselsdato(?: er)?|fødselsdag|born(?: on)?|date of birth|dob)"
)
BIRTHDATE = re.compile(
    rf"(?<![\w]){_BORN}:? ({_DATE})(?![\w]|[.,]\d)|(?<![\w])({_DATE}) (?:geboren|født)(?![\w])", re.IGNORECASE
)
# "Geboortedatum van de aanvrager: 2 februari 1948": the noun may stand a few words before the date.
BIRTHDATE_LATER = re.compile(
    rf"(?<![\w])(?:geboortedatum|fødselsdato|date of birth)[^\d\n.;]{{1,40}}?({_DATE})(?![\w]|[.,]\d)", re.IGNORECASE
)
# Ten digits whose first six are a real date: a CPR number written without its dash. A Dutch mobile number
# (06 and eight digits) looks the same; the words before it decide, and without any it stays a phone number.
CPR_UNDASHED = re.compile(_EDGE_BEFORE + r"(\d{6}) ?(\d{4})" + _EDGE_AFTER)
_CPR_CUE = re.compile(r"cpr|personnummer|person-nr|personnr", re.IGNORECASE)
_PHONE_CUE = re.compile(
    r"(?<![\w])(?:tel|tlf|telefo\w*|mobi\w*|ring\w*|bel\w*|bereikbaar|phone)(?![\w])", re.IGNORECASE
)
# Danish numbers are eight digits, never starting with 0 or 1: "3366 1400", or after a cue "33661400".
PHONE_DK = re.compile(_EDGE_BEFORE + r"([2-9]\d{3} \d{4})" + _EDGE_AFTER)
PHONE_AFTER_CUE = re.compile(
    r"(?<![\w])(?:tlf|telefon|tel|mobil|mob|ring(?:e)? (?:på|til)|telefoonnummer|telefonnummer|bel(?:len)?(?: op)?)"
    r"\.?:? ?(?<![\w.,/-])(\d{8})" + _EDGE_AFTER,
    re.IGNORECASE,
)


_COUNTRY_CODE_BEFORE = re.compile(r"(?:\+|00)\d{2}[ -]?(?:\(0\)[ -]?)?$")


def _cue_before(pattern: re.Pattern, text: str, start: int, width: int = 30) -> bool:
    return bool(pattern.search(text[max(0, start - width) : start]))


def _looks_like_years(digits: str) -> bool:
    return 1900 <= int(digits.split()[0]) <= 2099


def detect(text: str) -> list[Finding]:
    """Every likely piece of personal data in `text`, in order of appearance, without overlaps."""
    if not text:
        return []
    findings: list[Finding] = []

    for match in IBAN.finditer(text):
        if is_valid_iban(match.group(1)):
            findings.append(_finding("iban", match, 1))
    for match in EMAIL.finditer(text):
        findings.append(_finding("email", match, 0))
    for match in BIRTHDATE.finditer(text):
        findings.append(_finding("birthdate", match, 1 if match.group(1) else 2))
    for match in BIRTHDATE_LATER.finditer(text):
        findings.append(_finding("birthdate", match, 1))
    for match in CPR.finditer(text):
        if is_valid_cpr_date(match.group(1)):
            findings.append(_finding("cpr", match, 0))
    for match in CPR_UNDASHED.finditer(text):
        if is_valid_cpr_date(match.group(1)) and _reads_as_cpr(text, match):
            findings.append(_finding("cpr", match, 0))
    for match in BSN.finditer(text):
        # "+31 320 000 084" is a phone number whose last nine digits happen to pass the 11-proof.
        after_country_code = _COUNTRY_CODE_BEFORE.search(text, 0, match.start(1))
        if is_valid_bsn(re.sub(r"\D", "", match.group(1))) and not after_country_code:
            findings.append(_finding("bsn", match, 1))
    for match in PHONE.finditer(text):
        findings.append(_finding("phone", match, 1))
    for match in PHONE_AFTER_CUE.finditer(text):
        findings.append(_finding("phone", match, 1))
    for match in PHONE_DK.finditer(text):
        if not _looks_like_years(match.group(1)) or _cue_before(_PHONE_CUE, text, match.start()):
            findings.append(_finding("phone", match, 1))
    for match in POSTCODE.finditer(text):
        findings.append(_finding("postcode", match, 0))
    for match in ADDRESS.finditer(text):
        findings.append(_finding("address", match, 0))
    for start, end in personal_names.find(text):
        findings.append(Finding(kind="name", start=start, end=end, text=text[start:end], message=MESSAGES["name"]))

    return _without_overlaps(findings)


def _reads_as_cpr(text: str, match: re.Match) -> bool:
    if _cue_before(_CPR_CUE, text, match.start()):
        return True
    if _cue_before(_PHONE_CUE, text, match.start()):
        return False
    return not match.group(0).startswith("06")


def _finding(kind: str, match: re.Match, group: int) -> Finding:
    start, end = match.span(group)
    return Finding(kind=kind, start=start, end=end, text=match.group(group), message=MESSAGES[kind])


def _without_overlaps(findings: list[Finding]) -> list[Finding]:
    """Keep the first (most specific kinds are detected first) of overlapping findings."""
    kept: list[Finding] = []
    for finding in findings:
        if all(finding.end <= other.start or finding.start >= other.end for other in kept):
            kept.append(finding)
    return sorted(kept, key=lambda f: f.start)


# --- showing findings to the writer ---------------------------------------------------------------------------------

CONTEXT_CHARS = 40  # words around a finding, so the writer recognises the passage


def passages(texts) -> list[dict]:
    """[(field name, label, text)] → the findings with the words around them, ready to show (the template escapes
    them)."""
    rows = []
    for field, label, text in texts:
        text = text or ""
        for finding in detect(text):
            rows.append(
                {
                    "field": field,
                    "label": label,
                    "kind": finding.kind,
                    "before": text[max(0, finding.start - CONTEXT_CHARS) : finding.start],
                    "text": finding.text,
                    "after": text[finding.end : finding.end + CONTEXT_CHARS],
                    "message": finding.message,
                }
            )
    return rows


def passages_digest(rows: list[dict]) -> str:
    """Identifies the exact findings someone confirmed, so a confirmation never covers text added afterwards."""
    key = "\n".join(f"{row['field']}|{row['kind']}|{row['text']}" for row in rows)
    return hashlib.sha256(key.encode()).hexdigest()[:32] if rows else ""
