"""The informal-approach decision (BIA): recording and changing it, what remains when partly withdrawn, wording per
kind of case, the detector, closed cases and who may."""

import datetime

import pytest
from django.utils import translation

from cases.choices import EventAction
from cases.models import CaseEvent, InformalApproach
from tests.cases.work_world import assert_nobody_else, build, informal, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return build()


def form_data(**overrides):
    data = {
        "called_on": "2026-09-04",
        "agreements": "De gemeente legt het besluit opnieuw uit.",
        "actions": "Behandelaar stuurt de tekening vóór 1 oktober\nIndiener laat binnen twee weken weten",
        "result": "partly_withdrawn",
        "remaining": "Het bezwaar tegen de hoogte blijft staan.",
    }
    return data | overrides


def test_the_handler_records_a_partly_withdrawn_objection(client, w, post):
    client.force_login(w.handler)
    assert client.get(url("add_informal", w.case)).status_code == 200
    response = post(url("add_informal", w.case), form_data())
    assert response.status_code == 302
    assert response.url.endswith("#informal")
    recorded = InformalApproach.objects.get()
    assert recorded.called_on == datetime.date(2026, 9, 4)
    assert recorded.result == "partly_withdrawn"
    assert recorded.remaining == "Het bezwaar tegen de hoogte blijft staan."
    assert recorded.recorded_by == w.handler
    assert CaseEvent.objects.filter(case=w.case, action=EventAction.INFORMAL).count() == 1


def test_what_remains_is_required_when_partly_withdrawn_and_the_input_is_kept(client, w, post):
    client.force_login(w.handler)
    with translation.override("en"):
        response = post(url("add_informal", w.case), form_data(remaining=""))
        content = response.content.decode()
    assert response.status_code == 200
    assert "Say what remains when it is only partly withdrawn." in content
    assert "De gemeente legt het besluit opnieuw uit." in content
    assert not InformalApproach.objects.exists()


def test_what_remains_is_dropped_when_the_objection_is_withdrawn(client, w, post):
    client.force_login(w.handler)
    post(url("add_informal", w.case), form_data(result="withdrawn"))
    assert InformalApproach.objects.get().remaining == ""


def test_a_change_is_saved_and_audited(client, w, post):
    recorded = informal(w.case)
    client.force_login(w.coordinator)
    assert client.get(url("edit_informal", w.case, recorded.pk)).status_code == 200
    response = post(url("edit_informal", w.case, recorded.pk), form_data(result="kept", remaining="Oud"))
    assert response.status_code == 302
    recorded.refresh_from_db()
    assert recorded.result == "kept"
    assert recorded.remaining == ""
    assert CaseEvent.objects.filter(case=w.case, action=EventAction.INFORMAL, actor=w.coordinator).exists()


def test_a_complaint_gets_the_wording_of_a_complaint(client, w):
    w.case.kind = "complaint"
    w.case.save()
    client.force_login(w.handler)
    with translation.override("en"):
        content = client.get(url("add_informal", w.case)).content.decode()
    assert "The complaint is" in content
    assert "Complaint partly withdrawn" in content
    assert "Objection partly withdrawn" not in content


def test_a_staff_conflict_speaks_of_settling_the_matter(client, w):
    w.case.kind = "staff_conflict"
    w.case.save()
    informal(w.case, result="kept", remaining="")
    client.force_login(w.handler)
    with translation.override("en"):
        content = client.get(w.case.get_absolute_url()).content.decode()
    assert "Not settled" in content
    assert "Objection kept" not in content


@pytest.mark.parametrize(
    ("field", "text"),
    [
        ("agreements", "Mevrouw De Vries krijgt een nieuwe tekening."),
        ("agreements", "Afgesproken met burger, BSN 111222333."),
        ("actions", "Mail naar bewoner@example.nl vóór vrijdag"),
        ("remaining", "Bellen met meneer Bakker op 020-1234567 over de rest."),
        ("remaining", "Adres Dorpsstraat 12, 1234 AB Almere"),
    ],
)
def test_personal_data_is_caught_in_every_text(client, w, post, field, text):
    client.force_login(w.handler)
    response = post(url("add_informal", w.case), form_data(**{field: text}))
    assert response.status_code == 200
    form = response.context["form"]
    assert form.findings and "confirm_findings" in form.errors
    assert not InformalApproach.objects.exists()
    data = form_data(**{field: text}) | {"confirm_findings": "on", "findings_seen": form.data["findings_seen"]}
    assert post(url("add_informal", w.case), data).status_code == 302
    assert getattr(InformalApproach.objects.get(), field) == text


def test_a_closed_case_takes_no_informal_approach(client, w, post):
    w.case.status = "closed"
    w.case.closed_on = datetime.date(2026, 10, 1)
    w.case.outcome = "withdrawn"
    w.case.save()
    recorded = informal(w.case)
    client.force_login(w.handler)
    response = post(url("add_informal", w.case), form_data())
    assert response.status_code == 302
    response = post(url("edit_informal", w.case, recorded.pk), form_data(agreements="Anders"))
    assert response.status_code == 302
    assert InformalApproach.objects.count() == 1
    recorded.refresh_from_db()
    assert recorded.agreements != "Anders"
    with translation.override("en"):
        content = client.get(w.case.get_absolute_url()).content.decode()
    assert "Record an informal approach" not in content


def test_nobody_else_reaches_the_informal_approach(client, w):
    recorded = informal(w.case)
    for target in (url("add_informal", w.case), url("edit_informal", w.case, recorded.pk)):
        assert_nobody_else(client, w, "get", target)
        assert_nobody_else(client, w, "post", target, form_data())
    assert InformalApproach.objects.count() == 1


def test_the_case_page_shows_the_agreements_and_the_actions_as_a_list(client, w):
    informal(w.case)
    client.force_login(w.handler)
    with translation.override("en"):
        content = client.get(w.case.get_absolute_url()).content.decode()
    assert "De gemeente legt het besluit opnieuw uit." in content
    assert '<li class="utrecht-unordered-list__item">Behandelaar stuurt de tekening vóór 1 december</li>' in content
    assert "Objection partly withdrawn" in content
    assert "Het bezwaar tegen de hoogte van de dakkapel blijft staan." in content
