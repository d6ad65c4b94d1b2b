from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Site-wide pieces every app may use: template tags, the personal-data detector, demo loading."""

    name = "core"
    verbose_name = _("Core")
