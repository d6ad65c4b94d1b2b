"""The knowledge app's searchable types (found by the search app at start-up)."""

from django.utils.translation import gettext_lazy as _

from knowledge.models import ContentPage, HomePage
from search import registry

registry.register_page(ContentPage, kind="page", label=_("Page"), label_plural=_("Pages"))
# The home pages explain what the platform offers; they are found as ordinary pages.
registry.register_page(HomePage, kind="page", label=_("Page"), label_plural=_("Pages"))
