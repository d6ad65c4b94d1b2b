"""Participant lists: trainers see those of their own modules, editors all; CSV export for Excel."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from accounts import roles
from knowledge.training import services
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def full_session(members, trainer):
    module = factories.training_module("Lijst met deelnemers", max_group_size=2, owner=trainer)
    session = module.sessions.get()
    people = members(3)
    people[0].first_name, people[0].last_name = "Søren", "Ørsted"
    people[0].save()
    for person in people:
        services.enrol(session.pk, person, notify=False)
    return session, people


def urls(session):
    return [
        reverse(name, kwargs={"pk": session.pk})
        for name in (
            "training:session_participants",
            "training:session_participants_csv",
            "training:session_cancel",
        )
    ]


def test_the_modules_own_trainer_sees_enrolled_and_waiting_people(client, full_session, trainer):
    session, people = full_session
    client.force_login(trainer)
    html = client.get(urls(session)[0]).content.decode()
    assert "2 ingeschreven (van 2 plaatsen)" in html
    assert "1 op de wachtlijst" in html
    for person in people:
        assert person.email in html


def test_the_csv_export_has_a_status_column_and_a_byte_order_mark_for_excel(client, full_session, editor):
    session, _people = full_session
    client.force_login(editor)
    response = client.get(urls(session)[1])
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="lijst-met-deelnemers-')
    assert response.content.startswith(b"\xef\xbb\xbf")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "Status;Positie op de wachtlijst;Voornaam;Achternaam;E-mailadres;Sinds"
    assert lines[1].startswith("Ingeschreven;;Søren;Ørsted;")
    assert lines[3].startswith("Op de wachtlijst;1;")
    assert len(lines) == 4


def test_another_trainer_gets_not_found_for_every_participant_page(client, make_user, full_session):
    session, _people = full_session
    other = make_user("andere.trainer@test.example")
    other.groups.add(Group.objects.get(name=roles.TRAINERS))
    client.force_login(other)
    for url in urls(session):
        assert client.get(url).status_code == 404
    assert client.post(urls(session)[2]).status_code == 404
    session.refresh_from_db()
    assert session.status == "planned"


def test_members_and_visitors_see_no_participants(client, full_session):
    session, people = full_session
    for url in urls(session):
        assert client.get(url).status_code in (302, 404)
    client.force_login(people[0])
    for url in urls(session):
        assert client.get(url).status_code == 404


def test_the_trainer_cancels_a_session_from_the_site_and_everyone_is_mailed(client, post, full_session, trainer):
    from django.core import mail

    session, people = full_session
    client.force_login(trainer)
    confirm = client.get(urls(session)[2]).content.decode()
    assert "3 personen staan ingeschreven of wachten" in confirm
    post(urls(session)[2])
    session.refresh_from_db()
    assert session.status == "cancelled"
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people)
