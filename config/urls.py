from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import Sitemap
from wagtail.documents import urls as wagtaildocs_urls

from accounts.views import platform_login
from config import views

# Not language-prefixed: the CMS admin (it follows each user's own admin language), documents, and machine files.
urlpatterns = [
    # Wagtail's own login views would log people in without the platform's throttle and checks: one login only.
    path("cms/login/", platform_login, name="cms_login"),
    path("cms/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": Sitemap}}),
    path("robots.txt", views.robots_txt),
    path("healthz", views.healthz),
    path("readyz", views.readyz),
    path("metrics", views.metrics_view),
]

urlpatterns += i18n_patterns(
    path("accounts/", include("accounts.urls")),
    path("search/", include("search.urls")),
    path("tags/", include("search.tag_urls")),
    # App views next to the page tree: each app's patterns start with an English prefix of their own
    # (e.g. "protocols/…", "training/…") that no page slug takes; anything else falls through to Wagtail.
    path("", include("protocols.urls")),
    path("", include("knowledge.training.urls")),
    path("", include("knowledge.dilemmas.urls")),
    path("", include("knowledge.experiences.urls")),
    path("pool/", include("pool.urls")),
    path("cases/", include("cases.urls")),
    path("measurement/", include("measurement.urls")),
    path("evaluation/", include("measurement.evaluation_urls")),
    path("forum/moderation/", include("forum.moderation.urls")),
    path("forum/", include("forum.urls")),
    path("", include("notifications.urls")),
    path("_util/login/", platform_login),
    # Wagtail's page tree last: it claims every remaining path.
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns

handler403 = "config.views.permission_denied"
handler404 = "config.views.page_not_found"
handler500 = "config.views.server_error"
