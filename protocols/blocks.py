"""The step block of a protocol: what happens, who does it, what to tick off, which documents to use."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from core.blocks import RICH_TEXT_FEATURES


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    responsible_role = blocks.CharBlock(
        label=_("Responsible role"), max_length=120, help_text=_("Who carries out this step, e.g. case handler.")
    )
    actions = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Actions"))
    checklist = blocks.ListBlock(
        blocks.CharBlock(max_length=300, label=_("Item")),
        label=_("Checklist items"),
        default=[],
        min_num=0,
    )
    typical_duration = blocks.CharBlock(
        required=False, max_length=80, label=_("Typical duration"), help_text=_("For example: one week, 1.5 hours.")
    )
    documents = blocks.ListBlock(
        DocumentChooserBlock(label=_("Document")),
        label=_("Documents"),
        default=[],
        min_num=0,
        help_text=_("Letter templates, forms such as the BIA form."),
    )

    class Meta:
        icon = "list-ol"
        label = _("Step")


class StepsBlock(blocks.StreamBlock):
    step = StepBlock()
