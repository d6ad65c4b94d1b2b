"""Shared experiences: published experience pages, members' submissions waiting for moderation, useful marks.

A submission is deliberately not a page: until a moderator approves it, it lives only in its own table, so it
cannot leak through the page tree, the search index or the sitemap. Approval copies it into a new ExperiencePage.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.models import Orderable, Page
from wagtail.search import index

from knowledge.experiences import queries
from knowledge.experiences.choices import Outcome, Setting


class ExperienceIndexPage(Page):
    """The shared experiences of one language tree, with filters."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["knowledge.HomePage"]
    subpage_types = ["experiences.ExperiencePage"]
    max_count_per_parent = 1
    template = "experiences/index_page.html"

    class Meta:
        verbose_name = _("experience index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(queries.index_context(ExperiencePage.objects.live().public().child_of(self), request))
        return context


class ExperiencePageTag(TaggedItemBase):
    content_object = ParentalKey("experiences.ExperiencePage", on_delete=models.CASCADE, related_name="tagged_items")


class ExperiencePage(Page):
    """One anonymised case: what happened, how it was approached, how it ended and what others can learn from it."""

    setting = models.CharField(_("setting"), max_length=20, choices=Setting.choices)
    case_kind = models.CharField(
        _("kind of case"), max_length=120, help_text=_("For example: objection to a parking fine, team conflict.")
    )
    what_happened = models.TextField(_("what happened"))
    approach = models.TextField(_("approach"))
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    lessons = models.TextField(_("lessons learned"))
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    show_organisation = models.BooleanField(
        _("show the organisation"),
        default=False,
        help_text=_("Leave this off when naming the organisation could make the people involved recognisable."),
    )
    submitter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    tags = ClusterTaggableManager(through=ExperiencePageTag, blank=True, verbose_name=_("tags"))

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("setting"), FieldPanel("outcome")]),
        FieldPanel("case_kind"),
        FieldPanel("what_happened"),
        FieldPanel("approach"),
        FieldPanel("lessons"),
        FieldPanel("tags"),
        InlinePanel("related_protocols", label=_("Related protocols")),
        MultiFieldPanel(
            [FieldPanel("organisation"), FieldPanel("show_organisation"), FieldPanel("submitter")],
            heading=_("Origin"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("case_kind"),
        index.SearchField("what_happened"),
        index.SearchField("lessons"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("setting"),
        index.FilterField("outcome"),
    ]
    parent_page_types = ["experiences.ExperienceIndexPage"]
    subpage_types = []
    template = "experiences/experience_page.html"

    class Meta:
        verbose_name = _("experience")
        verbose_name_plural = _("experiences")

    @property
    def visible_organisation(self):
        return self.organisation if self.show_organisation else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(queries.experience_context(self, request))
        return context


class ExperienceRelatedProtocol(Orderable):
    page = ParentalKey(ExperiencePage, on_delete=models.CASCADE, related_name="related_protocols")
    protocol = models.ForeignKey(
        "protocols.ProtocolPage", verbose_name=_("protocol"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("protocol", "protocols.ProtocolPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("related protocol")


class SubmissionQuerySet(models.QuerySet):
    def waiting(self):
        return self.filter(status=ExperienceSubmission.Status.PENDING)


class ExperienceSubmission(models.Model):
    """An experience as a member submitted it, with the moderation decision. Only approval makes it public."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for moderation")
        CHANGES_REQUESTED = "changes_requested", _("Changes requested")
        REJECTED = "rejected", _("Rejected")
        APPROVED = "approved", _("Published")

    # SET_NULL: an experience that was published stays readable after its author deleted their account (the
    # privacy module erases what never became public).
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="experience_submissions"
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)

    title = models.CharField(_("title"), max_length=120)
    setting = models.CharField(_("setting"), max_length=20, choices=Setting.choices)
    case_kind = models.CharField(_("kind of case"), max_length=120)
    what_happened = models.TextField(_("what happened"), max_length=5000)
    approach = models.TextField(_("approach"), max_length=5000)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    lessons = models.TextField(_("lessons learned"), max_length=5000)
    tags = models.CharField(_("tags"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        "accounts.Organisation", verbose_name=_("organisation"), null=True, blank=True, on_delete=models.SET_NULL
    )
    show_organisation = models.BooleanField(_("show my organisation"), default=False)
    related_protocols = models.ManyToManyField(
        "protocols.ProtocolPage", verbose_name=_("related protocols"), blank=True, related_name="+"
    )
    # What the author declared before the (last) submission: the checklist, and that detector findings were checked.
    checklist_confirmed_at = models.DateTimeField(null=True, blank=True)
    findings_confirmed = models.BooleanField(default=False)

    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    reason = models.TextField(_("reason"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    page = models.OneToOneField(
        ExperiencePage, null=True, blank=True, on_delete=models.SET_NULL, related_name="submission"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("experience submission")
        verbose_name_plural = _("experience submissions")
        constraints = [
            # A published submission always points at its page; nothing else may.
            models.CheckConstraint(
                condition=models.Q(status="approved") | models.Q(page__isnull=True),
                name="experiences_page_only_when_approved",
            )
        ]

    def __str__(self):
        return self.title

    @property
    def is_editable(self) -> bool:
        return self.status in (self.Status.PENDING, self.Status.CHANGES_REQUESTED)

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING

    @property
    def is_approved(self) -> bool:
        return self.status == self.Status.APPROVED

    @property
    def changes_requested(self) -> bool:
        return self.status == self.Status.CHANGES_REQUESTED


class UsefulMark(models.Model):
    """A member found an experience useful. One per member and page, enforced by the database."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="useful_marks")
    page = models.ForeignKey(ExperiencePage, on_delete=models.CASCADE, related_name="useful_marks")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "page"], name="experiences_one_useful_mark_per_member")]

    def __str__(self):
        return f"{self.user_id} → {self.page_id}"
