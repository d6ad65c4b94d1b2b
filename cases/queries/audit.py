"""What the audit log pages show: who opened or changed which case, when, in a fixed number of queries."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _

from cases import permissions
from cases.choices import EventAction

# The log of a whole organisation grows by every opening: it is read a page at a time.
PER_PAGE = 50


def organisation_events(user, organisation, *, action: str = "", person=None):
    """The organisation's log as the coordinator `user` may read it, newest first, optionally filtered."""
    events = permissions.readable_events(user).filter(organisation=organisation)
    if action:
        events = events.filter(action=action)
    if person is not None:
        events = events.filter(actor=person)
    return events.select_related("actor", "case").order_by("-at", "-pk")


def case_events(user, case):
    return permissions.readable_events(user).filter(case=case).select_related("actor", "case").order_by("-at", "-pk")


def people(organisation):
    """Everyone who is or was a member of the organisation: who the log can be filtered on."""
    return (
        get_user_model()
        .objects.filter(memberships__organisation=organisation)
        .distinct()
        .order_by("first_name", "last_name", "email")
    )


def actor_name(event) -> str:
    if event.actor is not None:
        return str(event.actor)
    # No actor: the platform's own retention job, a membership that lapsed by itself, or an account since deleted.
    if event.action == EventAction.REDUCED:
        return _("The platform")
    return _("Unknown (a deleted account or the platform)")


def describe(user, events) -> list:
    """The events with what the page shows of each: who (`who`), what (`what`), and whether the case still opens."""
    rows = list(events)
    for event in rows:
        event.who = actor_name(event)
        event.what = event.get_action_display()
        event.case_opens = permissions.can_read_case(user, event.case)
    return rows
