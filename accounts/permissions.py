"""Who may coordinate an organisation, as an object check and the queryset filter that agrees with it.

Who may read a page is `accounts.access` (`may_read_page` / `readable_pages`): the one page rule every app's
surfaces apply. Who counts as a member, trainer, editor or moderator is `accounts.roles`.
"""

from accounts.models import Membership, Organisation
from core.permissions import Rule


def can_coordinate(user, organisation) -> bool:
    """Active coordinators of the organisation (and platform administrators): its member list, membership requests,
    removing colleagues who left, its implementation trajectory."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return Membership.objects.coordinating(user).filter(organisation=organisation).exists()


def coordinated_organisations(user):
    if not user.is_authenticated:
        return Organisation.objects.none()
    if user.is_superuser:
        return Organisation.objects.all()
    return Organisation.objects.filter(pk__in=Membership.objects.coordinating(user).values("organisation"))


COORDINATE = Rule(Organisation, can_coordinate, coordinated_organisations)
