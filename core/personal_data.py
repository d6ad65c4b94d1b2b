"""Personal-data detector: flags likely personal data in free text, so people can take it out before sharing.

It warns; the person decides. So it prefers missing an odd case to crying wolf on ordinary text: numbers are only
flagged when their checksum or format says they really are an identifier (BSN 11-proof, IBAN mod-97, a CPR
number with a real date), and years, amounts and article numbers of laws ("artikel 7:1 Awb") pass.

Used by worksheets, experiences and the forum.
"""

import hashlib
import re
from dataclasses import dataclass
from datetime import date

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


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
TITLES = r"(?:mr\.|mevr\.|mevrouw|meneer|dhr\.|de heer|hr\.|fru|frk\.|herr)"
NAME = re.compile(
    rf"(?<![\w]){TITLES} ((?:[A-ZÆØÅ]\.){{0,3}} ?(?:(?:van|de|der|den|ten|ter) )*[A-ZÆØÅ][\w'-]+)", re.IGNORECASE
)


def _is_capitalised_name(match: re.Match) -> bool:
    # The pattern is case-insensitive for the title; the name itself must start with a capital.
    name = match.group(1).split()[-1]
    return name[:1].isupper()


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
    for match in CPR.finditer(text):
        if is_valid_cpr_date(match.group(1)):
            findings.append(_finding("cpr", match, 0))
    for match in BSN.finditer(text):
        if is_valid_bsn(re.sub(r"\D", "", match.group(1))):
            findings.append(_finding("bsn", match, 1))
    for match in PHONE.finditer(text):
        findings.append(_finding("phone", match, 1))
    for match in POSTCODE.finditer(text):
        findings.append(_finding("postcode", match, 0))
    for match in NAME.finditer(text):
        if _is_capitalised_name(match):
            findings.append(_finding("name", match, 1))

    return _without_overlaps(findings)


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
