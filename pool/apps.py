from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PoolConfig(AppConfig):
    name = "pool"
    label = "pool"
    verbose_name = _("Mediator pool")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from pool import notifications

        notifications.register()
