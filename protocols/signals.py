"""Wiring only: the rule itself lives in services.record_published_version."""

from django.dispatch import receiver
from wagtail.signals import page_published

from protocols import services
from protocols.models import ProtocolPage


@receiver(page_published, sender=ProtocolPage)
def remember_published_version(sender, instance, revision, **kwargs):
    services.record_published_version(instance, revision)
