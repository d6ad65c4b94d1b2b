"""What the backup → restore drill runs and compares: the platform scripts as an operator runs them, every table and
sequence of a database by checksum, and media files by their bytes."""

import hashlib
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import psycopg
from django.db import connection
from psycopg import sql

ROOT = Path(__file__).resolve().parents[2]
PLATFORM_BIN = ROOT / "platform" / "bin"

# What rebuilding the search index rewrites by design, so it cannot equal the backup: when each document was
# indexed, and the row ids of its tag and group rows and of the vocabulary, which are deleted and written anew.
VOLATILE_COLUMNS = {
    "search_searchdocument": {"indexed_at"},
    "search_searchdocumenttag": {"id"},
    "search_searchdocumentgroup": {"id"},
    "search_searchword": {"id"},
}


def connect(database: str, **options) -> psycopg.Connection:
    """A connection to `database` on the test run's PostgreSQL server."""
    server = connection.settings_dict
    return psycopg.connect(
        host=server["HOST"],
        port=server["PORT"] or 5432,
        user=server["USER"],
        password=server["PASSWORD"],
        dbname=database,
        **options,
    )


def database_url(database: str) -> str:
    server = connection.settings_dict
    password = f":{quote(server['PASSWORD'], safe='')}" if server["PASSWORD"] else ""
    return f"postgres://{quote(server['USER'], safe='')}{password}@{server['HOST']}:{server['PORT'] or 5432}/{database}"


def run(command: list, env: dict) -> subprocess.CompletedProcess:
    """A platform script or manage.py command, with the project's virtualenv first on PATH as the scripts expect."""
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
    return subprocess.run(
        [str(part) for part in command],
        env={**os.environ, "PATH": path, "DJANGO_SETTINGS_MODULE": "config.settings.test", **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )


def tables(database: str) -> dict[str, tuple[int, str]]:
    """Per table: its row count and the md5 of its rows, in primary-key order, computed by PostgreSQL; per sequence
    its last value. Columns in VOLATILE_COLUMNS are left out (and then rows are ordered by their text), and so are the
    sequences that number them."""
    found: dict = {}
    with connect(database) as db:
        names = [name for (name,) in db.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]
        for table in sorted(names):
            columns = [
                name
                for (name,) in db.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' "
                    "AND table_name = %s ORDER BY ordinal_position",
                    [table],
                )
                if name not in VOLATILE_COLUMNS.get(table, ())
            ]
            key = [
                name
                for (name,) in db.execute(
                    "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid "
                    "AND a.attnum = ANY(i.indkey) WHERE i.indrelid = %s::regclass AND i.indisprimary "
                    "ORDER BY array_position(i.indkey, a.attnum)",
                    [f'public."{table}"'],
                )
            ]
            order = (
                sql.SQL(", ").join(map(sql.Identifier, key)) if key and set(key) <= set(columns) else sql.SQL("r::text")
            )
            query = sql.SQL(
                "SELECT count(*), md5(coalesce(string_agg(r::text, E'\\n' ORDER BY {order}), '')) "
                "FROM (SELECT {columns} FROM {table}) r"
            ).format(order=order, columns=sql.SQL(", ").join(map(sql.Identifier, columns)), table=sql.Identifier(table))
            found[table] = db.execute(query).fetchone()
        renumbered = {f"{table}_{column}_seq" for table, columns in VOLATILE_COLUMNS.items() for column in columns}
        for name, value in db.execute("SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public'"):
            if name not in renumbered:
                found[f"sequence {name}"] = value
    return found


def files(folder: Path) -> dict[str, str]:
    """Every file under `folder` by its path there, with the sha256 of its bytes."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def differing(before: dict, after: dict) -> list[str]:
    return sorted(name for name in before.keys() | after.keys() if before.get(name) != after.get(name))
