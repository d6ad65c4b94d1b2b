"""Who may read and change a worksheet: each rule once, as an object check and the queryset filter that agrees.

Worksheets are working notes, not platform content: staff get no special access. Every view reaches worksheets
through the filters here, so whoever may not see one gets a 404.
"""

from django.db.models import Exists, OuterRef, Q

from accounts.models import Membership
from core.permissions import Rule
from knowledge.dilemmas.models import Invitation, Worksheet


def can_read(user, worksheet) -> bool:
    """The owner, and colleagues they invited while those are active members. Who may read may also comment."""
    if not user.is_authenticated:
        return False
    if worksheet.owner_id == user.pk:
        return True
    invited = worksheet.invitations.filter(invitee=user).exists()
    return invited and Membership.objects.active().filter(user=user).exists()


def readable_worksheets(user):
    if not user.is_authenticated:
        return Worksheet.objects.none()
    invited = Invitation.objects.filter(worksheet=OuterRef("pk"), invitee=user).filter(
        Exists(Membership.objects.active().filter(user=user))
    )
    return Worksheet.objects.filter(Q(owner=user) | Q(Exists(invited)))


def can_edit(user, worksheet) -> bool:
    """Only the owner fills in, shares and deletes a worksheet."""
    return user.is_authenticated and worksheet.owner_id == user.pk


def editable_worksheets(user):
    if not user.is_authenticated:
        return Worksheet.objects.none()
    return Worksheet.objects.filter(owner=user)


READ = Rule(Worksheet, can_read, readable_worksheets)
EDIT = Rule(Worksheet, can_edit, editable_worksheets)
