"""Dilemma step-plans (Wagtail pages) and members' private worksheets that follow them.

A worksheet is private to its owner; invited colleagues may read and comment (the rules are in
`knowledge/dilemmas/permissions.py`, applied in the query).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, Revision
from wagtail.search import index

from core.blocks import RICH_TEXT_FEATURES
from knowledge.dilemmas.blocks import PlanStepsBlock


class DilemmaPlanIndexPage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["knowledge.HomePage"]
    subpage_types = ["dilemmas.DilemmaPlanPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("dilemma step-plan index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["plans"] = DilemmaPlanPage.objects.child_of(self).live().public()
        return context


class DilemmaPlanPage(Page):
    """A step-plan for working through a dilemma; members start worksheets from it."""

    summary = models.TextField(_("summary"), max_length=400, help_text=_("Shown in lists and search results."))
    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)
    steps = StreamField(PlanStepsBlock(), verbose_name=_("steps"))

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("intro"), FieldPanel("steps")]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("steps")]
    parent_page_types = ["dilemmas.DilemmaPlanIndexPage", "knowledge.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("dilemma step-plan")
        verbose_name_plural = _("dilemma step-plans")

    def get_context(self, request, *args, **kwargs):
        from accounts import roles

        context = super().get_context(request, *args, **kwargs)
        context["can_start"] = roles.is_member(request.user)
        return context


class ValueType(models.TextChoices):
    """The four kinds of values a dilemma is weighed against (seed 004, step 2)."""

    PUBLIC = "public", _("Public values")
    ORGANISATIONAL = "organisational", _("Organisational values")
    PROFESSIONAL = "professional", _("Professional values")
    PERSONAL = "personal", _("Personal values")


SCORE_CHOICES = [
    (-2, _("−2 strongly against")),
    (-1, _("−1 against")),
    (0, _("0 neutral")),
    (1, _("+1 in favour")),
    (2, _("+2 strongly in favour")),
]


class Worksheet(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="worksheets")
    plan = models.ForeignKey(
        DilemmaPlanPage, null=True, blank=True, on_delete=models.SET_NULL, related_name="worksheets"
    )
    # The plan version it was started from: kept even when the plan is changed, moved or deleted later.
    plan_revision = models.ForeignKey(Revision, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    plan_title = models.CharField(max_length=255)
    plan_version_at = models.DateTimeField(null=True, blank=True)
    language = models.CharField(max_length=8, default="nl")

    title = models.CharField(_("title of the dilemma"), max_length=200)
    context = models.TextField(_("context"), max_length=6000, blank=True)
    rules = models.TextField(_("applicable rules"), max_length=6000, blank=True)
    conclusion = models.TextField(_("conclusion"), max_length=6000, blank=True)
    advice = models.TextField(_("advice"), max_length=6000, blank=True)
    personal_perspective = models.TextField(_("personal perspective"), max_length=6000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name = _("worksheet")
        verbose_name_plural = _("worksheets")

    def __str__(self):
        return self.title


class Stakeholder(models.Model):
    worksheet = models.ForeignKey(Worksheet, on_delete=models.CASCADE, related_name="stakeholders")
    position = models.PositiveSmallIntegerField()
    name = models.CharField(_("stakeholder"), max_length=200)
    interests = models.TextField(_("interests"), max_length=3000, blank=True)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["worksheet", "position"], name="dilemmas_stakeholder_position_unique")
        ]

    def __str__(self):
        return self.name


class Option(models.Model):
    worksheet = models.ForeignKey(Worksheet, on_delete=models.CASCADE, related_name="options")
    position = models.PositiveSmallIntegerField()
    title = models.CharField(_("option"), max_length=200)
    description = models.TextField(_("description"), max_length=3000, blank=True)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["worksheet", "position"], name="dilemmas_option_position_unique")
        ]

    def __str__(self):
        return self.title


class Weighing(models.Model):
    """How one option serves one kind of value: a score on a small scale and the reason for it."""

    option = models.ForeignKey(Option, on_delete=models.CASCADE, related_name="weighings")
    value_type = models.CharField(max_length=20, choices=ValueType.choices)
    score = models.SmallIntegerField(null=True, blank=True, choices=SCORE_CHOICES)
    reason = models.TextField(max_length=2000, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["option", "value_type"], name="dilemmas_one_weighing_per_value"),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__gte=-2, score__lte=2), name="dilemmas_score_in_scale"
            ),
        ]

    def __str__(self):
        return f"{self.option_id} {self.value_type} {self.score}"


class Invitation(models.Model):
    """A colleague who may read the worksheet and comment on it. Revoking deletes the row: access ends at once."""

    worksheet = models.ForeignKey(Worksheet, on_delete=models.CASCADE, related_name="invitations")
    invitee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="worksheet_invitations"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["worksheet", "invitee"], name="dilemmas_one_invitation_per_person")
        ]

    def __str__(self):
        return f"{self.worksheet_id} → {self.invitee_id}"


class Comment(models.Model):
    worksheet = models.ForeignKey(Worksheet, on_delete=models.CASCADE, related_name="comments")
    # A comment is the author's own words in a private conversation: it goes when their account goes.
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="worksheet_comments")
    text = models.TextField(_("comment"), max_length=3000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.worksheet_id}/{self.pk}"


class Draft(models.Model):
    """What someone typed into a worksheet when their session had expired, kept until they log in again.

    Kept only for a person who may write the worksheet: the post must carry the signed token their step page was
    issued (`services.draft_token`). Found again through a random key in a cookie of the same browser (never in a
    URL), applied only for that person, one per worksheet step, limited in size and number; old drafts are purged.
    """

    key = models.CharField(max_length=64, unique=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    worksheet = models.ForeignKey(Worksheet, on_delete=models.CASCADE, related_name="+")
    step = models.PositiveSmallIntegerField()
    data = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "worksheet", "step"], name="dilemmas_one_draft_per_step"),
        ]

    def __str__(self):
        return f"{self.worksheet_id}/{self.step}"
