from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts and organisations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from accounts import offboarding, privacy

        # Each app's privacy.py registers its "download my data" sections and erasure handlers.
        privacy.autodiscover()
        # Each app's offboarding.py ends what depended on a membership that ended.
        offboarding.autodiscover()
