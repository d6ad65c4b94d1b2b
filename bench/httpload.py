"""A small HTTP/1.1 load generator for bench/pages.py (wrk is not available here): N connections, each sending one
GET after another for a fixed time, with latencies, status codes and a check of every response body.

It speaks raw HTTP/1.1 over asyncio streams: keep-alive when the server keeps the connection open, a new connection
after every `Connection: close` (gunicorn's sync workers close after each response, as they do for wrk). A request's
latency runs from opening its connection (when it needs one) to the last byte of the response. Only responses that
complete inside the timed window count, so req/s is completed responses divided by the window's length.
fetch() and cookies_from() make the single requests around a measurement (checking a page, signing in);
request() is one asyncio request of any method on a connection of its own (bench/load.py's simulated people).
"""

import asyncio
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from http.client import HTTPConnection
from urllib.parse import urlencode

TIMEOUT = 30.0  # seconds a single response may take before it counts as failed (status 0)


@dataclass(frozen=True)
class Target:
    """What to ask for, and what every response body must (and must not) contain for it to count as the page."""

    path: str
    headers: tuple[tuple[str, str], ...] = ()
    expect: tuple[bytes, ...] = ()
    refuse: tuple[bytes, ...] = ()

    def request(self, host: str) -> bytes:
        lines = [f"GET {self.path} HTTP/1.1", f"Host: {host}", *(f"{name}: {value}" for name, value in self.headers)]
        return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")

    def body_ok(self, body: bytes) -> bool:
        return all(marker in body for marker in self.expect) and not any(marker in body for marker in self.refuse)


@dataclass
class Result:
    seconds: float  # length of the timed window
    latencies: list[float] = field(default_factory=list)  # milliseconds, one per counted response
    statuses: Counter = field(default_factory=Counter)  # status code -> responses (0: no answer / broken)
    wrong_bodies: int = 0  # 200 responses whose body failed the Target's check
    client_cpu: float = 0.0  # CPU seconds this process used during the window

    @property
    def requests(self) -> int:
        return sum(self.statuses.values())

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def all_ok(self) -> bool:
        return self.requests > 0 and set(self.statuses) == {200} and not self.wrong_bodies

    def problems(self) -> str:
        """Why this result may not be reported, in a few words (empty when it may)."""
        statuses = sorted(self.statuses.items())
        parts = [f"{count} × {status or 'no answer'}" for status, count in statuses if status != 200]
        if self.wrong_bodies:
            parts.append(f"{self.wrong_bodies} × 200 without the expected page")
        if not self.requests:
            parts.append("no response in the window")
        return ", ".join(parts)


def percentile(values, fraction: float) -> float:
    """Nearest-rank percentile, as bench/search.py and bench/dashboard.py take it."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


async def read_response(reader: asyncio.StreamReader) -> tuple[int, dict[bytes, bytes], bytes]:
    """One response: status, headers (lower-case names; repeated ones joined by ", "), body."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head[:-4].split(b"\r\n")
    version, status = lines[0].split(b" ", 2)[:2]
    headers: dict[bytes, bytes] = {}
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        name, value = name.strip().lower(), value.strip()
        headers[name] = headers[name] + b", " + value if name in headers else value
    if b"chunked" in headers.get(b"transfer-encoding", b"").lower():
        chunks = []
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            if size == 0:
                await reader.readuntil(b"\r\n")  # no trailers are sent by the servers measured here
                break
            chunks.append(await reader.readexactly(size))
            await reader.readexactly(2)
        body = b"".join(chunks)
    elif b"content-length" in headers:
        body = await reader.readexactly(int(headers[b"content-length"]))
    else:
        body = await reader.read()
        headers[b"connection"] = b"close"
    if version == b"HTTP/1.0" and b"keep-alive" not in headers.get(b"connection", b"").lower():
        headers[b"connection"] = b"close"
    return int(status), headers, body


async def _connection(host, port, target, window, result):
    request = target.request(f"{host}:{port}")
    loop = asyncio.get_running_loop()
    start, end = window
    reader = writer = None
    while loop.time() < end:
        began = time.perf_counter()
        reused = writer is not None
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection(host, port)
            writer.write(request)
            status, headers, body = await asyncio.wait_for(read_response(reader), TIMEOUT)
            keep = b"close" not in headers.get(b"connection", b"").lower()
        except asyncio.IncompleteReadError as error:
            writer.close()
            reader = writer = None
            if reused and not error.partial:
                continue  # the server closed an idle kept-alive connection: ask again on a new one
            status, body, keep = 0, b"", False
        except (TimeoutError, OSError, asyncio.LimitOverrunError, ValueError):
            status, body, keep = 0, b"", False
        finished = loop.time()
        if start <= finished <= end:
            result.statuses[status] += 1
            result.latencies.append((time.perf_counter() - began) * 1000)
            if status == 200 and not target.body_ok(body):
                result.wrong_bodies += 1
        if not keep and writer is not None:
            writer.close()
            reader = writer = None
    if writer is not None:
        writer.close()


async def _run(host, port, target, connections, warmup, duration) -> Result:
    loop = asyncio.get_running_loop()
    start = loop.time() + warmup
    result = Result(seconds=duration)
    tasks = [_connection(host, port, target, (start, start + duration), result) for _ in range(connections)]
    await asyncio.sleep(0)
    cpu_task = asyncio.ensure_future(_cpu_in_window(start, start + duration))
    await asyncio.gather(*tasks)
    result.client_cpu = await cpu_task
    return result


async def _cpu_in_window(start: float, end: float) -> float:
    loop = asyncio.get_running_loop()
    await asyncio.sleep(max(0.0, start - loop.time()))
    before = time.process_time()
    await asyncio.sleep(max(0.0, end - loop.time()))
    return time.process_time() - before


def run(host: str, port: int, target: Target, *, connections: int, warmup: float, duration: float) -> Result:
    """Load `target` from `connections` connections: `warmup` seconds not counted, then `duration` seconds counted."""
    return run_coroutine(lambda: _run(host, port, target, connections, warmup, duration))


def run_coroutine(make_coroutine):
    """asyncio.run(make_coroutine()), also where an event loop already runs in this thread (a process that drove
    Playwright's synchronous API, as the test suite does): asyncio.run refuses to nest, so it then runs in a thread
    of its own."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(make_coroutine())
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(lambda: asyncio.run(make_coroutine())).result()


async def request(
    host: str, port: int, method: str, path: str, *, headers=(), data: dict | None = None, timeout: float = TIMEOUT
) -> tuple[int, dict[bytes, bytes], bytes]:
    """One request on a connection of its own (`Connection: close`): (status, headers, body); a form POST with
    `data`. Raises OSError (refused, reset), TimeoutError or asyncio.IncompleteReadError when there is no answer."""
    body = b"" if data is None else urlencode(data).encode()
    lines = [f"{method} {path} HTTP/1.1", f"Host: {host}:{port}", "Connection: close"]
    lines += [f"{name}: {value}" for name, value in headers]
    if data is not None:
        lines += ["Content-Type: application/x-www-form-urlencoded", f"Content-Length: {len(body)}"]
    reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), timeout)
    try:
        writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body)
        return await asyncio.wait_for(read_response(reader), timeout)
    finally:
        writer.close()


def fetch(host: str, port: int, path: str, *, headers: dict, data: dict | None = None):
    """One request outside the measurement (a GET, or a form POST with `data`): (status, [(name, value)], body)."""
    connection = HTTPConnection(host, port, timeout=TIMEOUT)
    try:
        body = None if data is None else urlencode(data)
        if data is not None:
            headers = headers | {"Content-Type": "application/x-www-form-urlencoded"}
        connection.request("GET" if data is None else "POST", path, body=body, headers=headers)
        response = connection.getresponse()
        return response.status, response.getheaders(), response.read()
    finally:
        connection.close()


def cookies_from(headers) -> dict[str, str]:
    """The cookies a response sets: name -> value."""
    found = {}
    for name, value in headers:
        if name.lower() == "set-cookie":
            cookie, _, _attributes = value.partition(";")
            key, _, cookie_value = cookie.partition("=")
            found[key.strip()] = cookie_value.strip()
    return found
