"""Unsubscribing from a mail without logging in: the link carries a signed token naming the person and what to stop.

The mails put the token in their links; the unsubscribe page reads it back and notifications.services switches the
mail off.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core import signing
from django.utils.functional import Promise

from notifications.kinds import Delivery, Kind
from notifications.models import NotificationSetting

UNSUBSCRIBE_SALT = "notifications.unsubscribe"
# An unsubscribe token for a digest stops every kind that is currently delivered in the digest.
DIGEST = "digest"


def unsubscribe_token(user, scope: str) -> str:
    """`scope` is a kind (stop e-mail of that kind) or DIGEST (stop every kind now sent in the digest)."""
    return signing.dumps({"u": user.pk, "s": scope}, salt=UNSUBSCRIBE_SALT, compress=True)


@dataclass(frozen=True)
class Unsubscription:
    user: object
    scope: str

    @property
    def kinds(self) -> list[str]:
        if self.scope != DIGEST:
            return [self.scope]
        deliveries = NotificationSetting.objects.deliveries(self.user)
        return [kind for kind, delivery in deliveries.items() if delivery == Delivery.DIGEST]

    @property
    def labels(self) -> list[str | Promise]:
        return [Kind(kind).label for kind in self.kinds]


class InvalidToken(Exception):
    pass


def read_unsubscribe_token(token: str) -> Unsubscription:
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature as error:
        raise InvalidToken from error
    scope = data.get("s") if isinstance(data, dict) else None
    if scope != DIGEST and scope not in Kind.values:
        raise InvalidToken
    user = get_user_model().objects.filter(pk=data.get("u"), is_active=True).first()
    if user is None:
        raise InvalidToken
    return Unsubscription(user=user, scope=scope)
