from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExperiencesConfig(AppConfig):
    name = "knowledge.experiences"
    label = "experiences"
    verbose_name = _("Shared experiences")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from knowledge.experiences import notifications

        notifications.register()
