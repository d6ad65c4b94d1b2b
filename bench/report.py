"""docs/benchmarks.md holds one section per benchmark script; each script rewrites only its own section.

A section is the text between `<!-- bench:NAME -->` and `<!-- /bench:NAME -->`. `write_section` replaces it, or
appends it when the file does not have it yet, and leaves the rest of the file as it was.
"""

from pathlib import Path

HEADER = [
    "# Benchmarks",
    "",
    "Each section below is written by a script in `bench/` (see its docstring for what it measures); rerun the script",
    "to refresh its section, the others stay as they are.",
    "",
]


def markers(name: str) -> tuple[str, str]:
    return f"<!-- bench:{name} -->", f"<!-- /bench:{name} -->"


def write_section(path, name: str, lines: list[str]) -> None:
    start, end = markers(name)
    path = Path(path)
    text = path.read_text() if path.exists() else "\n".join(HEADER)
    section = "\n".join([start, *lines, end])
    if start in text and end in text:
        before, rest = text.split(start, 1)
        _old, after = rest.split(end, 1)
        text = before + section + after
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    path.write_text(text)


def machine() -> str:
    """The machine, database and Python a benchmark ran on, for the report's first line."""
    import os
    import platform

    from django.db import connection

    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        platform.processor(),
    )
    memory = next(
        (
            int(line.split()[1]) // 1024 // 1024
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        ),
        0,
    )
    if connection.vendor == "sqlite":
        import sqlite3

        database = f"SQLite {sqlite3.sqlite_version}"
    else:
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            database = f"PostgreSQL {cursor.fetchone()[0]} (default settings, fsync off)"
    return f"{os.cpu_count()} cores ({cpu}), {memory} GB RAM, {database}, Python {platform.python_version()}"
