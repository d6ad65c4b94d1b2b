"""The letter confirming an informal approach (BIA), as a Word document (.docx) the officer completes and sends.

The letter is addressed to "the citizen": the platform never stores an address, so the document leaves blank lines
under the addressee for the officer to fill in from their own case system. Its wording is the organisation's own
(`LetterTemplate`, one per language) or the platform's default below, written per language rather than translated
through the UI catalogue: a letter is written in the language of the citizen, which need not be the officer's.

A template is plain text with placeholders in braces (`{call_date}`); `{{` and `}}` are a literal brace. A line that
holds only `{agreements}` or `{actions}` becomes one paragraph per line of that text (the actions as a bulleted list);
a line in which a placeholder has nothing to fill in (such as `{remaining}` when nothing of the objection remains) is
left out of the letter.
"""

import re
from dataclasses import dataclass
from io import BytesIO

from django.utils import formats, timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from docx import Document
from docx.shared import Pt

from cases.choices import CaseKind, ObjectionResult

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

# What a template may use, and what each placeholder becomes (shown in the template editor).
PLACEHOLDERS = {
    "reference": _("your organisation's reference of the case"),
    "call_date": _("the date of the call, written out in the letter's language"),
    "matter": _("what the letter is about: 'your objection', 'your complaint' or 'the matter'"),
    "agreements": _("what was agreed (alone on a line: one paragraph per line)"),
    "actions": _("who does what, by when (alone on a line: a bulleted list)"),
    "result": _("a sentence saying what became of the objection or complaint"),
    "remaining": _("what remains of the objection, when it was partly withdrawn (the line is left out otherwise)"),
    "organisation": _("the name of your organisation"),
}

# `{{`, `}}`, a placeholder, or a brace that belongs to neither.
TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")

DEFAULT_BODIES = {
    "nl": "\n".join(
        [
            "Geachte heer, mevrouw,",
            "",
            (
                "Op {call_date} hebben wij telefonisch met u gesproken over {matter}. Dank u wel dat u daarvoor "
                "de tijd nam. In deze brief zetten wij op een rij wat wij samen hebben afgesproken."
            ),
            "",
            "Wat wij hebben afgesproken:",
            "{agreements}",
            "",
            "Wie wat doet, en wanneer:",
            "{actions}",
            "",
            "{result}",
            "Wat nog overblijft, en wat wij dus verder behandelen: {remaining}",
            "",
            (
                "Klopt er iets niet in deze brief, of bent u het er niet mee eens? Laat het ons dan binnen twee "
                "weken weten. U kunt ons bellen of schrijven; vermeld daarbij het kenmerk boven aan deze brief."
            ),
            "",
            "Met vriendelijke groet,",
            "",
            "{organisation}",
        ]
    ),
    "da": "\n".join(
        [
            "Kære borger",
            "",
            (
                "Vi talte sammen i telefonen den {call_date} om {matter}. Tak fordi du tog dig tid til samtalen."
                " I dette brev samler vi op på det, vi aftalte."
            ),
            "",
            "Det aftalte vi:",
            "{agreements}",
            "",
            "Hvem gør hvad, og hvornår:",
            "{actions}",
            "",
            "{result}",
            "Det, der er tilbage, og som vi derfor behandler videre: {remaining}",
            "",
            (
                "Er der noget i brevet, som ikke passer, eller er du uenig? Så giv os besked inden for to uger. "
                "Du kan ringe eller skrive til os; oplys venligst sagsnummeret øverst i brevet."
            ),
            "",
            "Med venlig hilsen",
            "",
            "{organisation}",
        ]
    ),
    "en": "\n".join(
        [
            "Dear Sir or Madam,",
            "",
            (
                "On {call_date} we spoke with you by phone about {matter}. Thank you for taking the time. This "
                "letter sets out what we agreed together."
            ),
            "",
            "What we agreed:",
            "{agreements}",
            "",
            "Who does what, and when:",
            "{actions}",
            "",
            "{result}",
            "What remains, and what we will therefore continue to handle: {remaining}",
            "",
            (
                "If anything in this letter is not right, or if you do not agree with it, please let us know "
                "within two weeks. You can call or write to us; please quote the reference at the top of this "
                "letter."
            ),
            "",
            "Yours faithfully,",
            "",
            "{organisation}",
        ]
    ),
}


@dataclass(frozen=True)
class Wording:
    """The fixed parts of the letter in one language."""

    addressee: dict[str, str]  # by case kind group: "objection", "complaint", "other"
    matter: dict[str, str]
    results: dict[str, dict[str, str]]  # by kind group, then by ObjectionResult
    reference: str
    date: str
    subject: str
    no_actions: str
    date_format: str  # dates written out as a letter writes them, not the UI's abbreviations ("Sept. 4")


WORDINGS = {
    "nl": Wording(
        addressee={
            "objection": "Aan: de indiener van het bezwaar",
            "complaint": "Aan: de indiener van de klacht",
            "other": "Aan: de betrokkene",
        },
        matter={"objection": "uw bezwaar", "complaint": "uw klacht", "other": "de kwestie"},
        results={
            "objection": {
                ObjectionResult.WITHDRAWN: "U heeft uw bezwaar ingetrokken. Wij behandelen het daarom niet verder.",
                ObjectionResult.PARTLY_WITHDRAWN: "U heeft uw bezwaar voor een deel ingetrokken.",
                ObjectionResult.KEPT: "U houdt uw bezwaar aan. Wij behandelen het verder in de bezwaarprocedure; "
                "u hoort van ons hoe het verdergaat.",
            },
            "complaint": {
                ObjectionResult.WITHDRAWN: "U heeft uw klacht ingetrokken. Wij behandelen haar daarom niet verder.",
                ObjectionResult.PARTLY_WITHDRAWN: "U heeft uw klacht voor een deel ingetrokken.",
                ObjectionResult.KEPT: "U houdt uw klacht aan. Wij behandelen haar verder; u hoort van ons hoe het "
                "verdergaat.",
            },
            "other": {
                ObjectionResult.WITHDRAWN: "Met deze afspraken is de kwestie afgerond.",
                ObjectionResult.PARTLY_WITHDRAWN: "Met deze afspraken is de kwestie voor een deel afgerond.",
                ObjectionResult.KEPT: "De kwestie is met dit gesprek nog niet afgerond; wij behandelen haar verder.",
            },
        },
        reference="Ons kenmerk",
        date="Datum",
        subject="Onderwerp: bevestiging van ons gesprek van {call_date}",
        no_actions="Er zijn geen verdere acties afgesproken.",
        date_format="j F Y",
    ),
    "da": Wording(
        addressee={
            "objection": "Til: borgeren",
            "complaint": "Til: borgeren",
            "other": "Til: den involverede part",
        },
        matter={"objection": "din klage over afgørelsen", "complaint": "din klage", "other": "sagen"},
        results={
            "objection": {
                ObjectionResult.WITHDRAWN: "Du har trukket din klage tilbage, og vi behandler den derfor ikke videre.",
                ObjectionResult.PARTLY_WITHDRAWN: "Du har trukket en del af din klage tilbage.",
                ObjectionResult.KEPT: "Du fastholder din klage. Vi behandler den videre, og du hører fra os om det "
                "videre forløb.",
            },
            "complaint": {
                ObjectionResult.WITHDRAWN: "Du har trukket din klage tilbage, og vi behandler den derfor ikke videre.",
                ObjectionResult.PARTLY_WITHDRAWN: "Du har trukket en del af din klage tilbage.",
                ObjectionResult.KEPT: "Du fastholder din klage. Vi behandler den videre, og du hører fra os om det "
                "videre forløb.",
            },
            "other": {
                ObjectionResult.WITHDRAWN: "Med disse aftaler er sagen afsluttet.",
                ObjectionResult.PARTLY_WITHDRAWN: "Med disse aftaler er sagen delvist afsluttet.",
                ObjectionResult.KEPT: "Sagen er ikke afsluttet med samtalen; vi behandler den videre.",
            },
        },
        reference="Vores sagsnummer",
        date="Dato",
        subject="Om: opsamling på vores samtale den {call_date}",
        no_actions="Vi har ikke aftalt yderligere.",
        date_format="j. F Y",
    ),
    "en": Wording(
        addressee={
            "objection": "To: the person who lodged the objection",
            "complaint": "To: the person who made the complaint",
            "other": "To: the party concerned",
        },
        matter={"objection": "your objection", "complaint": "your complaint", "other": "the matter"},
        results={
            "objection": {
                ObjectionResult.WITHDRAWN: "You have withdrawn your objection, so we will not handle it any further.",
                ObjectionResult.PARTLY_WITHDRAWN: "You have withdrawn part of your objection.",
                ObjectionResult.KEPT: "You maintain your objection. We will continue to handle it in the objection "
                "procedure and let you know how it proceeds.",
            },
            "complaint": {
                ObjectionResult.WITHDRAWN: "You have withdrawn your complaint, so we will not handle it any further.",
                ObjectionResult.PARTLY_WITHDRAWN: "You have withdrawn part of your complaint.",
                ObjectionResult.KEPT: "You maintain your complaint. We will continue to handle it and let you know "
                "how it proceeds.",
            },
            "other": {
                ObjectionResult.WITHDRAWN: "With these agreements the matter is settled.",
                ObjectionResult.PARTLY_WITHDRAWN: "With these agreements the matter is partly settled.",
                ObjectionResult.KEPT: "The matter is not settled by this conversation; we will continue to handle it.",
            },
        },
        reference="Our reference",
        date="Date",
        subject="Subject: confirmation of our conversation of {call_date}",
        no_actions="No further actions were agreed.",
        date_format="j F Y",
    ),
}


def kind_group(kind: str) -> str:
    if kind == CaseKind.OBJECTION:
        return "objection"
    if kind == CaseKind.COMPLAINT:
        return "complaint"
    return "other"


def default_body(language: str) -> str:
    return DEFAULT_BODIES.get(language, DEFAULT_BODIES["en"])


def template_problems(body: str) -> tuple[list[str], bool]:
    """The unknown placeholders in `body`, and whether it has a brace that opens or closes nothing."""
    unknown: list[str] = []
    stray = False
    for match in TOKEN.finditer(body):
        if match.group(0) in ("{{", "}}"):
            continue
        name = match.group(1)
        if name is None:
            stray = True
        elif name not in PLACEHOLDERS and name not in unknown:
            unknown.append(name)
    return unknown, stray


def _fill(line: str, values: dict[str, str]) -> str | None:
    """The line with its placeholders filled in, or None when one of them has nothing to fill in."""
    empty = False

    def replace(match):
        nonlocal empty
        piece = match.group(0)
        if piece == "{{":
            return "{"
        if piece == "}}":
            return "}"
        name = match.group(1)
        if name is None or name not in values:
            return piece
        if not values[name].strip():
            empty = True
        return values[name]

    filled = TOKEN.sub(replace, line)
    return None if empty else filled


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def values(informal, case, organisation, language: str) -> dict[str, str]:
    wording = WORDINGS.get(language, WORDINGS["en"])
    group = kind_group(case.kind)
    with translation.override(language):
        call_date = formats.date_format(informal.called_on, wording.date_format)
    actions = _lines(informal.actions)
    remaining = informal.remaining if informal.result == ObjectionResult.PARTLY_WITHDRAWN else ""
    return {
        "reference": case.reference,
        "call_date": call_date,
        "matter": wording.matter[group],
        "agreements": informal.agreements.strip(),
        "actions": "; ".join(actions) or wording.no_actions,
        "result": wording.results[group].get(informal.result, ""),
        "remaining": remaining.strip(),
        "organisation": organisation.name,
    }


def build(informal, case, organisation, *, language: str, body: str | None = None, today=None) -> bytes:
    """The letter for `informal` as .docx bytes, in `language`, from `body` (the default wording when None)."""
    wording = WORDINGS.get(language, WORDINGS["en"])
    filled = values(informal, case, organisation, language)
    body = body if body is not None and body.strip() else default_body(language)

    document = Document()
    document.core_properties.title = wording.subject.format(call_date=filled["call_date"])
    document.core_properties.author = organisation.name
    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(0)

    document.add_paragraph(organisation.name).runs[0].bold = True
    document.add_paragraph()
    document.add_paragraph(wording.addressee[kind_group(case.kind)])
    # The address is the officer's to fill in from their own system: the platform never stores it.
    for _line in range(4):
        document.add_paragraph()
    if case.reference:
        document.add_paragraph(f"{wording.reference}: {case.reference}")
    with translation.override(language):
        dated = formats.date_format(today or timezone.localdate(), wording.date_format)
    document.add_paragraph(f"{wording.date}: {dated}")
    document.add_paragraph()
    document.add_paragraph(wording.subject.format(call_date=filled["call_date"])).runs[0].bold = True
    document.add_paragraph()

    for line in body.splitlines():
        alone = line.strip()
        if alone == "{agreements}":
            for part in _lines(informal.agreements):
                document.add_paragraph(part)
        elif alone == "{actions}":
            actions = _lines(informal.actions)
            for part in actions:
                document.add_paragraph(part, style="List Bullet")
            if not actions:
                document.add_paragraph(wording.no_actions)
        elif not alone:
            document.add_paragraph()
        else:
            text = _fill(line.rstrip(), filled)
            if text is not None:
                document.add_paragraph(text)

    output = BytesIO()
    document.save(output)
    return output.getvalue()


def filename(case, informal, language: str) -> str:
    word = {"nl": "bevestiging", "da": "bekraeftelse"}.get(language, "confirmation")
    reference = slugify(case.reference) or f"case-{case.pk}"
    return f"{word}-{reference}-{informal.called_on:%Y-%m-%d}.docx"
