"""Dilemma step-plans in the site search. Worksheets are private working notes and are never indexed."""

from django.utils.translation import gettext_lazy as _

from knowledge.dilemmas.models import DilemmaPlanPage
from knowledge.dilemmas.services import plan_text
from search import registry

registry.register_page(
    DilemmaPlanPage,
    kind="dilemma",
    label=_("Dilemma step-plan"),
    label_plural=_("Dilemma step-plans"),
    summary=lambda page: page.summary,
    body=plan_text,
)
