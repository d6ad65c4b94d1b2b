"""Training modules and their sessions, enrolments with a waitlist, and an organisation's implementation trajectory.

Modules are Wagtail pages (written by trainers, approved by editors). Sessions hang off a module as inline
child objects, so they go through the same draft → approval → publish flow as the module's text. Enrolments and
trajectory progress are plain rows: they are the members' own data, never part of a page revision.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.blocks import RICH_TEXT_FEATURES, BodyBlock
from knowledge.training import queries
from knowledge.training.blocks import TrajectoryStepBlock
from knowledge.training.choices import AudienceKey, TrainingFormat
from knowledge.training.steps import STEP_CHOICES


class Audience(models.Model):
    """A target group of training modules. The rows are fixed (created by a migration); labels come from code."""

    key = models.CharField(_("key"), max_length=32, choices=AudienceKey.choices, unique=True)

    class Meta:
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")
        ordering = ["id"]

    def __str__(self):
        return str(self.get_key_display())


class TrainingIndexPage(Page):
    """The training catalogue of one language tree."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["knowledge.HomePage"]
    subpage_types = ["training.TrainingModulePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("training catalogue")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        modules = TrainingModulePage.objects.live().public().child_of(self)
        context.update(queries.catalogue_context(modules, TrainingSession.objects.planned(), request))
        return context


class TrainingModulePageTag(TaggedItemBase):
    content_object = ParentalKey("training.TrainingModulePage", on_delete=models.CASCADE, related_name="tagged_items")


class TrainingModuleForm(WagtailAdminPageForm):
    """Sessions people are enrolled in cannot simply disappear from a module: they must be cancelled instead."""

    def clean(self):
        cleaned_data = super().clean()
        sessions = self.formsets.get("sessions")
        if sessions is not None:
            for form in sessions.deleted_forms:
                session = form.instance
                if session.pk and session.enrolments.active().exists():
                    raise ValidationError(
                        _(
                            "The session of %(date)s has participants and cannot be removed. "
                            "Set its status to cancelled instead: everyone enrolled is then informed."
                        )
                        % {"date": timezone.localtime(session.start).strftime("%d-%m-%Y %H:%M")}
                    )
        return cleaned_data


class TrainingModulePage(Page):
    """One training: what it teaches, for whom, and the sessions in which it is given."""

    summary = models.TextField(_("summary"), max_length=500, help_text=_("Shown in the catalogue."))
    learning_goals = RichTextField(_("learning goals"), features=RICH_TEXT_FEATURES)
    audiences = ParentalManyToManyField(Audience, blank=True, related_name="modules", verbose_name=_("audience"))
    duration = models.CharField(_("duration"), max_length=100, help_text=_("For example: two half days."))
    format = models.CharField(_("format"), max_length=16, choices=TrainingFormat.choices)
    max_group_size = models.PositiveSmallIntegerField(
        _("maximum group size"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(500)],
        help_text=_("The capacity of a session unless the session sets its own."),
    )
    prerequisites = RichTextField(_("prerequisites"), features=RICH_TEXT_FEATURES, blank=True)
    programme = StreamField(BodyBlock(), blank=True, verbose_name=_("programme"))
    tags = ClusterTaggableManager(through=TrainingModulePageTag, blank=True, verbose_name=_("tags"))

    base_form_class = TrainingModuleForm
    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("learning_goals"),
        MultiFieldPanel(
            [
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel([FieldPanel("format"), FieldPanel("duration"), FieldPanel("max_group_size")]),
            ],
            heading=_("Audience and form"),
        ),
        FieldPanel("prerequisites"),
        FieldPanel("programme"),
        InlinePanel("trainers", label=_("Trainers"), min_num=1),
        InlinePanel("materials", label=_("Materials")),
        InlinePanel("related_pages", label=_("Related protocols")),
        FieldPanel("tags"),
        InlinePanel("sessions", label=_("Sessions")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("learning_goals"),
        index.SearchField("programme"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    parent_page_types = ["training.TrainingIndexPage"]
    subpage_types = []

    # Each language tree runs its own sessions with its own participants: a translation must not copy or
    # synchronise them (wagtail-localize would otherwise overwrite the Danish sessions with the Dutch ones).
    exclude_fields_in_copy = ["sessions"]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        SynchronizedField("show_in_menus"),
        TranslatableField("summary"),
        TranslatableField("learning_goals"),
        TranslatableField("duration"),
        SynchronizedField("format"),
        SynchronizedField("max_group_size"),
        TranslatableField("prerequisites"),
        TranslatableField("programme"),
        SynchronizedField("trainers"),
        SynchronizedField("materials"),
        SynchronizedField("related_pages"),
    ]

    class Meta:
        verbose_name = _("training module")
        verbose_name_plural = _("training modules")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        enrolments = Enrolment.objects.active().filter(session__page=self)
        context.update(queries.module_context(self, enrolments, request))
        return context


class TrainingModuleTrainer(Orderable):
    page = ParentalKey(TrainingModulePage, on_delete=models.CASCADE, related_name="trainers")
    name = models.CharField(_("name"), max_length=200)
    bio = models.TextField(_("short bio"), max_length=600, blank=True)

    panels = [FieldPanel("name"), FieldPanel("bio")]

    class Meta(Orderable.Meta):
        verbose_name = _("trainer")
        verbose_name_plural = _("trainers")


class TrainingModuleMaterial(Orderable):
    page = ParentalKey(TrainingModulePage, on_delete=models.CASCADE, related_name="materials")
    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="+", verbose_name=_("document")
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("material")
        verbose_name_plural = _("materials")


class TrainingModuleRelatedPage(Orderable):
    """A protocol (or other guidance page) the module builds on."""

    page = ParentalKey(TrainingModulePage, on_delete=models.CASCADE, related_name="related_pages")
    related_page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )

    panels = [PageChooserPanel("related_page")]

    class Meta(Orderable.Meta):
        verbose_name = _("related protocol")
        verbose_name_plural = _("related protocols")


class SessionStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    CANCELLED = "cancelled", _("Cancelled")


class TrainingSessionQuerySet(models.QuerySet):
    def planned(self):
        return self.filter(status=SessionStatus.PLANNED)

    def on_live_modules(self):
        """Sessions of modules anyone may read (live, and not behind a page privacy restriction)."""
        return self.filter(page__in=TrainingModulePage.objects.live().public().values("pk"))

    def with_counts(self):
        enrolled = Enrolment.objects.filter(session=models.OuterRef("pk"), status=Enrolment.Status.ENROLLED)
        waitlisted = Enrolment.objects.filter(session=models.OuterRef("pk"), status=Enrolment.Status.WAITLISTED)
        return self.annotate(
            enrolled_count=_count_subquery(enrolled),
            waitlist_count=_count_subquery(waitlisted),
            effective_capacity=Coalesce("capacity", "page__max_group_size"),
        ).annotate(free_places=Greatest(models.F("effective_capacity") - models.F("enrolled_count"), 0))


def _count_subquery(queryset):
    counted = queryset.order_by().values("session").annotate(n=models.Count("pk")).values("n")
    return Coalesce(models.Subquery(counted, output_field=models.IntegerField()), 0)


class TrainingSession(Orderable):
    page = ParentalKey(TrainingModulePage, on_delete=models.CASCADE, related_name="sessions")
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    location = models.CharField(_("location"), max_length=300, blank=True, help_text=_("Address and room."))
    online_url = models.URLField(_("online meeting link"), blank=True)
    capacity = models.PositiveSmallIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(500)],
        help_text=_("Leave empty to use the module's maximum group size."),
    )
    enrolment_deadline = models.DateTimeField(
        _("enrolment deadline"), null=True, blank=True, help_text=_("Leave empty to allow enrolment until the start.")
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default="nl")
    status = models.CharField(_("status"), max_length=16, choices=SessionStatus.choices, default=SessionStatus.PLANNED)
    # Set once everyone has been told about a cancellation; also what keeps a cancelled session cancelled.
    cancelled_at = models.DateTimeField(null=True, blank=True, editable=False)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False, related_name="+"
    )

    objects = TrainingSessionQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldRowPanel([FieldPanel("location"), FieldPanel("online_url")]),
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("enrolment_deadline")]),
        FieldRowPanel([FieldPanel("language"), FieldPanel("status")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=models.F("start")), name="training_session_end_after_start"),
            models.CheckConstraint(
                condition=Q(enrolment_deadline__isnull=True) | Q(enrolment_deadline__lte=models.F("start")),
                name="training_session_deadline_before_start",
            ),
        ]

    def __str__(self):
        return f"{self.page.title} – {timezone.localtime(self.start):%d-%m-%Y %H:%M}"

    def clean(self):
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The end must be after the start.")
        if self.start and self.enrolment_deadline and self.enrolment_deadline > self.start:
            errors["enrolment_deadline"] = _("The enrolment deadline cannot be after the start.")
        if not self.location and not self.online_url:
            errors["location"] = _("Give a location or an online meeting link.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self.pk:
            stored = TrainingSession.objects.filter(pk=self.pk).values_list("cancelled_at", "cancelled_by").first()
            if stored and stored[0]:
                # Participants have been told: publishing an older revision must not bring the session back.
                self.status = SessionStatus.CANCELLED
                self.cancelled_at, self.cancelled_by_id = stored
        super().save(*args, **kwargs)

    @property
    def capacity_or_default(self) -> int:
        return self.capacity or self.page.max_group_size

    @property
    def deadline(self):
        return self.enrolment_deadline or self.start

    @property
    def is_cancelled(self) -> bool:
        return self.status == SessionStatus.CANCELLED

    @property
    def is_open(self) -> bool:
        return not self.is_cancelled and timezone.now() <= self.deadline


class EnrolmentQuerySet(models.QuerySet):
    def active(self):
        return self.exclude(status=Enrolment.Status.CANCELLED)

    def waitlist(self):
        # Arrival order: ids are drawn while the session row is locked, so they follow the order of commits.
        return self.filter(status=Enrolment.Status.WAITLISTED).order_by("id")


class Enrolment(models.Model):
    class Status(models.TextChoices):
        ENROLLED = "enrolled", _("Enrolled")
        WAITLISTED = "waitlisted", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    # PROTECT: a session people enrolled in is cancelled, never deleted with their enrolments.
    session = models.ForeignKey(TrainingSession, on_delete=models.PROTECT, related_name="enrolments")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments")
    status = models.CharField(_("status"), max_length=16, choices=Status.choices)
    created_at = models.DateTimeField(_("enrolled at"), default=timezone.now)
    promoted_at = models.DateTimeField(_("promoted from the waiting list at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = EnrolmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"],
                condition=~Q(status="cancelled"),
                name="training_enrolment_one_active_per_person",
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.session} ({self.get_status_display()})"

    @property
    def is_enrolled(self) -> bool:
        return self.status == self.Status.ENROLLED

    @property
    def is_waitlisted(self) -> bool:
        return self.status == self.Status.WAITLISTED

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED


class ImplementationProgrammePage(Page):
    """The implementation trajectory: the steps an organisation takes to make mediation part of its work."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)
    steps = StreamField([("step", TrajectoryStepBlock())], verbose_name=_("steps"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("steps")]
    parent_page_types = ["knowledge.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("implementation programme")


class TrajectoryStepStatus(models.Model):
    """How far one organisation is with one step of the implementation trajectory."""

    class Approach(models.TextChoices):
        # The default: a step nobody decided on is not counted as done by anyone.
        NOT_DECIDED = "not_decided", _("Not decided yet")
        OURSELVES = "ourselves", _("Done by ourselves")
        OUTSOURCED = "outsourced", _("Outsourced")
        NOT_PLANNED = "not_planned", _("Not planned")

    class Progress(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")

    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.CASCADE, related_name="trajectory_steps")
    step = models.CharField(_("step"), max_length=32, choices=STEP_CHOICES)
    approach = models.CharField(_("approach"), max_length=16, choices=Approach.choices, default=Approach.NOT_DECIDED)
    status = models.CharField(_("status"), max_length=16, choices=Progress.choices, default=Progress.NOT_STARTED)
    note = models.TextField(_("note"), max_length=1000, blank=True)
    planned_on = models.DateField(_("planned on"), null=True, blank=True)
    done_on = models.DateField(_("done on"), null=True, blank=True)
    provider = models.CharField(
        _("provider"), max_length=200, blank=True, help_text=_("Who carries out an outsourced step.")
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("trajectory step")
        verbose_name_plural = _("trajectory steps")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "step"], name="training_trajectory_one_row_per_step"),
        ]

    #: The editor's title of the step on the programme page, set by `services.trajectory()`.
    editor_title = ""

    def __str__(self):
        return f"{self.organisation}: {self.get_step_display()}"

    @property
    def title(self) -> str:
        """The step as the programme page names it, or the built-in label where the page does not."""
        return self.editor_title or str(self.get_step_display())

    @property
    def is_done(self) -> bool:
        return self.status == self.Progress.DONE

    @property
    def is_outsourced(self) -> bool:
        return self.approach == self.Approach.OUTSOURCED

    @property
    def is_decided(self) -> bool:
        return self.approach != self.Approach.NOT_DECIDED
