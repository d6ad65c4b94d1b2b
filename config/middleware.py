"""Site-wide request checks and bookkeeping that no single view should have to repeat."""

import logging
import re
import time
import uuid

from django.conf import settings
from django.http import Http404
from django.shortcuts import render

from core import logs

access_log = logging.getLogger("kennisplatform.access")

REQUEST_ID_HEADER = "X-Request-ID"
# What a load balancer's request id looks like (a UUID, nginx's hex $request_id, a trace id with its separators);
# anything else (too long, spaces, quotes, control characters) is not written into logs and headers as it came.
VALID_REQUEST_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:/=+-]{0,127}")


def request_id_from(request) -> str:
    incoming = request.headers.get(REQUEST_ID_HEADER, "")
    return incoming if VALID_REQUEST_ID.fullmatch(incoming) else uuid.uuid4().hex


class RequestIdMiddleware:
    """Gives every request an id: on every log line written while it runs, and in the response's X-Request-ID.

    The load balancer's id is kept when it looks like one, so its access log and the app's lines match; otherwise
    the app makes one. With LOG_REQUESTS on (production), one line per request: method, path (no query string,
    secret segments masked: core.logs), status and duration; nothing about who asked.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = request_id_from(request)
        request.request_id = request_id
        token = logs.request_id.set(request_id)
        started = time.monotonic()
        try:
            response = self.get_response(request)
            response[REQUEST_ID_HEADER] = request_id
            if settings.LOG_REQUESTS:
                self._log(request, response, started)
            return response
        finally:
            logs.request_id.reset(token)

    @staticmethod
    def _log(request, response, started: float) -> None:
        path = logs.loggable_path(request)
        status = response.status_code
        access_log.info(
            "%s %s %s",
            request.method,
            path,
            status,
            extra={
                "method": request.method,
                "path": path,
                "status": status,
                "duration_ms": round((time.monotonic() - started) * 1000, 1),
            },
        )


class RejectNulMiddleware:
    """Answers 400 Bad Request to an address whose path or query string holds a NUL character.

    No link, form or person produces one: a NUL in a URL is a probe or a broken link. Left through, it reaches
    PostgreSQL (which cannot store or compare it) from any view or middleware that looks the path up (page
    serving, redirects, tag pages) and ends as a server error. Refusing it here, once, with a page that says why,
    is simpler and safer than guarding every lookup.

    Form posts are not checked here: Django's form fields refuse NUL themselves with a message next to the field,
    so the person keeps everything else they typed, which a blanket 400 would throw away.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if has_nul(request):
            return render(request, "errors/400_address.html", status=400)
        return self.get_response(request)


def has_nul(request) -> bool:
    if "\x00" in request.path_info:
        return True
    return any("\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists())


# No database id has more digits than this (a bigint has 19).
_OVERLONG_NUMBER = re.compile(r"(?:^|/)\d{20,}(?:/|$)")


class OverlongIdMiddleware:
    """Answers 404 Not Found to an address with a path segment of more digits than any id has.

    Views that read an id from the path with a plain pattern (Wagtail's document serving) hand it to the database
    as a number; past 4,300 digits Python cannot even make it one, and the request ends as a server error. Nothing
    with such an id exists, so "not found" is the true answer, given here once.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _OVERLONG_NUMBER.search(request.path_info):
            raise Http404
        return self.get_response(request)
