"""Text kept over an expired session: only for a person who may write the worksheet, limited, and purged.

A post without a session cannot say who sent it. It is kept only when it carries the grant the step page was
rendered with for someone who may write that worksheet; anything else stores nothing and gets the log-in.
"""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone, translation

from knowledge.dilemmas import services
from knowledge.dilemmas.models import Draft
from tests.dilemmas.helpers import url
from tests.dilemmas.test_steps import expired_with_grant

pytestmark = pytest.mark.django_db


def test_an_anonymous_post_to_any_worksheet_id_stores_nothing(client, worksheet):
    for pk in (worksheet.pk, 987654):
        step = client.post(url("step", pk=pk, number=3), {"personal_perspective": "x" * 50_000})
        assert step.status_code == 302 and "/accounts/login/" in step["Location"]
        autosave = client.post(
            url("autosave", pk=pk, number=3), {"personal_perspective": "x" * 50_000}, HTTP_HX_REQUEST="true"
        )
        assert autosave.status_code == 403
        assert "dilemmas_draft" not in step.cookies and "dilemmas_draft" not in autosave.cookies
    assert not Draft.objects.exists()


def test_a_grant_keeps_text_only_for_its_own_worksheet_and_only_unaltered(client, owner, worksheet, stranger, plan):
    grant = expired_with_grant(client, owner, worksheet, 3)
    others = services.start_worksheet(stranger, plan, "Iemand anders")
    for pk, posted in ((others.pk, grant), (worksheet.pk, grant[:-2] + "xx"), (worksheet.pk, "")):
        response = client.post(
            url("step", pk=pk, number=3), {"personal_perspective": "Ingefluisterd.", "draft_grant": posted}
        )
        assert response.status_code == 302 and "dilemmas_draft" not in response.cookies
    assert not Draft.objects.exists()


def test_a_grant_from_before_a_password_change_keeps_nothing(client, owner, worksheet):
    grant = expired_with_grant(client, owner, worksheet, 3)
    owner.set_password("een-nieuw-wachtwoord-2026")
    owner.save()
    client.post(url("step", pk=worksheet.pk, number=3), {"personal_perspective": "Na wijziging.", "draft_grant": grant})
    assert not Draft.objects.exists(), "a password change ends what pages opened before it may keep"


def test_a_draft_too_large_to_keep_is_refused_with_a_clear_message(client, owner, worksheet):
    with translation.override("en"):
        grant = expired_with_grant(client, owner, worksheet, 3)
        text = "x" * (services.DRAFT_MAX_CHARS + 1)
        autosave = client.post(
            url("autosave", pk=worksheet.pk, number=3),
            {"personal_perspective": text, "draft_grant": grant},
            HTTP_HX_REQUEST="true",
        )
        assert "too long to keep until you log in again" in autosave.content.decode()
        assert "dilemmas_draft" not in autosave.cookies
        step = client.post(
            url("step", pk=worksheet.pk, number=3), {"personal_perspective": text, "draft_grant": grant}, follow=True
        )
        assert "too long to keep until you log in again" in step.content.decode()
        assert "has been kept" not in step.content.decode()
    assert not Draft.objects.exists()


def test_the_largest_valid_step_fits_in_a_draft(client, owner, worksheet):
    from tests.dilemmas.helpers import step2_data

    grant = expired_with_grant(client, owner, worksheet, 2)
    reasons = dict.fromkeys(("public", "organisational", "professional", "personal"), (2, "r" * 2000))
    options = [(f"{n:02d}" + "o" * 198, "d" * 3000, reasons) for n in range(12)]
    data = step2_data(options=options, conclusion="c" * 6000, advice="a" * 6000, draft_grant=grant)
    response = client.post(url("step", pk=worksheet.pk, number=2), data)
    assert "dilemmas_draft" in response.cookies
    client.force_login(owner)
    client.get(url("step", pk=worksheet.pk, number=2))
    assert worksheet.options.count() == 12


def test_one_draft_per_step_and_a_limit_per_person(client, owner, worksheet, plan):
    grant = expired_with_grant(client, owner, worksheet, 3)
    for text in ("Eerste versie.", "Tweede versie."):
        client.post(url("autosave", pk=worksheet.pk, number=3), {"personal_perspective": text, "draft_grant": grant})
    assert list(Draft.objects.values_list("data__personal_perspective", flat=True)) == [["Tweede versie."]]

    sheets = [services.start_worksheet(owner, plan, f"Werkblad {n}") for n in range(services.DRAFT_MAX_PER_PERSON)]
    grants = [expired_with_grant(client, owner, sheet, 3) for sheet in sheets]
    with translation.override("en"):
        responses = [
            client.post(
                url("autosave", pk=sheet.pk, number=3),
                {"personal_perspective": "Nog een.", "draft_grant": sheet_grant},
                HTTP_HX_REQUEST="true",
            )
            for sheet, sheet_grant in zip(sheets, grants, strict=True)
        ]
    assert Draft.objects.filter(user=owner).count() == services.DRAFT_MAX_PER_PERSON
    assert "several unsaved texts are already waiting for you" in responses[-1].content.decode()


def test_the_daily_cleanup_removes_drafts_too_old_to_restore(client, owner, worksheet):
    grant = expired_with_grant(client, owner, worksheet, 3)
    client.post(url("step", pk=worksheet.pk, number=3), {"personal_perspective": "Oud.", "draft_grant": grant})
    Draft.objects.update(created_at=timezone.now() - services.DRAFT_LIFETIME - timedelta(minutes=1))
    out = io.StringIO()
    call_command("purge_worksheet_drafts", stdout=out)
    assert "1" in out.getvalue() and not Draft.objects.exists()
