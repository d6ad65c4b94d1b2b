"""GDPR for training: a person's enrolments, and giving their places to the waiting list when they leave."""

from accounts.privacy import register_erasure, register_export
from knowledge.training import services
from knowledge.training.models import Enrolment


def export_enrolments(user) -> list[dict]:
    return [
        {
            "training": enrolment.session.page.title,
            "session_start": enrolment.session.start,
            "session_end": enrolment.session.end,
            "location": enrolment.session.location,
            "status": enrolment.status,
            "enrolled_at": enrolment.created_at,
            "promoted_at": enrolment.promoted_at,
            "cancelled_at": enrolment.cancelled_at,
        }
        for enrolment in Enrolment.objects.filter(user=user).select_related("session__page").order_by("created_at")
    ]


def release_places(user) -> None:
    """The enrolments go with the user row (CASCADE); a place they held goes to the first person waiting."""
    sessions = list(
        Enrolment.objects.filter(user=user, status=Enrolment.Status.ENROLLED).values_list("session_id", flat=True)
    )
    Enrolment.objects.filter(user=user).delete()
    for session_id in sessions:
        services.fill_from_waitlist(session_id)


register_export("training_enrolments", export_enrolments)
register_erasure(release_places)
