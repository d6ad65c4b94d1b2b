"""Working through the three steps: saving, autosave, rows without JavaScript, validation that keeps the text, the
personal-data warning, and text that survives an expired session."""

import re

from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from knowledge.dilemmas.models import Weighing, Worksheet
from tests.dilemmas.helpers import step1_data, step2_data, url

PASSWORD = "a-long-test-password"


def grant_of(response) -> str:
    """The grant a step page carries for its reader, as a browser would post it back with the form."""
    match = re.search(r'name="draft_grant" value="([^"]+)"', response.content.decode())
    assert match, "the step form carries a draft grant"
    return match.group(1)


def expired_with_grant(client, owner, worksheet, number) -> str:
    """The owner opens a step page, then their session ends: the grant the page carried."""
    client.force_login(owner)
    grant = grant_of(client.get(url("step", pk=worksheet.pk, number=number)))
    client.logout()
    return grant


def test_manual_save_stores_the_inventory_with_its_rows(as_user, owner, worksheet):
    client = as_user(owner)
    data = step1_data(
        context="De buren ruziën al jaren.",
        rules="Omgevingswet.",
        stakeholders=[("De buren", "Willen rust."), ("", ""), ("Team handhaving", "Wil consistent optreden.")],
    )
    response = client.post(url("step", pk=worksheet.pk, number=1), data, follow=True)
    assert "Uw werkblad is opgeslagen." in response.content.decode()
    worksheet.refresh_from_db()
    assert worksheet.context == "De buren ruziën al jaren."
    # The empty middle row is no row.
    assert [(s.position, s.name) for s in worksheet.stakeholders.all()] == [(0, "De buren"), (1, "Team handhaving")]


def test_save_and_continue_goes_to_the_next_step(as_user, owner, worksheet):
    response = as_user(owner).post(url("step", pk=worksheet.pk, number=1), step1_data(next="1"))
    assert response["Location"] == url("step", pk=worksheet.pk, number=2)


def test_autosave_answers_a_short_status_and_stores_the_step(as_user, owner, worksheet):
    client = as_user(owner)
    response = client.post(
        url("autosave", pk=worksheet.pk, number=3),
        {"personal_perspective": "Dit raakt me meer dan ik dacht."},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Opgeslagen om" in body
    assert "<html" not in body
    worksheet.refresh_from_db()
    assert worksheet.personal_perspective == "Dit raakt me meer dan ik dacht."


def test_autosave_of_one_step_leaves_the_other_steps_alone(as_user, owner, worksheet):
    Worksheet.objects.filter(pk=worksheet.pk).update(context="Eerder opgeslagen context.")
    # The page of step 3 was opened before the context was saved elsewhere: its autosave must not write it back.
    as_user(owner).post(url("autosave", pk=worksheet.pk, number=3), {"personal_perspective": "Later."})
    worksheet.refresh_from_db()
    assert worksheet.context == "Eerder opgeslagen context."
    assert worksheet.personal_perspective == "Later."


def test_autosave_again_replaces_rows_instead_of_adding_them(as_user, owner, worksheet):
    client = as_user(owner)
    data = step1_data(stakeholders=[("De inwoner", "Wil de aanbouw houden.")])
    client.post(url("autosave", pk=worksheet.pk, number=1), data)
    data["stakeholders-0-interests"] = "Wil de aanbouw houden en erkenning."
    client.post(url("autosave", pk=worksheet.pk, number=1), data)
    assert list(worksheet.stakeholders.values_list("interests", flat=True)) == ["Wil de aanbouw houden en erkenning."]


def test_a_validation_error_keeps_everything_typed(as_user, owner, worksheet):
    client = as_user(owner)
    data = step1_data(
        title="", context="Een lange beschrijving die niet verloren mag gaan.", stakeholders=[("", "Zonder naam")]
    )
    response = client.post(url("step", pk=worksheet.pk, number=1), data)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Geef het dilemma een korte titel." in body
    assert "Noem de belanghebbende" in body
    assert "Een lange beschrijving die niet verloren mag gaan." in body
    assert "Zonder naam" in body
    worksheet.refresh_from_db()
    assert worksheet.title.startswith("Kanariedilemma")


def test_an_autosave_with_errors_saves_nothing_and_says_so(as_user, owner, worksheet):
    response = as_user(owner).post(url("autosave", pk=worksheet.pk, number=1), step1_data(title="", context="X"))
    assert "Niet automatisch opgeslagen" in response.content.decode()
    worksheet.refresh_from_db()
    assert worksheet.context == ""


def test_rows_are_added_and_removed_without_javascript(as_user, owner, worksheet):
    client = as_user(owner)
    response = client.post(
        url("step", pk=worksheet.pk, number=1), step1_data(stakeholders=[("De inwoner", "")], add="1"), follow=True
    )
    body = response.content.decode()
    assert 'name="stakeholders-TOTAL_FORMS" value="2"' in body
    assert 'value="De inwoner"' in body

    data = step1_data(stakeholders=[("De inwoner", ""), ("De buren", ""), ("De wethouder", "")], remove="1")
    client.post(url("step", pk=worksheet.pk, number=1), data)
    assert list(worksheet.stakeholders.values_list("name", flat=True)) == ["De inwoner", "De wethouder"]


def test_weighing_is_stored_per_option_and_value_type(as_user, owner, worksheet):
    data = step2_data(
        options=[
            ("Direct handhaven", "", {"public": (2, "Rechtmatig."), "personal": (-1, "Voelt niet goed.")}),
            ("Eerst een gesprek", "Zes weken pauze.", {"professional": (None, "Nog over nadenken.")}),
        ],
        conclusion="Eerst een gesprek.",
    )
    as_user(owner).post(url("step", pk=worksheet.pk, number=2), data)
    weighings = Weighing.objects.filter(option__worksheet=worksheet).order_by("option__position", "value_type")
    assert [(w.option.title, w.value_type, w.score, w.reason) for w in weighings] == [
        ("Direct handhaven", "personal", -1, "Voelt niet goed."),
        ("Direct handhaven", "public", 2, "Rechtmatig."),
        ("Eerst een gesprek", "professional", None, "Nog over nadenken."),
    ]


def test_a_score_outside_the_scale_is_refused_and_the_reason_kept(as_user, owner, worksheet):
    data = step2_data(options=[("Direct handhaven", "", {"public": (5, "Mijn uitgebreide reden.")})])
    response = as_user(owner).post(url("step", pk=worksheet.pk, number=2), data)
    body = response.content.decode()
    assert "Kies een score van −2 tot +2." in body
    assert "Mijn uitgebreide reden." in body
    assert not worksheet.options.exists()


def test_personal_data_is_flagged_on_save_but_saved_anyway(as_user, owner, worksheet):
    data = step1_data(context="De inwoner (BSN 111222333) belde vanaf 06-12345678.")
    response = as_user(owner).post(url("step", pk=worksheet.pk, number=1), data, follow=True)
    body = response.content.decode()
    assert "Uw werkblad is opgeslagen." in body
    assert "111222333" in body and "burgerservicenummer" in body
    assert "06-12345678" in body and "telefoonnummer" in body
    worksheet.refresh_from_db()
    assert "111222333" in worksheet.context


def test_autosave_shows_the_personal_data_warning_out_of_band(as_user, owner, worksheet):
    response = as_user(owner).post(
        url("autosave", pk=worksheet.pk, number=3), {"personal_perspective": "Mail me op iemand@example.nl"}
    )
    body = response.content.decode()
    assert 'id="personal-data-warning" hx-swap-oob="true"' in body
    assert "iemand@example.nl" in body


def test_every_step_page_reminds_not_to_enter_personal_data(as_user, owner, worksheet):
    client = as_user(owner)
    for number in (1, 2, 3):
        body = client.get(url("step", pk=worksheet.pk, number=number)).content.decode()
        assert "Vul geen persoonsgegevens van inwoners of collega" in body, number


def test_text_survives_an_expired_session(owner, worksheet):
    client = Client(enforce_csrf_checks=True)
    client.post("/nl/accounts/login/", {"username": owner.email, "password": "unused"})  # sets the csrf cookie
    client.force_login(owner)
    grant = grant_of(client.get(url("step", pk=worksheet.pk, number=1)))
    token = client.cookies["csrftoken"].value

    Session.objects.all().delete()  # the session expires while the page is open
    data = step1_data(
        context="Tekst die na het verlopen van de sessie is getypt.",
        stakeholders=[("De buren", "Rust.")],
        csrfmiddlewaretoken=token,
        draft_grant=grant,
    )
    response = client.post(url("step", pk=worksheet.pk, number=1), data)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    worksheet.refresh_from_db()
    assert worksheet.context == ""

    owner.set_password(PASSWORD)
    owner.save()
    login = client.post(
        response["Location"], {"username": owner.email, "password": PASSWORD, "csrfmiddlewaretoken": token}
    )
    assert login["Location"] == url("step", pk=worksheet.pk, number=1)
    page = client.get(login["Location"], follow=True)
    assert "Wat u typte voordat uw sessie verliep, is opgeslagen." in page.content.decode()
    worksheet.refresh_from_db()
    assert worksheet.context == "Tekst die na het verlopen van de sessie is getypt."
    assert list(worksheet.stakeholders.values_list("name", flat=True)) == ["De buren"]


def test_an_autosave_after_the_session_expired_keeps_the_text_too(client, owner, worksheet):
    client.force_login(owner)
    grant = grant_of(client.get(url("step", pk=worksheet.pk, number=3)))
    client.logout()
    response = client.post(
        url("autosave", pk=worksheet.pk, number=3),
        {"personal_perspective": "Bijna kwijt.", "draft_grant": grant},
        HTTP_HX_REQUEST="true",
    )
    assert "Uw sessie is verlopen." in response.content.decode()
    assert "dilemmas_draft" in response.cookies
    client.force_login(owner)
    client.get(url("step", pk=worksheet.pk, number=3))
    worksheet.refresh_from_db()
    assert worksheet.personal_perspective == "Bijna kwijt."


def test_a_kept_draft_is_never_applied_for_someone_else(client, owner, worksheet, stranger):
    grant = expired_with_grant(client, owner, worksheet, 3)
    response = client.post(
        url("step", pk=worksheet.pk, number=3), {"personal_perspective": "Ingefluisterd.", "draft_grant": grant}
    )
    assert response.status_code == 302 and "dilemmas_draft" in response.cookies
    client.force_login(stranger)
    assert client.get(url("step", pk=worksheet.pk, number=3)).status_code == 404
    worksheet.refresh_from_db()
    assert worksheet.personal_perspective == ""


def _fill(client, worksheet, stakeholders, options):
    client.post(url("step", pk=worksheet.pk, number=1), step1_data(stakeholders=[("Partij", "Belang")] * stakeholders))
    rows = [(f"Optie {n}", "", {"public": (1, "Reden"), "personal": (0, "Reden")}) for n in range(options)]
    client.post(url("step", pk=worksheet.pk, number=2), step2_data(options=rows))
    client.post(url("comment", pk=worksheet.pk), {"text": "Een reactie."})


def _queries(client, address) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(address).status_code == 200
    return len(queries)


def test_worksheet_pages_do_not_grow_in_queries_with_many_rows(
    as_user, owner, worksheet, django_assert_max_num_queries
):
    client = as_user(owner)
    pages = [url("step", pk=worksheet.pk, number=n) for n in (1, 2, 3)]
    pages += [url("worksheet", pk=worksheet.pk), url("memo", pk=worksheet.pk), url("memo_download", pk=worksheet.pk)]
    _fill(client, worksheet, stakeholders=1, options=1)
    few = {address: _queries(client, address) for address in pages}

    _fill(client, worksheet, stakeholders=30, options=12)
    for _ in range(20):
        client.post(url("comment", pk=worksheet.pk), {"text": "Nog een reactie."})
    assert worksheet.stakeholders.count() == 30 and worksheet.comments.count() == 22
    for address in pages:
        with django_assert_max_num_queries(few[address], info=address):
            assert client.get(address).status_code == 200


def test_a_kept_draft_that_does_not_validate_is_shown_with_its_errors_and_kept(client, owner, worksheet):
    grant = expired_with_grant(client, owner, worksheet, 1)
    client.post(
        url("step", pk=worksheet.pk, number=1), step1_data(title="", context="Tekst zonder titel.", draft_grant=grant)
    )
    client.force_login(owner)
    response = client.get(url("step", pk=worksheet.pk, number=1))
    body = response.content.decode()
    assert "Dit typte u voordat uw sessie verliep." in body
    assert "Geef het dilemma een korte titel." in body and "Tekst zonder titel." in body
    # Saving the corrected step uses the draft up.
    client.post(url("step", pk=worksheet.pk, number=1), step1_data(context="Tekst zonder titel."))
    worksheet.refresh_from_db()
    assert worksheet.context == "Tekst zonder titel."
    assert "Dit typte u" not in client.get(url("step", pk=worksheet.pk, number=1)).content.decode()
