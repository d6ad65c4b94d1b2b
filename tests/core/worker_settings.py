"""Settings of a task worker the tests start as a process of its own: the test settings with the database queue.

Connections are kept (no health check), as a production worker's are between requests, so a connection the
database ends is found broken by the worker's next query: the fault the tests inflict is the one it must survive.
"""

from config.settings.test import *  # noqa: F403
from config.settings.test import DATABASES

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
DATABASES["default"]["CONN_MAX_AGE"] = None
DATABASES["default"]["CONN_HEALTH_CHECKS"] = False
