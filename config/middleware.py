"""Site-wide request checks that no single view should have to repeat."""

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
