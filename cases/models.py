"""The case register of one organisation: cases, the people involved as roles, contacts, informal approaches (BIA),
the mediation route, hours, and the audit log of who opened or changed a case.

Privacy by design: nothing here holds a citizen's name, address, BSN/CPR or contact details. People appear as roles
(`PartyRole`); every free-text field is run through the personal-data detector by its form. Who may see a case is
decided in `permissions.py` (the people assigned and their organisation's coordinators, nobody else); after the
organisation's retention period a closed case is reduced to its figures (`services/retention.py`): the text and the
people go, the dates, kinds, outcome and hours stay for the statistics.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.choices import (
    AssignmentRole,
    CaseKind,
    CaseStatus,
    Channel,
    Domain,
    EventAction,
    HoursRole,
    MediatorSource,
    MeetingKind,
    ObjectionResult,
    Origin,
    Outcome,
    PartyRole,
    RouteStep,
)

User = settings.AUTH_USER_MODEL
ORGANISATION = "accounts.Organisation"
DEFAULT_RETENTION_MONTHS = 24


class CaseSettings(models.Model):
    """An organisation's choices for its case register, kept by its coordinators."""

    organisation = models.OneToOneField(ORGANISATION, on_delete=models.CASCADE, related_name="case_settings")
    retention_months = models.PositiveSmallIntegerField(
        _("keep closed cases for (months)"),
        default=DEFAULT_RETENTION_MONTHS,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text=_("After this period a closed case is reduced to its statistics and can no longer be opened."),
    )
    updated_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("case register settings")
        constraints = [
            models.CheckConstraint(
                condition=Q(retention_months__gte=1, retention_months__lte=120), name="cases_retention_in_range"
            )
        ]

    def __str__(self):
        return str(self.organisation_id)


class LetterTemplate(models.Model):
    """The organisation's own wording of the letter confirming an informal approach, per language.

    Without one the platform's default wording is used (`cases/letters.py`).
    """

    organisation = models.ForeignKey(ORGANISATION, on_delete=models.CASCADE, related_name="case_letter_templates")
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    body = models.TextField(_("letter text"), max_length=8000)
    updated_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("letter template")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "language"], name="cases_one_letter_template_per_language")
        ]

    def __str__(self):
        return f"{self.organisation_id}/{self.language}"


class CaseQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=CaseStatus.OPEN)

    def closed(self):
        return self.filter(status=CaseStatus.CLOSED)

    def not_reduced(self):
        return self.exclude(status=CaseStatus.REDUCED)


class Case(models.Model):
    """One objection, complaint or conflict an organisation works on, from registration to outcome."""

    organisation = models.ForeignKey(ORGANISATION, on_delete=models.CASCADE, related_name="cases")
    reference = models.CharField(
        _("reference"),
        max_length=80,
        blank=True,
        help_text=_("The number of this case in your organisation's own case system. Never a citizen's name."),
    )
    kind = models.CharField(_("kind"), max_length=32, choices=CaseKind.choices, default=CaseKind.OBJECTION)
    policy_domain = models.CharField(_("policy domain"), max_length=32, choices=Domain.choices, blank=True)
    origin = models.CharField(_("how it came up"), max_length=32, choices=Origin.choices, default=Origin.OFFICER_CALL)
    received_on = models.DateField(_("received on"), default=timezone.localdate)
    decision_due_on = models.DateField(
        _("statutory decision deadline"), null=True, blank=True, help_text=_("The last day a decision is due.")
    )
    summary = models.TextField(
        _("what it is about"),
        max_length=4000,
        blank=True,
        help_text=_("In a few sentences, without names or other details of the people involved."),
    )
    status = models.CharField(_("status"), max_length=16, choices=CaseStatus.choices, default=CaseStatus.OPEN)

    # The protocol followed: its steps' checklist items are copied to the case, with the version they came from.
    protocol = models.ForeignKey(
        "protocols.ProtocolPage", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    protocol_revision = models.ForeignKey(
        "wagtailcore.Revision", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    protocol_title = models.CharField(_("protocol followed"), max_length=255, blank=True)

    # The mediation route, once the case goes to mediation.
    mediation_started_on = models.DateField(_("mediation started on"), null=True, blank=True)
    mediator_source = models.CharField(_("mediator"), max_length=16, choices=MediatorSource.choices, blank=True)
    mediator_profile = models.ForeignKey(
        "pool.MediatorProfile",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("internal mediator"),
    )
    loan = models.ForeignKey(
        "pool.Loan",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("loan from the regional pool"),
    )
    external_mediator = models.ForeignKey(
        "pool.ExternalMediator",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("external mediator"),
    )
    route_step = models.CharField(_("current step"), max_length=16, choices=RouteStep.choices, blank=True)

    # The outcome.
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=32, choices=Outcome.choices, blank=True)
    agreement_written = models.BooleanField(_("agreement put in writing"), null=True, blank=True)
    record_agreed = models.BooleanField(_("the parties want a short record"), default=False)
    record = models.TextField(_("short record"), max_length=4000, blank=True)

    created_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Raised by every change of the case's own fields: a form sends the version it was filled in on, so two people
    # editing at once cannot silently overwrite each other (`services.register.update_case`).
    version = models.PositiveIntegerField(default=1)
    reduced_at = models.DateTimeField(null=True, blank=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["-received_on", "-pk"]
        indexes = [models.Index(fields=["organisation", "status", "-received_on"], name="cases_org_status_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(status=CaseStatus.OPEN) | (Q(closed_on__isnull=False) & ~Q(outcome="")),
                name="cases_closed_has_outcome",
            ),
            models.CheckConstraint(condition=Q(record_agreed=True) | Q(record=""), name="cases_record_only_if_agreed"),
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True) | Q(closed_on__gte=models.F("received_on")),
                name="cases_closed_after_received",
            ),
        ]

    def __str__(self):
        return self.reference or _("Case %(number)s") % {"number": self.pk}

    def get_absolute_url(self):
        return reverse("cases:detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status == CaseStatus.OPEN

    @property
    def is_closed(self) -> bool:
        return self.status == CaseStatus.CLOSED

    @property
    def is_objection(self) -> bool:
        return self.kind == CaseKind.OBJECTION

    @property
    def in_mediation(self) -> bool:
        return self.mediation_started_on is not None


class Party(models.Model):
    """Someone involved in the case, as a role ("citizen", "their lawyer", "team leader"): never a name."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="parties")
    role = models.CharField(_("role"), max_length=32, choices=PartyRole.choices)
    description = models.CharField(
        _("description"),
        max_length=200,
        blank=True,
        help_text=_("Optional, for example 'neighbour who objected'. No names."),
    )

    class Meta:
        verbose_name = _("person involved")
        verbose_name_plural = _("people involved")
        ordering = ["pk"]

    def __str__(self):
        return self.get_role_display()


class Assignment(models.Model):
    """A member of the case's organisation who works on it: they, and the coordinators, may open the case."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="assignments")
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="case_assignments")
    role = models.CharField(_("role"), max_length=16, choices=AssignmentRole.choices, default=AssignmentRole.HANDLER)
    assigned_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    assigned_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("assignment")
        ordering = ["assigned_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["case", "user"], name="cases_assigned_once")]

    def __str__(self):
        return f"{self.case_id}/{self.user_id}"


class Contact(models.Model):
    """One contact with a party during the case: the log that shows the whole road to an objection or complaint."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="contacts")
    happened_on = models.DateField(_("date"), default=timezone.localdate)
    channel = models.CharField(_("channel"), max_length=16, choices=Channel.choices, default=Channel.PHONE)
    with_role = models.CharField(_("with"), max_length=32, choices=PartyRole.choices, default=PartyRole.CITIZEN)
    summary = models.TextField(_("what was discussed"), max_length=4000, blank=True)
    next_step = models.CharField(_("next step"), max_length=500, blank=True)
    next_step_due = models.DateField(_("next step by"), null=True, blank=True)
    recorded_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("contact")
        ordering = ["-happened_on", "-pk"]

    def __str__(self):
        return f"{self.happened_on} {self.get_channel_display()}"


class InformalApproach(models.Model):
    """The informal-approach decision (BIA): what was agreed in the call, and what became of the objection."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="informal_approaches")
    called_on = models.DateField(_("date of the call"), default=timezone.localdate)
    agreements = models.TextField(_("what was agreed"), max_length=4000)
    actions = models.TextField(
        _("who does what, by when"), max_length=4000, blank=True, help_text=_("One action per line.")
    )
    result = models.CharField(_("the objection is"), max_length=32, choices=ObjectionResult.choices)
    remaining = models.TextField(
        _("what remains of the objection"),
        max_length=2000,
        blank=True,
        help_text=_("Only when the objection is partly withdrawn."),
    )
    recorded_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("informal approach")
        verbose_name_plural = _("informal approaches")
        ordering = ["-called_on", "-pk"]

    def __str__(self):
        return f"{self.called_on} {self.get_result_display()}"


class ChecklistItem(models.Model):
    """A checklist item copied from the protocol the case follows, ticked off as the case goes."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="checklist_items")
    position = models.PositiveSmallIntegerField(default=0)
    step_title = models.CharField(_("step"), max_length=200)
    text = models.CharField(_("item"), max_length=300)
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = _("checklist item")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.text

    @property
    def is_done(self) -> bool:
        return self.done_at is not None


class StepRecord(models.Model):
    """The date a mediation reached a step of the route (`RouteStep`)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="steps")
    step = models.CharField(_("step"), max_length=16, choices=RouteStep.choices)
    reached_on = models.DateField(_("date"), default=timezone.localdate)
    recorded_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("step reached")
        ordering = ["reached_on", "pk"]
        constraints = [models.UniqueConstraint(fields=["case", "step"], name="cases_step_once")]

    def __str__(self):
        return f"{self.case_id}/{self.step}"


class Official(models.Model):
    """An official who takes a seat at the mediation table, by role, with the mandate they bring.

    A mediation cannot reach its meeting while any official's mandate is unconfirmed: an agreement made at the table
    must hold afterwards.
    """

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="officials")
    role = models.CharField(_("role"), max_length=32, choices=PartyRole.choices, default=PartyRole.TEAM_LEADER)
    mandate = models.TextField(
        _("mandate"), max_length=2000, help_text=_("What this official may decide or agree to at the table.")
    )
    mandate_confirmed_on = models.DateField(_("mandate confirmed on"), null=True, blank=True)
    mandate_confirmed_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = _("official at the table")
        verbose_name_plural = _("officials at the table")
        ordering = ["pk"]

    def __str__(self):
        return self.get_role_display()

    @property
    def mandate_confirmed(self) -> bool:
        return self.mandate_confirmed_on is not None


class Meeting(models.Model):
    """A pre-meeting with one party, or a mediation meeting with all of them."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="meetings")
    kind = models.CharField(_("kind"), max_length=16, choices=MeetingKind.choices, default=MeetingKind.PRE_MEETING)
    held_on = models.DateField(_("date"), default=timezone.localdate)
    with_role = models.CharField(
        _("with"), max_length=32, choices=PartyRole.choices, blank=True, help_text=_("For a pre-meeting: with whom.")
    )
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"), null=True, blank=True, validators=[MaxValueValidator(600)]
    )
    supporter_present = models.BooleanField(_("the citizen brought a supporter"), default=False)
    recorded_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = _("meeting")
        ordering = ["held_on", "pk"]

    def __str__(self):
        return f"{self.held_on} {self.get_kind_display()}"

    @property
    def is_mediation(self) -> bool:
        return self.kind == MeetingKind.MEDIATION


class Hours(models.Model):
    """Hours spent on a case by one role: kept when the case is reduced, for the statistics."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="hours")
    role = models.CharField(_("role"), max_length=16, choices=HoursRole.choices)
    hours = models.DecimalField(_("hours"), max_digits=6, decimal_places=2)

    class Meta:
        verbose_name = _("hours")
        verbose_name_plural = _("hours")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["case", "role"], name="cases_hours_once_per_role"),
            models.CheckConstraint(condition=Q(hours__gt=0, hours__lte=1000), name="cases_hours_in_range"),
        ]

    def __str__(self):
        return f"{self.get_role_display()}: {self.hours}"


class CaseEvent(models.Model):
    """Who opened or changed a case, and when: the audit log the organisation's coordinators read.

    It names the action, never the case's text, so it may outlive the case's details.
    """

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    organisation = models.ForeignKey(ORGANISATION, on_delete=models.CASCADE, related_name="+")
    actor = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    action = models.CharField(_("action"), max_length=16, choices=EventAction.choices)
    at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("case log entry")
        verbose_name_plural = _("case log")
        ordering = ["-at", "-pk"]
        indexes = [
            models.Index(fields=["case", "-at"], name="cases_event_case_idx"),
            models.Index(fields=["organisation", "-at"], name="cases_event_org_idx"),
        ]

    def __str__(self):
        return f"{self.case_id} {self.action} {self.at:%Y-%m-%d %H:%M}"
