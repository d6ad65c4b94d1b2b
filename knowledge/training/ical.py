"""iCalendar (RFC 5545) for training sessions: feeds to subscribe to, and the attachment of enrolment mails.

Feeds list planned sessions only. A cancelled session disappears from the feed, which makes subscribed calendars
drop it; the people enrolled get an attachment with STATUS:CANCELLED (METHOD:CANCEL) by mail instead.

The online meeting link is for the people with a place only: anyone can subscribe to a feed or download a session's
file, so those say "online" and that the link goes to the participants. Only `participant=True` (the confirmation
mail, the enrolled person's own calendar file) carries the link.
"""

from datetime import UTC
from urllib.parse import urlparse

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

PRODID = "-//Kennisplatform Overheidsmediation//Training//NL"


def session_uid(session) -> str:
    """Stable per session, so an update or cancellation replaces the event in the reader's calendar."""
    host = urlparse(settings.WAGTAILADMIN_BASE_URL).hostname or "kennisplatform.example"
    return f"training-session-{session.pk}@{host}"


def session_event(session, *, page_url: str = "", cancelled: bool | None = None, participant: bool = False) -> Event:
    cancelled = session.is_cancelled if cancelled is None else cancelled
    link = session.online_url if participant else ""
    event = Event()
    event.add("uid", session_uid(session))
    event.add("dtstamp", timezone.now().astimezone(UTC))
    event.add("dtstart", session.start.astimezone(UTC))
    event.add("dtend", session.end.astimezone(UTC))
    event.add("summary", session.page.title)
    event.add("location", session.location or link or (_("Online") if session.online_url else ""))
    url = link or page_url
    if url:
        event.add("url", url)
    description = [page_url] if page_url else []
    if link:
        description.append(_("Online meeting link: %(url)s") % {"url": link})
    elif session.online_url:
        description.append(_("The link to the online meeting is sent to the participants."))
    if description:
        event.add("description", "\n".join(description))
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    # A cancellation must outrank the invitation the person already imported.
    event.add("sequence", 1 if cancelled else 0)
    return event


def calendar(events, *, name: str = "", method: str | None = None) -> bytes:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if method:
        cal.add("method", method)
    if name:
        cal.add("x-wr-calname", name)
    for event in events:
        cal.add_component(event)
    return cal.to_ical()


def invitation(session, *, page_url: str = "", cancelled: bool = False, participant: bool = False) -> bytes:
    """One session as a file: a request to add it, or a cancellation of it."""
    return calendar(
        [session_event(session, page_url=page_url, cancelled=cancelled, participant=participant)],
        name=session.page.title,
        method="CANCEL" if cancelled else "PUBLISH",
    )
