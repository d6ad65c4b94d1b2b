"""StreamField blocks of a dilemma step-plan: one block per step, tied to a part of the worksheet."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.stream_block import StreamBlockValidationError

from core.blocks import RICH_TEXT_FEATURES


class Section:
    """The three parts of a worksheet (seed 004). A step-plan's steps each guide one of them."""

    INVENTORY = "inventory"
    WEIGHING = "weighing"
    PERSONAL = "personal"
    ORDER = (INVENTORY, WEIGHING, PERSONAL)
    CHOICES = [
        (INVENTORY, _("1. Inventory: context, interests and rules")),
        (WEIGHING, _("2. Arguments, weighing and conclusions")),
        (PERSONAL, _("3. Personal perspective")),
    ]


class PlanStepBlock(blocks.StructBlock):
    section = blocks.ChoiceBlock(
        choices=Section.CHOICES,
        label=_("Worksheet part"),
        help_text=_("The part of the worksheet this step guides; its fields are shown under the step."),
    )
    title = blocks.CharBlock(label=_("Title"))
    guiding_questions = blocks.ListBlock(blocks.CharBlock(label=_("Question")), label=_("Guiding questions"))
    hints = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, required=False, label=_("Hints"))
    worked_example = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, required=False, label=_("Worked example"))

    class Meta:
        icon = "list-ol"
        label = _("Step")


class PlanStepsBlock(blocks.StreamBlock):
    step = PlanStepBlock()

    def clean(self, value):
        value = super().clean(value)
        covered = {child.value["section"] for child in value}
        missing = [str(label) for key, label in Section.CHOICES if key not in covered]
        if missing:
            raise StreamBlockValidationError(
                non_block_errors=ValidationError(
                    _("Every part of the worksheet needs at least one step. Missing: %(parts)s."),
                    params={"parts": "; ".join(missing)},
                )
            )
        return value
