"""Someone whose membership of an organisation ended no longer works on its cases.

The permissions already ignore assignments without an active membership; the assignments themselves go too, so
that a later return to the organisation does not reopen old cases to them. Each case's log records the change.
"""

from django.dispatch import receiver

from accounts.offboarding import membership_ended
from cases.services.organisation import end_assignments


@receiver(membership_ended, dispatch_uid="cases_end_assignments")
def end_case_assignments(sender, membership, user, still_member, ended_by=None, **kwargs):
    end_assignments(user, membership.organisation, by=ended_by)
