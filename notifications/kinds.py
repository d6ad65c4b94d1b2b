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
POOL_NETWORK = "pool_network"
CASE_ASSIGNED = "case_assigned"
REPORT_OUTCOME = "report_outcome"
ACCOUNT = "account"
CONTRIBUTION = "contribution"


class Kind(models.TextChoices):
    REPLY = REPLY, _("Replies in threads I follow")
    MENTION = MENTION, _("Mentions of my name")
    MODERATION = MODERATION, _("Moderation decisions about my posts")
    MEMBERSHIP = MEMBERSHIP, _("Decisions about my group memberships")
    REVIEW = REVIEW, _("Posts waiting for review in groups I moderate")
    POOL_REQUEST = POOL_REQUEST, _("New requests for a mediator in my networks")
    POOL_OFFER = POOL_OFFER, _("Offers on our requests, and loans waiting for my approval")
    POOL_DECISION = POOL_DECISION, _("Decisions about my offers and loans in the mediator pool")
    POOL_NETWORK = POOL_NETWORK, _("Requests to join my regional networks, and the answers")
    CASE_ASSIGNED = CASE_ASSIGNED, _("Cases I am assigned to")
    REPORT_OUTCOME = REPORT_OUTCOME, _("What moderators decided about posts I reported")
    ACCOUNT = ACCOUNT, _("Suspensions of my forum account")
    CONTRIBUTION = CONTRIBUTION, _("Decisions about the experiences I shared")


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
    POOL_NETWORK: Delivery.IMMEDIATELY,
    # Someone assigned to a case has work waiting, often with a statutory deadline.
    CASE_ASSIGNED: Delivery.IMMEDIATELY,
    # Nobody waits on the outcome of a report: one mail a day at most, however many reports were decided.
    REPORT_OUTCOME: Delivery.DIGEST,
    # These two have a mail of their own that always goes (it is about the person's own account or text, like a
    # warning); the notification keeps it in the list, so it sends no second mail and is not offered in the settings.
    ACCOUNT: Delivery.OFF,
    CONTRIBUTION: Delivery.OFF,
}


# What a notification mail says about each kind: its subject around the target's title (a kind whose target's title
# already says what it is, such as a review item's, has the title alone), and its opening line.
MAIL_SUBJECT = {
    REPLY: _("New reply: %(title)s"),
    MENTION: _("You were mentioned: %(title)s"),
    MODERATION: _("Moderation decision: %(title)s"),
    MEMBERSHIP: _("Group membership: %(title)s"),
    POOL_REQUEST: _("Mediator pool: %(title)s"),
    POOL_OFFER: _("Mediator pool: %(title)s"),
    POOL_DECISION: _("Mediator pool: %(title)s"),
    POOL_NETWORK: _("Regional network: %(title)s"),
    CASE_ASSIGNED: _("Case register: %(title)s"),
}
MAIL_LEAD = {
    REPLY: _("There is a new reply in a thread you follow."),
    MENTION: _("Someone mentioned you in the forum."),
    MODERATION: _("There is news from the moderators about your post."),
    MEMBERSHIP: _("There is news about your group membership."),
    REVIEW: _("A post is waiting for review in a group you moderate."),
    POOL_REQUEST: _("A new request for a mediator was posted in one of your networks."),
    POOL_OFFER: _("There is news about an offer in the mediator pool."),
    POOL_DECISION: _("A decision was taken about an offer or loan in the mediator pool."),
    POOL_NETWORK: _("There is news about taking part in a regional network."),
    CASE_ASSIGNED: _("You were assigned to a case in the case register."),
    REPORT_OUTCOME: _("The moderators have decided about a post you reported."),
    ACCOUNT: _("There is news about your forum account."),
    CONTRIBUTION: _("There is news about an experience you shared."),
}
