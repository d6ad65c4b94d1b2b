"""StreamField blocks of the implementation programme page."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from core.blocks import RICH_TEXT_FEATURES
from knowledge.training.steps import STEP_CHOICES


class TrajectoryStepBlock(blocks.StructBlock):
    key = blocks.ChoiceBlock(
        choices=STEP_CHOICES,
        label=_("Step"),
        help_text=_("The trajectory step; organisations record their progress per step."),
    )
    title = blocks.CharBlock(label=_("Title"))
    description = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Description"))
    modules = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="training.TrainingModulePage"),
        label=_("Training modules that serve this step"),
    )

    class Meta:
        icon = "list-ol"
        label = _("Trajectory step")
