"""The vocabularies of the pool: what a mediator offers, what a request asks for, and the states things go through.

Kept apart from the models so that forms, filters, demo content and the suitability aid's links share one list.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class MediatorKind(models.TextChoices):
    INTERNAL = "internal", _("Internal mediator of my organisation")
    POOL = "pool", _("Available to the regional pool")
    BOTH = "both", _("Both internal and in the regional pool")


class Domain(models.TextChoices):
    """Policy domains a mediator knows from the inside."""

    SOCIAL = "social", _("Social domain")
    ENVIRONMENT = "environment", _("Environment and permits")
    TAXES = "taxes", _("Taxes")
    HR = "hr", _("HR and employment")
    PUBLIC_SPACE = "public_space", _("Public space and enforcement")
    OTHER = "other", pgettext_lazy("policy domain", "Other")


class ConflictKind(models.TextChoices):
    CITIZEN_GOVERNMENT = "citizen_government", _("Citizen and government")
    EMPLOYER_EMPLOYEE = "employer_employee", _("Employer and employee")
    BETWEEN_ORGANISATIONS = "between_organisations", _("Between organisations")


class Language(models.TextChoices):
    """Languages a mediation can be held in (not the interface languages)."""

    DUTCH = "nl", _("Dutch")
    DANISH = "da", _("Danish")
    ENGLISH = "en", _("English")
    GERMAN = "de", _("German")
    FRENCH = "fr", _("French")
    TURKISH = "tr", _("Turkish")
    ARABIC = "ar", _("Arabic")
    POLISH = "pl", _("Polish")


class Facet(models.TextChoices):
    """Which list an expertise row belongs to."""

    DOMAIN = "domain", _("Policy domain")
    CONFLICT = "conflict", _("Kind of conflict")
    LANGUAGE = "language", _("Language")


FACET_CHOICES = {Facet.DOMAIN: Domain, Facet.CONFLICT: ConflictKind, Facet.LANGUAGE: Language}


class LendingConsent(models.TextChoices):
    """The coordinator's confirmation that a colleague may be lent to other organisations (their manager agreed)."""

    NOT_ASKED = "not_asked", _("Not asked")
    PENDING = "pending", _("Waiting for the coordinator")
    CONFIRMED = "confirmed", _("Confirmed")
    REFUSED = "refused", _("Not confirmed")


class NetworkMembershipStatus(models.TextChoices):
    REQUESTED = "requested", _("Asked to join")
    ACTIVE = "active", _("Participating")
    DECLINED = "declined", _("Declined")
    LEFT = "left", _("Left the network")


class Urgency(models.TextChoices):
    NORMAL = "normal", _("Normal (within a month)")
    SOON = "soon", _("Soon (within two weeks)")
    URGENT = "urgent", _("Urgent (this week)")


class RequestStatus(models.TextChoices):
    OPEN = "open", _("Open for offers")
    CHOSEN = "chosen", _("Offer chosen, waiting for approval")
    LOANED = "loaned", _("Loan approved")
    COMPLETED = "completed", _("Completed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class OfferStatus(models.TextChoices):
    OPEN = "open", _("Offered")
    CHOSEN = "chosen", _("Chosen, waiting for approval")
    APPROVED = "approved", _("Loan approved")
    REFUSED = "refused", _("Loan not approved")
    DECLINED = "declined", _("Not chosen")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# An offer in one of these states holds a place in the mediator's capacity for the quarter.
COMMITTED_OFFER_STATUSES = (OfferStatus.CHOSEN, OfferStatus.APPROVED)
CLOSED_REQUEST_STATUSES = (RequestStatus.COMPLETED, RequestStatus.WITHDRAWN)
