from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "knowledge.training"
    label = "training"
    verbose_name = _("Training")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Publishing a module is where a cancellation made in the CMS takes effect.
        from knowledge.training import signals  # noqa: F401
