"""When a membership ends, every app ends what depended on it.

A coordinator removes a colleague who left, or a domain-joined member does not re-confirm in time: the person
keeps their account but may no longer be a member. accounts sends `membership_ended` inside the transaction that
ends the membership; each app connects its own receiver in its own `offboarding.py` (autodiscovered from
AccountsConfig.ready, like `privacy.py`), so accounts needs to know nothing about groups, worksheets or trainings.

Receivers are called as receiver(sender=Membership, membership=…, user=…, still_member=…, ended_by=…):
`still_member` tells whether the person is still a member through another organisation, in which case the
platform-wide things (forum groups, enrolments) stay.
"""

from django.dispatch import Signal
from django.utils.module_loading import autodiscover_modules

membership_ended = Signal()


def autodiscover() -> None:
    autodiscover_modules("offboarding")


def announce(membership, ended_by=None) -> None:
    """Tell every app that `membership` ended. Called by accounts.services inside the ending transaction."""
    from accounts.models import Membership

    user = membership.user
    user.__dict__.pop("_is_member", None)
    still_member = Membership.objects.active().filter(user=user).exists()
    membership_ended.send(
        sender=Membership, membership=membership, user=user, still_member=still_member, ended_by=ended_by
    )
