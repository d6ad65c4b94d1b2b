"""The erasure journal: every account erased, recorded outside the database.

A backup restored after someone deleted their account would bring them back. So each erasure also leaves an entry
in ERASURE_JOURNAL_DIR, a directory kept apart from the database and its backups, and `manage.py replay_erasures`
(run by platform/bin/restore) erases again every account the journal names that a restored database still holds.

An entry holds only what finds the account again: its primary key, a keyed hash (HMAC-SHA256) of its normalised
e-mail address, which confirms that the row with that key is the same person, and the time. Never the address
itself: the journal must not keep what the person asked the platform to forget.

One file per erasure, holding one JSON line, rather than one file everybody appends to: web processes on any number
of hosts write into a shared directory without locks, an entry appears whole or not at all (written, fsync'ed,
renamed, the directory fsync'ed), and the entry of an erasure whose transaction did not commit can be taken back
(`retract`). `cat ERASURE_JOURNAL_DIR/erasure-*.json` reads the journal as JSON lines, in order.
"""

import contextlib
import datetime
import json
import logging
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from accounts.models import normalise_email

logger = logging.getLogger(__name__)

PREFIX = "erasure-"
SUFFIX = ".json"
VERSION = 1
_HMAC_SALT = "accounts.erasure_journal.email"


class JournalError(Exception):
    """The journal cannot be written or read. An erasure does not go ahead without its entry."""


@dataclass(frozen=True)
class Entry:
    user_id: int
    email_hmac: str
    erased_at: datetime.datetime
    path: Path | None = None

    def matches_email(self, email: str) -> bool:
        """Whether `email` is the address this entry was made for (under the current key or an older one)."""
        return any(constant_time_compare(self.email_hmac, email_hmac(email, key)) for key in _keys())

    def line(self) -> str:
        return json.dumps(
            {
                "version": VERSION,
                "user_id": self.user_id,
                "email_hmac": self.email_hmac,
                "erased_at": self.erased_at.isoformat(),
            }
        )


def directory() -> Path:
    return Path(settings.ERASURE_JOURNAL_DIR)


def email_hmac(email: str, key: str | None = None) -> str:
    secret = key or _keys()[0]
    return salted_hmac(_HMAC_SALT, normalise_email(email), secret=secret, algorithm="sha256").hexdigest()


def _keys() -> list[str]:
    # SECRET_KEY_FALLBACKS: after a key rotation, entries made under the old key are still recognised.
    return [settings.ERASURE_JOURNAL_KEY or settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]


def record(user, *, now: datetime.datetime | None = None) -> Entry:
    """Write the entry for erasing `user`, durably, before the erasure commits; JournalError when it cannot."""
    now = now or timezone.now()
    entry = Entry(user_id=user.pk, email_hmac=email_hmac(user.email), erased_at=now)
    folder = directory()
    stamp = now.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    path = folder / f"{PREFIX}{stamp}-{uuid.uuid4().hex[:12]}{SUFFIX}"
    partial = folder / f".{path.name}.partial"  # not an entry until renamed: readers skip it
    try:
        folder.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.write(descriptor, (entry.line() + "\n").encode())
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        os.replace(partial, path)
        _fsync_directory(folder)
    except OSError as error:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise JournalError(f"cannot write the erasure journal in {folder}: {error}") from error
    return Entry(entry.user_id, entry.email_hmac, entry.erased_at, path)


def retract(entry: Entry) -> None:
    """Take back the entry of an erasure that did not happen (its transaction rolled back)."""
    if entry.path is None:
        return
    try:
        entry.path.unlink(missing_ok=True)
        _fsync_directory(entry.path.parent)
    except OSError:
        # Left behind, a restore would erase someone who asked to be erased but whose erasure failed: the lesser harm.
        logger.exception("Could not take back erasure journal entry %s", entry.path)


def entries() -> list[Entry]:
    """Every entry, oldest first; JournalError when the journal or an entry cannot be read."""
    folder = directory()
    if not folder.is_dir():
        raise JournalError(f"there is no erasure journal at {folder}")
    return sorted((_read(path) for path in folder.glob(f"{PREFIX}*{SUFFIX}")), key=lambda entry: entry.erased_at)


def _read(path: Path) -> Entry:
    try:
        data = json.loads(path.read_text())
        return Entry(
            user_id=int(data["user_id"]),
            email_hmac=str(data["email_hmac"]),
            erased_at=datetime.datetime.fromisoformat(data["erased_at"]),
            path=path,
        )
    except (OSError, ValueError, KeyError, TypeError) as error:
        # Never skipped: an entry passed over is a person brought back.
        raise JournalError(f"unreadable erasure journal entry {path}: {error}") from error


def _fsync_directory(folder: Path) -> None:
    """Make a rename in `folder` durable (the file's own fsync does not cover its name)."""
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
