"""The decision memo as a Word document (.docx): what the decision-maker receives, can edit and files.

The same content as the print page (dilemmas/includes/memo_body.html), built with python-docx in the language that
is active for the request.
"""

import html
from io import BytesIO

from django.template.loader import render_to_string
from django.utils import formats
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from docx import Document
from docx.shared import Pt

from knowledge.dilemmas.models import ValueType

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def build(worksheet, *, stakeholders, table, printed_at) -> bytes:
    prepared_by = worksheet.owner.get_full_name() or worksheet.owner.email
    document = Document()
    document.core_properties.title = worksheet.title
    document.core_properties.author = prepared_by
    document.styles["Normal"].font.name = "Arial"
    document.styles["Normal"].font.size = Pt(11)

    document.add_paragraph(_("Decision memo").upper())
    document.add_heading(worksheet.title, level=0)
    meta = document.add_table(rows=0, cols=2)
    for label, value in (
        (_("Prepared by"), prepared_by),
        (_("Date"), formats.date_format(printed_at, "DATE_FORMAT")),
        (_("Method"), plan_version(worksheet)),
    ):
        cells = meta.add_row().cells
        cells[0].paragraphs[0].add_run(label).bold = True
        cells[1].text = value

    section(document, _("The dilemma"), worksheet.context)
    document.add_heading(_("Stakeholders and their interests"), level=1)
    for stakeholder in stakeholders:
        paragraph = document.add_paragraph(style="List Bullet")
        paragraph.add_run(stakeholder.name).bold = True
        if stakeholder.interests:
            paragraph.add_run(f": {stakeholder.interests}")
    if not stakeholders:
        document.add_paragraph(_("Not described yet."))
    section(document, _("Applicable rules"), worksheet.rules)
    document.add_heading(_("Options and weighing"), level=1)
    weighing(document, table)
    section(document, _("Conclusion"), worksheet.conclusion)
    section(document, _("Advice"), worksheet.advice)

    output = BytesIO()
    document.save(output)
    return output.getvalue()


def plan_version(worksheet) -> str:
    text = render_to_string("dilemmas/includes/plan_version.html", {"worksheet": worksheet})
    return html.unescape(strip_tags(text)).strip()


def section(document, heading: str, text: str) -> None:
    document.add_heading(heading, level=1)
    paragraphs = [part for part in (text or "").splitlines() if part.strip()]
    for part in paragraphs or [_("Not described yet.")]:
        document.add_paragraph(part)


def weighing(document, table) -> None:
    if not table:
        document.add_paragraph(_("No options have been described yet."))
        return
    document.add_paragraph(
        _("Weighing of the options against the four kinds of values (−2 strongly against … +2 strongly in favour)")
    )
    grid = document.add_table(rows=1, cols=1 + len(ValueType.choices))
    grid.style = "Table Grid"
    header = grid.rows[0].cells
    header[0].paragraphs[0].add_run(_("Option")).bold = True
    for cell, (_value, label) in zip(header[1:], ValueType.choices, strict=True):
        cell.paragraphs[0].add_run(str(label)).bold = True
    for row in table:
        cells = grid.add_row().cells
        cells[0].paragraphs[0].add_run(row.option.title).bold = True
        if row.option.description:
            cells[0].add_paragraph(row.option.description)
        for cell, weighed in zip(cells[1:], row.cells, strict=True):
            score = weighed.score if weighed else None
            reason = weighed.reason if weighed else ""
            if score is not None:
                cell.paragraphs[0].add_run(f"+{score}" if score > 0 else str(score)).bold = True
                if reason:
                    cell.add_paragraph(reason)
            else:
                cell.text = reason or _("not weighed")
