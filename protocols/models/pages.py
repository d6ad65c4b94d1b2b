"""Protocols as Wagtail pages, their published versions and their review reminders."""

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, Revision
from wagtail.search import index

from core.blocks import RICH_TEXT_FEATURES
from protocols import queries
from protocols.admin_forms import ProtocolPageForm
from protocols.blocks import StepsBlock
from protocols.choices import ConflictSetting, Phase


def add_months(day: datetime.date, months: int) -> datetime.date:
    """`day` plus whole months, clamped to the end of shorter months (31 January + 1 month = 28/29 February)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    next_month_first = datetime.date(year + (month == 12), month % 12 + 1, 1)
    last_day = (next_month_first - datetime.timedelta(days=1)).day
    return datetime.date(year, month, min(day.day, last_day))


class ProtocolIndexPage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["knowledge.HomePage"]
    subpage_types = ["protocols.ProtocolPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("protocol index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(queries.filtered_protocols(ProtocolPage.objects.child_of(self), request.GET, request.user))
        return context


class ProtocolPageTag(TaggedItemBase):
    content_object = ParentalKey("protocols.ProtocolPage", on_delete=models.CASCADE, related_name="tagged_items")


class ProtocolPage(Page):
    """One protocol: when to use it, who takes part with which mandate, and the steps to follow."""

    summary = models.TextField(_("summary"), max_length=400, help_text=_("Shown in lists and search results."))
    conflict_setting = models.CharField(_("conflict setting"), max_length=20, choices=ConflictSetting.choices)
    phase = models.CharField(_("phase"), max_length=20, choices=Phase.choices, default=Phase.ANY)
    when_to_use = RichTextField(_("when to use"), features=RICH_TEXT_FEATURES, blank=True)
    when_not_to_use = RichTextField(_("when not to use"), features=RICH_TEXT_FEATURES, blank=True)
    roles_and_mandate = RichTextField(
        _("roles and mandate"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Who takes part, and with what mandate."),
    )
    steps = StreamField(StepsBlock(), blank=True, verbose_name=_("steps"))
    confidentiality = RichTextField(_("confidentiality"), features=RICH_TEXT_FEATURES, blank=True)
    voluntariness = RichTextField(_("voluntariness"), features=RICH_TEXT_FEATURES, blank=True)
    recorded = RichTextField(_("what is recorded afterwards"), features=RICH_TEXT_FEATURES, blank=True)
    tags = ClusterTaggableManager(through=ProtocolPageTag, blank=True, verbose_name=_("tags"))

    review_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible editor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_protocols",
        help_text=_("Receives the review reminders."),
    )
    last_reviewed = models.DateField(_("last reviewed on"), null=True, blank=True)
    review_interval_months = models.PositiveSmallIntegerField(_("review interval (months)"), default=12)
    # Stored (not only computed) so the reminder task and the admin report can filter on it in the database.
    next_review = models.DateField(_("next review"), null=True, blank=True, editable=False)
    change_note = models.CharField(
        _("change note"),
        max_length=250,
        blank=True,
        help_text=_("What changed in this version (shown to readers). Required when publishing."),
    )

    base_form_class = ProtocolPageForm
    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("conflict_setting"), FieldPanel("phase")]),
        FieldPanel("tags"),
        MultiFieldPanel([FieldPanel("when_to_use"), FieldPanel("when_not_to_use")], heading=_("Criteria")),
        FieldPanel("roles_and_mandate"),
        FieldPanel("steps"),
        MultiFieldPanel(
            [FieldPanel("confidentiality"), FieldPanel("voluntariness"), FieldPanel("recorded")],
            heading=_("Confidentiality, voluntariness and records"),
        ),
        InlinePanel("related_protocols", label=_("Related protocols")),
        MultiFieldPanel(
            [
                FieldPanel("review_owner"),
                FieldRowPanel([FieldPanel("last_reviewed"), FieldPanel("review_interval_months")]),
            ],
            heading=_("Review"),
        ),
        MultiFieldPanel([FieldPanel("change_note")], heading=_("Publishing")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("steps"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("conflict_setting"),
        index.FilterField("phase"),
    ]
    parent_page_types = ["protocols.ProtocolIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("protocol")
        verbose_name_plural = _("protocols")

    def compute_next_review(self) -> datetime.date | None:
        start = self.last_reviewed or (self.first_published_at.date() if self.first_published_at else None)
        if start is None:
            return None
        return add_months(start, self.review_interval_months or 12)

    def save(self, *args, **kwargs):
        self.next_review = self.compute_next_review()
        return super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # From the database, not the in-memory links a preview carries: a preview lists the saved links.
        related = RelatedProtocol.objects.filter(page=self)
        context.update(queries.protocol_page_context(self, related, ProtocolPage.objects.all(), request))
        return context


class RelatedProtocol(Orderable):
    page = ParentalKey(ProtocolPage, on_delete=models.CASCADE, related_name="related_protocols")
    protocol = models.ForeignKey(ProtocolPage, verbose_name=_("protocol"), on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("protocol", "protocols.ProtocolPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("related protocol")


class PublishedVersion(models.Model):
    """A revision of a protocol that was published, with its change note: what readers may see in the history.

    Recorded when the page is published (Wagtail's own log is optional per publish and says nothing of notes).
    Drafts never get a row, so nothing here can leak them.
    """

    page = models.ForeignKey(ProtocolPage, on_delete=models.CASCADE, related_name="published_versions")
    revision = models.OneToOneField(Revision, on_delete=models.CASCADE, related_name="+")
    published_at = models.DateTimeField()
    change_note = models.CharField(max_length=250, blank=True)

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("published version")

    def __str__(self):
        return f"{self.page_id} @ {self.published_at:%Y-%m-%d %H:%M}"


class ReviewReminder(models.Model):
    """A reminder sent for one protocol's review date and status, so the daily task mails each state once."""

    page = models.ForeignKey(ProtocolPage, on_delete=models.CASCADE, related_name="review_reminders")
    next_review = models.DateField()
    status = models.CharField(max_length=20)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page", "next_review", "status"], name="protocols_one_reminder_per_state")
        ]

    def __str__(self):
        return f"{self.page_id} {self.status} {self.next_review}"
