"""Site-wide request checks that no single view should have to repeat."""

import re

from django.http import Http404
from django.shortcuts import render


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
