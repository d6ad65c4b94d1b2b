"""Where and when a protocol applies, apart from the models so that the index's filter form can offer the choices
without importing the page models that call it."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ConflictSetting(models.TextChoices):
    OBJECTION = "objection", _("Citizen and government: objection")
    COMPLAINT = "complaint", _("Citizen and government: complaint")
    WORKPLACE = "workplace", _("Workplace and personnel")
    ORGANISATIONS = "organisations", _("Between organisations")


class Phase(models.TextChoices):
    BEFORE_OBJECTION = "before_objection", _("Before the objection")
    DURING_OBJECTION = "during_objection", _("During the objection procedure")
    HEARING = "hearing", _("Hearing")
    ANY = "any", _("Any phase")
