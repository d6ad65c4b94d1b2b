"""Published experiences in the site search. Submissions are not searchable at all: only approved, published pages."""

from django.utils.translation import gettext_lazy as _

from knowledge.experiences.models import ExperiencePage
from search import registry

registry.register_page(
    ExperiencePage,
    kind="experience",
    label=_("Experience"),
    label_plural=_("Experiences"),
    summary=lambda page: page.what_happened[:400],
    body=lambda page: "\n".join([page.case_kind, page.what_happened, page.approach, page.lessons]),
    # A hidden organisation must not surface through search facets either.
    organisation=lambda page: page.organisation_id if page.show_organisation else None,
)
