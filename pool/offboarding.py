"""A mediator whose membership of their profile's organisation ended no longer mediates for it.

Their open offers are withdrawn, the lending confirmation lapses (a new organisation's coordinator decides anew),
and they may no longer ask the networks on that organisation's behalf. The permissions already hide a profile
whose membership ended; this ends what was still in play.
"""

from django.dispatch import receiver

from accounts.offboarding import membership_ended
from pool.services import profiles


@receiver(membership_ended, dispatch_uid="pool_end_mediation")
def end_mediation(sender, membership, user, still_member, **kwargs):
    profiles.end_mediation_for(user, membership.organisation)
