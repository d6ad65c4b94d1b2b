"""The yearly re-confirmation of members who joined by their e-mail domain.

Joining by domain proves that somebody had an address of the organisation on that day, not that they still work
there. Once a year such a member gets a link at that address; confirming it (a click on a signed link, so it
proves the mailbox is still theirs) renews the membership for another year. Without a confirmation within
REPLY_DAYS the membership lapses: the person keeps their account, the apps end what depended on the membership
(accounts.offboarding), and the same link still brings the membership back for a while after that.
`manage.py send_membership_reconfirmations` runs this daily.
"""

from datetime import timedelta

from django.core import signing
from django.db import transaction
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from accounts.mail import localized_url, send_templated_mail
from accounts.models import Membership

SALT = "accounts.reconfirm-membership"
CONFIRM_EVERY_DAYS = 365
REPLY_DAYS = 30
# A link stays usable a while after the membership lapsed: back from holiday, one click restores it.
LINK_MAX_AGE_DAYS = 90


def _domain_memberships():
    return Membership.objects.active().filter(source=Membership.Source.DOMAIN, user__is_active=True)


def _last_confirmed():
    return Coalesce(F("confirmed_at"), F("decided_at"), F("requested_at"))


def due_for_asking(now=None):
    """Active domain memberships last confirmed over a year ago and not asked since."""
    now = now or timezone.now()
    return (
        _domain_memberships()
        .alias(last_confirmed=_last_confirmed())
        .filter(last_confirmed__lt=now - timedelta(days=CONFIRM_EVERY_DAYS))
        .filter(Q(reconfirmation_sent_at__isnull=True) | Q(reconfirmation_sent_at__lt=F("last_confirmed")))
        .select_related("user", "organisation")
        .order_by("pk")
    )


def due_for_lapsing(now=None):
    """Asked more than REPLY_DAYS ago and not confirmed since."""
    now = now or timezone.now()
    return (
        _domain_memberships()
        .alias(last_confirmed=_last_confirmed())
        .filter(
            reconfirmation_sent_at__lt=now - timedelta(days=REPLY_DAYS),
            last_confirmed__lt=F("reconfirmation_sent_at"),
        )
        .select_related("user", "organisation")
        .order_by("pk")
    )


def token_for(membership) -> str:
    return signing.dumps({"m": membership.pk, "e": membership.user.email}, salt=SALT)


def ask(membership, now=None) -> None:
    """Mail the link and remember when (so the person is asked once, and the reply period starts).

    The mail goes first: if it fails, the person is asked again on the next run rather than never.
    """
    now = now or timezone.now()
    user = membership.user
    send_templated_mail(
        "accounts/email/reconfirm_membership",
        user.email,
        {
            "user": user,
            "membership": membership,
            "confirm_url": localized_url("accounts:reconfirm", user.preferred_language, token=token_for(membership)),
            "reply_days": REPLY_DAYS,
        },
        language=user.preferred_language,
    )
    Membership.objects.filter(pk=membership.pk).update(reconfirmation_sent_at=now)


def lapse(membership_id: int, now=None) -> bool:
    """End a membership that was not re-confirmed in time. False when it changed meanwhile (e.g. confirmed)."""
    from accounts.services import end_membership

    now = now or timezone.now()
    with transaction.atomic():
        membership = due_for_lapsing(now).select_for_update(of=("self",)).filter(pk=membership_id).first()
        if membership is None:
            return False
        end_membership(membership, Membership.Status.LAPSED)
    return True


class InvalidLink(Exception):
    pass


def membership_for_token(token: str) -> Membership:
    try:
        data = signing.loads(token, salt=SALT, max_age=timedelta(days=LINK_MAX_AGE_DAYS))
    except signing.BadSignature as error:  # SignatureExpired included
        raise InvalidLink from error
    membership = (
        Membership.objects.select_related("user", "organisation")
        .filter(pk=data.get("m"), user__email=data.get("e"), source=Membership.Source.DOMAIN)
        .first()
    )
    if membership is None or membership.status not in (Membership.Status.ACTIVE, Membership.Status.LAPSED):
        raise InvalidLink
    return membership


@transaction.atomic
def confirm(membership: Membership) -> Membership:
    """Renew for a year; a membership that lapsed for want of this click comes back."""
    from accounts.services import organisation_for_email

    membership = Membership.objects.select_for_update().select_related("user", "organisation").get(pk=membership.pk)
    if membership.status == Membership.Status.LAPSED:
        if organisation_for_email(membership.user.email) != membership.organisation:
            raise InvalidLink  # the domain is no longer the organisation's: the coordinator decides
        membership.status = Membership.Status.ACTIVE
        membership.ended_at = None
    elif membership.status != Membership.Status.ACTIVE:
        raise InvalidLink
    membership.confirmed_at = timezone.now()
    membership.save(update_fields=["status", "ended_at", "confirmed_at"])
    return membership


def run(now=None, write=lambda line: None) -> tuple[int, int]:
    """The daily job: ask who is due, then end what was not confirmed in time. Returns (asked, lapsed)."""
    now = now or timezone.now()
    to_ask = list(due_for_asking(now))
    for number, membership in enumerate(to_ask, start=1):
        ask(membership, now)
        write(f"[{number}/{len(to_ask)}] asked membership {membership.pk} ({membership.organisation}) to re-confirm")
    to_lapse = list(due_for_lapsing(now).values_list("pk", flat=True))
    lapsed = 0
    for number, membership_id in enumerate(to_lapse, start=1):
        if lapse(membership_id, now):
            lapsed += 1
            write(f"[{number}/{len(to_lapse)}] ended membership {membership_id}: not re-confirmed in time")
        else:
            write(f"[{number}/{len(to_lapse)}] membership {membership_id} changed meanwhile: left as it is")
    write(f"Asked {len(to_ask)} membership(s) to re-confirm; ended {lapsed} not re-confirmed in time.")
    return len(to_ask), lapsed
