from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProtocolsConfig(AppConfig):
    name = "protocols"
    verbose_name = _("Protocols")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from protocols import signals  # noqa: F401
