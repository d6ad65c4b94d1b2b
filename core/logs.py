"""What every log line says about where it came from, and what it never says about a person.

Each request runs with an id (`config.middleware.RequestIdMiddleware` takes the load balancer's `X-Request-ID` or
makes one) and each background task with its task id; `ContextFilter` puts both on every record, so the lines of
one request or one task can be found together, across processes and hosts. In production the lines are JSON
(`JsonFormatter`, LOG_FORMAT=json): one object per line with `time`, `level`, `logger`, `message`, `request_id`
and, where they apply, `task_id`, `method`, `path`, `status`, `duration_ms` and `exc_info`.

What is never logged, and why: the query string (a search for a colleague's name, a filter on an organisation),
the client's address, the user, cookies and headers. Path segments that are secrets (a verification or password
reset token, an evaluation code: `SECRET_URL_PARTS`) are written as their placeholder, and e-mail addresses in any
text (an exception message quoting a unique constraint, say) as `[e-mail]`. Django's `django.request` records carry
the request object itself; its text holds the query string, so the formatter leaves it out and the filter takes
only the method and the safe path from it.
"""

import contextvars
import logging
import re

from django_tasks.signals import task_finished, task_started
from pythonjsonlogger.core import RESERVED_ATTRS
from pythonjsonlogger.json import JsonFormatter as BaseJsonFormatter

request_id: contextvars.ContextVar[str | None] = contextvars.ContextVar("request_id", default=None)
task_id: contextvars.ContextVar[str | None] = contextvars.ContextVar("task_id", default=None)

# URL keyword arguments that are secrets or let someone act as another person: logged as "<name>".
SECRET_URL_PARTS = frozenset({"token", "uidb64", "code"})
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
EMAIL_MASK = "[e-mail]"
# Record attributes never written out: the request (its text holds the query string), Django's status_code
# (written as `status`), and query parameters of database debug lines (they are the data itself).
NOT_LOGGED = frozenset({"request", "status_code", "params"})


def loggable_path(request) -> str:
    """The request's path without its query string, with secret path segments replaced by their name."""
    path = request.path
    match = getattr(request, "resolver_match", None)
    if match is not None:
        for name, value in match.kwargs.items():
            if name in SECRET_URL_PARTS and isinstance(value, str) and value:
                path = path.replace(value, f"<{name}>")
    return path


class ContextFilter(logging.Filter):
    """Adds the request id, the task id and, for records about a request, its method, safe path and status."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        # Django logs a 4xx/5xx answer after the middleware has returned (the id's context is gone then); the id
        # is on the request too.
        record.request_id = request_id.get() or getattr(request, "request_id", None)
        current_task = task_id.get()
        if current_task is not None:
            record.task_id = current_task
        if request is not None and hasattr(request, "path") and hasattr(request, "method"):
            path = loggable_path(request)
            if not hasattr(record, "method"):
                record.method = request.method
            if not hasattr(record, "path"):
                record.path = path
            # Django's own request lines put the raw path in the message ("Internal Server Error: %s").
            if isinstance(record.args, tuple) and request.path in record.args:
                record.args = tuple(path if arg == request.path else arg for arg in record.args)
        status = getattr(record, "status_code", None)
        if status is not None and not hasattr(record, "status"):
            record.status = status
        return True


class JsonFormatter(BaseJsonFormatter):
    """One JSON object per line: time, level, logger, message, then the context and the record's extras."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("fmt", ["levelname", "name", "message"])
        kwargs.setdefault("rename_fields", {"levelname": "level", "name": "logger"})
        kwargs.setdefault("timestamp", "time")
        kwargs.setdefault("reserved_attrs", [*RESERVED_ATTRS, *NOT_LOGGED])
        super().__init__(*args, **kwargs)

    def process_log_record(self, log_data):
        for key, value in log_data.items():
            if isinstance(value, str) and "@" in value:
                log_data[key] = EMAIL.sub(EMAIL_MASK, value)
        return super().process_log_record(log_data)


# The worker's lines during a task carry its id. A stack, because a task run by the immediate backend (development,
# tests) may enqueue and so run another inside it.
_outer_task_ids: contextvars.ContextVar[tuple[str | None, ...]] = contextvars.ContextVar("outer_task_ids", default=())


def _task_started(sender, task_result, **kwargs) -> None:
    _outer_task_ids.set((*_outer_task_ids.get(), task_id.get()))
    task_id.set(str(task_result.id))


def _task_finished(sender, task_result, **kwargs) -> None:
    outer = _outer_task_ids.get()
    task_id.set(outer[-1] if outer else None)
    _outer_task_ids.set(outer[:-1])


def connect() -> None:
    """Called from CoreConfig.ready(), after django_tasks connected its own receivers (at import), so its "finished"
    line still carries the task's id."""
    task_started.connect(_task_started, dispatch_uid="core.logs.task_started")
    task_finished.connect(_task_finished, dispatch_uid="core.logs.task_finished")
