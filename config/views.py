"""Site-wide views: error pages in the site layout, health and readiness checks, metrics, robots.txt."""

import hmac

from django.conf import settings
from django.db import connection
from django.http import HttpResponse, HttpResponseForbidden, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from config import health
from core import metrics


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
    """Liveness: the app answers and the database is reachable (one cheap query; config/health.py says more)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


@never_cache
@require_GET
def readyz(request):
    """Readiness: database, cache and task queue, each named with what is wrong (config/health.py)."""
    results = health.readiness()
    failing = [name for name, result in results.items() if not result.ok]
    body: dict[str, object] = {
        "status": "unavailable" if failing else "ok",
        "checks": {name: result.detail for name, result in results.items()},
    }
    if failing:
        body["failing"] = failing
    return JsonResponse(body, status=503 if failing else 200)


def _has_metrics_token(request) -> bool:
    token = settings.METRICS_TOKEN
    supplied = request.headers.get("Authorization", "")
    return bool(token) and hmac.compare_digest(supplied.encode(), f"Bearer {token}".encode())


@never_cache
@require_GET
def metrics_view(request):
    """Prometheus metrics (core/metrics.py), for whoever sends `Authorization: Bearer METRICS_TOKEN`.

    Anyone else, and everyone while no token is configured, gets a bare 403: the figures (view names, error counts,
    queue lengths) are for operators. Bare, not the site's error page, which needs templates, static files and
    perhaps the database: a scraper with a wrong token is told so even when those are what is broken. Not a 404:
    the language middleware answers a 404 on an address without a language with a redirect to /nl/metrics.
    """
    if not _has_metrics_token(request):
        return HttpResponseForbidden("Forbidden\n", content_type="text/plain")
    return HttpResponse(generate_latest(metrics.scrape_registry()), content_type=CONTENT_TYPE_LATEST)
