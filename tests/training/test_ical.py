"""Calendar feeds (per module and site-wide) are valid iCalendar with planned sessions only."""

import pytest
from django.urls import reverse
from icalendar import Calendar

from knowledge.training import services
from knowledge.training.models import TrainingModulePage, TrainingSession
from tests.training.conftest import build_module

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
    events = parse(client.get(reverse("knowledge:training_calendar")))
    dutch = TrainingSession.objects.filter(page__locale__language_code="nl", status="planned")
    assert {str(e["UID"]) for e in events} == {f"training-session-{s.pk}@testserver" for s in dutch}
    danish = parse(client.get("/da/training/calendar.ics"))
    assert "Workshop: dilemmaer i offentligt arbejde" in {str(e["SUMMARY"]) for e in danish}


def test_a_module_feed_leaves_out_cancelled_sessions(client):
    module = build_module(
        "Met een afgelaste sessie", sessions=[{}, {"location": "", "online_url": "https://meet.example/x"}]
    )
    first, second = module.sessions.order_by("start")
    services.cancel_session(first, by=None)
    events = parse(client.get(reverse("knowledge:training_module_calendar", kwargs={"pk": module.pk})))
    assert [str(e["UID"]) for e in events] == [f"training-session-{second.pk}@testserver"]
    assert str(events[0]["LOCATION"]) == "https://meet.example/x"
    assert str(events[0]["URL"]) == "https://meet.example/x"


def test_one_sessions_calendar_file_says_when_it_is_cancelled(client, session):
    services.cancel_session(session, by=None)
    (event,) = parse(client.get(reverse("knowledge:training_session_calendar", kwargs={"pk": session.pk})))
    assert str(event["STATUS"]) == "CANCELLED"


def test_unpublished_modules_stay_out_of_feeds(client):
    module = build_module("Nog niet gepubliceerd")
    session = module.sessions.get()
    TrainingModulePage.objects.get(pk=module.pk).unpublish()
    events = parse(client.get(reverse("knowledge:training_calendar")))
    assert f"training-session-{session.pk}@testserver" not in {str(e["UID"]) for e in events}
    assert client.get(reverse("knowledge:training_module_calendar", kwargs={"pk": module.pk})).status_code == 404
    assert client.get(reverse("knowledge:training_session_calendar", kwargs={"pk": session.pk})).status_code == 404
