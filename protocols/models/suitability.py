"""The suitability and referral aid: questions, answer options and rules, maintained by editors in the CMS.

Texts are kept per language on one row (Dutch, Danish, English) rather than as separate translated snippets:
a rule points at answer options, and that logic must be one and the same in every language.
"""

from django import forms
from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

LANGUAGE_CODES = ("nl", "da", "en")


def localized(obj, field: str) -> str:
    """`obj.<field>_<language>` in the active language, falling back to English, then Dutch."""
    language = (translation.get_language() or settings.LANGUAGE_CODE)[:2]
    for code in (language, "en", "nl"):
        value = getattr(obj, f"{field}_{code}", "") if code in LANGUAGE_CODES else ""
        if value:
            return value
    return ""


def _per_language_panels(field: str) -> FieldRowPanel:
    return FieldRowPanel([FieldPanel(f"{field}_{code}") for code in LANGUAGE_CODES])


class Outcome(models.TextChoices):
    NOT_SUITABLE = "not_suitable", _("Not suitable for mediation now")
    EXTERNAL = "external", _("External mediator")
    POOL = "pool", _("Mediator from the regional pool")
    INTERNAL = "internal", _("Internal mediator")
    INFORMAL = "informal", _("Informal approach by the civil servant")
    # Not outcomes but effects of a rule: a note adds advice, a contradiction stops the evaluation.
    NOTE = "note", _("Note (adds advice, does not decide)")
    CONTRADICTION = "contradiction", _("Contradiction (answers that cannot both be true)")


class SuitabilityQuestion(ClusterableModel):
    key = models.SlugField(_("key"), max_length=50, unique=True, help_text=_("Stable identifier used in links."))
    text_nl = models.CharField(_("question (Dutch)"), max_length=250)
    text_da = models.CharField(_("question (Danish)"), max_length=250)
    text_en = models.CharField(_("question (English)"), max_length=250)
    help_nl = models.TextField(_("explanation (Dutch)"), blank=True)
    help_da = models.TextField(_("explanation (Danish)"), blank=True)
    help_en = models.TextField(_("explanation (English)"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    active = models.BooleanField(_("active"), default=True)

    panels = [
        FieldRowPanel([FieldPanel("key"), FieldPanel("sort_order"), FieldPanel("active")]),
        _per_language_panels("text"),
        _per_language_panels("help"),
        InlinePanel("options", label=_("Answer options"), min_num=2),
    ]

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("suitability question")
        verbose_name_plural = _("suitability questions")

    def __str__(self):
        return localized(self, "text")

    @property
    def text(self):
        return localized(self, "text")

    @property
    def help(self):
        return localized(self, "help")


class AnswerOption(Orderable):
    question = ParentalKey(SuitabilityQuestion, on_delete=models.CASCADE, related_name="options")
    key = models.SlugField(_("key"), max_length=50)
    label_nl = models.CharField(_("answer (Dutch)"), max_length=250)
    label_da = models.CharField(_("answer (Danish)"), max_length=250)
    label_en = models.CharField(_("answer (English)"), max_length=250)

    panels = [FieldPanel("key"), _per_language_panels("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("answer option")
        constraints = [models.UniqueConstraint(fields=["question", "key"], name="protocols_unique_option_key")]

    def __str__(self):
        return f"{self.question} — {self.label}"

    @property
    def label(self):
        return localized(self, "label")


class SuitabilityRule(ClusterableModel):
    """When every chosen condition is among the answers, the rule applies and contributes its outcome."""

    key = models.SlugField(_("key"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=150, help_text=_("For editors only."))
    conditions = ParentalManyToManyField(
        AnswerOption,
        verbose_name=_("conditions"),
        related_name="rules",
        help_text=_("All of these answers must be given for the rule to apply."),
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    priority = models.PositiveSmallIntegerField(
        _("priority"), default=50, help_text=_("Among rules with the same outcome, higher priority comes first.")
    )
    explanation_nl = models.TextField(_("explanation (Dutch)"))
    explanation_da = models.TextField(_("explanation (Danish)"))
    explanation_en = models.TextField(_("explanation (English)"))
    protocols = ParentalManyToManyField(
        "protocols.ProtocolPage",
        verbose_name=_("protocols to follow"),
        blank=True,
        related_name="+",
        help_text=_("Readers see these protocols in their own language when a translation exists."),
    )
    active = models.BooleanField(_("active"), default=True)

    panels = [
        FieldRowPanel([FieldPanel("key"), FieldPanel("name")]),
        FieldRowPanel([FieldPanel("outcome"), FieldPanel("priority"), FieldPanel("active")]),
        FieldPanel("conditions", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel([FieldPanel(f"explanation_{code}") for code in LANGUAGE_CODES], heading=_("Explanation")),
        FieldPanel("protocols", widget=forms.CheckboxSelectMultiple),
    ]

    class Meta:
        ordering = ["-priority", "pk"]
        verbose_name = _("suitability rule")
        verbose_name_plural = _("suitability rules")

    def __str__(self):
        return self.name

    @property
    def explanation(self):
        return localized(self, "explanation")


class SavedSuitabilityResult(models.Model):
    """A result a member chose to keep. A snapshot: later rule changes do not rewrite what they saw."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="suitability_results")
    label = models.CharField(_("label"), max_length=80, blank=True)
    answers = models.JSONField(default=dict)
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    reasons = models.JSONField(default=list)
    notes = models.JSONField(default=list)
    language = models.CharField(max_length=8)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("saved suitability result")

    def __str__(self):
        return self.label or self.get_outcome_display()
