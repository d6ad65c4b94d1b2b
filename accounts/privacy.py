"""GDPR: "download my data" and "delete my account".

Every app that stores something about a person contributes through its own `privacy.py` (autodiscovered from
AccountsConfig.ready): an export provider per section, and, where `on_delete` alone cannot do the right thing,
an erasure handler that runs inside the deletion transaction before the user row is deleted.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.auth import logout
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules

from accounts import erasure_journal

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


def delete_account(user, request=None, *, journal: bool = True) -> None:
    """Erase the person: the app handlers first, then the user row (cascading to what is theirs alone).

    Contributions others rely on (forum posts, published experiences) stay, by their SET_NULL foreign keys, and
    are shown as by a former member.

    The erasure journal's entry is written first and taken back if the erasure does not commit, so a restored
    backup forgets the person again (`replay_erasures`); when the entry cannot be written, nothing is erased
    (JournalError). The transaction is durable, the outermost one: the entry outside the database must not outlive
    an enclosing transaction that rolls back. `journal=False` is for the replay, whose entries are already there.
    """
    entry = erasure_journal.record(user) if journal else None
    try:
        with transaction.atomic(durable=True):
            for handler in _erasures:
                handler(user)
            user.delete()
    except BaseException:
        if entry is not None:
            erasure_journal.retract(entry)
        raise
    if request is not None:
        logout(request)


@dataclass
class Replay:
    """What `replay_erasures` did, entry by entry (account ids)."""

    entries: int = 0
    erased: list[int] = field(default_factory=list)
    already_gone: list[int] = field(default_factory=list)
    other_email: list[int] = field(default_factory=list)


def replay_erasures(*, ignore_email: bool = False) -> Replay:
    """Erase again every account the journal names that the database still holds (after a restore).

    An account is erased when its primary key and its e-mail address both match the entry. One whose address does
    not match (changed after the backup, a journal of another database, a hash key since replaced) is left for an
    operator to check, unless `ignore_email`. Every entry is replayed, not only those after the backup: a dump's
    time is no exact cut (app servers' clocks, erasures committing while the dump starts), and an entry whose
    account is gone changes nothing, so running it twice does nothing more either.
    """
    from accounts.models import User

    replay = Replay()
    for entry in erasure_journal.entries():
        replay.entries += 1
        user = User.objects.filter(pk=entry.user_id).first()
        if user is None:
            replay.already_gone.append(entry.user_id)
        elif not (ignore_email or entry.matches_email(user.email)):
            replay.other_email.append(entry.user_id)
        else:
            delete_account(user, journal=False)
            replay.erased.append(entry.user_id)
    return replay


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
