"""The kinds of notification and how each is delivered unless the person chose otherwise."""

from django.db import models
from django.utils.translation import gettext_lazy as _

REPLY = "reply"
MENTION = "mention"
MODERATION = "moderation"
MEMBERSHIP = "membership"
REVIEW = "review"
POOL_REQUEST = "pool_request"
POOL_OFFER = "pool_offer"
POOL_DECISION = "pool_decision"


class Kind(models.TextChoices):
    REPLY = REPLY, _("Replies in threads I follow")
    MENTION = MENTION, _("Mentions of my name")
    MODERATION = MODERATION, _("Moderation decisions about my posts")
    MEMBERSHIP = MEMBERSHIP, _("Decisions about my group memberships")
    REVIEW = REVIEW, _("Posts waiting for review in groups I moderate")
    POOL_REQUEST = POOL_REQUEST, _("New requests for a mediator in my networks")
    POOL_OFFER = POOL_OFFER, _("Offers on our requests, and loans waiting for my approval")
    POOL_DECISION = POOL_DECISION, _("Decisions about my offers and loans in the mediator pool")


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
    # A request may be urgent, and an offer or a loan waits for someone's answer: all three at once.
    POOL_REQUEST: Delivery.IMMEDIATELY,
    POOL_OFFER: Delivery.IMMEDIATELY,
    POOL_DECISION: Delivery.IMMEDIATELY,
}
