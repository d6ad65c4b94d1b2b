"""Enrolment is for members: when someone stops being one, their places in sessions still to come are cancelled,
so the first person on the waiting list moves up (the same service a cancellation by the person uses)."""

from django.dispatch import receiver
from django.utils import timezone

from accounts.offboarding import membership_ended
from knowledge.training import services
from knowledge.training.models import Enrolment


@receiver(membership_ended, dispatch_uid="training_cancel_future_enrolments")
def cancel_future_enrolments(sender, user, still_member, ended_by=None, **kwargs):
    if still_member:
        return
    for enrolment in Enrolment.objects.active().filter(user=user, session__start__gt=timezone.now()):
        services.cancel_enrolment(enrolment, by=ended_by)
