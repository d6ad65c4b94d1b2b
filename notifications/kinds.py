"""The kinds of notification and how each is delivered unless the person chose otherwise."""

from django.db import models
from django.utils.translation import gettext_lazy as _

REPLY = "reply"
MENTION = "mention"
MODERATION = "moderation"
MEMBERSHIP = "membership"
REVIEW = "review"


class Kind(models.TextChoices):
    REPLY = REPLY, _("Replies in threads I follow")
    MENTION = MENTION, _("Mentions of my name")
    MODERATION = MODERATION, _("Moderation decisions about my posts")
    MEMBERSHIP = MEMBERSHIP, _("Decisions about my group memberships")
    REVIEW = REVIEW, _("Posts waiting for review in groups I moderate")


class Delivery(models.TextChoices):
    IMMEDIATELY = "immediately", _("Immediately by e-mail")
    DIGEST = "digest", _("In a daily digest")
    OFF = "off", _("No e-mail")


# Replies can come in bursts, so they wait for the digest; the others are addressed to the person directly (a held
# post's author is waiting for the moderator).
DEFAULT_DELIVERY = {
    REPLY: Delivery.DIGEST,
    MENTION: Delivery.IMMEDIATELY,
    MODERATION: Delivery.IMMEDIATELY,
    MEMBERSHIP: Delivery.IMMEDIATELY,
    REVIEW: Delivery.IMMEDIATELY,
}
