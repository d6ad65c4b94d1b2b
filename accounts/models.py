"""People and the organisations they work for.

A person logs in with an e-mail address. They become a *member* of the platform through an active membership of
a verified organisation: either automatically (their verified address is on one of the organisation's e-mail
domains) or after the organisation's coordinator approves the request.
"""

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel

from accounts.validators import validate_single_line


def normalise_email(email: str) -> str:
    """Addresses compare case-insensitively everywhere; store them lower-cased."""
    return (email or "").strip().lower()


def email_domain(email: str) -> str:
    return normalise_email(email).rpartition("@")[2]


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required")
        user = self.model(email=normalise_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        extra_fields.setdefault("email_verified_at", timezone.now())
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username):
        return self.get(email=normalise_email(username))


class User(AbstractUser):
    username = None
    email = models.EmailField(_("e-mail address"), unique=True)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("Used for e-mails from the platform."),
    )
    email_verified_at = models.DateTimeField(_("e-mail verified at"), null=True, blank=True)

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["first_name", "last_name"]

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["last_name", "first_name", "email"]
        constraints = [models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique")]

    def __str__(self):
        return self.get_full_name() or self.email

    def clean(self):
        super().clean()
        # The name is shown on one line everywhere, mail subjects included (the signup form checks it too).
        errors = {}
        for field in ("first_name", "last_name"):
            try:
                validate_single_line(getattr(self, field))
            except ValidationError as error:
                errors[field] = error
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.email = normalise_email(self.email)
        super().save(*args, **kwargs)

    @property
    def email_verified(self) -> bool:
        return self.email_verified_at is not None


class Organisation(ClusterableModel):
    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("Municipality")
        PROVINCE = "province", _("Province")
        WATER_BOARD = "water_board", _("Water board")
        CENTRAL_GOVERNMENT = "central_government", _("Central government")
        OTHER = "other", _("Other public body")

    class Country(models.TextChoices):
        NETHERLANDS = "NL", _("Netherlands")
        DENMARK = "DK", _("Denmark")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices, default=Kind.MUNICIPALITY)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices, default=Country.NETHERLANDS)
    region = models.CharField(_("region"), max_length=100, blank=True)
    is_verified = models.BooleanField(
        _("verified organisation"),
        default=True,
        help_text=_("Only members of verified organisations get access to members-only content."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("country"),
        FieldPanel("region"),
        FieldPanel("is_verified"),
        InlinePanel("domains", label=_("Verified e-mail domains")),
    ]

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name


class OrganisationDomain(models.Model):
    """An e-mail domain the organisation has confirmed is theirs: verified addresses on it join automatically."""

    organisation = ParentalKey(Organisation, on_delete=models.CASCADE, related_name="domains")
    domain = models.CharField(
        _("domain"), max_length=253, help_text=_("For example: amersfoort.nl (without @ or www).")
    )

    panels = [FieldPanel("domain")]

    class Meta:
        verbose_name = _("e-mail domain")
        verbose_name_plural = _("e-mail domains")
        constraints = [models.UniqueConstraint(Lower("domain"), name="accounts_domain_ci_unique")]

    def __str__(self):
        return self.domain

    def save(self, *args, **kwargs):
        self.domain = self.domain.strip().lower().lstrip("@")
        super().save(*args, **kwargs)


class MembershipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=Membership.Status.ACTIVE, organisation__is_verified=True)

    def pending(self):
        return self.filter(status=Membership.Status.PENDING)

    def coordinating(self, user):
        return self.active().filter(user=user, role=Membership.Role.COORDINATOR)

    def acting_coordinators(self, organisation_id):
        """The memberships through which people coordinate the organisation now (active, verified organisation):
        who is told about what the organisation must decide."""
        return self.active().filter(organisation_id=organisation_id, role=Membership.Role.COORDINATOR)

    def coordinating_rows(self, organisation):
        """The organisation's active coordinators' memberships."""
        return self.filter(organisation=organisation, status=Membership.Status.ACTIVE, role=Membership.Role.COORDINATOR)


class Membership(models.Model):
    class Role(models.TextChoices):
        MEMBER = "member", _("Member")
        COORDINATOR = "coordinator", _("Coordinator")

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting approval")
        ACTIVE = "active", _("Active")
        REJECTED = "rejected", _("Rejected")
        REMOVED = "removed", _("Removed by a coordinator")
        LAPSED = "lapsed", _("Ended: not re-confirmed")

    class Source(models.TextChoices):
        DOMAIN = "domain", _("Verified e-mail domain")
        APPROVAL = "approval", _("Approved by a coordinator")
        ADMIN = "admin", _("Added by an administrator")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PENDING)
    source = models.CharField(_("how they joined"), max_length=16, choices=Source.choices, default=Source.ADMIN)
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Members who joined by their e-mail domain re-confirm yearly that they still work there.
    confirmed_at = models.DateTimeField(_("last confirmed at"), null=True, blank=True)
    reconfirmation_sent_at = models.DateTimeField(_("re-confirmation asked at"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    end_reason = models.CharField(_("reason for ending"), max_length=500, blank=True)

    objects = MembershipQuerySet.as_manager()

    # Statuses of a membership that was active once and is over: the person keeps their account.
    ENDED = (Status.REMOVED, Status.LAPSED)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["organisation__name", "user__last_name", "user__first_name"]
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="accounts_membership_unique"),
        ]

    def __str__(self):
        return f"{self.user} @ {self.organisation} ({self.get_status_display()})"

    @property
    def is_active(self) -> bool:
        """What `MembershipQuerySet.active` selects: an active membership of a verified organisation."""
        return self.status == self.Status.ACTIVE and self.organisation.is_verified

    @property
    def is_coordinating(self) -> bool:
        return self.is_active and self.role == self.Role.COORDINATOR


class FailedLogin(models.Model):
    """One failed login attempt. Kept in the database so every app server sees the same count."""

    email = models.CharField(max_length=254, db_index=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    attempted_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        indexes = [models.Index(fields=["ip_address", "attempted_at"], name="accounts_failedlogin_ip_idx")]

    def __str__(self):
        return f"{self.email} {self.attempted_at:%Y-%m-%d %H:%M}"


class SentMail(models.Model):
    """A mail a task sent, under a key the task gives it (the event it mails about and the recipient's row, never an
    address): a task run again after its worker died finds the key and does not send the mail a second time."""

    key = models.CharField(max_length=200, unique=True)
    sent_at = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self):
        return self.key
