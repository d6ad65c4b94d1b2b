"""A member's repeat view of a page, served from the cache while nothing in the database has changed.

A member's page names them and shows what is theirs (notifications, roles, checklists, the links their memberships
open), so it is never shared: an entry belongs to one session. Its key holds every cookie the request sent (the
session, whose key changes at every log-in, and the CSRF cookie the page's token is made from, so a served token
stays valid), scheme, host, full path, language and the htmx headers; the entry holds the member's id, which must
be the id of the person the session is signed in as now. The session and the person are checked as on any request:
a session that ended, expired or no longer matches the password is nobody's, and gets no stored page.

What ends an entry: every committed write to the database, by anyone, starts a new data generation
(core.data_generation), and an entry is served only while the generation it was stored under is current, and the
page cache's generation too (core.page_cache). A write need not be about the member to end their entries: that
is the price of a rule without a list of what each page depends on. What no write announces (the date passing a
review deadline, the time "3 minutes ago") lasts at most `PAGE_CACHE_TIMEOUT`.

What is stored: only pages Wagtail serves (marked by core.wagtail_hooks; their output depends on the page, the
reader and the database), answered 200 to a GET that did not forbid keeping it (`no-store`, `no-cache`; `private`
is what this cache is), with no cookie set or session changed by the request, and no message waiting to be shown
(a request with messages is neither looked up nor stored).

The stamps and the entry are read in one round trip; the cache being down means a miss, never an error.
"""

import hashlib
import logging

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.contrib.messages.storage.session import SessionStorage
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.translation import get_language_from_path

from core import data_generation, page_cache

logger = logging.getLogger(__name__)

MARK = "_member_cache_page"
HEADER = "X-Cache"
HIT = "member-hit"
NOT_STORED_HEADERS = {"set-cookie", "x-cache"}


def mark_page(request) -> None:
    """This answer is a page: what it shows follows from the page, the reader and the database alone."""
    setattr(request, MARK, True)


def cache_key(request, language: str) -> str:
    cookies = "; ".join(f"{name}={value}" for name, value in sorted(request.COOKIES.items()))
    htmx = "; ".join(f"{name}={value}" for name, value in sorted(request.headers.items()) if name.startswith("Hx-"))
    raw = f"{cookies}|{request.scheme}://{request.get_host()}{request.get_full_path()}|{language}|{htmx}"
    return "member-page:" + hashlib.sha256(raw.encode()).hexdigest()


def _messages_waiting(request) -> bool:
    storage = getattr(request, "_messages", None)
    if storage is not None and getattr(storage, "_queued_messages", None):
        return True
    # Where the message storage keeps what is still to be shown: a cookie, or the session when that is too long.
    return CookieStorage.cookie_name in request.COOKIES or SessionStorage.session_key in request.session


# Sessions written to the database: a change of a session's data is then a write like any other (core.data_generation).
SESSIONS_IN_DATABASE = {"django.contrib.sessions.backends.db", "django.contrib.sessions.backends.cached_db"}


def _language(request) -> str | None:
    """The language of a request that may be answered from this cache (asked before the session is read)."""
    if page_cache.timeout() <= 0 or request.method != "GET" or settings.SESSION_ENGINE not in SESSIONS_IN_DATABASE:
        return None
    if settings.SESSION_COOKIE_NAME not in request.COOKIES or settings.CSRF_COOKIE_NAME not in request.COOKIES:
        return None
    if "HX-History-Restore-Request" in request.headers:
        return None
    return get_language_from_path(request.path_info)


def _storable(request, response) -> bool:
    return (
        getattr(request, MARK, False)
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        # `private` is what this cache is (one session's); a page that must not be kept at all says so.
        and not {"no-store", "no-cache"} & _directives(response)
        and not request.session.modified
        # The page's token is made from the secret the request's cookie carries (not a new one, set by a
        # Set-Cookie this cache would not repeat), so a served token stays valid for whoever holds that cookie.
        and request.META.get("CSRF_COOKIE") == request.COOKIES.get(settings.CSRF_COOKIE_NAME)
        and not _messages_waiting(request)
    )


def _directives(response) -> set[str]:
    return {part.split("=")[0].strip().lower() for part in response.get("Cache-Control", "").split(",")}


Stored = tuple[int, int, list[tuple[str, str]], bytes]  # the member's id, status, headers, content


def read(key: str) -> tuple[tuple[str, str] | None, Stored | None]:
    """((page generation, data generation), the entry if it was stored under both) — (None, None) when the cache
    cannot be reached. Read before anything else of the request: see core.data_generation for why."""
    try:
        values = cache.get_many([page_cache.GENERATION_KEY, data_generation.KEY, key])
    except Exception:
        logger.exception("Cache unreachable")
        return None, None
    pages = values.get(page_cache.GENERATION_KEY) or page_cache.read(page_cache.GENERATION_KEY)[0]
    data = values.get(data_generation.KEY) or data_generation.current()
    if pages is None or data is None:
        return None, None
    entry = values.get(key)
    if entry is not None and entry[0] == (pages, data):
        return (pages, data), entry[1]
    return (pages, data), None


def write(key: str, stamp, user_id, response) -> None:
    headers = [(name, value) for name, value in response.items() if name.lower() not in NOT_STORED_HEADERS]
    try:
        stored = (user_id, response.status_code, headers, response.content)
        cache.set(key, (stamp, stored), timeout=page_cache.timeout())
    except Exception:
        logger.exception("Cache unreachable")


def from_cache(stored: Stored) -> HttpResponse:
    _user_id, status, headers, content = stored
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response[HEADER] = HIT
    return response


class MemberCacheMiddleware:
    """Serves a member's repeat view of a page from the cache, below the session, CSRF, authentication and message
    middleware (it needs the person they find; their answers on the way back stay theirs)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = _language(request)
        if language is None:
            return self.get_response(request)
        key = cache_key(request, language)
        stamp, stored = read(key)
        # The session and the person are read after the stamps, as everything the page shows is.
        if not request.user.is_authenticated or _messages_waiting(request):
            return self.get_response(request)
        if stored is not None and stored[0] == request.user.pk:
            return from_cache(stored)
        response = self.get_response(request)
        if stamp is not None and _storable(request, response):
            write(key, stamp, request.user.pk, response)
        return response
