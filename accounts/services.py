"""Business rules for accounts: signing up, verifying an address, joining an organisation, deciding requests."""

import uuid
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.db import transaction
from django.utils import timezone

from accounts.account_mail import (
    ALREADY_REGISTERED,
    MEMBERSHIP_DECIDED,
    MEMBERSHIP_ENDED,
    MEMBERSHIP_REQUESTED,
    VERIFY,
    VERIFY_SALT,
)
from accounts.models import Membership, Organisation, OrganisationDomain, email_domain, normalise_email
from accounts.tasks import send_account_mail


def organisation_for_email(email: str) -> Organisation | None:
    domain = email_domain(email)
    if not domain:
        return None
    match = OrganisationDomain.objects.select_related("organisation").filter(domain=domain).first()
    return match.organisation if match else None


@dataclass
class SignupResult:
    user: object | None
    already_registered: bool = False


@transaction.atomic
def register(*, email, password, first_name, last_name, language, organisation=None) -> SignupResult:
    """Create an unverified account and send the verification mail.

    An address that already has an account gets a different mail (log in or reset your password) and the caller
    shows the same page either way, so sign-up does not reveal who has an account.
    """
    User = get_user_model()
    email = normalise_email(email)
    existing = User.objects.filter(email=email).first()
    if existing is not None:
        # In a task like the verification mail: the answer takes as long whether or not the address has an account.
        queue_mail(ALREADY_REGISTERED, existing.pk)
        return SignupResult(user=None, already_registered=True)

    user = User.objects.create_user(
        email=email,
        password=password,
        first_name=first_name,
        last_name=last_name,
        preferred_language=language,
    )
    if organisation_for_email(email) is None and organisation is not None:
        # Recorded now, shown to the coordinator only once the address is verified.
        Membership.objects.create(
            user=user,
            organisation=organisation,
            status=Membership.Status.PENDING,
            source=Membership.Source.APPROVAL,
        )
    queue_mail(VERIFY, user.pk)
    return SignupResult(user=user)


def queue_mail(mail: str, pk: int) -> None:
    """Queue one of the mails of accounts.account_mail about the user or membership `pk`."""
    send_account_mail.enqueue(mail, pk, str(uuid.uuid4()))


class VerificationError(Exception):
    def __init__(self, expired: bool):
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


def user_for_token(token: str):
    """The user a verification link belongs to, or VerificationError(expired=...)."""
    try:
        data = signing.loads(token, salt=VERIFY_SALT, max_age=settings.ACCOUNT_VERIFICATION_MAX_AGE)
    except signing.SignatureExpired as exc:
        raise VerificationError(expired=True) from exc
    except signing.BadSignature as exc:
        raise VerificationError(expired=False) from exc
    user = get_user_model().objects.filter(pk=data.get("u"), email=data.get("e")).first()
    if user is None:
        raise VerificationError(expired=False)
    return user


@transaction.atomic
def verify_email(user) -> Membership | None:
    """Mark the address verified and settle organisation membership. Returns the membership that resulted."""
    if user.email_verified_at is None:
        user.email_verified_at = timezone.now()
        user.save(update_fields=["email_verified_at"])

    organisation = organisation_for_email(user.email)
    if organisation is not None:
        membership, _ = Membership.objects.get_or_create(
            user=user,
            organisation=organisation,
            defaults={
                "status": Membership.Status.ACTIVE,
                "source": Membership.Source.DOMAIN,
                "confirmed_at": timezone.now(),
            },
        )
        if membership.status == Membership.Status.REMOVED:
            return membership  # a coordinator removed them: an address on the domain does not undo that
        if membership.status != Membership.Status.ACTIVE:
            membership.status = Membership.Status.ACTIVE
            membership.source = Membership.Source.DOMAIN
            membership.decided_at = membership.confirmed_at = timezone.now()
            membership.save(update_fields=["status", "source", "decided_at", "confirmed_at"])
        return membership

    pending = Membership.objects.pending().filter(user=user).select_related("organisation").first()
    if pending is not None:
        queue_mail(MEMBERSHIP_REQUESTED, pending.pk)
    return pending


class MembershipAlreadyDecided(Exception):
    pass


@transaction.atomic
def decide_membership(membership_id: int, *, approve: bool, decided_by) -> Membership:
    """Approve or reject a pending request. Locked, so two coordinators clicking at once decide it once."""
    membership = Membership.objects.select_for_update().select_related("user", "organisation").get(pk=membership_id)
    if membership.status != Membership.Status.PENDING:
        raise MembershipAlreadyDecided
    membership.status = Membership.Status.ACTIVE if approve else Membership.Status.REJECTED
    membership.decided_at = membership.confirmed_at = timezone.now()
    membership.decided_by = decided_by
    membership.save(update_fields=["status", "decided_at", "decided_by", "confirmed_at"])
    queue_mail(MEMBERSHIP_DECIDED, membership.pk)
    return membership


class CannotRemove(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


@transaction.atomic
def remove_member(membership_id: int, *, organisation, removed_by, reason: str = "") -> Membership:
    """A coordinator ends a colleague's membership (they left the organisation).

    The person keeps their account; every app ends what depended on the membership (accounts.offboarding) and the
    person is mailed in their language. An organisation keeps at least one coordinator: the coordinators' rows are
    locked first, so two coordinators removing each other at the same moment cannot both succeed.
    """
    from django.utils.translation import gettext as _

    list(Membership.objects.coordinating_rows(organisation).select_for_update().order_by("pk"))
    membership = (
        Membership.objects.select_for_update()
        .select_related("user", "organisation")
        .filter(pk=membership_id, organisation=organisation)
        .first()
    )
    if membership is None or membership.status != Membership.Status.ACTIVE:
        raise CannotRemove(_("This person is no longer a member of the organisation."))
    if (
        membership.role == Membership.Role.COORDINATOR
        and not Membership.objects.coordinating_rows(organisation).exclude(pk=membership.pk).exists()
    ):
        raise CannotRemove(
            _("%(name)s is the only coordinator. Make someone else coordinator first.") % {"name": membership.user}
        )
    end_membership(membership, Membership.Status.REMOVED, ended_by=removed_by, reason=reason)
    return membership


def end_membership(membership: Membership, status, *, ended_by=None, reason: str = "") -> None:
    """End an active membership (the caller holds its row lock) and tell the other apps and the person."""
    membership.status = status
    membership.ended_at = timezone.now()
    membership.ended_by = ended_by
    membership.end_reason = reason.strip()[:500]
    membership.save(update_fields=["status", "ended_at", "ended_by", "end_reason"])
    from accounts import offboarding

    offboarding.announce(membership, ended_by=ended_by)
    queue_mail(MEMBERSHIP_ENDED, membership.pk)
