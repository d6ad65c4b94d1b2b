"""The decision memo: a printable page and a downloadable document with the weighing table and the plan version."""

import re
from io import BytesIO

from docx import Document

from knowledge.dilemmas.models import Worksheet
from tests.dilemmas.helpers import step1_data, step2_data, url


def fill(client, worksheet):
    client.post(
        url("step", pk=worksheet.pk, number=1),
        step1_data(context="Buren in conflict.", rules="Omgevingsplan.", stakeholders=[("De buren", "Rust.")]),
    )
    client.post(
        url("step", pk=worksheet.pk, number=2),
        step2_data(
            options=[
                ("Direct handhaven", "", {"public": (2, "Rechtmatig."), "personal": (-1, "Schuurt.")}),
                ("Eerst praten", "Zes weken.", {"professional": (1, "Pakt de oorzaak aan.")}),
            ],
            conclusion="Eerst praten weegt het zwaarst.",
            advice="Verleng de termijn met zes weken.",
        ),
    )
    client.post(url("step", pk=worksheet.pk, number=3), {"personal_perspective": "Alleen voor mezelf bedoeld."})


def table_rows(html):
    table = re.search(r"<table.*?</table>", html, re.S).group(0)
    rows = re.findall(r"<tr.*?</tr>", table, re.S)
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row)).strip() for row in rows]


def test_the_memo_lays_out_the_dilemma_and_the_weighing_table(as_user, owner, worksheet, plan):
    client = as_user(owner)
    fill(client, worksheet)
    html = client.get(url("memo", pk=worksheet.pk)).content.decode()
    for text in (
        "Beslismemo",
        "Buren in conflict.",
        "De buren",
        "Omgevingsplan.",
        "Eerst praten weegt het zwaarst.",
        "Verleng de termijn met zes weken.",
    ):
        assert text in html, text
    assert table_rows(html) == [
        "Optie Publieke waarden Organisatorische waarden Professionele waarden Persoonlijke waarden",
        "Direct handhaven +2 Rechtmatig. niet gewogen niet gewogen -1 Schuurt.",
        "Eerst praten Zes weken. niet gewogen niet gewogen +1 Pakt de oorzaak aan. niet gewogen",
    ]
    assert f"Stappenplan “{plan.title}”, versie van" in html
    assert f"(revisie {plan.live_revision_id})" in html
    # The personal perspective is for the worksheet, not for the decision-maker.
    assert "Alleen voor mezelf bedoeld." not in html
    # A clean page: no site navigation.
    assert "Hoofdnavigatie" not in html and 'media="print"' in html


def test_the_memo_keeps_the_plan_version_the_worksheet_was_started_from(as_user, owner, worksheet, plan):
    started_from = worksheet.plan_revision_id
    plan.summary = "Een nieuwe samenvatting."
    plan.save_revision().publish()
    plan.refresh_from_db()
    assert plan.live_revision_id != started_from

    client = as_user(owner)
    assert f"(revisie {started_from})" in client.get(url("memo", pk=worksheet.pk)).content.decode()
    step = client.get(url("step", pk=worksheet.pk, number=1)).content.decode()
    assert "Het stappenplan is gewijzigd sinds u dit werkblad begon." in step


def test_the_memo_downloads_as_a_word_document_with_the_same_content(as_user, owner, worksheet):
    client = as_user(owner)
    fill(client, worksheet)
    response = client.get(url("memo_download", pk=worksheet.pk))
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert (
        response["Content-Disposition"] == 'attachment; filename="beslismemo-kanariedilemma-wel-of-niet-handhaven.docx"'
    )
    document = Document(BytesIO(response.content))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert document.core_properties.title == worksheet.title
    assert "BESLISMEMO" in text and "Conclusie" in text and "Advies" in text
    weighing = document.tables[-1]
    rows = [[cell.text for cell in row.cells] for row in weighing.rows]
    assert rows[0][0] == "Optie"
    assert rows[1] == ["Direct handhaven", "+2\nRechtmatig.", "niet gewogen", "niet gewogen", "-1\nSchuurt."]


def test_the_owner_deletes_a_worksheet_with_everything_in_it(as_user, post, owner, worksheet, colleague):
    client = as_user(owner)
    fill(client, worksheet)
    post(url("sharing", pk=worksheet.pk), {"email": colleague.email})
    client.post(url("comment", pk=worksheet.pk), {"text": "Graag jullie mening."})
    related = [worksheet.stakeholders, worksheet.options, worksheet.invitations, worksheet.comments]
    assert all(manager.exists() for manager in related)
    option_ids = list(worksheet.options.values_list("pk", flat=True))

    confirm = client.get(url("delete", pk=worksheet.pk))
    assert "Dit kan niet ongedaan worden gemaakt." in confirm.content.decode()
    assert Worksheet.objects.filter(pk=worksheet.pk).exists()

    response = client.post(url("delete", pk=worksheet.pk), follow=True)
    assert "Het werkblad is verwijderd" in response.content.decode()
    assert not Worksheet.objects.filter(pk=worksheet.pk).exists()
    from knowledge.dilemmas.models import Comment, Invitation, Option, Stakeholder, Weighing

    assert not Stakeholder.objects.filter(worksheet_id=worksheet.pk).exists()
    assert not Option.objects.filter(worksheet_id=worksheet.pk).exists()
    assert not Weighing.objects.filter(option_id__in=option_ids).exists()
    assert not Invitation.objects.filter(worksheet_id=worksheet.pk).exists()
    assert not Comment.objects.filter(worksheet_id=worksheet.pk).exists()
    assert as_user(colleague).get(url("worksheet", pk=worksheet.pk)).status_code == 404
