"""Shared experiences: published experience pages, members' submissions waiting for moderation, useful marks.

A submission is deliberately not a page: until a moderator approves it, it lives only in its own table, so it
cannot leak through the page tree, the search index or the sitemap. Approval copies it into a new ExperiencePage.

A moderator may redact a detail before (or after) publishing: the submission and the page then both hold the edited
text, and what the author wrote is kept only in an ExperienceRevision, which moderators alone read and may purge.
So whatever shows the submission (the author's pages, mails, the export) carries the redacted text too.
"""

from django.conf import settings
from django.db import models
from django.utils.cache import patch_cache_control
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
        context.update(queries.index_context(ExperiencePage.objects.child_of(self), request))
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
    # Read by accounts.access (page serving, readable_pages) and search (members-only documents) by its name.
    members_only = models.BooleanField(
        _("members only"),
        default=False,
        help_text=_("Only members of verified organisations can read it; it is left out of the sitemap."),
    )

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
            [
                FieldPanel("organisation"),
                FieldPanel("show_organisation"),
                FieldPanel("submitter"),
                FieldPanel("members_only"),
            ],
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

    def get_sitemap_urls(self, request=None):
        # The sitemap is public: a members-only experience is not announced there.
        return [] if self.members_only else super().get_sitemap_urls(request)

    def serve(self, request, *args, **kwargs):
        # Visitors never get here (accounts' before_serve_page hook sends them to log in); what a member reads of a
        # members-only page must stay out of shared caches.
        response = super().serve(request, *args, **kwargs)
        if self.members_only:
            patch_cache_control(response, private=True)
        return response


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
        TAKEN_DOWN = "taken_down", _("Taken down by a moderator")
        WITHDRAWN = "withdrawn", _("Withdrawn")

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
    # The author's choice; a moderator may publish members-only when this is off, never public when it is on.
    members_only = models.BooleanField(_("members only"), default=False)
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
    withdrawn_at = models.DateTimeField(null=True, blank=True)
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
        return self.status in EDITABLE

    @property
    def is_withdrawable(self) -> bool:
        return self.status in WITHDRAWABLE

    @property
    def is_withdrawn(self) -> bool:
        return self.status == self.Status.WITHDRAWN

    @property
    def is_taken_down(self) -> bool:
        return self.status == self.Status.TAKEN_DOWN

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING

    @property
    def is_approved(self) -> bool:
        return self.status == self.Status.APPROVED

    @property
    def changes_requested(self) -> bool:
        return self.status == self.Status.CHANGES_REQUESTED


_Status = ExperienceSubmission.Status
# The author may change it while it waits, was sent back, or was taken down (and send it again).
EDITABLE = (_Status.PENDING, _Status.CHANGES_REQUESTED, _Status.TAKEN_DOWN)
# The author may withdraw it whenever it is not final.
WITHDRAWABLE = (_Status.PENDING, _Status.CHANGES_REQUESTED, _Status.APPROVED, _Status.TAKEN_DOWN)
# The fields a moderator may redact: the free text (the classification and the organisation have choices of their own).
REDACTABLE_FIELDS = ("title", "case_kind", "what_happened", "approach", "lessons", "tags")


class ExperienceRevision(models.Model):
    """What the author wrote before a moderator redacted it: only the fields that were changed. Moderators alone read
    it (it is never indexed, mailed or exported); purging empties it for good and keeps the row, so the history still
    shows that something was edited, by whom and when."""

    submission = models.ForeignKey(ExperienceSubmission, on_delete=models.CASCADE, related_name="revisions")
    original = models.JSONField(default=dict)
    changed_fields = models.JSONField(default=list)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    purged_at = models.DateTimeField(null=True, blank=True)
    purged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("original text of a redacted experience")
        verbose_name_plural = _("original texts of redacted experiences")

    def __str__(self):
        return f"{self.submission_id} @ {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def is_purged(self) -> bool:
        return self.purged_at is not None

    def changed_labels(self) -> list:
        return [ExperienceSubmission._meta.get_field(name).verbose_name for name in self.changed_fields]

    def original_fields(self) -> list[tuple]:
        """(label, text) of each field as the author wrote it, for the moderators' history."""
        return [
            (ExperienceSubmission._meta.get_field(name).verbose_name, self.original[name])
            for name in self.changed_fields
            if name in self.original
        ]


class DecisionQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TypeError("The decision log is append-only.")


class ExperienceDecision(models.Model):
    """Append-only record of what happened to a submission and who did it: moderators' decisions, redactions,
    purges, the author's withdrawal. It holds no text of the experience, only the moderator's reason."""

    class Action(models.TextChoices):
        APPROVE = "approve", _("Approved and published")
        REQUEST_CHANGES = "request_changes", _("Asked for changes")
        REJECT = "reject", _("Rejected")
        REDACT = "redact", _("Edited and published")
        TAKE_DOWN = "take_down", _("Taken down")
        PURGE_REVISION = "purge_revision", _("Original text purged")
        WITHDRAW = "withdraw", _("Withdrawn by the author")

    submission = models.ForeignKey(ExperienceSubmission, on_delete=models.CASCADE, related_name="decisions")
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    members_only = models.BooleanField(_("members only"), default=False)
    reason = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    objects = DecisionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        get_latest_by = ["created_at", "pk"]
        verbose_name = _("decision on an experience")
        verbose_name_plural = _("decisions on experiences")

    def __str__(self):
        return f"{self.action} {self.submission_id}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise TypeError("The decision log is append-only.")
        super().save(*args, **kwargs)


class UsefulMark(models.Model):
    """A member found an experience useful. One per member and page, enforced by the database."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="useful_marks")
    page = models.ForeignKey(ExperiencePage, on_delete=models.CASCADE, related_name="useful_marks")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "page"], name="experiences_one_useful_mark_per_member")]

    def __str__(self):
        return f"{self.user_id} → {self.page_id}"
