from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "cases"
    label = "cases"
    verbose_name = _("Case register")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cases import notifications

        notifications.register()
