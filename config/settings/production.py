"""Production: everything that matters comes from the environment, and a missing secret stops start-up."""

from pathlib import Path

from config import env

from .base import *  # noqa: F403
from .base import build_logging

DEBUG = False
SECRET_KEY = env.require(
    "SECRET_KEY", "a long random string (e.g. `python -c 'import secrets; print(secrets.token_urlsafe(64))'`)"
)
ALLOWED_HOSTS = env.require("ALLOWED_HOSTS", "comma-separated host names the site answers to").split(",")
DATABASES = {"default": env.database(env.require("DATABASE_URL", "postgres://user:password@host:5432/name"))}
# No JIT: the pages run short permission-filtered queries whose estimated cost can pass jit_above_cost; compiling
# one took seconds where running it takes milliseconds (measured on the unread-notification count of every page).
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
ERASURE_JOURNAL_DIR = Path(
    env.require(
        "ERASURE_JOURNAL_DIR",
        "a directory outside the database, on storage backed up apart from it, for the erasure journal "
        "(platform/README.md)",
    )
)
SITE_URL = env.require("SITE_URL", "the public base URL, e.g. https://kennisplatform.example.org")
WAGTAILADMIN_BASE_URL = SITE_URL
CSRF_TRUSTED_ORIGINS = env.csv_list("CSRF_TRUSTED_ORIGINS", SITE_URL)

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
STORAGES["staticfiles"] = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}  # noqa: F405

# HTTPS only. The load balancer terminates TLS and sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.boolean("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env.integer("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True

# A cache every app server shares (Wagtail caches site root paths, core.page_cache keeps visitors' pages; a
# per-process cache goes stale on the other servers): Redis when REDIS_URL is set, else the database (the table is
# created by `manage.py createcachetable` in the release step). Room for the pages of every language: the database
# cache culls a third of its rows whenever it is full.
if env.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": env.get("REDIS_URL"),
            "KEY_PREFIX": env.get("CACHE_KEY_PREFIX", "kennisplatform"),
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "django_cache",
            "OPTIONS": {"MAX_ENTRIES": env.integer("CACHE_MAX_ENTRIES", 20_000)},
        }
    }
TRUSTED_PROXY_COUNT = env.integer("TRUSTED_PROXY_COUNT", 1)

DEMO_CONTENT_ALLOWED = False

# JSON lines on stdout for the log collector, and one line per request (core/logs.py says what is never in them).
LOG_FORMAT = env.get("LOG_FORMAT", "json")
LOG_REQUESTS = env.boolean("LOG_REQUESTS", True)
LOGGING = build_logging(LOG_FORMAT)
if METRICS_TOKEN is not None and len(METRICS_TOKEN) < 32:  # noqa: F405
    raise env.MissingSetting("METRICS_TOKEN", "at least 32 random characters, or unset to turn /metrics off")
