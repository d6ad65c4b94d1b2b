"""The vocabularies of the case register: what a case is about, who takes part (as roles, never names), and the
steps and outcomes it goes through.

Kept apart from the models so that forms, filters, the letter, demo content and the statistics share one list.
Policy domains are the pool's (`pool.choices.Domain`), so a case and the mediator who takes it speak the same list.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from pool.choices import Domain

__all__ = ["Domain"]


class CaseKind(models.TextChoices):
    OBJECTION = "objection", _("Objection")
    COMPLAINT = "complaint", _("Complaint")
    STAFF_CONFLICT = "staff_conflict", _("Conflict between colleagues")
    BETWEEN_ORGANISATIONS = "between_organisations", _("Conflict between organisations")


class Origin(models.TextChoices):
    """How the case, or the idea of mediating it, came up."""

    OFFICER_CALL = "officer_call", _("The handler called after the objection or complaint came in")
    HEARING_REFERRAL = "hearing_referral", _("Referred by the objections committee at a hearing")
    CITIZEN_REQUEST = "citizen_request", _("Asked for by the citizen")
    ADMINISTRATION_REQUEST = "administration_request", _("Asked for by the administration")
    COMPLAINTS_OFFICE = "complaints_office", _("Passed on by the complaints office or ombudsman")
    MANAGER_OR_HR = "manager_or_hr", _("Raised by a manager or HR")
    OTHER = "other", pgettext_lazy("case origin", "Other")


class CaseStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")
    # What remains after the retention period: the figures, nothing that can be opened.
    REDUCED = "reduced", _("Reduced to statistics")


class PartyRole(models.TextChoices):
    """The people involved, as roles. A case never holds a citizen's name."""

    CITIZEN = "citizen", _("Citizen")
    BUSINESS = "business", _("Business or its representative")
    REPRESENTATIVE = "representative", _("The citizen's lawyer or representative")
    SUPPORTER = "supporter", _("Supporter of the citizen (bisidder)")
    HANDLER = "handler", _("Objection or complaint handler")
    DECISION_OFFICER = "decision_officer", _("Officer who took the decision")
    TEAM_LEADER = "team_leader", _("Team leader")
    MANAGER = "manager", _("Manager")
    EMPLOYEE = "employee", _("Employee")
    ALDERMAN = "alderman", _("Alderman or other administrator")
    OTHER_ORGANISATION = "other_organisation", _("Representative of the other organisation")
    MEDIATOR = "mediator", _("Mediator")
    OTHER = "other", pgettext_lazy("party role", "Other")


class Channel(models.TextChoices):
    PHONE = "phone", _("Phone")
    VIDEO = "video", _("Video call")
    LETTER = "letter", _("Letter")
    EMAIL = "email", _("E-mail")
    MEETING = "meeting", _("Meeting")
    HEARING = "hearing", _("Hearing")


class ObjectionResult(models.TextChoices):
    """What became of the objection after the informal approach."""

    WITHDRAWN = "withdrawn", _("Objection withdrawn")
    PARTLY_WITHDRAWN = "partly_withdrawn", _("Objection partly withdrawn")
    KEPT = "kept", _("Objection kept")


class MediatorSource(models.TextChoices):
    INTERNAL = "internal", _("Internal mediator of our organisation")
    POOL = "pool", _("Mediator from the regional pool")
    EXTERNAL = "external", _("External mediator")


class RouteStep(models.TextChoices):
    """The steps a mediation moves through, in this order."""

    INTAKE = "intake", _("Intake")
    CONSENT = "consent", _("Other party asked and willing")
    OFFICIALS = "officials", _("Officials at the table and their mandate")
    PRE_MEETINGS = "pre_meetings", _("Individual pre-meetings")
    MEETING = "meeting", _("Mediation meeting")
    OUTCOME = "outcome", _("Outcome")


ROUTE_ORDER = list(RouteStep)


class MeetingKind(models.TextChoices):
    PRE_MEETING = "pre_meeting", _("Individual pre-meeting")
    MEDIATION = "mediation", _("Mediation meeting")


class Outcome(models.TextChoices):
    AGREEMENT = "agreement", _("Agreement reached")
    WITHDRAWN = "withdrawn", _("Objection or complaint withdrawn")
    PARTLY_RESOLVED = "partly_resolved", _("Partly resolved")
    NOT_RESOLVED = "not_resolved", _("Not resolved: the formal procedure continues")
    STOPPED_BY_PARTY = "stopped_by_party", _("Stopped by a party")
    STOPPED_BY_MEDIATOR = "stopped_by_mediator", _("Stopped by the mediator")


class HoursRole(models.TextChoices):
    """Whose time the hours of a case are."""

    HANDLER = "handler", _("Handler")
    MEDIATOR = "mediator", _("Mediator")
    OFFICIALS = "officials", _("Officials at the table")
    COORDINATOR = "coordinator", _("Coordinator")
    OTHER = "other", pgettext_lazy("hours role", "Other")


class AssignmentRole(models.TextChoices):
    HANDLER = "handler", _("Handler")
    MEDIATOR = "mediator", _("Mediator")
    COLLEAGUE = "colleague", _("Colleague")


class EventAction(models.TextChoices):
    """What the audit log records: who opened or changed a case, and when. It never copies the case's text."""

    CREATED = "created", _("registered the case")
    OPENED = "opened", _("opened the case")
    CHANGED = "changed", _("changed the case details")
    PARTY = "party", _("changed the people involved")
    ASSIGNED = "assigned", _("changed who is assigned")
    CONTACT = "contact", _("logged a contact")
    INFORMAL = "informal", _("recorded an informal approach")
    LETTER = "letter", _("downloaded a confirmation letter")
    CHECKLIST = "checklist", _("worked on the checklist")
    MEDIATION = "mediation", _("changed the mediation")
    CLOSED = "closed", _("closed the case")
    REOPENED = "reopened", _("reopened the case")
    REDUCED = "reduced", _("reduced the case to statistics")
