"""The throwaway PostgreSQL database a benchmark runs in: dropped and made anew for every run, never a real one."""

import os
import sys


def create(name: str):
    """Make database `name` on the server of DATABASE_URL (dropping an old one), point DATABASE_URL at it and return
    the administrative connection (for `drop`)."""
    import psycopg

    from config import env

    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        sys.exit("Set DATABASE_URL to a throwaway PostgreSQL (bin/with-postgres does).")
    settings = env.database(url)
    admin = psycopg.connect(
        host=settings["HOST"],
        port=settings["PORT"] or 5432,
        user=settings["USER"],
        password=settings["PASSWORD"],
        dbname="postgres",
        autocommit=True,
    )
    admin.execute(f"DROP DATABASE IF EXISTS {name}")
    admin.execute(f"CREATE DATABASE {name}")
    os.environ["DATABASE_URL"] = f"{url.rsplit('/', 1)[0]}/{name}"
    return admin


def drop(admin, name: str) -> None:
    from django.db import connections

    connections.close_all()
    admin.execute(f"DROP DATABASE IF EXISTS {name}")
    admin.close()
