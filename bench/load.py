"""Load-and-fault run: the platform under a mixed load of visitors and members while its database restarts, its
web server reloads and its task worker is killed, with every acknowledged write checked in the database afterwards.

Anyone can run it; it needs nothing but the project's virtualenv and the PostgreSQL server binaries (two minutes of
load and at most one and a half of draining the task queue, after one to four building the data; nothing listens beyond
127.0.0.1):

    .venv/bin/python bench/load.py                      # prints the tables and the verdict on each target
    .venv/bin/python bench/load.py --write-docs         # and writes them into docs/reliability.md ("Latest run")
    .venv/bin/python bench/load.py --write-docs before --note "main before the fixes"   # the "Before" section
    .venv/bin/python bench/load.py --worker-command "platform/bin/start-worker --some-flag"

What it does, in one run (docs/reliability.md says it for readers):
  - starts its own throwaway PostgreSQL cluster (bench/load_stack.py; so that it can restart it), builds the demo
    content in it as bench/pages.py does (migrate, demo_content, createcachetable, collectstatic), and adds members:
    the demo member lid@almere.example and `--members - 1` more of Gemeente Almere, all in the forum group of the
    first public thread and watching it, each with a dilemma worksheet;
  - serves it with the production settings through platform/bin/start-web (gunicorn, gthread, `--web-workers`
    processes × 4 threads) and runs one task worker through `--worker-command` (platform/bin/start-worker), with a
    loopback SMTP server taking the mail;
  - drives `--visitors` visitors (pages and searches) and `--members` members (bench/load_users.py: they sign in
    through the login form, then reply, autosave, enrol and cancel, report and read), each sending one request
    after another with a pause of one to three seconds;
  - in phases of `--phase-seconds` each: steady; PostgreSQL restarted (`pg_ctl restart -m fast`) a third of the way
    in, the seconds it does not answer measured by a probe connecting every 50 ms; gunicorn reloaded gracefully
    (SIGHUP to its master) a third of the way in; the task worker killed with SIGKILL a third of the way in (as soon
    as it has a task in hand, if one comes within 8 s) and started again 5 s later; recovery;
  - stops the load, waits up to `--drain` seconds for the task queue to empty (long enough for a worker that
    re-runs a killed worker's task once its lease ran out: TASK_WORKER_LEASE_TIMEOUT, passed on from this
    process's environment like every other setting), and looks up every write in the
    database by its marker: acknowledged against stored (lost, duplicated, stored but unacknowledged), and every
    task enqueued during the run by its status;
  - prints the tables and whether each target of issue 20 is met (bench/load_accounting.py), and with
    `--write-docs` writes them, with the machine, into docs/reliability.md (the other section stays as it is). It
    exits non-zero when a target is not met.
"""

# ruff: noqa: S603 -- subprocesses of our own interpreter, with fixed arguments.

import argparse
import asyncio
import contextlib
import importlib
import json
import os
import re
import secrets
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

# Loaded once the project root is on the path (an import statement here would sit below code).
accounting = importlib.import_module("bench.load_accounting")
stack = importlib.import_module("bench.load_stack")
users = importlib.import_module("bench.load_users")
pages = importlib.import_module("bench.pages")
report = importlib.import_module("bench.report")
throwaway = importlib.import_module("bench.throwaway")

DATABASE = "kennisplatform_bench_load"
DEMO_MEMBER = "lid@almere.example"
SECTIONS = {"latest": "Latest run", "before": "Before"}  # docs/reliability.md's result sections
RELOAD_PHASE = "graceful reload"
PHASES = {
    "steady": "load only",
    "database restart": "`pg_ctl restart -m fast` a third of the way in",
    RELOAD_PHASE: "SIGHUP to gunicorn's master a third of the way in",
    "worker killed": "SIGKILL to the task worker a third of the way in (with a task in hand if one comes within 8 s), "
    "started again 5 s later",
    "recovery": "load only",
}


# --- inside the served checkout (processes of their own, with Django) -------------------------------------------


def django_here() -> None:
    sys.path.insert(0, os.getcwd())
    import django

    django.setup()


def prepare_here(count: int) -> None:
    """--prepare: the members and what they act on, made in the demo database; prints the plan as JSON."""
    django_here()
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Page

    from accounts.demo import DEMO_PASSWORD, demo_person
    from forum import services as forum_services
    from forum.models import ForumGroup, GroupMembership, PostStatus, Thread, ThreadWatch
    from forum.moderation import services as moderation_services
    from knowledge.dilemmas.models import DilemmaPlanPage
    from knowledge.dilemmas.services import start_worksheet
    from knowledge.training.models import TrainingSession

    thread = (
        Thread.objects.filter(group__visibility=ForumGroup.Visibility.PUBLIC, status=PostStatus.PUBLISHED, locked=False)
        .order_by("pk")
        .first()
    )
    plan = Page.objects.live().public().type(DilemmaPlanPage).filter(locale__language_code="en").first()
    sessions = [
        session.pk
        for session in TrainingSession.objects.on_live_modules().select_related("page")
        if session.is_open and session.page.live and session.page.get_view_restrictions().count() == 0
    ]
    if thread is None or plan is None or not sessions:
        sys.exit("The demo content has no public thread, no English dilemma plan or no open training session.")
    demo = get_user_model().objects.get(email=DEMO_MEMBER)
    with transaction.atomic():
        people = [demo] + [
            demo_person(f"belasting{number:02d}@almere.example", "Belasting", f"Lid {number}", "en", "almere")
            for number in range(1, count)
        ]
        # One hash for all: hashing a password takes a noticeable fraction of a second, the same one works for all.
        if people[1:]:
            people[1].set_password(DEMO_PASSWORD)
            get_user_model().objects.filter(pk__in=[person.pk for person in people[1:]]).update(
                password=people[1].password
            )
        members = []
        for person in people:
            GroupMembership.objects.update_or_create(
                group=thread.group,
                user=person,
                defaults={"status": GroupMembership.Status.ACTIVE, "decided_at": timezone.now()},
            )
            ThreadWatch.objects.get_or_create(thread=thread, user=person)
            worksheet = start_worksheet(person, plan.specific, "Load test")
            members.append({"email": person.email, "worksheet": worksheet.pk})
    visitor_paths = [page.path for page in pages.demo_pages("mediator")]
    visitor_paths += [f"/nl/search/?q={word}" for word in ("bezwaar", "gesprek", "protocol", "intervisie")]
    answer = {
        "password": DEMO_PASSWORD,
        "thread": thread.pk,
        "watchers": ThreadWatch.objects.filter(thread=thread).count(),
        "sessions": sessions,
        "members": members,
        "visitor_paths": visitor_paths,
        "post_limit": forum_services.POST_LIMIT - 1,
        "report_limit": moderation_services.REPORT_LIMIT - 1,
        "machine": report.machine(),
    }
    print(json.dumps(answer))


def check_here(since: str) -> None:
    """--check: the ledger (JSON on stdin) looked up in the database; prints what is stored as JSON."""
    django_here()
    from django.contrib.contenttypes.models import ContentType
    from django_tasks_db.models import DBTaskResult

    from forum.models import Post, PostStatus, ThreadWatch
    from forum.moderation.models import Report
    from knowledge.dilemmas.models import Worksheet
    from knowledge.training.models import Enrolment
    from notifications.models import Notification
    from search.models import SearchDocument

    ledger = json.load(sys.stdin)
    start = datetime.fromisoformat(since)
    found = re.compile(r"lastmerk[a-z]{14}")
    posts = {}
    for post in Post.objects.filter(body_markdown__contains="lastmerk").select_related("author", "thread"):
        for text in found.findall(post.body_markdown):
            posts.setdefault(text, []).append(post)
    replies = Counter({text: len(stored) for text, stored in posts.items()})
    reports = Counter(text for body in Report.objects.values_list("text", flat=True) for text in found.findall(body))
    worksheets = Worksheet.objects.filter(pk__in=[int(pk) for pk in ledger["autosaves"]])
    autosaves = {str(sheet.pk): next(iter(found.findall(sheet.personal_perspective)), None) for sheet in worksheets}
    enrolments: dict[str, list[int]] = {email: [] for email in ledger["emails"]}
    for email, pk in Enrolment.objects.filter(user__email__in=ledger["emails"], created_at__gte=start).values_list(
        "user__email", "pk"
    ):
        enrolments[email].append(pk)
    existing = Enrolment.objects.filter(pk__in=ledger["enrolments_acknowledged"]).values_list("pk", flat=True)
    cancelled = Enrolment.objects.filter(pk__in=[int(pk) for pk in ledger["cancellations"]], status="cancelled")
    tasks = [
        {"status": status, "task": path, "workers": len(set(workers or []))}
        for status, path, workers in DBTaskResult.objects.filter(enqueued_at__gte=start).values_list(
            "status", "task_path", "worker_ids"
        )
    ]
    post_type = ContentType.objects.get_for_model(Post)
    published = [post for stored in posts.values() for post in stored if post.status == PostStatus.PUBLISHED]
    indexed = set(
        SearchDocument.objects.filter(source_type=post_type, source_id__in=[post.pk for post in published]).values_list(
            "source_id", flat=True
        )
    )
    missing_notifications = 0
    for post in published:
        # Everybody watching when the reply was written, but its author, gets a notification about it.
        watchers = ThreadWatch.objects.filter(thread=post.thread_id, created_at__lte=post.created_at)
        expected = watchers.exclude(user=post.author_id).count()
        notified = Notification.objects.filter(target_type=post_type, object_id=post.pk).count()
        missing_notifications += max(0, expected - notified)
    print(
        json.dumps(
            {
                "replies": replies,
                "reports": reports,
                "autosaves": autosaves,
                "enrolments": enrolments,
                "enrolments_existing": list(existing),
                "cancelled": [str(pk) for pk in cancelled.values_list("pk", flat=True)],
                "tasks": tasks,
                "published_replies": len(published),
                "replies_not_indexed": len(published) - len(indexed),
                "notifications_missing": missing_notifications,
            }
        )
    )


def inner(app: Path, env: dict, *args: str, stdin: str = "") -> dict:
    found = subprocess.run(
        [sys.executable, __file__, *args],
        cwd=app,
        env={**env, "DJANGO_SETTINGS_MODULE": "config.settings.dev", "PYTHONPATH": str(app), "LOG_LEVEL": "WARNING"},
        input=stdin,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(found.stdout.strip().splitlines()[-1])


# --- the run ----------------------------------------------------------------------------------------------------


class Probe:
    """Connects to the database every 50 ms while running; `window` is the time it did not answer: from the last
    answer before the first miss to the first answer after it."""

    def __init__(self, url: str):
        self.url, self.window = url, None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        last_ok, missed = time.monotonic(), None
        while not self._stop.is_set():
            if stack.answers(self.url):
                if missed is not None and self.window is None:
                    self.window = accounting.Window(last_ok, time.monotonic())
                last_ok, missed = time.monotonic(), None
            elif missed is None:
                missed = time.monotonic()
            time.sleep(0.05)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


async def wait_until_up(port: int, process, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not process.running():
            sys.exit(f"{process.name} stopped at start-up:\n{process.tail()}")
        try:
            status, _headers, _body = await users.httpload.request(
                stack.HOST, port, "GET", "/healthz", headers=users.PROXY_HEADERS, timeout=5
            )
            if status == 200:
                return
        except (OSError, TimeoutError, asyncio.IncompleteReadError):
            pass
        await asyncio.sleep(0.3)
    sys.exit(f"{process.name} did not answer /healthz within {seconds:g} s:\n{process.tail()}")


TASKS = "django_tasks_database_dbtaskresult"  # django_tasks_db's table (its app label is django_tasks_database)


def count_tasks(url: str, since: datetime, *statuses: str, started_since: datetime | None = None) -> int | None:
    """Tasks enqueued since `since` in one of `statuses` (and started since `started_since`: claimed by the worker
    running now, not one that died earlier); None when the database cannot be read."""
    import psycopg

    query = f"SELECT count(*) FROM {TASKS} WHERE enqueued_at >= %s AND status = ANY(%s)"  # noqa: S608 -- a constant
    if started_since is not None:
        query += " AND started_at >= %s"
    try:
        with psycopg.connect(url, connect_timeout=2) as connection:
            values = (since, list(statuses), *([started_since] if started_since else []))
            return connection.execute(query, values).fetchone()[0]
    except psycopg.Error as error:
        print(f"  (the task queue could not be read: {error})", flush=True)
        return None


async def fault(name: str, cluster, web, worker, url: str, since: datetime) -> str:
    """Break what the phase is about; returns a line for the log of events."""
    if name == "database restart":
        started = time.monotonic()
        await asyncio.to_thread(cluster.restart)
        return f"PostgreSQL restarted (pg_ctl took {time.monotonic() - started:.1f} s)"
    if name == RELOAD_PHASE:
        web.popen.send_signal(signal.SIGHUP)
        return "gunicorn master sent SIGHUP"
    if name == "worker killed":
        # Killed with a task in hand if one comes within 8 s (the tasks are short: it may not).
        deadline, running = time.monotonic() + 8, 0
        while time.monotonic() < deadline and not running and worker.running():
            running = await asyncio.to_thread(count_tasks, url, since, "RUNNING", started_since=worker.started_at)
            await asyncio.sleep(0 if running else 0.05)
        alive = worker.running()
        worker.supervised = False
        await asyncio.to_thread(worker.kill)
        await asyncio.sleep(5)
        await asyncio.to_thread(worker.start)
        worker.supervised = True
        if not alive:
            return "task worker found not running when it was to be killed; started again 5 s later"
        return f"task worker killed (SIGKILL) with {running or 0} task(s) in hand, and started again 5 s later"
    return ""


async def drain(url: str, since: datetime, seconds: float) -> float:
    """Wait until no task enqueued since `since` is waiting or running (or `seconds` passed); returns the wait."""
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if await asyncio.to_thread(count_tasks, url, since, "READY", "RUNNING") == 0:
            break
        await asyncio.sleep(1)
    return time.monotonic() - started


async def load_run(args, app: Path, env: dict, plan: dict, cluster, folder: Path) -> dict:
    """Serve, load, break, drain: returns what happened (samples, ledger, down window, events)."""
    sink = stack.SmtpSink()
    await sink.start()
    env = {**env, "EMAIL_HOST": stack.HOST, "EMAIL_PORT": str(sink.port)}
    port = stack.free_port()
    web = stack.web(app, env, port, args.web_workers, folder / "gunicorn.log")
    worker = stack.worker(app, env, args.worker_command, folder / "worker.log")
    web.start()
    worker.start()
    recorder = users.Recorder(stack.HOST, port)
    ledger = users.Ledger()
    events: list[str] = []
    probe = down = None
    supervisor = asyncio.ensure_future(stack.supervise([web, worker], lambda: recorder.phase))
    try:
        await wait_until_up(port, web)
        since = datetime.now(UTC)
        url = cluster.url.rsplit("/", 1)[0] + f"/{DATABASE}"
        origin = f"https://{stack.HOST}:{port}"
        member_plan = users.Plan(
            plan["password"], plan["thread"], plan["sessions"], plan["post_limit"], plan["report_limit"], origin
        )
        members = [users.Member(member["email"], member["worksheet"]) for member in plan["members"]]
        signed_in = asyncio.ensure_future(
            asyncio.gather(*(users.sign_in(recorder, member, plan["password"]) for member in members))
        )
        people = [asyncio.ensure_future(users.visitor(recorder, plan["visitor_paths"])) for _ in range(args.visitors)]
        people += [
            asyncio.ensure_future(users.member_life(recorder, member, member_plan, ledger, signed_in))
            for member in members
        ]
        signed = await signed_in
        if not all(signed):
            raise SystemExit(f"{signed.count(False)} of {len(members)} members could not sign in:\n{web.tail()}")
        print(f"  {len(members)} members signed in, {args.visitors} visitors reading", flush=True)
        for name in PHASES:
            recorder.phase = name
            phase_started = time.monotonic()
            print(f"  phase: {name}", flush=True)
            if name == "database restart":
                probe = Probe(url).__enter__()
            await asyncio.sleep(args.phase_seconds / 3)
            event = await fault(name, cluster, web, worker, url, since)
            if event:
                events.append(f"{name}: {event}")
                print(f"    {event}", flush=True)
            await asyncio.sleep(max(0.0, args.phase_seconds - (time.monotonic() - phase_started)))
            if probe is not None:
                probe.__exit__(None, None, None)
                down, probe = probe.window, None
                events.append(
                    f"{name}: the database did not answer for {down.seconds:.2f} s"
                    if down
                    else f"{name}: the probe never found the database down"
                )
        recorder.stopping = True
        await asyncio.wait(people, timeout=users.TIMEOUT + 5)
        waited = await drain(url, since, args.drain)
        events.append(f"drain: waited {waited:.0f} s for the task queue (at most {args.drain:g} s)")
        print(f"  {events[-1]}", flush=True)
        exits = [
            f"the {process.name} exited by itself during {when}" for process in (web, worker) for when in process.exits
        ]
        return {
            "samples": recorder.samples,
            "ledger": ledger,
            "down": down,
            "events": events,
            "exits": exits,
            "since": since,
            "mails": sink.messages,
        }
    finally:
        supervisor.cancel()
        recorder.stopping = True
        if probe is not None:
            probe.__exit__(None, None, None)
        await asyncio.to_thread(worker.stop)
        await asyncio.to_thread(web.stop)
        await sink.stop()


# --- the results ------------------------------------------------------------------------------------------------


def evaluate(run: dict, stored: dict) -> dict:
    samples, ledger, down = run["samples"], run["ledger"], run["down"]
    rows = accounting.phase_rows(samples, ["sign-in", *PHASES], down)
    recovered = accounting.recovery([sample for sample in samples if sample.phase == "database restart"], down)
    writes = [
        accounting.check_markers(
            "forum replies",
            ledger.replies,
            ledger.replies_acknowledged,
            Counter(stored["replies"]),
            "by the marker in the post's text; acknowledged: the redirect to the new post",
        ),
        accounting.check_overwrites(
            "worksheet autosaves",
            {str(key): saves for key, saves in ledger.autosaves.items()},
            stored["autosaves"],
            "each save replaces the last: per worksheet, the text standing must be the last acknowledged save's "
            "or a later one's; stored counts worksheets",
        ),
        accounting.check_rows(
            "enrolments",
            ledger.enrolments,
            ledger.enrolments_acknowledged,
            {email: set(ids) for email, ids in stored["enrolments"].items()},
            set(stored["enrolments_existing"]),
            "by the enrolment id in the redirect (the demo member's may be one of the demo's); more rows made than "
            "requests for a member is a duplicate",
        ),
        accounting.check_markers(
            "enrolment cancellations",
            ledger.cancellations,
            ledger.cancellations_acknowledged,
            Counter(stored["cancelled"]),
            "the enrolment's status is cancelled",
        ),
        accounting.check_markers(
            "reports",
            ledger.reports,
            ledger.reports_acknowledged,
            Counter(stored["reports"]),
            "by the marker in the report's explanation",
        ),
    ]
    tasks = accounting.TaskCheck()
    for task in stored["tasks"]:
        tasks.statuses[task["status"]] += 1
        tasks.by_task.setdefault(task["task"], Counter())[task["status"]] += 1
        tasks.rerun += task["workers"] > 1
    verdicts = accounting.verdicts(rows, writes, tasks, down, recovered, RELOAD_PHASE)
    side_effects = [
        f"{stored['replies_not_indexed']} of {stored['published_replies']} published replies have no search document",
        f"{stored['notifications_missing']} reply notifications to watchers were not created",
        f"{run['mails']} mails reached the SMTP server",
    ]
    return {"rows": rows, "writes": writes, "tasks": tasks, "verdicts": verdicts, "side_effects": side_effects}


def results_lines(run: dict, found: dict, settings: dict, args) -> list[str]:
    down = run["down"]
    busy = settings["load"][0] > (os.cpu_count() or 1)
    return [
        f"Machine: {settings['machine']}; load average {', '.join(f'{value:.2f}' for value in settings['load'])} "
        "(1, 5, 15 min) when the run started."
        + (
            f" **The machine was busy** (other work running: a load average above its {os.cpu_count()} cores): "
            "latencies are longer than on a quiet machine, and the load generator shares the cores with the server."
            if busy
            else ""
        ),
        f"Served: the code at commit {settings['commit']}, production settings, platform/bin/start-web "
        f"({args.web_workers} gthread workers × 4 threads), one task worker (`{args.worker_command}`), PostgreSQL "
        f"{settings['postgres']} (a cluster of the run's own, fsync off). Load: {args.visitors} visitors and "
        f"{len(settings['members'])} members ({settings['watchers']} people watching the thread they reply to), "
        f"{args.phase_seconds:g} s per phase.",
        f"Generated {datetime.now(UTC):%Y-%m-%d %H:%M} UTC by `{settings['command']}`.",
        "",
        "Requests per phase (5xx/no answer outside DB down: not in flight while the database did not answer"
        + (f", {down.seconds:.2f} s measured" if down else ", never measured down")
        + "):",
        "",
        *accounting.phase_table(found["rows"], {"sign-in": "members sign in through the login form", **PHASES}),
        "",
        "Writes, looked up in the database after the run:",
        "",
        *accounting.write_table(found["writes"]),
        "",
        "Tasks enqueued during the run, after the drain:",
        "",
        *accounting.task_table(found["tasks"]),
        "",
        "Side effects: " + "; ".join(found["side_effects"]) + ".",
        "",
        "Events: " + "; ".join(run["events"]) + ".",
        "",
        "Processes: "
        + (
            "; ".join(run["exits"]) + " (started again by the run a second later, as `restart: unless-stopped` does)"
            if run["exits"]
            else "none exited by itself"
        )
        + ".",
        "",
        "Targets (issue 20):",
        "",
        *(verdict.line() for verdict in found["verdicts"]),
    ]


def write_docs(path: Path, section: str, lines: list[str], note: str) -> None:
    text = path.read_text() if path.exists() else ""
    start, end = report.markers(section)
    if start not in text:
        sys.exit(f"{path} has no {start} … {end} section to write the results into.")
    title = SECTIONS[section] + (f": {note}" if note else "")
    report.write_section(path, section, [f"### {title}", "", *lines])
    print(f"Wrote the {section} section of {path}")


@contextlib.contextmanager
def quiet(log: Path):
    """The standard output of this process and its children goes to `log` meanwhile (the demo loader's progress
    would bury the results); shown when it fails."""
    sys.stdout.flush()
    saved = os.dup(1)
    failed = True
    with log.open("w") as file:
        os.dup2(file.fileno(), 1)
        try:
            yield
            failed = False
        finally:
            sys.stdout.flush()
            os.dup2(saved, 1)
            os.close(saved)
            if failed:
                print(log.read_text(errors="replace")[-3000:], file=sys.stderr)


def run(args, app: Path, settings: dict) -> bool:
    folder = Path(tempfile.mkdtemp(prefix="bench-load-"))
    cluster = stack.Cluster(folder)
    try:
        print(f"Starting PostgreSQL in {folder}…", flush=True)
        cluster.start()
        os.environ["DATABASE_URL"] = cluster.url
        throwaway.create(DATABASE).close()
        env = {
            **os.environ,
            "PATH": f"{Path(sys.executable).parent}:{os.environ.get('PATH', '')}",
            "SECRET_KEY": secrets.token_urlsafe(64),
            "ALLOWED_HOSTS": stack.HOST,
            "SITE_URL": f"https://{stack.HOST}",
            "STATIC_ROOT": str(folder / "static"),
            # Production settings that require it refuse to start without (the erasure journal of issue 20).
            "ERASURE_JOURNAL_DIR": str(folder / "erasure-journal"),
            "WORKER_INTERVAL": "0.5",
        }
        print(f"Building the demo database (its output in {folder / 'build.log'})…", flush=True)
        with quiet(folder / "build.log"):
            pages.build(app, env, demo=True)
        plan = inner(app, env, "--prepare", str(args.members))
        settings |= {"machine": plan["machine"], "postgres": cluster.version(), "watchers": plan["watchers"]}
        settings["members"] = plan["members"]
        print(f"Running {len(PHASES)} phases of {args.phase_seconds:g} s…", flush=True)
        happened = asyncio.run(load_run(args, app, env, plan, cluster, folder))
        ledger = json.dumps(happened["ledger"].as_json())
        stored = inner(app, env, "--check", happened["since"].isoformat(), stdin=ledger)
        found = evaluate(happened, stored)
        lines = results_lines(happened, found, settings, args)
        print()
        print("\n".join(lines))
        if happened["exits"] and not args.keep:
            print("\nA process exited by itself during the run: --keep DIR keeps the logs that tell why.")
        if args.write_docs:
            write_docs(Path(args.output), args.write_docs, lines, args.note)
        if args.keep:
            Path(args.keep).mkdir(parents=True, exist_ok=True)
            for log in folder.glob("*.log"):
                shutil.copy(log, Path(args.keep) / log.name)
        return all(verdict.met for verdict in found["verdicts"])
    finally:
        cluster.stop()
        shutil.rmtree(folder, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=" ".join(__doc__.split("\n\n")[0].split()))
    parser.add_argument("--app", default=str(ROOT), help="the checkout to serve (default: this one)")
    parser.add_argument("--visitors", type=int, default=44, help="visitors reading and searching")
    parser.add_argument(
        "--members", type=int, default=20, help="members signing in: the demo member and new ones up to this number"
    )
    parser.add_argument("--phase-seconds", type=float, default=20.0)
    parser.add_argument("--drain", type=float, default=90.0, help="seconds to wait for the task queue at the end")
    parser.add_argument("--web-workers", type=int, default=2, help="gunicorn processes (WEB_CONCURRENCY)")
    parser.add_argument(
        "--worker-command",
        default="platform/bin/start-worker",
        help="the task worker, run in the served checkout (default: platform/bin/start-worker)",
    )
    parser.add_argument(
        "--write-docs",
        nargs="?",
        const="latest",
        choices=sorted(SECTIONS),
        help="write the results into --output: the 'latest' section (the default) or the 'before' one",
    )
    parser.add_argument("--note", default="", help="what the run is, for the heading written (e.g. 'main, 113b2ac')")
    parser.add_argument("--output", default=str(ROOT / "docs" / "reliability.md"))
    parser.add_argument("--keep", metavar="DIR", help="copy the gunicorn, worker and PostgreSQL logs here")
    parser.add_argument("--prepare", type=int, help=argparse.SUPPRESS)  # the inner processes
    parser.add_argument("--check", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.prepare is not None:
        prepare_here(args.prepare)
        return
    if args.check is not None:
        check_here(args.check)
        return
    app = Path(args.app).resolve()
    if not (app / "node_modules").exists():
        sys.exit(f"{app} has no node_modules: run `npm ci` there or link this checkout's (ln -s {ROOT}/node_modules).")
    settings = {
        "load": os.getloadavg(),
        "commit": pages.app_commit(app),
        "command": shlex.join([".venv/bin/python", "bench/load.py", *sys.argv[1:]]),
    }
    if not run(args, app, settings):
        sys.exit("\nSome targets are NOT met: see above.")


if __name__ == "__main__":
    main()
