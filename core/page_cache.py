"""Repeat anonymous page views from Django's cache, and the Cache-Control every response carries.

Who may be served from the cache: a GET or HEAD of a language-prefixed address (every page that may be public has
one) without any cookie but the CSRF and language cookies. A session cookie means a member (or someone with
messages or half-typed data waiting): such a request is never looked up and its response never stored, so a member
never gets a visitor's page and a visitor never gets a member's.

What is stored: only what a view declared public (`public_for_visitors`, and every Wagtail page through the
`on_serve_page` hook in core.wagtail_hooks), answered with 200 to an anonymous person, without Set-Cookie (a page
that renders a CSRF token sets its cookie, so a form page is never stored), varying on nothing but Cookie and
HX-Request. Those responses say `Cache-Control: public, max-age=PAGE_CACHE_MAX_AGE` and `Vary: Cookie, HX-Request`;
a member's response says `private`; a visitor's response that sets a cookie says `private, no-store`.

How a change reaches the cache at once: every entry is stamped with the *generation* read when its request began,
and is served only while that generation is current. A change of what someone may read (publish, unpublish, move,
delete, a view restriction, a forum group's visibility, a post hidden or rejected, a thread's status: everything
the search index follows, announced by `core.changes`) sets a new random generation once its transaction has committed.
Why one generation for the whole site rather than purging the pages concerned: a change shows on more pages than
its own (menus, the home page's newest pages, index pages, related links, a group's thread list), and a list of
them would be one more rule to keep right; content changes are rare next to reads, so dropping everything costs a
few renders. Why after the commit: a request that began before it renders what was committed before, and its entry
carries the old generation, so it is never served; a new generation before the commit would let a request read the
old rows and store them under the new one. Why random, not a counter: if the generation key is ever evicted, a new
one cannot match an old entry. The entries' own timeout (`PAGE_CACHE_TIMEOUT`) is the backstop for what no signal
announces (a renamed member's byline, a training's free places, a failed write to the cache after a commit).

Members' pages are not stored whole (they name the member), but the published text of a page is the same for
everyone: `{% cache_published page "part" %}` (core.templatetags.published_cache) keeps a rendered part per page,
live revision, language and host, stamped with the same generation (a moved page changes the links in it).

The stamp and the entry are read in one round trip (`get_many`); the cache being down means a miss, never an error.
"""

import hashlib
import logging
import re
import uuid
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language, get_language_from_path

logger = logging.getLogger(__name__)

GENERATION_KEY = "page-cache:generation"
PUBLIC_MARK = "_page_cache_public"
# Headers a stored response may vary on: the key covers Cookie (no personal cookie at all) and HX-Request.
VARY_ALLOWED = {"cookie", "hx-request", "accept-encoding"}
# Stored responses never take these along: they are about the request that rendered them.
NOT_STORED_HEADERS = {"set-cookie", "x-cache"}
COMMA = re.compile(r"\s*,\s*")


def timeout() -> int:
    return settings.PAGE_CACHE_TIMEOUT


def new_generation() -> str:
    return uuid.uuid4().hex


def established(key: str, found: str | None) -> str | None:
    """`found` (the generation read under `key`), or a new one when there was none. Made with `add`: when two
    processes make one at once, both go on with the one that was stored."""
    if found is not None:
        return found
    generation = new_generation()
    if cache.add(key, generation, timeout=None):
        return generation
    return cache.get(key)


def bump() -> None:
    """Nothing stored so far is served again. Called after the commit of a change (see the module docstring)."""
    try:
        cache.set(GENERATION_KEY, new_generation(), timeout=None)
    except Exception:
        # The entries' timeout still ends them; a failing cache must not fail the request that changed something.
        logger.exception("Could not start a new page cache generation")


def read(key: str) -> tuple[str | None, object]:
    """(current generation, the value stored under `key` if it was stored in this generation, else None)."""
    try:
        values = cache.get_many([GENERATION_KEY, key])
        generation = established(GENERATION_KEY, values.get(GENERATION_KEY))
    except Exception:
        logger.exception("Page cache unreachable")
        return None, None
    entry = values.get(key)
    if entry is not None and generation is not None and entry[0] == generation:
        return generation, entry[1]
    return generation, None


def write(key: str, generation: str | None, value) -> bool:
    if generation is None:
        return False
    try:
        cache.set(key, (generation, value), timeout=timeout())
    except Exception:
        logger.exception("Page cache unreachable")
        return False
    return True


def mark_public(request) -> None:
    """This request's answer is the same for every visitor: a shared cache and the page cache may keep it."""
    setattr(request, PUBLIC_MARK, True)


def public_for_visitors(view):
    """A view whose answer to a visitor holds nothing about that visitor (members get `private` regardless)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        mark_public(request)
        return view(request, *args, **kwargs)

    return wrapped


def _impersonal_cookies() -> set[str]:
    return {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME}


def is_impersonal(request) -> bool:
    """A request that carries nothing of a person: no session, no messages, no drafts — no cookie but these."""
    return not set(request.COOKIES) - _impersonal_cookies()


def cache_key(request, language: str) -> str:
    """Scheme, host, full path with query string, language and HX-Request: what a stored answer depends on."""
    htmx = request.headers.get("HX-Request", "")
    raw = f"{request.scheme}://{request.get_host()}{request.get_full_path()}|{language}|{htmx}"
    # Hashed: an address can be longer than a cache key may be (the database cache's column holds 255 characters).
    return "page-cache:" + hashlib.sha256(raw.encode()).hexdigest()


def _varies_only_on_allowed(response) -> bool:
    vary = {value.strip().lower() for value in COMMA.split(response.get("Vary", "")) if value.strip()}
    return vary <= VARY_ALLOWED


def set_cache_headers(request, response, *, impersonal: bool) -> bool:
    """Cache-Control and Vary for this response; True when it is public (and may be stored)."""
    user = getattr(request, "user", None)
    if not impersonal or (user is not None and user.is_authenticated):
        patch_cache_control(response, private=True)
        return False
    if response.cookies:
        patch_cache_control(response, private=True, no_store=True)
        return False
    public = (
        getattr(request, PUBLIC_MARK, False)
        and request.method in ("GET", "HEAD")
        and response.status_code == 200
        and not response.has_header("Cache-Control")
        and not response.streaming
    )
    if public:
        patch_cache_control(response, public=True, max_age=settings.PAGE_CACHE_MAX_AGE)
        patch_vary_headers(response, ("Cookie", "HX-Request"))
    return public


class PageCacheMiddleware:
    """Serves visitors' repeat views from the cache and gives every response its caching headers.

    Sits above the session, CSRF, authentication and message middleware: a hit skips all of them (a cached answer
    needs none), and on the way back it sees the cookies they set and the user they found.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        impersonal = is_impersonal(request)
        language = get_language_from_path(request.path_info)
        lookup = (
            impersonal
            and timeout() > 0
            and request.method in ("GET", "HEAD")
            # Every page that may be public has a language prefix: the health and readiness checks, the metrics,
            # the sitemap, the CMS and documents cost no lookup (and are never stored).
            and language is not None
            and "HX-History-Restore-Request" not in request.headers
        )
        key: str | None = None
        generation: str | None = None
        if lookup and language is not None:
            key = cache_key(request, language)
            generation, stored = read(key)
            if stored is not None:
                return self._from_cache(stored)
        response = self.get_response(request)
        public = set_cache_headers(request, response, impersonal=impersonal)
        storable = public and request.method == "GET" and _varies_only_on_allowed(response)
        if key is not None and storable and write(key, generation, self._to_cache(response)):
            response["X-Cache"] = "miss"
        return response

    @staticmethod
    def _to_cache(response) -> tuple:
        headers = [(name, value) for name, value in response.items() if name.lower() not in NOT_STORED_HEADERS]
        return response.status_code, headers, response.content

    @staticmethod
    def _from_cache(stored) -> HttpResponse:
        status, headers, content = stored
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response["X-Cache"] = "hit"
        return response


def fragment_key(page, part: str, request) -> str:
    """A part of a page's published text: the same for every reader of that revision in that language."""
    raw = f"{page.pk}|{page.live_revision_id}|{part}|{get_language()}|{request.scheme}://{request.get_host()}"
    return "page-fragment:" + hashlib.sha256(raw.encode()).hexdigest()


def fragment_cacheable(page, request) -> bool:
    """Only the live page as published: a preview carries a draft in the same page object, and a page never
    published has no revision to key on."""
    return (
        timeout() > 0
        and request is not None
        and page is not None
        and not getattr(request, "is_preview", False)
        and page.live
        and page.live_revision_id is not None
    )
