from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DilemmasConfig(AppConfig):
    name = "knowledge.dilemmas"
    label = "dilemmas"
    verbose_name = _("Dilemma step-plans")
    default_auto_field = "django.db.models.BigAutoField"
