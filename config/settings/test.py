"""The test suite: PostgreSQL from DATABASE_URL (bin/with-postgres provides one), mails kept in memory."""

from config import env

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
DATABASES = {"default": env.database(env.require("DATABASE_URL", "the tests run on PostgreSQL (see `make test`)"))}
DATABASES["default"]["CONN_MAX_AGE"] = 0
# No JIT: PostgreSQL compiles a query once its estimated cost passes jit_above_cost, and the tests' tables, never
# analysed inside their rolled-back transactions, soon push the big permission-filtered queries (the unread
# notification count on every page) past it. Compiling one took 5 to 6 seconds, per request, for the same result.
DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast; real hashing is Django's concern
DEMO_CONTENT_ALLOWED = True
WAGTAILADMIN_BASE_URL = "http://testserver"
# Serve static files straight from the finders (node_modules, app folders): no collectstatic step needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# One cache per test process, emptied by nobody between tests: the app's page cache stays off (its generation moves
# only after a commit, which tests do not make) except in the tests that turn it on and prove it, or in a run of
# the browser tests (which commit) with PAGE_CACHE_TIMEOUT set.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
PAGE_CACHE_TIMEOUT = env.integer("PAGE_CACHE_TIMEOUT", 0)
