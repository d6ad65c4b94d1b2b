"""The processes bench/load.py runs the platform with and breaks on purpose: its own PostgreSQL cluster (so that it
can restart it), gunicorn through platform/bin/start-web, a task worker through platform/bin/start-worker (or
another command), and a loopback SMTP server that accepts and counts every mail (production settings send mail by
SMTP; without a server every mail task would fail).

Everything listens on 127.0.0.1 only and lives in one temporary folder, removed afterwards.
"""

# ruff: noqa: S603, S607 -- our own server binaries and scripts, with fixed arguments.

import asyncio
import os
import shlex
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from bench.pages import HOST, free_port

PGBIN = Path(os.environ.get("PGBIN", "/usr/lib/postgresql/15/bin"))


def _as_postgres(command: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: as root its commands run as the `postgres` user (as bin/with-postgres)."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


class Cluster:
    """A throwaway PostgreSQL cluster on a free loopback port. Durability is off (fsync, synchronous commit, full
    page writes), as in bin/with-postgres: the cluster lives for one run; a restart still drops every connection."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.data = folder / "pgdata"
        self.port = free_port()
        self.log = folder / "postgresql.log"

    @property
    def url(self) -> str:
        return f"postgres://postgres@{HOST}:{self.port}/postgres"

    def _pg_ctl(self, *args: str) -> None:
        command = _as_postgres([str(PGBIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), *args])
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)

    def start(self) -> None:
        if not (PGBIN / "initdb").exists():
            sys.exit(f"No PostgreSQL server binaries in {PGBIN} (set PGBIN).")
        self.folder.chmod(0o755)
        if os.geteuid() == 0:
            subprocess.run(["chown", "postgres:", str(self.folder)], check=True)
        initdb = [str(PGBIN / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust", "--encoding=UTF8"]
        subprocess.run(_as_postgres([*initdb, "--locale=C.UTF-8"]), check=True, stdout=subprocess.DEVNULL)
        options = (
            f"-p {self.port} -k {self.folder} -c listen_addresses={HOST} -c fsync=off -c synchronous_commit=off "
            "-c full_page_writes=off -c max_connections=200"
        )
        self._pg_ctl("-w", "-o", options, "start")

    def restart(self) -> None:
        """`pg_ctl restart -m fast`: every session is ended at once, the server is back when this returns."""
        self._pg_ctl("-w", "-m", "fast", "restart")

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self._pg_ctl("-m", "immediate", "stop")

    def version(self) -> str:
        found = subprocess.run([str(PGBIN / "postgres"), "--version"], capture_output=True, text=True, check=True)
        return found.stdout.split()[2]  # "postgres (PostgreSQL) 15.18 (Debian …)"


def answers(url: str) -> bool:
    """Whether the server accepts a new connection and answers a query now (the measure of "down")."""
    import psycopg

    try:
        with psycopg.connect(url, connect_timeout=1) as connection:
            connection.execute("SELECT 1")
        return True
    except psycopg.Error:
        return False


class Process:
    """A command of the served checkout in a session of its own (so that a signal reaches it and its children)."""

    def __init__(self, name: str, command: list[str], app: Path, env: dict, log: Path):
        self.name, self.command, self.app, self.log = name, command, app, log
        self.env = {**env, "DJANGO_SETTINGS_MODULE": "config.settings.production"}
        self.popen: subprocess.Popen | None = None
        self.started_at: datetime | None = None
        self.supervised = True  # restarted when it exits by itself (cleared while the run stops or kills it)
        self.exits: list[str] = []  # its exits by itself, as "phase (exit code)"

    def start(self) -> None:
        self.started_at = datetime.now(UTC)
        with self.log.open("a") as log:
            log.write(f"--- {time.strftime('%H:%M:%S')} {shlex.join(self.command)}\n")
            log.flush()
            self.popen = subprocess.Popen(
                self.command, cwd=self.app, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )

    def running(self) -> bool:
        return self.popen is not None and self.popen.poll() is None

    def signal(self, number: int) -> None:
        if self.running():
            os.killpg(self.popen.pid, number)

    def kill(self) -> None:
        """SIGKILL, no chance to finish the work in hand: what an OOM killer or a lost host does."""
        self.signal(signal.SIGKILL)
        if self.popen is not None:
            self.popen.wait()

    def stop(self, grace: float = 30) -> None:
        self.supervised = False
        if not self.running():
            return
        self.signal(signal.SIGTERM)
        try:
            self.popen.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            self.kill()

    def tail(self, characters: int = 3000) -> str:
        return self.log.read_text(errors="replace")[-characters:] if self.log.exists() else ""


async def supervise(processes: list[Process], phase) -> None:
    """Start again, a second later, a process that exited by itself, as the compose file's `restart: unless-stopped`
    does, and note it (`phase()` names the phase it happened in). Runs until cancelled."""
    while True:
        await asyncio.sleep(0.5)
        for process in processes:
            if process.supervised and process.popen is not None and process.popen.poll() is not None:
                process.exits.append(f"{phase()} (exit code {process.popen.returncode})")
                await asyncio.sleep(1)
                await asyncio.to_thread(process.start)


def web(app: Path, env: dict, port: int, workers: int, log: Path) -> Process:
    """gunicorn as platform/bin/start-web runs it in production, on the loopback address only, trusting the
    X-Forwarded-* headers of this process alone (the load balancer's role here)."""
    env = {**env, "BIND": f"{HOST}:{port}", "WEB_CONCURRENCY": str(workers), "FORWARDED_ALLOW_IPS": HOST}
    return Process("gunicorn", [str(app / "platform/bin/start-web")], app, env, log)


def worker(app: Path, env: dict, command: str, log: Path) -> Process:
    return Process("task worker", shlex.split(command), app, env, log)


class SmtpSink:
    """Accepts every mail on a loopback port and counts them (a mail server that never fails)."""

    def __init__(self):
        self.port = free_port()
        self.messages = 0
        self.server: asyncio.base_events.Server | None = None

    async def start(self) -> None:
        self.server = await asyncio.start_server(self._session, HOST, self.port)

    async def stop(self) -> None:
        if self.server is not None:
            self.server.close()

    async def _session(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        def say(line: str) -> None:
            writer.write(line.encode() + b"\r\n")

        try:
            say("220 bench ESMTP")
            while line := await reader.readline():
                verb = line[:4].upper()
                if verb == b"EHLO":
                    say("250-bench")
                    say("250 8BITMIME")
                elif verb == b"DATA":
                    say("354 go ahead")
                    await reader.readuntil(b"\r\n.\r\n")
                    self.messages += 1
                    say("250 queued")
                elif verb == b"QUIT":
                    say("221 bye")
                    break
                else:
                    say("250 ok")
                await writer.drain()
        except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
            pass
        finally:
            writer.close()
