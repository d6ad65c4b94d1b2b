"""Reading configuration from the environment, with one clear line when something required is missing."""

import os

import dj_database_url


class MissingSetting(SystemExit):
    """Raised at start-up for a missing or invalid variable.

    A SystemExit, not an exception with a traceback: whoever starts the process (an operator, gunicorn,
    a container runtime) sees exactly one line naming the variable to set.
    """

    def __init__(self, name: str, hint: str):
        super().__init__(f"Configuration error: environment variable {name} is required: {hint}")


def get(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return value if value not in (None, "") else default


def require(name: str, hint: str) -> str:
    value = get(name)
    if value is None:
        raise MissingSetting(name, hint)
    return value


def boolean(name: str, default: bool = False) -> bool:
    value = get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def integer(name: str, default: int) -> int:
    value = get(name)
    return default if value is None else int(value)


def csv_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in (get(name, default) or "").split(",") if item.strip()]


def database(url: str) -> dict:
    config = dj_database_url.parse(url, conn_max_age=integer("DATABASE_CONN_MAX_AGE", 60), conn_health_checks=True)
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # The quickstart database: WAL lets the dev server read while a command writes.
        config["OPTIONS"] = {"init_command": "PRAGMA journal_mode=WAL;", "transaction_mode": "IMMEDIATE"}
        config["CONN_MAX_AGE"] = 0
    return config
