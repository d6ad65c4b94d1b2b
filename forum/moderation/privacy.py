"""GDPR for forum moderation (autodiscovered by accounts.privacy).

The reports a person made are exported by forum/privacy.py. On account deletion the moderation records stay —
the audit log is append-only and decisions must remain traceable — but the person's name goes. A moderator's stored
display name is blanked together with the link to the account; a member an action was about is only a reference
(`subject`, SET NULL with the account), never a stored name. Those are the only changes the audit log's trigger
allows, and the records then show "former member".
"""

from accounts.privacy import register_erasure
from forum.moderation.models import AuditEntry, ReviewItem


def forget_moderator(user) -> None:
    # The base manager: the default one refuses every bulk update of the audit log.
    AuditEntry._base_manager.filter(actor=user).update(actor=None, actor_name="")
    ReviewItem.objects.filter(decided_by=user).update(decided_by=None, decided_by_name="")


register_erasure(forget_moderator)
