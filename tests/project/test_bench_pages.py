"""The page benchmark's own logic: its load generator against a real local HTTP server, and the reading of its
figures and targets. The benchmark itself (gunicorn, the demo content) is run by hand: bench/pages.py."""

import asyncio
import subprocess
import sys

import pytest

from bench import httpload as load
from bench import pages

# A real HTTP/1.1 server in a process of its own (as gunicorn is): keep-alive unless the answer says close.
SERVER = r"""
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PAGE = b"<html><h1>Mediation bij een bezwaar</h1></html>"
ANSWERS = {
    "/page": (200, PAGE, False),
    "/closing": (200, PAGE, True),
    "/login-redirect": (302, b"", False),
    "/other": (200, b"<html>another page</html>", False),
}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in separate writes

    def do_GET(self):
        status, body, close = ANSWERS[self.path]
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        if close:
            self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
"""


@pytest.fixture(scope="module")
def server():
    process = subprocess.Popen([sys.executable, "-c", SERVER], stdout=subprocess.PIPE, text=True)
    try:
        yield int(process.stdout.readline())
    finally:
        process.kill()
        process.wait()


def measure(port, path, **target):
    return load.run(
        "127.0.0.1", port, load.Target(path, expect=(b"Mediation",), **target), connections=2, warmup=0.1, duration=0.5
    )


@pytest.mark.parametrize("path", ["/page", "/closing"])
def test_the_load_generator_counts_pages_over_kept_alive_and_closed_connections(server, path):
    result = measure(server, path)

    assert result.all_ok, result.problems()
    assert result.requests > 10
    assert len(result.latencies) == result.requests
    assert result.per_second == pytest.approx(result.requests / 0.5)


def test_the_load_generator_also_runs_where_an_event_loop_is_already_running(server):
    # As in the full test run, where the browser specs (Playwright's synchronous API) leave a loop running.
    async def inside_a_loop():
        return measure(server, "/page")

    result = load.run_coroutine(inside_a_loop)

    assert result.all_ok, result.problems()
    assert result.requests > 10


def test_a_redirect_is_not_a_page(server):
    result = measure(server, "/login-redirect")

    assert not result.all_ok
    assert set(result.statuses) == {302}
    assert f"{result.requests} × 302" in result.problems()


def test_a_200_without_the_page_is_not_a_page(server):
    assert not measure(server, "/other").all_ok
    assert not measure(server, "/page", refuse=(b"<h1>",)).all_ok


def test_a_closed_port_is_reported_as_no_answer():
    result = load.run("127.0.0.1", pages.free_port(), load.Target("/"), connections=1, warmup=0.0, duration=0.1)

    assert not result.all_ok
    assert "no answer" in result.problems()


def test_a_chunked_response_is_read_whole():
    async def read():
        reader = asyncio.StreamReader()
        reader.feed_data(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n")
        reader.feed_data(b"Vary: Cookie\r\nVary: Accept-Language\r\n\r\n")
        reader.feed_data(b"5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n")
        return await load.read_response(reader)

    status, headers, body = load.run_coroutine(read)

    assert (status, body) == (200, b"hello world")
    assert headers[b"vary"] == b"Cookie, Accept-Language"


def test_percentiles_are_nearest_rank():
    values = list(range(1, 101))

    assert load.percentile(values, 0.5) == 51
    assert load.percentile(values, 0.95) == 95
    assert load.percentile([7.0], 0.95) == 7.0


def row(label, who, requests):
    result = load.Result(seconds=10.0, latencies=[1.0] * requests)
    result.statuses[200] = requests
    return pages.Row(label, who, "/", result)


RUN = [row("/healthz (ceiling)", "", 4000), row("protocol page", "visitor", 2100), row("protocol page", "member", 900)]


def test_the_targets_are_met_or_not_met():
    met = pages.check_targets(RUN, before=40.0)
    assert "= 52%: **met**" in met[0]
    assert "90.0 / 40.0 req/s = 2.25×: **met**" in met[1]

    slow = [RUN[0], row("protocol page", "visitor", 1900), row("protocol page", "member", 700)]
    not_met = pages.check_targets(slow, before=40.0)
    assert "**NOT met**" in not_met[0]
    assert "1.75×: **NOT met**" in not_met[1]


def test_the_member_target_is_also_compared_as_shares_of_each_runs_ceiling():
    # Before: 40 of 200 req/s (20 %) on a busy machine; now 90 of 400 (22.5 %): twice as fast only because the
    # machine was quieter, and the share says so.
    lines = pages.check_targets(RUN, before=40.0, before_ceiling=200.0)

    assert "2.25×: **met**" in lines[1]
    assert "22.5% / 20.0% = 1.12×: **NOT met**" in lines[2]


def test_without_a_baseline_the_member_target_says_so():
    assert "no baseline" in pages.check_targets(RUN, before=None)[1]


def test_a_failed_page_is_not_compared():
    broken = load.Result(seconds=10.0)
    broken.statuses[302] = 50
    rows = [RUN[0], pages.Row("protocol page", "visitor", "/", broken), RUN[2]]

    assert "not measured" in pages.check_targets(rows, before=40.0)[0]
    assert "| protocol page | visitor | not reported: 50 × 302 |" in "\n".join(pages.table(rows))


def test_the_recorded_before_figures_are_read_back_from_the_report(tmp_path):
    report = tmp_path / "benchmarks.md"
    before = ["### Before: main, no page cache (commit 997d9d8)", "", *pages.table(RUN)]
    pages.report.write_section(report, pages.SECTION, ["## Pages", "", "### Latest run", "", "…", "", *before])

    kept = pages.recorded_before(report)

    assert kept == before
    assert pages.figure(kept, "protocol page", "member") == 90.0
    assert pages.figure(kept, "/healthz (ceiling)", "") == 400.0
    assert pages.figure(kept, "forum thread", "member") is None
