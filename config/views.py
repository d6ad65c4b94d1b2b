"""Site-wide views: error pages in the site layout, health check, robots.txt."""

from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET


def page_not_found(request, exception=None):
    return render(request, "errors/404.html", status=404)


def permission_denied(request, exception=None):
    from accounts.access import MembershipRequired, login_redirect, membership_required_response

    if isinstance(exception, MembershipRequired):
        if not request.user.is_authenticated:
            return login_redirect(request)
        return membership_required_response(request)
    return render(request, "errors/403.html", status=403)


def csrf_failure(request, reason=""):
    # The reason is for developers; readers get a plain explanation and a way back.
    return render(request, "errors/403_csrf.html", status=403)


def server_error(request):
    # Rendered without a RequestContext on purpose: whatever broke may break context processors too.
    from django.template import loader

    template = loader.get_template("errors/500.html")
    return HttpResponse(template.render({"request": None}), status=500)


@require_GET
def robots_txt(request):
    lines = ["User-agent: *", "Disallow: /cms/", f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@require_GET
def healthz(request):
    """Load-balancer health check: the app answers and the database is reachable."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
