"""Mediators, regional networks, requests to a network, offers, loans and their hours.

Who may see or change any of these is decided in `permissions.py`; the state changes are in `services.py`.
Mediator profiles and the names on requests are personal data: members only, in "download my data", removed with
the account. A loan keeps the organisations it was between (not the person), so the ledger survives an erasure.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pool.choices import (
    COMMITTED_OFFER_STATUSES,
    ConflictKind,
    Domain,
    Facet,
    Language,
    LendingConsent,
    MediatorKind,
    NetworkMembershipStatus,
    OfferStatus,
    RequestStatus,
    Urgency,
)

User = settings.AUTH_USER_MODEL
ORGANISATION = "accounts.Organisation"


class Network(models.Model):
    """A regional network of organisations that lend each other mediators."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("short description"), blank=True)
    coordinators = models.ManyToManyField(
        User, blank=True, related_name="coordinated_networks", verbose_name=_("network coordinators")
    )
    # Markdown written by the network coordinators, rendered through the sanitiser on display.
    agreements = models.TextField(_("agreements"), blank=True)
    agreements_updated_at = models.DateTimeField(_("agreements last changed"), null=True, blank=True)
    agreements_updated_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("regional network")
        verbose_name_plural = _("regional networks")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("pool:network", kwargs={"slug": self.slug})


class NetworkMembership(models.Model):
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(ORGANISATION, on_delete=models.CASCADE, related_name="network_memberships")
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=NetworkMembershipStatus.choices,
        default=NetworkMembershipStatus.REQUESTED,
    )
    motivation = models.TextField(_("why we want to join"), blank=True)
    requested_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    requested_at = models.DateTimeField(_("asked at"), default=timezone.now)
    decided_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        verbose_name = _("network membership")
        verbose_name_plural = _("network memberships")
        constraints = [
            models.UniqueConstraint(fields=["network", "organisation"], name="pool_network_membership_unique"),
        ]

    def __str__(self):
        return f"{self.organisation} in {self.network}"

    @property
    def is_active(self) -> bool:
        return self.status == NetworkMembershipStatus.ACTIVE

    @property
    def is_requested(self) -> bool:
        return self.status == NetworkMembershipStatus.REQUESTED


class MediatorProfile(models.Model):
    """A member who mediates: for their own organisation, for the regional pool, or both."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="mediator_profile")
    organisation = models.ForeignKey(ORGANISATION, on_delete=models.CASCADE, related_name="mediator_profiles")
    kind = models.CharField(_("kind"), max_length=16, choices=MediatorKind.choices, default=MediatorKind.INTERNAL)
    region = models.CharField(_("region"), max_length=100, blank=True)
    register_number = models.CharField(
        _("register number"), max_length=50, blank=True, help_text=_("For example your MfN register number.")
    )
    registrations = models.TextField(
        _("other registrations"), blank=True, help_text=_("For example an internal-mediator statute.")
    )
    phone = models.CharField(_("work phone"), max_length=32, blank=True)
    capacity_per_quarter = models.PositiveSmallIntegerField(
        _("lent cases per quarter"), default=1, help_text=_("How many cases of other organisations you can take.")
    )
    available_from = models.DateField(
        _("not available until"), null=True, blank=True, help_text=_("Leave empty when you are available now.")
    )
    introduction = models.TextField(_("short introduction"), blank=True, max_length=2000)
    lending_consent = models.CharField(
        _("lending confirmed by the coordinator"),
        max_length=16,
        choices=LendingConsent.choices,
        default=LendingConsent.NOT_ASKED,
    )
    consent_decided_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    consent_decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("mediator profile")
        verbose_name_plural = _("mediator profiles")
        constraints = [
            models.CheckConstraint(condition=Q(capacity_per_quarter__lte=20), name="pool_profile_capacity_reasonable"),
        ]

    def __str__(self):
        return self.user.get_full_name() or self.user.email

    @property
    def is_internal(self) -> bool:
        return self.kind in (MediatorKind.INTERNAL, MediatorKind.BOTH)

    @property
    def offers_to_pool(self) -> bool:
        return self.kind in (MediatorKind.POOL, MediatorKind.BOTH)

    @property
    def in_pool(self) -> bool:
        """Shown to the networks: offered to the pool and confirmed by the coordinator."""
        return self.offers_to_pool and self.lending_consent == LendingConsent.CONFIRMED

    @property
    def is_consent_pending(self) -> bool:
        return self.lending_consent == LendingConsent.PENDING

    @property
    def is_consent_confirmed(self) -> bool:
        return self.lending_consent == LendingConsent.CONFIRMED

    @property
    def is_consent_refused(self) -> bool:
        return self.lending_consent == LendingConsent.REFUSED

    @property
    def consent_tone(self) -> str:
        """The status badge's tone for the lending consent."""
        return {
            LendingConsent.CONFIRMED: "safe",
            LendingConsent.PENDING: "warning",
            LendingConsent.REFUSED: "danger",
        }.get(self.lending_consent, "neutral")

    def is_available(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.available_from is None or self.available_from <= today


class ExternalMediator(models.Model):
    """An external mediator an organisation works with, with that organisation's own fixed contact person."""

    organisation = models.ForeignKey(ORGANISATION, on_delete=models.CASCADE, related_name="external_mediators")
    name = models.CharField(_("name"), max_length=200)
    firm = models.CharField(_("firm"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    region = models.CharField(_("region"), max_length=100, blank=True)
    register_number = models.CharField(_("register number"), max_length=50, blank=True)
    contact_person = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("our contact person"),
    )
    contract_notes = models.TextField(_("contract notes"), blank=True)
    created_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("external mediator")
        verbose_name_plural = _("external mediators")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Expertise(models.Model):
    """One specialisation or language of a mediator (internal/pool profile or external mediator).

    Rows rather than a list field so that "find a mediator" filters inside the query on PostgreSQL and SQLite alike.
    """

    profile = models.ForeignKey(
        MediatorProfile, on_delete=models.CASCADE, null=True, blank=True, related_name="expertise"
    )
    external = models.ForeignKey(
        ExternalMediator, on_delete=models.CASCADE, null=True, blank=True, related_name="expertise"
    )
    facet = models.CharField(max_length=16, choices=Facet.choices)
    value = models.CharField(max_length=32)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(profile__isnull=False, external__isnull=True)
                | Q(profile__isnull=True, external__isnull=False),
                name="pool_expertise_one_owner",
            ),
            models.UniqueConstraint(fields=["profile", "facet", "value"], name="pool_expertise_profile_unique"),
            models.UniqueConstraint(fields=["external", "facet", "value"], name="pool_expertise_external_unique"),
        ]

    def __str__(self):
        return f"{self.facet}: {self.value}"


class Requester(models.Model):
    """A member their organisation's coordinator allows to ask the networks for a mediator (coordinators always may)."""

    organisation = models.ForeignKey(ORGANISATION, on_delete=models.CASCADE, related_name="pool_requesters")
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="pool_requester_rights")
    granted_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    granted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("member allowed to ask the network")
        verbose_name_plural = _("members allowed to ask the network")
        constraints = [models.UniqueConstraint(fields=["organisation", "user"], name="pool_requester_unique")]

    def __str__(self):
        return f"{self.user} for {self.organisation}"


class MediatorRequest(models.Model):
    """An organisation asks a network for a mediator from another organisation. Never names a citizen or colleague."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="requests")
    organisation = models.ForeignKey(ORGANISATION, on_delete=models.CASCADE, related_name="mediator_requests")
    requested_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="mediator_requests"
    )
    title = models.CharField(_("short subject"), max_length=160)
    conflict_kind = models.CharField(_("kind of conflict"), max_length=32, choices=ConflictKind.choices)
    domain = models.CharField(_("policy domain"), max_length=32, choices=Domain.choices)
    language = models.CharField(_("language"), max_length=8, choices=Language.choices, default=Language.DUTCH)
    urgency = models.CharField(_("urgency"), max_length=16, choices=Urgency.choices, default=Urgency.NORMAL)
    period_start = models.DateField(_("wished period from"), null=True, blank=True)
    period_end = models.DateField(_("wished period until"), null=True, blank=True)
    description = models.TextField(_("anonymised description"), max_length=4000)
    status = models.CharField(_("status"), max_length=16, choices=RequestStatus.choices, default=RequestStatus.OPEN)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    close_reason = models.TextField(_("reason"), blank=True)

    class Meta:
        verbose_name = _("request for a mediator")
        verbose_name_plural = _("requests for a mediator")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_start__isnull=True)
                | Q(period_end__isnull=True)
                | Q(period_start__lte=models.F("period_end")),
                name="pool_request_period_in_order",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("pool:request", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.status == RequestStatus.OPEN

    @property
    def is_chosen(self) -> bool:
        return self.status == RequestStatus.CHOSEN

    @property
    def is_loaned(self) -> bool:
        return self.status == RequestStatus.LOANED

    @property
    def is_completed(self) -> bool:
        return self.status == RequestStatus.COMPLETED

    @property
    def is_withdrawn(self) -> bool:
        return self.status == RequestStatus.WITHDRAWN


class Offer(models.Model):
    """A pool mediator offers to take a request."""

    request = models.ForeignKey(MediatorRequest, on_delete=models.CASCADE, related_name="offers")
    mediator = models.ForeignKey(MediatorProfile, on_delete=models.CASCADE, related_name="offers")
    # The lending organisation when the offer was made: its coordinator approves the loan.
    organisation = models.ForeignKey(ORGANISATION, on_delete=models.CASCADE, related_name="+")
    message = models.TextField(_("message to the requester"), blank=True, max_length=2000)
    status = models.CharField(_("status"), max_length=16, choices=OfferStatus.choices, default=OfferStatus.OPEN)
    created_at = models.DateTimeField(default=timezone.now)
    # When the requester chose it: the quarter whose capacity it takes.
    committed_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["request", "mediator"], name="pool_offer_once_per_mediator"),
            # A request has at most one chosen or approved offer, however many people click at once.
            models.UniqueConstraint(
                fields=["request"],
                condition=Q(status__in=[status.value for status in COMMITTED_OFFER_STATUSES]),
                name="pool_offer_one_committed_per_request",
            ),
        ]

    def __str__(self):
        return f"{self.mediator} for {self.request}"

    @property
    def is_open(self) -> bool:
        return self.status == OfferStatus.OPEN

    @property
    def is_chosen(self) -> bool:
        return self.status == OfferStatus.CHOSEN

    @property
    def is_approved(self) -> bool:
        return self.status == OfferStatus.APPROVED


class ConflictDeclaration(models.Model):
    """A pool mediator declares a conflict of interest on a request: they are not asked about it again."""

    request = models.ForeignKey(MediatorRequest, on_delete=models.CASCADE, related_name="conflicts")
    mediator = models.ForeignKey(MediatorProfile, on_delete=models.CASCADE, related_name="conflicts")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["request", "mediator"], name="pool_conflict_once")]

    def __str__(self):
        return f"{self.mediator} ≠ {self.request}"


class Loan(models.Model):
    """An approved loan: one mediator of the lending organisation works on the borrowing organisation's request.

    The organisations and the network are kept on the loan itself, so the ledger is the same after the mediator
    leaves or erases their account.
    """

    request = models.OneToOneField(MediatorRequest, on_delete=models.CASCADE, related_name="loan")
    offer = models.OneToOneField(Offer, on_delete=models.SET_NULL, null=True, blank=True, related_name="loan")
    mediator = models.ForeignKey(
        MediatorProfile, on_delete=models.SET_NULL, null=True, blank=True, related_name="loans"
    )
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="loans")
    lending_organisation = models.ForeignKey(ORGANISATION, on_delete=models.PROTECT, related_name="loans_out")
    borrowing_organisation = models.ForeignKey(ORGANISATION, on_delete=models.PROTECT, related_name="loans_in")
    approved_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    approved_at = models.DateTimeField(default=timezone.now)
    hours = models.DecimalField(_("hours"), max_digits=6, decimal_places=2, null=True, blank=True)
    completed_on = models.DateField(_("case finished on"), null=True, blank=True)
    hours_recorded_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    hours_recorded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("loan")
        verbose_name_plural = _("loans")
        ordering = ["-approved_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(hours__isnull=True) | Q(hours__gt=0, hours__lte=1000), name="pool_loan_hours_positive"
            ),
            models.CheckConstraint(
                condition=~Q(lending_organisation=models.F("borrowing_organisation")),
                name="pool_loan_between_two_organisations",
            ),
        ]

    def __str__(self):
        return f"{self.lending_organisation} → {self.borrowing_organisation}"

    @property
    def has_hours(self) -> bool:
        return self.hours is not None
