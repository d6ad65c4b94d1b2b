"""Enrolment: places, the waiting list, promotion, deadlines, cancellation, and the mails that go with them."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from knowledge.training import queries, services
from knowledge.training.models import Enrolment, SessionStatus, TrainingSession
from tests import factories

pytestmark = pytest.mark.django_db


def enrol_url(session):
    return reverse("training:session_enrol", kwargs={"pk": session.pk})


def ics_of(message):
    attachments = [a for a in message.attachments if a[0].endswith(".ics")]
    assert len(attachments) == 1, "expected one calendar attachment"
    return Calendar.from_ical(attachments[0][1])


def test_a_member_enrols_from_the_module_page_and_gets_a_confirmation_with_the_session_for_the_calendar(
    client, post, members, session
):
    member = members(1)[0]
    client.force_login(member)
    module_page = client.get(session.page.url).content.decode()
    assert enrol_url(session) in module_page

    confirm = client.get(enrol_url(session))
    assert confirm.status_code == 200 and "Inschrijving bevestigen" in confirm.content.decode()
    assert not Enrolment.objects.filter(session=session).exists(), "a GET never enrols"

    response = post(enrol_url(session))
    enrolment = Enrolment.objects.get(user=member)
    assert enrolment.status == Enrolment.Status.ENROLLED
    assert response.url == reverse("training:enrolment", kwargs={"pk": enrolment.pk})
    assert "U bent ingeschreven" in client.get(response.url).content.decode()

    (message,) = mail.outbox
    assert message.to == [member.email] and "U bent ingeschreven" in message.subject
    event = ics_of(message).walk("VEVENT")[0]
    assert str(event["UID"]) == f"training-session-{session.pk}@testserver"
    assert event.decoded("DTSTART") == session.start.replace(microsecond=0)
    assert event.decoded("DTSTART").utcoffset().total_seconds() == 0
    assert event["DTSTART"].to_ical().endswith(b"Z"), "written in UTC"
    assert str(event["STATUS"]) == "CONFIRMED"
    assert str(event["SUMMARY"]) == session.page.title


def test_thirteen_members_for_twelve_places_one_waits_and_is_promoted_and_mailed_when_someone_cancels(
    client, post, members, session
):
    people = members(13)
    for person in people:
        client.force_login(person)
        post(enrol_url(session))
    statuses = list(Enrolment.objects.filter(session=session).order_by("id").values_list("status", flat=True))
    assert statuses == ["enrolled"] * 12 + ["waitlisted"]
    waiting = Enrolment.objects.get(session=session, status="waitlisted")
    assert waiting.user == people[-1]
    assert "nummer 1 op de wachtlijst" in client.get(f"/nl/training/enrolments/{waiting.pk}/").content.decode()
    waitlist_mail = mail.outbox[-1]
    assert "wachtlijst" in waitlist_mail.subject and not waitlist_mail.attachments

    mail.outbox = []
    leaving = Enrolment.objects.get(user=people[3])
    client.force_login(people[3])
    response = post(reverse("training:enrolment_cancel", kwargs={"pk": leaving.pk}))
    assert response.url == reverse("training:my_trainings")

    waiting.refresh_from_db()
    assert waiting.status == Enrolment.Status.ENROLLED and waiting.promoted_at is not None
    assert Enrolment.objects.filter(session=session, status="enrolled").count() == 12
    promoted = [m for m in mail.outbox if m.to == [people[-1].email]]
    assert len(promoted) == 1 and "plek vrijgekomen" in promoted[0].subject
    assert str(ics_of(promoted[0]).walk("VEVENT")[0]["STATUS"]) == "CONFIRMED"
    cancelled = [m for m in mail.outbox if m.to == [people[3].email]]
    assert len(cancelled) == 1 and str(ics_of(cancelled[0]).walk("VEVENT")[0]["STATUS"]) == "CANCELLED"


def test_leaving_the_waiting_list_promotes_nobody(members, session, django_capture_on_commit_callbacks):
    session.capacity = 1
    session.save()
    first, second, third = members(3)
    services.enrol(session.pk, first)
    second_place = services.enrol(session.pk, second)
    third_place = services.enrol(session.pk, third)
    assert queries.waitlist_position(third_place) == 2
    services.cancel_enrolment(second_place, by=second)
    third_place.refresh_from_db()
    assert third_place.status == "waitlisted" and queries.waitlist_position(third_place) == 1


def test_capacity_left_empty_follows_the_module_maximum(members):
    module = factories.training_module("Klein groepje", max_group_size=2)
    session = module.sessions.get()
    assert session.capacity is None
    results = [services.enrol(session.pk, person).status for person in members(3)]
    assert results == ["enrolled", "enrolled", "waitlisted"]


def test_after_the_deadline_a_clear_message_and_no_enrolment(client, members):
    start = timezone.now() + timedelta(days=2)
    module = factories.training_module(
        "Bijna begonnen",
        sessions=[
            {
                "enrolment_deadline": timezone.now() - timedelta(hours=1),
                "start": start,
                "end": start + timedelta(hours=2),
            }
        ],
    )
    session = module.sessions.get()
    client.force_login(members(1)[0])
    assert "De inschrijftermijn voor deze sessie is verstreken." in client.get(enrol_url(session)).content.decode()
    response = client.post(enrol_url(session))
    assert response.status_code == 409
    assert "De inschrijftermijn voor deze sessie is verstreken." in response.content.decode()
    assert not Enrolment.objects.filter(session=session).exists()
    assert "Inschrijving voor deze sessie is gesloten." in client.get(module.url).content.decode()


def test_a_cancelled_session_refuses_enrolment_with_a_clear_message(client, members, session):
    services.cancel_session(session, by=None)
    client.force_login(members(1)[0])
    response = client.post(enrol_url(session))
    assert response.status_code == 409
    assert "Deze sessie is geannuleerd; inschrijven is niet meer mogelijk." in response.content.decode()
    assert not Enrolment.objects.filter(session=session).exists()


def test_anonymous_visitors_are_sent_to_log_in_and_back(client, session):
    response = client.get(enrol_url(session))
    assert response.status_code == 302
    assert response.url == f"/nl/accounts/login/?next={enrol_url(session)}"
    assert client.post(enrol_url(session)).status_code == 302
    assert not Enrolment.objects.filter(session=session).exists()


def test_only_members_can_enrol(client, make_user, session):
    outsider = make_user("zzp@mail.example")  # no organisation
    client.force_login(outsider)
    response = client.post(enrol_url(session))
    assert response.status_code == 403
    assert "Alleen leden van een geverifieerde overheidsorganisatie" in response.content.decode()
    assert not Enrolment.objects.filter(session=session).exists()
    with pytest.raises(services.NotAMember):
        services.enrol(session.pk, outsider)


def test_enrolling_twice_is_impossible_even_in_the_database_but_possible_again_after_cancelling(
    client, members, session
):
    member = members(1)[0]
    first = services.enrol(session.pk, member)
    with pytest.raises(services.AlreadyEnrolled):
        services.enrol(session.pk, member)
    client.force_login(member)
    response = client.post(enrol_url(session))
    assert response.url == reverse("training:enrolment", kwargs={"pk": first.pk})
    with pytest.raises(IntegrityError), transaction.atomic():
        Enrolment.objects.create(session=session, user=member, status="waitlisted")

    services.cancel_enrolment(first, by=member)
    again = services.enrol(session.pk, member)
    assert again.pk != first.pk and again.status == "enrolled"
    assert Enrolment.objects.filter(session=session, user=member).count() == 2


def test_cancelling_a_session_mails_everyone_enrolled_or_waiting_once(
    members, session, django_capture_on_commit_callbacks
):
    session.capacity = 2
    session.save()
    people = members(3)
    for person in people:
        services.enrol(session.pk, person, notify=False)
    editor = members(1)[0]
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_session(session, by=editor)
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_session(session, by=editor)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people)
    assert all("Sessie geannuleerd" in m.subject for m in mail.outbox)
    enrolled_mail = next(m for m in mail.outbox if m.to == [people[0].email])
    assert str(ics_of(enrolled_mail).walk("VEVENT")[0]["STATUS"]) == "CANCELLED"
    waiting_mail = next(m for m in mail.outbox if m.to == [people[2].email])
    assert waiting_mail.attachments == [], "someone who only waited has nothing in their calendar to remove"
    session.refresh_from_db()
    assert session.status == SessionStatus.CANCELLED and session.cancelled_by == editor


def test_cancelling_in_the_cms_takes_effect_on_publish_and_mails_participants(
    members, module, django_capture_on_commit_callbacks
):
    session = module.sessions.get()
    people = members(2)
    for person in people:
        services.enrol(session.pk, person, notify=False)
    draft = module.get_latest_revision_as_object()
    sessions = list(draft.sessions.all())
    sessions[0].status = SessionStatus.CANCELLED
    draft.sessions = sessions
    revision = draft.save_revision()
    assert not mail.outbox and TrainingSession.objects.get(pk=session.pk).status == "planned", "a draft changes nothing"
    with django_capture_on_commit_callbacks(execute=True):
        revision.publish()
    session.refresh_from_db()
    assert session.status == "cancelled" and session.cancelled_at is not None
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people)

    # An older revision published again does not bring the session back, and nobody is mailed twice.
    mail.outbox = []
    with django_capture_on_commit_callbacks(execute=True):
        module.revisions.order_by("created_at").first().publish()
    session.refresh_from_db()
    assert session.status == "cancelled" and mail.outbox == []


def test_someone_elses_enrolment_is_not_found(client, members, session):
    owner, other = members(2)
    enrolment = services.enrol(session.pk, owner, notify=False)
    client.force_login(other)
    assert client.get(reverse("training:enrolment", kwargs={"pk": enrolment.pk})).status_code == 404
    response = client.post(reverse("training:enrolment_cancel", kwargs={"pk": enrolment.pk}))
    assert response.status_code == 404
    enrolment.refresh_from_db()
    assert enrolment.status == "enrolled"


def test_my_trainings_lists_my_enrolments_and_waiting_places(client, members):
    module = factories.training_module("Twee sessies", max_group_size=1, sessions=[{}, {}])
    first, second = module.sessions.order_by("start")
    someone, me = members(2)
    services.enrol(second.pk, someone, notify=False)
    services.enrol(first.pk, me, notify=False)
    services.enrol(second.pk, me, notify=False)
    client.force_login(me)
    html = client.get(reverse("training:my_trainings")).content.decode()
    assert html.count("Twee sessies") == 2
    assert "Wachtlijst, nummer 1" in html and "Ingeschreven" in html
