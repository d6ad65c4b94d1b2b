"""The mail to a colleague invited to read a worksheet, in their language, built when it is sent."""

from accounts.mail import localized_url, send_templated_mail
from knowledge.dilemmas.models import Invitation


def send_invitation_mail(invitation_id: int) -> bool:
    """Returns whether a mail went: an invitation revoked before the mail was sent is not mailed."""
    invitation = Invitation.objects.select_related("worksheet__owner", "invitee").filter(pk=invitation_id).first()
    if invitation is None or not invitation.invitee.email:
        return False
    worksheet, invitee = invitation.worksheet, invitation.invitee
    language = invitee.preferred_language or worksheet.language
    context = {
        "owner_name": worksheet.owner.get_full_name() or worksheet.owner.email,
        "invitee_name": invitee.get_full_name(),
        "title": worksheet.title,
        "url": localized_url("dilemmas:worksheet", language, pk=worksheet.pk),
    }
    send_templated_mail("dilemmas/email/invitation", invitee.email, context, language=language)
    return True
