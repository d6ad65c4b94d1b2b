"""Connects Wagtail's publish signal to the training services (a module's sessions change only when published)."""

from django.dispatch import receiver
from wagtail.signals import page_published


@receiver(page_published, dispatch_uid="training_apply_published_sessions")
def apply_published_sessions(sender, instance, **kwargs):
    from knowledge.training.models import TrainingModulePage
    from knowledge.training.services import apply_published_sessions

    if isinstance(instance, TrainingModulePage):
        apply_published_sessions(instance)
