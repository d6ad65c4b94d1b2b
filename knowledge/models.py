"""Home page and general guidance pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import BodyBlock
from knowledge.blocks import FeatureBlock


class HomePage(Page):
    """The front page of one language tree: what the platform offers and the newest guidance."""

    lead = models.TextField(_("lead"), help_text=_("One or two sentences under the page title."))
    features = StreamField([("feature", FeatureBlock())], blank=True, verbose_name=_("what the platform offers"))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("lead"), FieldPanel("features"), FieldPanel("body")]
    max_count_per_parent = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest"] = (
            ContentPage.objects.live().public().descendant_of(self).order_by("-first_published_at").specific()[:6]
        )
        return context


class ContentPageTag(TaggedItemBase):
    content_object = ParentalKey("knowledge.ContentPage", on_delete=models.CASCADE, related_name="tagged_items")


class ContentPage(Page):
    """General guidance: background, explanations, an overview of a theme."""

    summary = models.TextField(_("summary"), max_length=400, help_text=_("Shown in lists and search results."))
    body = StreamField(BodyBlock(), verbose_name=_("body"))
    tags = ClusterTaggableManager(through=ContentPageTag, blank=True, verbose_name=_("tags"))

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body"), FieldPanel("tags")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    parent_page_types = ["knowledge.HomePage", "knowledge.ContentPage"]

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = self.get_children().live().public().specific()
        return context
