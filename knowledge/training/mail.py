"""Mails to participants, in their own language, with the session as an iCalendar attachment where it helps."""

from django.utils import translation

from accounts.mail import absolute_url, localized_url, send_templated_mail
from knowledge.training import ical
from knowledge.training.models import Enrolment
from knowledge.training.queries import waitlist_position

KINDS = ("enrolled", "waitlisted", "promoted", "enrolment_cancelled", "session_cancelled")


def _has_place(enrolment: Enrolment, kind: str) -> bool:
    """Whether this mail may carry the online meeting link: it is for the people with a place, not those waiting."""
    return kind in ("enrolled", "promoted") and enrolment.status == Enrolment.Status.ENROLLED


def _invitation(enrolment: Enrolment, kind: str, page_url: str) -> bytes | None:
    """The calendar entry to add, or the one to remove; none for people who only ever waited."""
    session = enrolment.session
    if kind in ("enrolled", "promoted"):
        return ical.invitation(session, page_url=page_url, participant=_has_place(enrolment, kind))
    if kind == "enrolment_cancelled":
        # Harmless for someone who was only waiting: a calendar ignores the cancellation of an unknown event.
        return ical.invitation(session, page_url=page_url, cancelled=True)
    if kind == "session_cancelled" and enrolment.status == Enrolment.Status.ENROLLED:
        return ical.invitation(session, page_url=page_url, cancelled=True)
    return None


def send_enrolment_mail(enrolment_id: int, kind: str) -> None:
    if kind not in KINDS:
        raise ValueError(f"unknown training mail {kind!r}")
    enrolment = Enrolment.objects.select_related("session__page", "user").get(pk=enrolment_id)
    session, user = enrolment.session, enrolment.user
    page_url = absolute_url(session.page.url or "")
    with translation.override(user.preferred_language):
        invitation = _invitation(enrolment, kind, page_url)
    attachments = [("training.ics", invitation, "text/calendar")] if invitation else []
    context = {
        "kind": kind,
        "user": user,
        "enrolment": enrolment,
        "session": session,
        "module": session.page,
        "module_url": page_url,
        "online_link": session.online_url if _has_place(enrolment, kind) else "",
        "position": waitlist_position(enrolment),
        "enrolment_url": localized_url("training:enrolment", user.preferred_language, pk=enrolment.pk),
        "my_trainings_url": localized_url("training:my_trainings", user.preferred_language),
    }
    send_templated_mail(
        "training/email/notification",
        user.email,
        context,
        language=user.preferred_language,
        attachments=attachments,
    )
