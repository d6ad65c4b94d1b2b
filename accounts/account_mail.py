"""The mails about a person's account and memberships, as `accounts.tasks.send_account_mail` sends them: address
verification, "already registered", a membership requested (to the coordinators), decided and ended.

Apart from `services`, which queues them in the transaction of the change: the task imports this, never the services.
"""

from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing

from accounts.mail import localized_url, send_once, send_templated_mail
from accounts.models import Membership

VERIFY_SALT = "accounts.verify-email"


def verification_token(user) -> str:
    return signing.dumps({"u": user.pk, "e": user.email}, salt=VERIFY_SALT)


# The mails of this module, each sent by a task queued in the transaction of the change it is about (committed with
# it, rolled back with it, never lost after the commit) and built from the rows as they are when it is sent.


VERIFY = "verify"
ALREADY_REGISTERED = "already_registered"
MEMBERSHIP_REQUESTED = "membership_requested"
MEMBERSHIP_DECIDED = "membership_decided"
MEMBERSHIP_ENDED = "membership_ended"


def send_account_mail(mail: str, pk: int, event: str) -> None:
    """What the task runs: each mail once per `event`, however often the task runs."""
    key = f"accounts.{mail}:{event}"
    if mail in (VERIFY, ALREADY_REGISTERED):
        user = get_user_model().objects.filter(pk=pk).first()
        if user is not None:
            send_once(key, partial(send_verification if mail == VERIFY else send_already_registered, user))
        return
    membership = Membership.objects.select_related("user", "organisation").filter(pk=pk).first()
    if membership is None:
        return
    if mail == MEMBERSHIP_REQUESTED:
        notify_coordinators(membership, event=event)
    elif mail == MEMBERSHIP_DECIDED:
        send_once(key, partial(notify_member_of_decision, membership))
    elif mail == MEMBERSHIP_ENDED:
        send_once(key, partial(notify_member_of_end, membership))
    else:
        raise ValueError(f"Unknown account mail {mail!r}")


def send_already_registered(user) -> None:
    send_templated_mail(
        "accounts/email/already_registered",
        user.email,
        {"user": user, "login_url": localized_url("accounts:login", user.preferred_language)},
        language=user.preferred_language,
    )


def send_verification(user) -> None:
    url = localized_url("accounts:verify", user.preferred_language, token=verification_token(user))
    days = settings.ACCOUNT_VERIFICATION_MAX_AGE // (60 * 60 * 24)
    send_templated_mail(
        "accounts/email/verify",
        user.email,
        {"user": user, "verify_url": url, "valid_days": days},
        language=user.preferred_language,
    )


def coordinators_of(organisation):
    User = get_user_model()
    coordinators = User.objects.filter(
        is_active=True,
        memberships__organisation=organisation,
        memberships__role=Membership.Role.COORDINATOR,
        memberships__status=Membership.Status.ACTIVE,
    )
    if coordinators.exists():
        return coordinators
    # Nobody coordinates this organisation yet: the platform's administrators decide.
    return User.objects.filter(is_active=True, is_superuser=True)


def notify_coordinators(membership: Membership, *, event: str = "") -> None:
    """One mail per coordinator; with an `event`, each goes once however often this runs for it."""
    for coordinator in coordinators_of(membership.organisation):
        url = localized_url(
            "accounts:organisation_members", coordinator.preferred_language, slug=membership.organisation.slug
        )
        send = partial(
            send_templated_mail,
            "accounts/email/membership_requested",
            coordinator.email,
            {"coordinator": coordinator, "membership": membership, "members_url": url},
            language=coordinator.preferred_language,
        )
        send_once(f"accounts.{MEMBERSHIP_REQUESTED}:{event}:{coordinator.pk}" if event else "", send)


def notify_member_of_decision(membership: Membership) -> None:
    send_templated_mail(
        "accounts/email/membership_decided",
        membership.user.email,
        {
            "user": membership.user,
            "membership": membership,
            "approved": membership.status == Membership.Status.ACTIVE,
            "profile_url": localized_url("accounts:profile", membership.user.preferred_language),
        },
        language=membership.user.preferred_language,
    )


# --- Offboarding ----------------------------------------------------------------------------------------------------


def notify_member_of_end(membership: Membership) -> None:
    user = membership.user
    send_templated_mail(
        "accounts/email/membership_ended",
        user.email,
        {
            "user": user,
            "membership": membership,
            "removed": membership.status == Membership.Status.REMOVED,
            "profile_url": localized_url("accounts:profile", user.preferred_language),
        },
        language=user.preferred_language,
    )
