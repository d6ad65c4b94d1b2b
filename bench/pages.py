"""Page benchmark: requests per second and p50/p95 latency of the site's pages, served as in production.

Anyone can run it; it needs nothing but the project's virtualenv (about four minutes, of which one builds the data):

    .venv/bin/python bench/pages.py
    .venv/bin/python bench/pages.py --data /tmp/pages-bench   # keep the database there and reuse it next time
    bin/with-postgres .venv/bin/python bench/pages.py          # PostgreSQL instead (a throwaway database)

What it does, in one run:
  - builds the demo content as `make run` does (`manage.py migrate` + `manage.py demo_content`) in a SQLite database
    in a temporary folder (or in `--data`, reused when it is there), or, when DATABASE_URL names a PostgreSQL
    server, in a throwaway database `kennisplatform_bench_pages` on it (created and dropped, never a real one);
    then the release step's `createcachetable` and `collectstatic` (production settings use the manifest);
  - serves it with the production settings (config/settings/production.py, with a random SECRET_KEY, ALLOWED_HOSTS
    127.0.0.1) under gunicorn on the loopback address only: 2 sync workers by default (`--workers`,
    `--worker-class`, `--threads`). Every request carries `X-Forwarded-Proto: https` and `X-Forwarded-For`, as the
    load balancer in front of production does: the settings trust that header, so HTTPS redirects and HSTS stay as
    shipped;
  - logs the demo member lid@almere.example in through the login form (CSRF token and all);
  - checks each page once (status 200, its own title or marker in the body, the member's pages show the log-out
    form and the visitor's do not) and notes the Set-Cookie names, Cache-Control and Vary it answers with;
  - loads each page from `--connections` connections (8) for `--duration` seconds (10) after `--warmup` seconds
    (2), with bench/httpload.py (wrk cannot be installed here; that one is a small asyncio HTTP/1.1 client). A page
    with any response other than a 200 carrying the page (a redirect to the login page means the member's session
    did not hold) is not reported;
  - prints page, who, req/s, p50 and p95 in ms and the share of the ceiling (`/healthz`: one trivial view with one
    `SELECT 1`, the most this stack can serve); checks the targets of issue 18; writes the pages section of
    docs/benchmarks.md.
Pages: /healthz (the ceiling, once), then as visitor and as member: the Dutch home page, the first Dutch protocol
page, the first Dutch training page, the first thread of a public forum group, and a search (`--search`, "mediator").

The load generator runs on the same machine and takes part of the same CPU cores as the server; the report gives its
share. Figures from a busy machine (other work running) are lower and noisier: the load average at the start is
printed and written with them. Compare pages within one run (the share of the ceiling) rather than runs on different
days.

The targets (issue 18): the anonymous protocol page serves at least 50 % of the ceiling's req/s, and the member's
protocol page at least twice what it did before the page cache. "Before" is a run recorded with `--record-baseline`
on the code without the cache (kept in docs/benchmarks.md with its commit); `--baseline N` gives a figure instead.
`--app DIR` serves another checkout (e.g. a git worktree of the commit before a change), so before and after can be
measured back to back with the same benchmark.
"""

# ruff: noqa: S603, S607 -- subprocesses of our own interpreter and git, with fixed arguments.

import argparse
import importlib
import json
import os
import re
import secrets
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote, urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

# Loaded once the project root is on the path, and before anything can put another checkout (--app) on it: these
# stay this checkout's modules. (An import statement here would sit below code.)
load = importlib.import_module("bench.httpload")
report = importlib.import_module("bench.report")

BENCH_DB = "kennisplatform_bench_pages"
HOST = "127.0.0.1"
MEMBER = "lid@almere.example"  # the demo member (accounts/demo.py); password: accounts.demo.DEMO_PASSWORD
SECTION = "pages"
CEILING_SHARE_TARGET = 0.5  # the anonymous protocol page against /healthz
MEMBER_SPEED_UP_TARGET = 2.0  # the member's protocol page against "before"
LOGGED_IN = b"/accounts/logout/"  # the log-out form: only a signed-in page has it
PROXY_HEADERS = (("X-Forwarded-Proto", "https"), ("X-Forwarded-For", HOST))


@dataclass(frozen=True)
class Page:
    label: str
    path: str
    marker: bytes  # in the body of the real page


@dataclass
class Row:
    label: str
    who: str
    path: str
    result: load.Result
    set_cookie: str = ""
    cache_control: str = ""
    vary: str = ""


# --- the data ---------------------------------------------------------------------------------------------------


def manage(app: Path, *args: str, settings: str, env: dict) -> None:
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=app,
        env={**env, "DJANGO_SETTINGS_MODULE": f"config.settings.{settings}"},
        check=True,
    )


def build(app: Path, env: dict, *, demo: bool) -> None:
    """Migrate and load the demo content (development settings: production refuses demo content), then the release
    step's tables and files under the production settings."""
    started = time.perf_counter()
    manage(app, "migrate", "--no-input", "-v", "0", settings="dev", env=env)
    if demo:
        print("Loading the demo content…", flush=True)
        manage(app, "demo_content", settings="dev", env={**env, "LOG_LEVEL": "WARNING"})
    manage(app, "createcachetable", settings="production", env=env)
    manage(app, "collectstatic", "--no-input", "-v", "0", settings="production", env=env)
    manage(app, "compilemessages", "--ignore=.venv", "--ignore=node_modules", "-v", "0", settings="dev", env=env)
    print(f"  database ready in {time.perf_counter() - started:.0f} s", flush=True)


def discover(app: Path, env: dict, search_text: str) -> tuple[list[Page], str, str]:
    """The pages to load, the member's password and the machine's description, asked of the served checkout in a
    process of its own (its models and migrations, not necessarily this checkout's; no Django in the load
    generator's process)."""
    found = subprocess.run(
        [sys.executable, __file__, "--discover", search_text],
        cwd=app,
        env={**env, "DJANGO_SETTINGS_MODULE": "config.settings.dev", "PYTHONPATH": str(app)},
        check=True,
        capture_output=True,
        text=True,
    )
    answer = json.loads(found.stdout.strip().splitlines()[-1])
    pages = [Page(label, path, marker.encode()) for label, path, marker in answer["pages"]]
    return pages, answer["password"], answer["machine"]


def discover_here(search_text: str) -> None:
    """--discover: run inside the served checkout (the working directory), print what `discover` returns as JSON."""
    sys.path.insert(0, os.getcwd())
    import django

    django.setup()
    from accounts.demo import DEMO_PASSWORD

    pages = [(page.label, page.path, page.marker.decode()) for page in demo_pages(search_text)]
    print(json.dumps({"pages": pages, "password": DEMO_PASSWORD, "machine": report.machine()}))


def demo_pages(search_text: str) -> list[Page]:
    """The pages to load, found in the demo content (the first of each kind in tree order), with their markers."""
    from django.urls import reverse
    from django.utils import translation
    from django.utils.html import escape
    from wagtail.models import Page as WagtailPage

    from forum.models import ForumGroup, PostStatus, Thread
    from knowledge.models import HomePage
    from knowledge.training.models import TrainingModulePage
    from protocols.models import ProtocolPage

    def first(model):
        page = WagtailPage.objects.live().public().type(model).filter(locale__language_code="nl").order_by("path")
        page = page.first()
        if page is None:
            sys.exit(f"The demo content has no public Dutch {model.__name__}.")
        return page.specific

    home, protocol, training = first(HomePage), first(ProtocolPage), first(TrainingModulePage)
    thread = (
        Thread.objects.filter(group__visibility=ForumGroup.Visibility.PUBLIC, status=PostStatus.PUBLISHED)
        .order_by("pk")
        .first()
    )
    if thread is None:
        sys.exit("The demo content has no thread in a public forum group.")
    with translation.override("nl"):
        thread_path = thread.get_absolute_url()
        search_path = reverse("search:search") + "?" + urlencode({"q": search_text})

    def title(text: str) -> bytes:
        return str(escape(text)).encode()

    return [
        Page("home", home.url, b'id="home-title"'),
        Page("protocol page", protocol.url, title(protocol.title)),
        Page("training page", training.url, title(training.title)),
        Page("forum thread", thread_path, title(thread.title)),
        Page(f"search “{search_text}”", search_path, b'class="site-list__item search-hit"'),
    ]


# --- the server -------------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def start_server(app: Path, env: dict, port: int, args, log_path: Path) -> subprocess.Popen:
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "config.wsgi:application",
        "--preload",
        "--bind",
        f"{HOST}:{port}",
        "--workers",
        str(args.workers),
        "--worker-class",
        args.worker_class,
        "--threads",
        str(args.threads),
        "--no-control-socket",
        "--timeout",
        "60",
    ]
    log = log_path.open("w")
    server = subprocess.Popen(
        command,
        cwd=app,
        env={**env, "DJANGO_SETTINGS_MODULE": "config.settings.production"},
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"gunicorn stopped at start-up:\n{log_path.read_text()[-3000:]}")
        try:
            if fetch(port, "/healthz")[0] == 200:
                return server
        except OSError:
            pass
        time.sleep(0.3)
    stop_server(server)
    sys.exit(f"gunicorn did not answer /healthz within a minute:\n{log_path.read_text()[-3000:]}")


def stop_server(server: subprocess.Popen) -> None:
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def fetch(port: int, path: str, *, headers=(), data: dict | None = None):
    """One request outside the measurement, through the load balancer's headers (a form post from the site)."""
    origin = {"Origin": f"https://{HOST}:{port}"} if data is not None else {}
    return load.fetch(HOST, port, path, headers=dict(PROXY_HEADERS) | origin | dict(headers), data=data)


def log_in(port: int, password: str) -> str:
    """Sign the demo member in through the login form; returns the Cookie header of the session."""
    path = f"/nl/accounts/login/?next={quote('/nl/')}"
    status, headers, body = fetch(port, path)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
    cookies = load.cookies_from(headers)
    if status != 200 or token is None:
        sys.exit(f"The login page answered {status} without a form to sign in with.")
    form = {"csrfmiddlewaretoken": token.group(1).decode(), "username": MEMBER, "password": password}
    # Whatever the login page set (the CSRF cookie, or a session holding the token) goes back with the form.
    sent = {"Cookie": "; ".join(f"{name}={value}" for name, value in cookies.items())} if cookies else {}
    status, headers, _body = fetch(port, path, headers=sent, data=form)
    cookies |= load.cookies_from(headers)
    if status != 302 or "sessionid" not in cookies:
        sys.exit(f"Signing in as {MEMBER} failed (answer {status}, no session cookie).")
    return "; ".join(f"{name}={value}" for name, value in cookies.items())


# --- the measurement --------------------------------------------------------------------------------------------


def targets(pages: list[Page], session: str) -> list[tuple[str, str, load.Target]]:
    ceiling = load.Target("/healthz", PROXY_HEADERS, expect=(b'"ok"',))
    found = [("/healthz (ceiling)", "", ceiling)]
    for page in pages:
        found.append((page.label, "visitor", load.Target(page.path, PROXY_HEADERS, (page.marker,), (LOGGED_IN,))))
        member_headers = (*PROXY_HEADERS, ("Cookie", session))
        found.append((page.label, "member", load.Target(page.path, member_headers, (page.marker, LOGGED_IN))))
    return found


def check_once(port: int, target: load.Target) -> tuple[str, str, str]:
    """Ask once and refuse to go on unless it is the real page: (Set-Cookie names, Cache-Control, Vary)."""
    status, headers, body = fetch(port, target.path, headers=target.headers)
    if status != 200 or not target.body_ok(body):
        where = dict(headers).get("Location", "")
        who = "member" if dict(target.headers).get("Cookie") else "visitor"
        sys.exit(
            f"{target.path} ({who}) answered {status}"
            f"{' → ' + where if where else ''}"
            f"{'' if status != 200 else ' without the expected page'}; nothing measured."
        )
    named = {name.lower(): value for name, value in headers}
    return ", ".join(sorted(load.cookies_from(headers))), named.get("cache-control", ""), named.get("vary", "")


def measure(port: int, plan, args) -> list[Row]:
    rows = []
    checked = [(label, who, target, check_once(port, target)) for label, who, target in plan]
    for label, who, target, (set_cookie, cache_control, vary) in checked:
        result = load.run(HOST, port, target, connections=args.connections, warmup=args.warmup, duration=args.duration)
        row = Row(label, who, target.path, result, set_cookie, cache_control, vary)
        rows.append(row)
        if result.all_ok:
            p50, p95 = load.percentile(result.latencies, 0.5), load.percentile(result.latencies, 0.95)
            print(
                f"  {label:28} {who:8} {result.per_second:8.1f} req/s   p50 {p50:7.1f} ms   p95 {p95:7.1f} ms",
                flush=True,
            )
        else:
            print(f"  {label:28} {who:8} NOT REPORTED: {result.problems()}", flush=True)
    return rows


# --- the report -------------------------------------------------------------------------------------------------


def table(rows: list[Row]) -> list[str]:
    ceiling = rows[0].result.per_second if rows and rows[0].result.all_ok else 0.0
    lines = [
        "| page | who | req/s | p50 ms | p95 ms | % of ceiling | Set-Cookie | Cache-Control | Vary |",
        "|---|---|---:|---:|---:|---:|---|---|---|",
    ]
    for row in rows:
        result = row.result
        headers = f"{row.set_cookie or '—'} | {row.cache_control or '—'} | {row.vary or '—'}"
        if not result.all_ok:
            lines.append(f"| {row.label} | {row.who} | not reported: {result.problems()} | | | | {headers} |")
            continue
        share = f"{100 * result.per_second / ceiling:.0f} %" if ceiling else ""
        p50, p95 = load.percentile(result.latencies, 0.5), load.percentile(result.latencies, 0.95)
        figures = f"{result.per_second:.1f} | {p50:.1f} | {p95:.1f} | {share}"
        lines.append(f"| {row.label} | {row.who} | {figures} | {headers} |")
    return lines


def figure(lines: list[str], label: str, who: str) -> float | None:
    """A req/s figure read back from a table written by `table`."""
    pattern = re.compile(rf"^\| {re.escape(label)} \| {re.escape(who)} \| ([\d.]+) \|")
    for line in lines:
        if match := pattern.match(line):
            return float(match.group(1))
    return None


def check_targets(rows: list[Row], before: float | None, before_ceiling: float | None = None) -> list[str]:
    """The targets of issue 18, one line each: the anonymous protocol page against the ceiling, the member's
    protocol page against "before" (with the same comparison relative to each run's ceiling, since the machine may
    have been busier in one run than in the other)."""
    rps = {(row.label, row.who): row.result.per_second for row in rows if row.result.all_ok}
    ceiling = rps.get(("/healthz (ceiling)", ""))
    visitor, member = rps.get(("protocol page", "visitor")), rps.get(("protocol page", "member"))
    lines = []
    if ceiling and visitor:
        share = visitor / ceiling
        verdict = "met" if share >= CEILING_SHARE_TARGET else "NOT met"
        lines.append(
            f"- anonymous protocol page ≥ {CEILING_SHARE_TARGET:.0%} of the ceiling's req/s: "
            f"{visitor:.1f} / {ceiling:.1f} = {share:.0%}: **{verdict}**"
        )
    else:
        lines.append("- anonymous protocol page against the ceiling: not measured")
    if member and before:
        speed_up = member / before
        verdict = "met" if speed_up >= MEMBER_SPEED_UP_TARGET else "NOT met"
        line = (
            f"- member's protocol page ≥ {MEMBER_SPEED_UP_TARGET:g}× before: {member:.1f} / {before:.1f} req/s = "
            f"{speed_up:.2f}×: **{verdict}**"
        )
        lines.append(line)
        if ceiling and before_ceiling:
            relative = (member / ceiling) / (before / before_ceiling)
            verdict = "met" if relative >= MEMBER_SPEED_UP_TARGET else "NOT met"
            lines.append(
                f"- the same as shares of each run's ceiling (which hold better when one run had a busier machine): "
                f"{member / ceiling:.1%} / {before / before_ceiling:.1%} = {relative:.2f}×: **{verdict}**"
            )
    elif member:
        lines.append(
            "- member's protocol page against before: no baseline (record one with --record-baseline on the code "
            "before the cache, or pass --baseline)"
        )
    else:
        lines.append("- member's protocol page: not measured")
    return lines


def recorded_before(path: Path) -> list[str]:
    """The "Before" part of the pages section already in docs/benchmarks.md (kept when the section is rewritten)."""
    if not path.exists():
        return []
    start, end = report.markers(SECTION)
    text = path.read_text()
    if start not in text or end not in text:
        return []
    section = text.split(start, 1)[1].split(end, 1)[0].strip("\n").splitlines()
    for number, line in enumerate(section):
        if line.startswith("### Before"):
            return section[number:]
    return []


def app_commit(app: Path) -> str:
    """The commit of the code served: the last one outside bench/, docs/, tests/ and Markdown, marked when it has
    changes."""

    def git(*args):
        return subprocess.run(["git", *args], cwd=app, capture_output=True, text=True).stdout.strip()

    outside = [".", ":!bench", ":!docs", ":!tests", ":!*.md"]
    commit = git("log", "-1", "--format=%h", "--", *outside) or "unknown"
    return commit + (" with uncommitted changes" if git("status", "--porcelain", "--", *outside) else "")


def describe_run(rows: list[Row], args, settings: dict) -> list[str]:
    cpu = sum(row.result.client_cpu for row in rows) / max(1e-9, sum(row.result.seconds for row in rows))
    server = f"gunicorn, {args.workers} {args.worker_class} workers" + (
        f" × {args.threads} threads" if args.threads > 1 else ""
    )
    return [
        f"Machine: {settings['machine']}; load average {', '.join(f'{value:.2f}' for value in settings['load'])} "
        "(1, 5, 15 min) when the run started."
        + (
            f" **The machine was busy** (other work running: a load average above its {os.cpu_count()} cores), so "
            "every figure is lower and noisier than on a quiet machine; the shares of the ceiling hold better than "
            "the absolute figures."
            if settings["load"][0] > (os.cpu_count() or 1)
            else ""
        ),
        f"Served: the code at commit {settings['commit']}, production settings, {server}, "
        f"{settings['database']}, on 127.0.0.1. Load: {args.connections} connections, {args.duration:g} s per page "
        f"after {args.warmup:g} s warm-up, from bench/httpload.py on the same machine: it used {cpu:.0%} of one core "
        "during the measurements, taken from the same cores the server runs on.",
        f"Generated {datetime.now(UTC):%Y-%m-%d %H:%M} UTC by `{settings['command']}`.",
        "",
        *table(rows),
        "",
        "Pages: " + ", ".join(f"{row.label} `{row.path}`" for row in rows if row.who != "member") + ".",
    ]


def write_report(path: Path, rows: list[Row], args, settings: dict, before: list[str], check: list[str]) -> None:
    lines = [
        "## Pages",
        "",
        "Requests per second and latency of the demo content's pages, served with the production settings under "
        "gunicorn (see the docstring of bench/pages.py). % of ceiling: the page's req/s against `/healthz` in the "
        "same run. Set-Cookie (names), Cache-Control and Vary: what the page answered.",
        "",
        "A fair before and after runs both back to back on an idle machine: the code before the change from a "
        "checkout of its commit (`git worktree add /tmp/before <commit>` with this checkout's node_modules linked "
        "into it) with `--app /tmp/before --record-baseline NOTE`, then this checkout without flags.",
        "",
    ]
    if args.record_baseline:
        before = [f"### Before: {settings['note']}", "", *describe_run(rows, args, settings)]
    else:
        lines += ["### Latest run", "", *describe_run(rows, args, settings), "", "Targets (issue 18):", "", *check, ""]
    report.write_section(path, SECTION, lines + before)
    print(f"Wrote {path}")


# --- the run ----------------------------------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--data",
        help="keep the SQLite database here and reuse it when it is there (default: a temporary folder, removed "
        "afterwards); give a new folder after changing the demo content",
    )
    parser.add_argument(
        "--app",
        default=str(ROOT),
        help="the checkout to serve (default: this one); e.g. a git worktree of the commit before a change, to "
        "measure before and after with the same benchmark on the same day",
    )
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--worker-class", default="sync")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--duration", type=float, default=10.0, help="seconds measured per page")
    parser.add_argument("--warmup", type=float, default=2.0, help="seconds per page before measuring")
    parser.add_argument("--search", default="mediator", help="the search to load")
    parser.add_argument(
        "--baseline",
        type=float,
        help="req/s of the member's protocol page before the cache (default: the one recorded in docs/benchmarks.md)",
    )
    parser.add_argument(
        "--record-baseline",
        metavar="NOTE",
        help="write this run as the 'Before' figures, with NOTE saying what it is (e.g. 'main, no page cache')",
    )
    parser.add_argument("--output", default=str(ROOT / "docs" / "benchmarks.md"))
    parser.add_argument("--discover", metavar="SEARCH", help=argparse.SUPPRESS)  # the inner process of `discover`
    args = parser.parse_args()
    if args.discover is not None:
        discover_here(args.discover)
        return
    app, output = Path(args.app).resolve(), Path(args.output)
    if not (app / "node_modules").exists():
        # collectstatic takes the NL Design System CSS and htmx from there (config/settings/base.py).
        sys.exit(f"{app} has no node_modules: run `npm ci` there or link this checkout's (ln -s {ROOT}/node_modules).")
    settings = {
        "load": os.getloadavg(),
        "commit": app_commit(app),
        "command": shlex.join([".venv/bin/python", "bench/pages.py", *sys.argv[1:]]),
        "note": args.record_baseline,
    }
    if settings["note"] is not None:
        settings["note"] += f" (commit {settings['commit']})"
    run(args, app, output, settings)


def run(args, app: Path, output: Path, settings: dict) -> None:
    postgres = os.environ.get("DATABASE_URL", "").startswith("postgres")
    temporary = None if args.data else tempfile.mkdtemp(prefix="bench-pages-")
    folder = Path(args.data or temporary).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    admin = server = None
    try:
        if postgres:
            from bench import throwaway

            admin = throwaway.create(BENCH_DB)
            fresh, settings["database"] = True, "PostgreSQL (a throwaway database)"
        else:
            os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'db.sqlite3'}"
            fresh, settings["database"] = not (folder / "built").exists(), "SQLite"
        env = {
            **os.environ,
            "SECRET_KEY": secrets.token_urlsafe(64),
            "ALLOWED_HOSTS": HOST,
            "SITE_URL": f"https://{HOST}",
            "STATIC_ROOT": str(folder / "static"),
            "ERASURE_JOURNAL_DIR": str(folder / "erasure-journal"),
        }
        print(f"{'Building' if fresh else 'Reusing'} the demo database in {BENCH_DB if postgres else folder}…")
        build(app, env, demo=fresh)
        (folder / "built").touch()
        pages, password, settings["machine"] = discover(app, env, args.search)

        port = free_port()
        server = start_server(app, env, port, args, folder / "gunicorn.log")
        plan = targets(pages, log_in(port, password))
        print(f"Measuring {len(plan)} pages, {args.warmup:g} + {args.duration:g} s each…", flush=True)
        rows = measure(port, plan, args)
        stop_server(server)
        server = None
    finally:
        if server is not None:
            stop_server(server)
        if admin is not None:
            from bench import throwaway

            throwaway.drop(admin, BENCH_DB)
        if temporary:
            shutil.rmtree(temporary, ignore_errors=True)

    before = recorded_before(output)
    baseline = args.baseline or figure(before, "protocol page", "member")
    before_ceiling = None if args.baseline else figure(before, "/healthz (ceiling)", "")
    check = [] if args.record_baseline else check_targets(rows, baseline, before_ceiling)
    print()
    print("\n".join(table(rows)))
    print()
    print("Targets (issue 18):" if check else "Recorded as the 'Before' figures.")
    print("\n".join(check))
    write_report(output, rows, args, settings, before, check)
    if not all(row.result.all_ok for row in rows):
        sys.exit("Some pages answered other than with a 200 and the page: see the table.")


if __name__ == "__main__":
    main()
