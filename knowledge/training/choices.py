"""The fixed choices of training modules, apart from the models so that the catalogue's filter form can offer them
without importing the page models that call it."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AudienceKey(models.TextChoices):
    MEDIATORS = "mediators", _("Mediators")
    NON_MEDIATORS = "non_mediators", _("Civil servants who are not mediators")
    POLICY = "policy", _("Policy departments")
    LEGAL = "legal", _("Legal support")
    OBJECTIONS = "objections", _("Objections and appeals departments")
    MANAGERS = "managers", _("Managers and directors")


class TrainingFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    BLENDED = "blended", _("Blended")
