"""Worksheets shared with someone whose membership ended are no longer shared with them.

Someone who left the platform loses every invitation. Someone who left one organisation but is still a member
through another loses the worksheets their former colleagues shared with them: those were shared as colleagues.
"""

from django.dispatch import receiver

from accounts.models import Membership
from accounts.offboarding import membership_ended
from knowledge.dilemmas import services
from knowledge.dilemmas.models import Invitation


@receiver(membership_ended, dispatch_uid="dilemmas_revoke_invitations")
def revoke_invitations(sender, membership, user, still_member, **kwargs):
    invitations = Invitation.objects.filter(invitee=user)
    if still_member:
        colleagues = Membership.objects.active().filter(organisation=membership.organisation).values("user")
        invitations = invitations.filter(worksheet__owner__in=colleagues)
    for invitation in invitations:
        services.revoke(invitation)
