"""The worksheet's three steps: which forms each one shows, and how they are filled from a worksheet."""

from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

from knowledge.dilemmas.blocks import Section
from knowledge.dilemmas.forms import (
    InventoryForm,
    OptionFormSet,
    PersonalForm,
    RowFormSet,
    StakeholderFormSet,
    WeighingForm,
)
from knowledge.dilemmas.models import ValueType, Worksheet

STEP_SECTIONS = {1: Section.INVENTORY, 2: Section.WEIGHING, 3: Section.PERSONAL}
STEP_TITLES = {
    1: _("Inventory"),
    2: _("Arguments, weighing and conclusions"),
    3: _("Personal perspective"),
}
# The formset of each step, by the prefix its fields carry ("stakeholders-0-name").
ROW_PREFIX = {1: "stakeholders", 2: "options"}


@dataclass
class StepForms:
    number: int
    form: forms.ModelForm
    rows: RowFormSet | None = None

    def is_valid(self) -> bool:
        valid = self.form.is_valid()
        return (self.rows is None or self.rows.is_valid()) and valid


def stakeholder_initial(worksheet: Worksheet) -> list[dict]:
    return [{"name": s.name, "interests": s.interests} for s in worksheet.stakeholders.all()]


def option_initial(worksheet: Worksheet) -> list[dict]:
    initial = []
    for option in worksheet.options.prefetch_related("weighings"):
        row = {"title": option.title, "description": option.description}
        for weighing in option.weighings.all():
            row[f"score_{weighing.value_type}"] = weighing.score
            row[f"reason_{weighing.value_type}"] = weighing.reason
        initial.append(row)
    return initial


def step_forms(worksheet: Worksheet, number: int, data=None, add_row: bool = False) -> StepForms:
    """The forms of step `number`, bound to `data` (a POST) or filled from the worksheet.

    An empty worksheet gets one blank row to start with; `add_row` adds another blank one.
    """
    form_class = {1: InventoryForm, 2: WeighingForm, 3: PersonalForm}[number]
    form = form_class(data, instance=worksheet)
    prefix = ROW_PREFIX.get(number)
    if prefix is None:
        return StepForms(number, form)
    formset_class = StakeholderFormSet if number == 1 else OptionFormSet
    if data is not None:
        return StepForms(number, form, formset_class(data, prefix=prefix))
    initial = stakeholder_initial(worksheet) if number == 1 else option_initial(worksheet)
    formset = formset_class(initial=initial, prefix=prefix)
    if add_row or not initial:
        formset.extra = 1
    return StepForms(number, form, formset)


def weighings_of(row: dict) -> list[dict]:
    return [
        {
            "value_type": value_type,
            "score": row.get(f"score_{value_type}"),
            "reason": row.get(f"reason_{value_type}", ""),
        }
        for value_type in ValueType.values
    ]
