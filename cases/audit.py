"""The audit log of the case register: who opened or changed which case, and when.

Every view that shows a case's contents records an opening, every service that changes one records the change, in
the same transaction as the change. The log names the action only (`EventAction`), never the case's text.
"""

from django.utils import timezone

from cases.choices import EventAction
from cases.models import Case, CaseEvent


def record(case: Case, actor, action: EventAction, *, at=None) -> CaseEvent:
    return CaseEvent.objects.create(
        case=case,
        organisation_id=case.organisation_id,
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        at=at or timezone.now(),
    )
