"""Calendar feeds (per module and site-wide) are valid iCalendar with planned sessions only.

The online meeting link reaches only the people with a place: anyone can subscribe to a feed or download a
session's file, so those say "online" and leave the link out.
"""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from icalendar import Calendar

from knowledge.training import services
from knowledge.training.models import TrainingModulePage, TrainingSession
from tests import factories

pytestmark = pytest.mark.django_db


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["VERSION"]) == "2.0"
    assert "Kennisplatform" in str(calendar["PRODID"])
    events = calendar.walk("VEVENT")
    for event in events:
        for required in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"):
            assert required in event, f"{required} missing"
        assert event.decoded("DTSTART").utcoffset().total_seconds() == 0, "times are in UTC"
    return events


def test_the_site_wide_feed_lists_planned_sessions_of_this_language(client):
    factories.training_module("Workshop omgaan met dilemma's", sessions=[{}, {}])
    factories.training_module("Workshop: dilemmaer i offentligt arbejde", slug="workshop-dilemmaer", language="da")
    events = parse(client.get(reverse("training:calendar")))
    dutch = TrainingSession.objects.filter(page__locale__language_code="nl", status="planned")
    assert {str(e["UID"]) for e in events} == {f"training-session-{s.pk}@testserver" for s in dutch}
    danish = parse(client.get("/da/training/calendar.ics"))
    assert "Workshop: dilemmaer i offentligt arbejde" in {str(e["SUMMARY"]) for e in danish}


def test_a_module_feed_leaves_out_cancelled_sessions(client):
    module = factories.training_module(
        "Met een afgelaste sessie", sessions=[{}, {"location": "", "online_url": "https://meet.example/x"}]
    )
    first, second = module.sessions.order_by("start")
    services.cancel_session(first, by=None)
    events = parse(client.get(reverse("training:module_calendar", kwargs={"pk": module.pk})))
    assert [str(e["UID"]) for e in events] == [f"training-session-{second.pk}@testserver"]


def test_one_sessions_calendar_file_says_when_it_is_cancelled(client, session):
    services.cancel_session(session, by=None)
    (event,) = parse(client.get(reverse("training:session_calendar", kwargs={"pk": session.pk})))
    assert str(event["STATUS"]) == "CANCELLED"


def test_unpublished_modules_stay_out_of_feeds(client):
    module = factories.training_module("Nog niet gepubliceerd")
    session = module.sessions.get()
    TrainingModulePage.objects.get(pk=module.pk).unpublish()
    events = parse(client.get(reverse("training:calendar")))
    assert f"training-session-{session.pk}@testserver" not in {str(e["UID"]) for e in events}
    assert client.get(reverse("training:module_calendar", kwargs={"pk": module.pk})).status_code == 404
    assert client.get(reverse("training:session_calendar", kwargs={"pk": session.pk})).status_code == 404


MEETING_LINK = "https://meet.example/geheim-7f3a"


@pytest.fixture
def online_session():
    module = factories.training_module(
        "Online intervisie", sessions=[{"location": "", "online_url": MEETING_LINK, "capacity": 1}]
    )
    return module.sessions.get()


def test_anonymous_feeds_and_files_say_online_without_the_meeting_link(client, online_session):
    urls = [
        reverse("training:calendar"),
        reverse("training:module_calendar", kwargs={"pk": online_session.page_id}),
        reverse("training:session_calendar", kwargs={"pk": online_session.pk}),
    ]
    for url in urls:
        response = client.get(url)
        assert MEETING_LINK.encode() not in response.content, url
        event = next(e for e in parse(response) if str(e["UID"]).startswith(f"training-session-{online_session.pk}@"))
        assert str(event["LOCATION"]) == "Online"
        assert str(event["URL"]) == online_session.page.get_full_url()
    with translation.override("en"):
        (event,) = parse(client.get(reverse("training:session_calendar", kwargs={"pk": online_session.pk})))
    assert "The link to the online meeting is sent to the participants." in str(event["DESCRIPTION"])


def test_the_enrolled_person_gets_the_link_and_the_waiting_person_does_not(
    client, members, online_session, django_capture_on_commit_callbacks
):
    enrolled, waiting = members(2)
    with django_capture_on_commit_callbacks(execute=True):
        place = services.enrol(online_session.pk, enrolled)
        queued = services.enrol(online_session.pk, waiting)
    assert (place.status, queued.status) == ("enrolled", "waitlisted")

    confirmation = next(m for m in mail.outbox if m.to == [enrolled.email])
    (attachment,) = [content for name, content, _ in confirmation.attachments if name.endswith(".ics")]
    (event,) = Calendar.from_ical(attachment).walk("VEVENT")
    assert str(event["URL"]) == MEETING_LINK and str(event["LOCATION"]) == MEETING_LINK
    assert MEETING_LINK in confirmation.body

    waitlist_mail = next(m for m in mail.outbox if m.to == [waiting.email])
    assert MEETING_LINK not in waitlist_mail.body
    assert all(MEETING_LINK not in str(part) for part in waitlist_mail.alternatives)
    assert not waitlist_mail.attachments

    own_file = reverse("training:enrolment_calendar", kwargs={"pk": place.pk})
    client.force_login(enrolled)
    (event,) = parse(client.get(own_file))
    assert str(event["URL"]) == MEETING_LINK
    enrolment_page = client.get(reverse("training:enrolment", kwargs={"pk": place.pk})).content.decode()
    assert own_file in enrolment_page and MEETING_LINK in enrolment_page

    client.force_login(waiting)
    response = client.get(reverse("training:enrolment_calendar", kwargs={"pk": queued.pk}))
    assert MEETING_LINK.encode() not in response.content
    assert str(parse(response)[0]["LOCATION"]) == "Online"
    assert MEETING_LINK not in client.get(reverse("training:enrolment", kwargs={"pk": queued.pk})).content.decode()
    assert client.get(own_file).status_code == 404, "someone else's calendar file is not theirs to fetch"

    client.logout()
    assert client.get(own_file).status_code == 302


def test_a_cancelled_place_no_longer_gives_the_link(client, members, online_session):
    (person,) = members(1)
    place = services.enrol(online_session.pk, person, notify=False)
    services.cancel_enrolment(place, by=person)
    client.force_login(person)
    response = client.get(reverse("training:enrolment_calendar", kwargs={"pk": place.pk}))
    assert MEETING_LINK.encode() not in response.content
    assert str(parse(response)[0]["STATUS"]) == "CANCELLED"
