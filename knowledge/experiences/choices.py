"""How an experience is classified; the page, the submission form and the index filters offer the same choices."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Setting(models.TextChoices):
    CITIZEN_GOVERNMENT = "citizen_government", _("Between citizen and government")
    WORKPLACE = "workplace", _("In the workplace")
    ORGANISATIONS = "organisations", _("Between organisations")


class Outcome(models.TextChoices):
    RESOLVED = "resolved", _("Resolved")
    PARTLY = "partly", _("Partly resolved")
    NOT_RESOLVED = "not_resolved", _("Not resolved")
