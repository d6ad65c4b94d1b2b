"""The kinds of notification and how each is delivered unless the person chose otherwise."""

from django.db import models
from django.utils.translation import gettext_lazy as _

REPLY = "reply"
MENTION = "mention"
MODERATION = "moderation"
MEMBERSHIP = "membership"


class Kind(models.TextChoices):
    REPLY = REPLY, _("Replies in threads I follow")
    MENTION = MENTION, _("Mentions of my name")
    MODERATION = MODERATION, _("Moderation decisions about my posts")
    MEMBERSHIP = MEMBERSHIP, _("Decisions about my group memberships")


class Delivery(models.TextChoices):
    IMMEDIATELY = "immediately", _("Immediately by e-mail")
    DIGEST = "digest", _("In a daily digest")
    OFF = "off", _("No e-mail")


# Replies can come in bursts, so they wait for the digest; the others are addressed to the person directly.
DEFAULT_DELIVERY = {
    REPLY: Delivery.DIGEST,
    MENTION: Delivery.IMMEDIATELY,
    MODERATION: Delivery.IMMEDIATELY,
    MEMBERSHIP: Delivery.IMMEDIATELY,
}
