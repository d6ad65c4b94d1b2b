"""GDPR: "download my data" and "delete my account".

Every app that stores something about a person contributes through its own `privacy.py` (autodiscovered from
AccountsConfig.ready): an export provider per section, and, where `on_delete` alone cannot do the right thing,
an erasure handler that runs inside the deletion transaction before the user row is deleted.
"""

from collections.abc import Callable

from django.contrib.auth import logout
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules

_exports: dict[str, Callable] = {}
_erasures: list[Callable] = []


def register_export(section: str, provider) -> None:
    """provider(user) -> JSON-serialisable (list/dict), exported under `section`."""
    _exports[section] = provider


def register_erasure(handler) -> None:
    """handler(user), called inside the deletion transaction before the user row is deleted."""
    if handler not in _erasures:
        _erasures.append(handler)


def autodiscover() -> None:
    autodiscover_modules("privacy")


def sections() -> list[str]:
    return sorted(_exports)


def export(user) -> dict:
    """Everything the platform holds about `user`, by section."""
    return {
        "exported_at": timezone.now(),
        "account": user.email,
        **{section: _exports[section](user) for section in sections()},
    }


def export_json(user) -> bytes:
    import json

    return json.dumps(export(user), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2).encode()


def delete_account(user, request=None) -> None:
    """Erase the person: the app handlers first, then the user row (cascading to what is theirs alone).

    Contributions others rely on (forum posts, published experiences) stay, by their SET_NULL foreign keys, and
    are shown as by a former member.
    """
    with transaction.atomic():
        for handler in _erasures:
            handler(user)
        user.delete()
    if request is not None:
        logout(request)


# The accounts app's own sections.


def _profile(user) -> dict:
    return {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "preferred_language": user.preferred_language,
        "date_joined": user.date_joined,
        "last_login": user.last_login,
        "email_verified_at": user.email_verified_at,
    }


def _memberships(user) -> list[dict]:
    return [
        {
            "organisation": membership.organisation.name,
            "role": membership.role,
            "status": membership.status,
            "requested_at": membership.requested_at,
            "decided_at": membership.decided_at,
            "confirmed_at": membership.confirmed_at,
            "ended_at": membership.ended_at,
            # What a coordinator wrote when removing them is about them: it belongs in their export.
            "end_reason": membership.end_reason,
        }
        for membership in user.memberships.select_related("organisation").order_by("requested_at")
    ]


def _forget_failed_logins(user) -> None:
    # Kept by address, not by foreign key (they are recorded before anyone is known), so on_delete cannot reach them.
    from accounts.models import FailedLogin

    FailedLogin.objects.filter(email=user.email).delete()


register_export("profile", _profile)
register_export("organisation_memberships", _memberships)
register_erasure(_forget_failed_logins)
