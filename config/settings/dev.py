"""The quickstart: `make run`. SQLite unless DATABASE_URL says otherwise, mails printed to the console."""

from config import env

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = env.get("SECRET_KEY", "dev-only-insecure-key-never-use-in-production")
ALLOWED_HOSTS = env.csv_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
EMAIL_BACKEND = env.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
DEMO_CONTENT_ALLOWED = True
# Serve static files straight from the finders (node_modules, app folders): no collectstatic step needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
