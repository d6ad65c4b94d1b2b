"""Moderator actions on a member as a person, across groups: platform-wide suspension (site moderators, target kind
"account") and staff notes (target kind "person": whoever may read the member's moderation history).

The view finds the target in `actions.targets(kind, user)`; the audit entry names the member as its `subject` and
the suspension or note as its target, with no group: the whole platform is concerned, or the note's group.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from forum.moderation import suspensions
from forum.moderation.action_base import Action
from forum.moderation.member_forms import LiftSuspensionForm, PlatformSuspendForm, StaffNoteForm
from forum.moderation.models import AuditEntry, StaffNote
from forum.moderation.notifications import notify_suspended
from forum.moderation.tasks import send_platform_suspension, send_suspension_lifted


def _until_label(suspension) -> str:
    # Where and until when, never who: the person is the entry's subject.
    return f"{suspension.kind} → {timezone.localtime(suspension.ends_at):%Y-%m-%d %H:%M}"


def _record_and_tell(action_id, user, account, suspension, reason, send_mail):
    """The audit entry (about the member, in no group) and the member told by mail and in their notifications."""
    AuditEntry.record(
        actor=user,
        action=action_id,
        target=suspension,
        reason=reason,
        label=_until_label(suspension),
        subject=account,
    )
    send_mail(suspension)
    notify_suspended(suspension, actor=user)


class SuspendPlatformWide(Action):
    id = "suspend_platform"
    label = _("Suspend in every group")
    target = "account"
    form_class = PlatformSuspendForm

    def allowed(self, user, account):
        return suspensions.active_suspension(account) is None

    def apply(self, user, account, data):
        with transaction.atomic():
            suspension = suspensions.suspend(
                account, by=user, kind=data["kind"], days=data["days"], reason=data["reason"]
            )
            _record_and_tell(self.id, user, account, suspension, data["reason"], send_platform_suspension)
        return suspension

    def done_message(self):
        return _("The member is suspended in every group and has been told until when by e-mail.")


class LiftPlatformSuspension(Action):
    id = "lift_platform_suspension"
    label = _("Lift the platform-wide suspension")
    target = "account"
    form_class = LiftSuspensionForm

    def allowed(self, user, account):
        return suspensions.active_suspension(account) is not None

    def apply(self, user, account, data):
        with transaction.atomic():
            suspension = suspensions.lift(account, by=user)
            _record_and_tell(self.id, user, account, suspension, data.get("reason", ""), send_suspension_lifted)
        return suspension

    def done_message(self):
        return _("The platform-wide suspension is lifted; the member can post again.")


class AddStaffNote(Action):
    id = "staff_note"
    label = _("Add a staff note")
    target = "person"
    form_class = StaffNoteForm

    def form(self, user, member, data=None):
        return StaffNoteForm(data, prefix=self.id, moderator=user, member=member)

    def apply(self, user, member, data):
        with transaction.atomic():
            note = StaffNote.objects.create(member=member, author=user, group=data.get("group"), text=data["text"])
            # That a note was written, by whom and where — not its text: the log is append-only and cannot forget
            # it when the member's account is erased, the note itself can.
            AuditEntry.record(actor=user, action=self.id, target=note, group=note.group, label="", subject=member)
        return note

    def done_message(self):
        return _("The note has been added. Only moderators can read it.")


PERSON_ACTIONS = (SuspendPlatformWide(), LiftPlatformSuspension(), AddStaffNote())
