"""What an organisation measures about its mediation practice ("meten = weten"), beyond the case register itself.

The figures are computed from the case register (`cases`), the pool's loans and the implementation trajectory; this
app stores only what those do not hold:
- `MeasurementSettings`: the organisation's own assumptions (the hours a formal procedure takes, for the estimate of
  hours saved) and whether it lets the other organisations of its networks see its figures under its name;
- `ManagementAccess`: a member the coordinators let read the dashboard (the "management" role), without making them
  coordinator (a coordinator also reads every case; management reads figures only);
- `EvaluationCode` and `Evaluation`: the anonymous party evaluation. A code belongs to a closed case so the handler
  can hand it out; an answer belongs to nothing but the organisation and the month it came in. It has a random key
  and no time of day, so neither the row order nor a timestamp ties an answer to the code (and so the case) that
  allowed it. Nobody's identity is asked or stored.
"""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

User = settings.AUTH_USER_MODEL
ORGANISATION = "accounts.Organisation"


class MeasurementSettings(models.Model):
    """An organisation's assumptions and choices for its dashboard, kept by its coordinators."""

    organisation = models.OneToOneField(ORGANISATION, on_delete=models.CASCADE, related_name="measurement_settings")
    formal_procedure_hours = models.DecimalField(
        _("hours a formal procedure takes"),
        max_digits=6,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(500)],
        help_text=_(
            "Your own estimate of the hours one formal objection or complaint procedure costs the organisation "
            "(hearing, advice, decision). The dashboard uses it to estimate the hours saved; leave it empty to show "
            "no estimate."
        ),
    )
    named_in_benchmark = models.BooleanField(
        _("show our figures under our name to the other organisations of our networks"),
        default=False,
        help_text=_(
            "Without this, other organisations only see your figures inside an average, and only when it is made "
            "from enough cases."
        ),
    )
    updated_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("measurement settings")
        verbose_name_plural = _("measurement settings")
        constraints = [
            models.CheckConstraint(
                condition=Q(formal_procedure_hours__isnull=True)
                | Q(formal_procedure_hours__gte=1, formal_procedure_hours__lte=500),
                name="measurement_norm_in_range",
            )
        ]

    def __str__(self):
        return str(self.organisation_id)


class ManagementAccess(models.Model):
    """A member of the organisation whom its coordinators let read the dashboard. It counts only while the person
    is an active member of that organisation."""

    organisation = models.ForeignKey(ORGANISATION, on_delete=models.CASCADE, related_name="management_access")
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="management_access")
    granted_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    granted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("management access")
        verbose_name_plural = _("management access")
        ordering = ["granted_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"], name="measurement_management_once"),
        ]

    def __str__(self):
        return f"{self.user_id} @ {self.organisation_id}"


class EvaluationCode(models.Model):
    """A one-time code that lets one party of a closed case answer the evaluation, without logging in."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="evaluation_codes")
    organisation = models.ForeignKey(ORGANISATION, on_delete=models.CASCADE, related_name="+")
    code = models.CharField(_("code"), max_length=16, unique=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    created_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    expires_on = models.DateField(_("valid until"))
    # A flag, not a time: when it was used would tie the code to the answer that came in then.
    used = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("evaluation code")
        verbose_name_plural = _("evaluation codes")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.code


class Score(models.IntegerChoices):
    """The answer scale of every question: 1 (not at all) to 5 (completely)."""

    ONE = 1, _("1 – not at all")
    TWO = 2, "2"
    THREE = 3, "3"
    FOUR = 4, "4"
    FIVE = 5, _("5 – completely")


def _score(label):
    return models.PositiveSmallIntegerField(label, choices=Score.choices)


class Evaluation(models.Model):
    """One party's anonymous answer. No link to a case, a code or a person; see the module docstring."""

    QUESTIONS = ("felt_heard", "fair_process", "satisfied", "would_use_again")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(ORGANISATION, on_delete=models.CASCADE, related_name="evaluations")
    month = models.DateField(_("month"), help_text=_("The first day of the month the answer came in."))
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    felt_heard = _score(_("I felt heard"))
    fair_process = _score(_("The way it went was fair"))
    satisfied = _score(_("I am satisfied with the result"))
    would_use_again = _score(_("I would choose this way again"))
    comment = models.TextField(_("anything you want to add"), max_length=2000, blank=True)

    class Meta:
        verbose_name = _("party evaluation")
        verbose_name_plural = _("party evaluations")
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    felt_heard__gte=1,
                    felt_heard__lte=5,
                    fair_process__gte=1,
                    fair_process__lte=5,
                    satisfied__gte=1,
                    satisfied__lte=5,
                    would_use_again__gte=1,
                    would_use_again__lte=5,
                ),
                name="measurement_scores_in_range",
            ),
        ]

    def __str__(self):
        return f"{self.organisation_id} {self.month:%Y-%m}"
