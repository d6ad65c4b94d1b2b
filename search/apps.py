from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core.metrics import register_collector
        from search import signals
        from search.metrics import PendingWritesCollector

        # Every installed app's `search_indexes.py` registers its searchable types (this app's covers knowledge).
        autodiscover_modules("search_indexes")
        signals.connect()
        register_collector(PendingWritesCollector())
