"""GDPR for forum moderation (autodiscovered by accounts.privacy).

The reports a person made are exported by forum/privacy.py. On account deletion the moderation records stay —
the audit log is append-only and decisions must remain traceable — but the person's name goes: the stored display
names are blanked together with the link to the account (the only change the audit log's trigger allows), so the
records show "former member".
"""

from accounts.privacy import register_erasure
from forum.moderation.models import AuditEntry, ReviewItem


def forget_moderator(user) -> None:
    # The base manager: the default one refuses every bulk update of the audit log.
    AuditEntry._base_manager.filter(actor=user).update(actor=None, actor_name="")
    ReviewItem.objects.filter(decided_by=user).update(decided_by=None, decided_by_name="")


register_erasure(forget_moderator)
