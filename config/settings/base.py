"""Settings shared by every environment. Environment-specific modules import from here and override."""

from pathlib import Path

from config import env

BASE_DIR = Path(__file__).resolve().parent.parent.parent

DEBUG = False
SECRET_KEY = env.get("SECRET_KEY")
ALLOWED_HOSTS = env.csv_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env.csv_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Project apps first so their templates and translations win.
    "core",
    "accounts",
    "knowledge",
    "knowledge.training",
    "knowledge.dilemmas",
    "knowledge.experiences",
    "protocols",
    "forum",
    "forum.moderation",
    "pool",
    "cases",
    "measurement",
    "notifications",
    "search",
    # Wagtail
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_htmx",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "django_prometheus",
    # Django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "config.apps.StaticFilesConfig",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # First and last: django-prometheus times the whole stack and counts every response by status.
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    # Before everything that may log or answer early (redirects, the page cache): every line and response has the id.
    "config.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "config.csp.ContentSecurityPolicyMiddleware",
    # Above sessions, CSRF and authentication: a visitor's repeat view is answered without them (core.page_cache).
    "core.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "config.middleware.RejectNulMiddleware",
    "config.middleware.OverlongIdMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Below the person and their messages: a member's repeat view of a page, for that session only (core.member_cache).
    "core.member_cache.MemberCacheMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {"default": env.database(env.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'dev.sqlite3'}"))}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Accounts
AUTH_USER_MODEL = "accounts.User"
# The only backend: every view that calls authenticate() gets the throttle and the e-mail confirmation check.
AUTHENTICATION_BACKENDS = ["accounts.backends.PlatformBackend"]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:profile"
LOGOUT_REDIRECT_URL = "/"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "accounts.validators.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Every account erasure is also recorded here, outside the database, so that a restored backup forgets again whoever
# was erased after it was made (accounts/erasure_journal.py; platform/bin/restore replays it). The key hashes the
# e-mail addresses in it (unset: SECRET_KEY); keep it unchanged, or the old one in SECRET_KEY_FALLBACKS, for as long
# as backups are kept.
ERASURE_JOURNAL_DIR = Path(env.get("ERASURE_JOURNAL_DIR", str(BASE_DIR / "var" / "erasure-journal")))
ERASURE_JOURNAL_KEY = env.get("ERASURE_JOURNAL_KEY")
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24  # one day
ACCOUNT_VERIFICATION_MAX_AGE = 60 * 60 * 24 * 3  # three days to click the verification link
# Failed-login throttling: this many failures for one address (or from one IP, times five) within the
# window lock further attempts until the window has passed. Stored in the database: app servers share nothing.
LOGIN_THROTTLE_FAILURES = env.integer("LOGIN_THROTTLE_FAILURES", 5)
LOGIN_THROTTLE_WINDOW = env.integer("LOGIN_THROTTLE_WINDOW", 15 * 60)
# How many reverse proxies (load balancers) stand in front of the app and append to X-Forwarded-For. With 0 the
# client address is REMOTE_ADDR; behind a balancer that would be the balancer for everybody.
TRUSTED_PROXY_COUNT = env.integer("TRUSTED_PROXY_COUNT", 0)

# Internationalisation: Dutch is the default, Danish second, English is the source language of the code.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("da", "Dansk"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# Static files: NL Design System CSS, htmx and Chart.js come from npm (node_modules), served by whitenoise; no CDN.
STATIC_URL = "/static/"
STATIC_ROOT = Path(env.get("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/utrecht", BASE_DIR / "node_modules" / "@utrecht" / "component-library-css" / "dist"),
    ("vendor/utrecht-tokens", BASE_DIR / "node_modules" / "@utrecht" / "design-tokens" / "dist"),
    ("vendor/htmx", BASE_DIR / "node_modules" / "htmx.org" / "dist"),
    ("vendor/chartjs", BASE_DIR / "node_modules" / "chart.js" / "dist"),
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.get("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if env.get("MEDIA_S3_BUCKET"):
    # Media on S3-compatible storage, so any app server can serve any upload.
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env.get("MEDIA_S3_BUCKET"),
            "endpoint_url": env.get("MEDIA_S3_ENDPOINT_URL"),
            "region_name": env.get("MEDIA_S3_REGION"),
            "access_key": env.get("MEDIA_S3_ACCESS_KEY_ID"),
            "secret_key": env.get("MEDIA_S3_SECRET_ACCESS_KEY"),
            "default_acl": None,
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }

# E-mail
DEFAULT_FROM_EMAIL = env.get("DEFAULT_FROM_EMAIL", "Kennisplatform Overheidsmediation <noreply@localhost>")
SERVER_EMAIL = env.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
EMAIL_HOST = env.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env.integer("EMAIL_PORT", 25)
EMAIL_HOST_USER = env.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env.boolean("EMAIL_USE_TLS")
EMAIL_SUBJECT_PREFIX = "[Kennisplatform] "

# Background work (django-tasks): the database queue in production, run by `manage.py run_worker` (core.task_worker).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Each worker records a heartbeat this often (seconds). A task RUNNING under a worker not seen for the lease timeout
# (killed, out of memory, host lost) goes back in the queue, or FAILED with the reason once it has been claimed
# TASK_MAX_ATTEMPTS times. The lease must outlast a database restart, or a slow task runs twice (tasks are
# idempotent, so that is a cost, not a fault). A worker that loses the database retries with a delay growing to
# TASK_WORKER_BACKOFF_MAX seconds.
TASK_WORKER_HEARTBEAT_INTERVAL = env.integer("TASK_WORKER_HEARTBEAT_INTERVAL", 5)
TASK_WORKER_LEASE_TIMEOUT = env.integer("TASK_WORKER_LEASE_TIMEOUT", 60)
TASK_MAX_ATTEMPTS = env.integer("TASK_MAX_ATTEMPTS", 3)
TASK_WORKER_BACKOFF_MAX = env.integer("TASK_WORKER_BACKOFF_MAX", 30)

# Wagtail
WAGTAIL_SITE_NAME = "Kennisplatform Overheidsmediation"
WAGTAILADMIN_BASE_URL = env.get("SITE_URL", "http://127.0.0.1:8000")
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_PASSWORD_RESET_ENABLED = False  # one password-reset flow: the site's own
# No Gravatar in the CMS: it would send an MD5 of every editor's e-mail address to a third party (None turns it off in
# wagtail.users.utils.get_gravatar_url; the admin shows its default avatar instead).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_LOGIN_URL = "accounts:login"
WAGTAIL_FRONTEND_LOGIN_URL = "accounts:login"  # private pages send visitors to the platform's own login
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
TAGGIT_CASE_INSENSITIVE = True

# Measurement (the dashboard, the benchmark and the party evaluation): a figure made from fewer cases (or answers)
# than this is not shown outside the organisation's own dashboard, so it cannot point at one citizen or one case.
MEASUREMENT_MIN_CELL = env.integer("MEASUREMENT_MIN_CELL", 5)
# How long a party evaluation code can be used after it was handed out.
EVALUATION_CODE_DAYS = env.integer("EVALUATION_CODE_DAYS", 90)

# Pages for visitors (core.page_cache): how long a shared cache or browser may keep one (Cache-Control max-age), and
# how long the app keeps it in Django's cache at most (every change of what someone may read drops them at once;
# this is the backstop for changes nobody announces). 0 turns the app's own page cache off.
PAGE_CACHE_MAX_AGE = env.integer("PAGE_CACHE_MAX_AGE", 60)
PAGE_CACHE_TIMEOUT = env.integer("PAGE_CACHE_TIMEOUT", 300)
# A CDN or Varnish in front of the site, purged on the same changes (platform/README.md): an HTTP purge address
# (Varnish) or a Cloudflare zone with an API token. Neither set: no front-end cache is purged.
WAGTAILFRONTENDCACHE = {}
if env.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["varnish"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env.get("FRONTEND_CACHE_PURGE_URL"),
    }
if env.get("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": env.get("CLOUDFLARE_ZONE_ID"),
        "BEARER_TOKEN": env.require("CLOUDFLARE_API_TOKEN", "an API token allowed to purge the zone's cache"),
    }
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")

# Elasticsearch is optional (search/conf.py uses it). Read here so all configuration is in one place.
ELASTICSEARCH_URL = env.get("ELASTICSEARCH_URL")

# Security headers that are right everywhere; production.py adds the HTTPS-only ones.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview view overrides this to SAMEORIGIN for itself

# Content-Security-Policy (config.csp). The site's pages load scripts, styles and fonts from the site itself only and
# run no inline script or style. Images may also come from the media storage's origin (S3) and data: URLs (icons in
# the NL Design System CSS). htmx's own inline indicator style is switched off in base.html.
CSP_MEDIA_ORIGINS = env.csv_list("CSP_MEDIA_ORIGINS", env.get("MEDIA_S3_ENDPOINT_URL") or "")
_SELF, _NONE = "'self'", "'none'"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [_SELF],
        "script-src": [_SELF],
        "style-src": [_SELF],
        "img-src": [_SELF, "data:", *CSP_MEDIA_ORIGINS],
        "font-src": [_SELF],
        "connect-src": [_SELF],
        "object-src": [_NONE],
        "base-uri": [_SELF],
        "form-action": [_SELF],
        "frame-ancestors": [_NONE],
    }
}
# Wagtail's admin has inline scripts (panels, date widgets, wagtail-localize), inline styles, blob: previews of
# uploads, and frames its own page preview: a policy of its own, for /cms/ only.
CMS_URL_PREFIX = "/cms/"
CMS_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [_SELF, "'unsafe-inline'"],
        "style-src": [_SELF, "'unsafe-inline'"],
        "img-src": [_SELF, "data:", "blob:", *CSP_MEDIA_ORIGINS],
        "font-src": [_SELF, "data:"],
        "frame-src": [_SELF],
        "frame-ancestors": [_SELF],
    }
}
# Probes and the metrics scraper may talk to an app server directly, over the private network, without the
# balancer's X-Forwarded-Proto: with SECURE_SSL_REDIRECT (production) a redirect to HTTPS would fail them. None of
# these sets a cookie or shows a person's data.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$", r"^metrics$"]
SESSION_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "config.views.csrf_failure"

# Logs (core/logs.py): every line carries the request id (or the task id in a worker). "json" writes one JSON object
# per line to stdout, for a log collector (production's default); "plain" is for people reading a terminal.
LOG_FORMATS = ("json", "plain")
LOG_FORMAT = env.get("LOG_FORMAT", "plain")
# One line per request (method, path without query string, status, duration): production's default.
LOG_REQUESTS = env.boolean("LOG_REQUESTS", False)


def build_logging(log_format: str) -> dict:
    if log_format not in LOG_FORMATS:
        raise env.MissingSetting("LOG_FORMAT", f"one of {', '.join(LOG_FORMATS)} (it is {log_format!r})")
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"context": {"()": "core.logs.ContextFilter"}},
        "formatters": {
            "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
            "json": {"()": "core.logs.JsonFormatter"},
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": log_format,
                "filters": ["context"],
                **({"stream": "ext://sys.stdout"} if log_format == "json" else {}),
            }
        },
        "root": {"handlers": ["console"], "level": env.get("LOG_LEVEL", "INFO")},
        "loggers": {
            "django.security": {"level": "WARNING"},
            # Every task and publish is logged at INFO; that drowns the demo command's progress and test output.
            "django_tasks": {"level": "WARNING"},
            "wagtail": {"level": "WARNING"},
        },
    }


LOGGING = build_logging(LOG_FORMAT)

# Readiness (/readyz, config/health.py): how long the oldest ready task may wait for a worker before the platform
# reports itself not ready, and how long each check may take.
READYZ_MAX_TASK_LAG = env.integer("READYZ_MAX_TASK_LAG", 300)
READYZ_TIMEOUT = float(env.get("READYZ_TIMEOUT") or 2)
# Metrics (/metrics, core/metrics.py): answered only to `Authorization: Bearer <METRICS_TOKEN>`; unset, nobody.
METRICS_TOKEN = env.get("METRICS_TOKEN")
