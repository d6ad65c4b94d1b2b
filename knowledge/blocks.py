"""StreamField blocks of the home page. The body blocks every page type shares are in core.blocks."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class FeatureBlock(blocks.StructBlock):
    """A card on the home page: one thing the platform offers, with a link to it."""

    title = blocks.CharBlock(label=_("Title"))
    text = blocks.TextBlock(label=_("Text"))
    page = blocks.PageChooserBlock(required=False, label=_("Page"))
    link_text = blocks.CharBlock(required=False, label=_("Link text"))

    class Meta:
        icon = "pick"
        label = _("Feature")
