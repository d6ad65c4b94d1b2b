"""The training app's searchable types (found by the search app at start-up)."""

from django.utils.translation import gettext_lazy as _

from knowledge.training.models import TrainingModulePage
from search import registry

registry.register_page(
    TrainingModulePage,
    kind="training",
    label=_("Training"),
    label_plural=_("Trainings"),
    summary=lambda page: page.summary,
)
