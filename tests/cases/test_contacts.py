"""The contact log of a case: logging and changing contacts, the detector, closed cases, who may, and the case page."""

import datetime

import pytest
from django.utils import timezone, translation

from cases.choices import EventAction
from cases.models import CaseEvent, Contact
from tests.cases.work_world import assert_nobody_else, build, contact, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return build()


def form_data(**overrides):
    data = {
        "happened_on": "2026-09-03",
        "channel": "phone",
        "with_role": "citizen",
        "summary": "De indiener legde uit waarom de dakkapel het uitzicht wegneemt.",
        "next_step": "Tekening van de dakkapel opvragen",
        "next_step_due": "2026-09-10",
    }
    return data | overrides


def test_the_handler_logs_a_contact_and_it_is_audited(client, w, post):
    client.force_login(w.handler)
    assert client.get(url("add_contact", w.case)).status_code == 200
    response = post(url("add_contact", w.case), form_data())
    assert response.status_code == 302
    assert response.url == w.case.get_absolute_url() + "#contacts"
    contact = Contact.objects.get()
    assert contact.case == w.case
    assert contact.happened_on == datetime.date(2026, 9, 3)
    assert contact.with_role == "citizen"
    assert contact.next_step_due == datetime.date(2026, 9, 10)
    assert contact.recorded_by == w.handler
    assert CaseEvent.objects.filter(case=w.case, action=EventAction.CONTACT, actor=w.handler).count() == 1


def test_the_coordinator_changes_a_contact(client, w, post):
    logged = contact(w.case, summary="Eerste gesprek.")
    client.force_login(w.coordinator)
    page = client.get(url("edit_contact", w.case, logged.pk))
    assert "Eerste gesprek." in page.content.decode()
    response = post(url("edit_contact", w.case, logged.pk), form_data(summary="Tweede lezing van het gesprek."))
    assert response.status_code == 302
    logged.refresh_from_db()
    assert logged.summary == "Tweede lezing van het gesprek."
    assert CaseEvent.objects.filter(case=w.case, action=EventAction.CONTACT, actor=w.coordinator).exists()


def test_a_contact_of_another_case_cannot_be_changed_through_this_one(client, w, post):
    other = build_other_case(w)
    foreign = contact(other)
    client.force_login(w.handler)
    assert client.get(url("edit_contact", w.case, foreign.pk)).status_code == 404


def build_other_case(w):
    from tests import factories

    return factories.case(w.almere, handler=w.coordinator, reference="BZ-ANDER")


@pytest.mark.parametrize(
    ("field", "text"),
    [
        ("summary", "Gebeld met mevrouw Jansen over haar bezwaar."),
        ("summary", "Haar BSN is 111222333."),
        ("next_step", "Mail sturen naar indiener@example.nl"),
        ("next_step", "Terugbellen op 06-12345678"),
        ("summary", "CPR 010190-1234 nævnt i samtalen."),
    ],
)
def test_personal_data_is_caught_and_kept_until_confirmed(client, w, post, field, text):
    client.force_login(w.handler)
    response = post(url("add_contact", w.case), form_data(**{field: text}))
    assert response.status_code == 200
    assert not Contact.objects.exists()
    form = response.context["form"]
    assert form.findings and "confirm_findings" in form.errors
    assert text in response.content.decode()  # nothing typed is lost
    data = form_data(**{field: text}) | {"confirm_findings": "on", "findings_seen": form.data["findings_seen"]}
    assert post(url("add_contact", w.case), data).status_code == 302
    assert getattr(Contact.objects.get(), field) == text


def test_bad_input_comes_back_with_a_clear_message(client, w, post):
    client.force_login(w.handler)
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    with translation.override("en"):
        response = post(url("add_contact", w.case), form_data(happened_on=tomorrow, next_step=""))
        content = response.content.decode()
    assert response.status_code == 200
    assert "cannot be in the future" in content
    assert "Say what the next step is" in content
    assert "uitzicht wegneemt" in content
    assert not Contact.objects.exists()


def test_a_closed_case_takes_no_new_contacts(client, w, post):
    w.case.status = "closed"
    w.case.closed_on = datetime.date(2026, 10, 1)
    w.case.outcome = "agreement"
    w.case.save()
    client.force_login(w.handler)
    with translation.override("en"):
        response = post(url("add_contact", w.case), form_data(), follow=True)
        assert "This case is closed; reopen it to add to it." in response.content.decode()
    assert not Contact.objects.exists()


def test_the_service_refuses_a_closed_case(w):
    from cases.errors import CaseError
    from cases.services import work as services

    w.case.status = "closed"
    w.case.closed_on = datetime.date(2026, 10, 1)
    w.case.outcome = "agreement"
    w.case.save()
    with pytest.raises(CaseError):
        services.add_contact(
            w.case, w.handler, happened_on=datetime.date(2026, 9, 3), channel="phone", with_role="citizen"
        )


def test_nobody_else_reaches_the_contact_log(client, w):
    logged = contact(w.case)
    for target in (url("add_contact", w.case), url("edit_contact", w.case, logged.pk)):
        assert_nobody_else(client, w, "get", target)
        assert_nobody_else(client, w, "post", target, form_data())
    assert Contact.objects.count() == 1
    logged.refresh_from_db()
    assert logged.summary == "Gebeld over de dakkapel."


def test_the_case_page_lists_contacts_newest_first_and_flags_an_overdue_next_step(client, w):
    contact(
        w.case,
        happened_on=datetime.date(2026, 9, 2),
        summary="Oudste gesprek",
        next_step="Iets",
        next_step_due=datetime.date(2026, 9, 5),
    )
    contact(
        w.case,
        happened_on=datetime.date(2026, 9, 20),
        summary="Nieuwste gesprek",
        next_step="Tekening opvragen",
        next_step_due=timezone.localdate() - datetime.timedelta(days=1),
    )
    client.force_login(w.handler)
    with translation.override("en"):
        content = client.get(w.case.get_absolute_url()).content.decode()
    assert content.index("Nieuwste gesprek") < content.index("Oudste gesprek")
    assert content.count("Overdue") == 1
    assert "Log a contact" in content
    assert "Tekening opvragen" in content


def test_the_case_page_takes_the_same_queries_for_3_or_30_contacts(client, w, django_assert_max_num_queries):
    client.force_login(w.handler)
    for _ in range(3):
        contact(w.case, next_step="Terugbellen", next_step_due=datetime.date(2026, 9, 10))
    client.get(w.case.get_absolute_url())  # warm the caches that are not about the case
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        assert client.get(w.case.get_absolute_url()).status_code == 200
    for _ in range(27):
        contact(w.case, next_step="Terugbellen", next_step_due=datetime.date(2026, 9, 10))
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(w.case.get_absolute_url()).status_code == 200
