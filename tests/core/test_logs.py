"""Production's log lines: JSON, one per line, with the request (or task) id, and nothing personal in them."""

import io
import json
import logging

import pytest
from django.http import HttpResponse
from django.test import Client
from django.urls import path
from django_tasks import task

from config.settings.base import build_logging
from core import logs


def fails(request, token):
    raise ValueError("Geen account voor jan.jansen@gemeente.example gevonden")


def works(request, code):
    logging.getLogger("tests.view").warning("Code bekeken")
    return HttpResponse("ok")


# The addresses of this module's tests (ROOT_URLCONF points here): a view that fails and one that logs, each with a
# secret in its path as the platform's verification and evaluation links have.
def unavailable(request):
    return HttpResponse("even niet", status=503)


urlpatterns = [
    path("boom/<str:token>/", fails),
    path("evaluation/<str:code>/", works),
    path("unavailable/", unavailable),
]


@task()
def logging_task():
    logging.getLogger("tests.task").warning("In de taak")


@pytest.fixture
def json_lines(settings):
    """What production's console handler writes (JsonFormatter, ContextFilter), as parsed lines."""
    settings.LOG_REQUESTS = True
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logs.JsonFormatter())
    handler.addFilter(logs.ContextFilter())
    root = logging.getLogger()
    root.addHandler(handler)
    access = logging.getLogger("kennisplatform.access")
    level = access.level
    access.setLevel(logging.INFO)

    def read():
        return [json.loads(line) for line in stream.getvalue().splitlines()]

    yield read
    root.removeHandler(handler)
    access.setLevel(level)


def test_production_logs_json_to_stdout_through_the_context_filter():
    config = build_logging("json")
    console = config["handlers"]["console"]
    assert console["formatter"] == "json" and console["stream"] == "ext://sys.stdout"
    assert console["filters"] == ["context"]
    assert config["formatters"]["json"]["()"] == "core.logs.JsonFormatter"
    assert config["filters"]["context"]["()"] == "core.logs.ContextFilter"
    assert build_logging("plain")["handlers"]["console"]["formatter"] == "plain"


def test_the_load_balancers_request_id_is_on_every_line_and_in_the_response(client, db, json_lines):
    response = client.get("/healthz?naam=jan", headers={"X-Request-ID": "lb-7f3a9c2e-0001"})
    assert response["X-Request-ID"] == "lb-7f3a9c2e-0001"
    (line,) = [line for line in json_lines() if line["logger"] == "kennisplatform.access"]
    assert line["request_id"] == "lb-7f3a9c2e-0001"
    assert (line["method"], line["path"], line["status"]) == ("GET", "/healthz", 200)
    assert line["level"] == "INFO" and "time" in line and line["duration_ms"] >= 0
    assert "naam" not in json.dumps(line), "no query string"


@pytest.mark.parametrize("incoming", ["", "met spaties erin", "x" * 129, '"><script>', "id\u00e9"])
def test_an_invalid_incoming_request_id_is_replaced(client, db, json_lines, incoming):
    response = client.get("/healthz", headers={"X-Request-ID": incoming} if incoming else {})
    request_id = response["X-Request-ID"]
    assert request_id != incoming and len(request_id) == 32 and int(request_id, 16) >= 0
    (line,) = [line for line in json_lines() if line["logger"] == "kennisplatform.access"]
    assert line["request_id"] == request_id


def test_an_unhandled_error_is_one_json_line_with_the_request_and_no_personal_data(db, settings, json_lines):
    settings.ROOT_URLCONF = __name__
    client = Client(raise_request_exception=False)
    response = client.get("/boom/geheim-token-123/?q=Jan+Jansen", headers={"X-Request-ID": "req-boom-1"})
    assert response.status_code == 500
    lines = json_lines()
    (error,) = [line for line in lines if line["level"] == "ERROR"]
    assert error["logger"] == "django.request"
    assert error["request_id"] == "req-boom-1"
    assert (error["method"], error["path"], error["status"]) == ("GET", "/boom/<token>/", 500)
    assert error["message"] == "Internal Server Error: /boom/<token>/"
    assert "ValueError: Geen account voor [e-mail] gevonden" in error["exc_info"]
    written = json.dumps(lines)
    for personal in ("jan.jansen@gemeente.example", "geheim-token-123", "Jan+Jansen", "Jansen"):
        assert personal not in written
    assert "request" not in error and "status_code" not in error


def test_djangos_line_about_an_error_answer_carries_the_request_id_too(db, settings, json_lines):
    # Django logs a returned 5xx after the middleware is done: the id comes from the request then.
    settings.ROOT_URLCONF = __name__
    Client().get("/unavailable/", headers={"X-Request-ID": "req-503"})
    (line,) = [line for line in json_lines() if line["logger"] == "django.request"]
    assert (line["request_id"], line["status"], line["path"]) == ("req-503", 503, "/unavailable/")


def test_lines_written_by_a_view_carry_the_request_and_mask_secret_path_parts(db, settings, json_lines):
    settings.ROOT_URLCONF = __name__
    Client().get("/evaluation/ABCD-EFGH/", headers={"X-Request-ID": "req-eval-1"})
    lines = json_lines()
    (view_line,) = [line for line in lines if line["logger"] == "tests.view"]
    assert view_line["request_id"] == "req-eval-1"
    (access,) = [line for line in lines if line["logger"] == "kennisplatform.access"]
    assert access["path"] == "/evaluation/<code>/"
    assert "ABCD-EFGH" not in json.dumps(lines)


def test_a_tasks_lines_carry_its_id_and_later_lines_do_not(db, json_lines):
    result = logging_task.enqueue()
    logging.getLogger("tests.after").warning("Na de taak")
    lines = json_lines()
    (in_task,) = [line for line in lines if line["logger"] == "tests.task"]
    assert in_task["task_id"] == str(result.id)
    (after,) = [line for line in lines if line["logger"] == "tests.after"]
    assert "task_id" not in after and after["request_id"] is None
