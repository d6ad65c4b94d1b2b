"""Small helpers the specs share."""

import re
import threading

from django.core import mail
from django.db import connection
from django.utils import translation


def links_in_last_mail(to: str | None = None) -> list[str]:
    messages = [m for m in mail.outbox if to is None or to in m.to]
    assert messages, f"no mail sent to {to or 'anyone'}"
    return re.findall(r"https?://[^\s\"'<>]+", messages[-1].body)


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def at_once(*calls, refused: type[Exception] | tuple[type[Exception], ...] = ()):
    """Run each call — (function, args) or (function, args, kwargs) — in its own thread and database connection, all
    released together by a barrier, as parallel requests would be; returns (results, errors).

    An exception of a `refused` type is a rule saying no (its message, in English, goes to errors); any other
    exception is a failure of the test."""
    barrier = threading.Barrier(len(calls))
    results, errors, crashes = [], [], []

    def run(function, args, kwargs=None):
        try:
            with translation.override("en"):
                barrier.wait()
                results.append(function(*args, **(kwargs or {})))
        except refused as error:
            errors.append(str(error))
        except Exception as error:
            crashes.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=call) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert crashes == []
    return results, errors


def turn_on_page_cache(settings):
    """The page cache as production runs it (tests keep it off: see config/settings/test.py), starting empty."""
    from django.core.cache import cache

    settings.PAGE_CACHE_TIMEOUT = 300
    cache.clear()
