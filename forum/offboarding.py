"""Forum groups are for platform members: when someone stops being one, their group memberships end.

Memberships a moderator set to "removed" stay, so that person still cannot rejoin that group by themselves.
"""

from django.dispatch import receiver

from accounts.offboarding import membership_ended
from forum.models import GroupMembership


@receiver(membership_ended, dispatch_uid="forum_end_group_memberships")
def end_group_memberships(sender, user, still_member, **kwargs):
    if still_member:
        return
    GroupMembership.objects.filter(user=user).exclude(status=GroupMembership.Status.REMOVED).delete()
