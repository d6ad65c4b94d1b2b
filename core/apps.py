from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Site-wide pieces every app may use: template tags, the personal-data detector, demo loading, the page
    cache and the member's page cache."""

    name = "core"
    verbose_name = _("Core")

    def ready(self):
        from core import data_generation, logs, signals

        logs.connect()
        signals.connect()
        data_generation.connect()
