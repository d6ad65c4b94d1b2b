"""The project as an operator meets it: configuration, migrations, lint, the quickstart path."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable


def run(*args, env=None, timeout=600):
    inherited = {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    full_env = {k: v for k, v in os.environ.items() if k not in inherited}
    full_env.update(env or {})
    return subprocess.run(args, cwd=ROOT, env=full_env, capture_output=True, text=True, timeout=timeout)


PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "x" * 20 + "-production-like-secret-with-enough-entropy-0123456789",
    "ALLOWED_HOSTS": "kennisplatform.example.org",
    "SITE_URL": "https://kennisplatform.example.org",
    "DATABASE_URL": "postgres://user:password@db.invalid:5432/kennisplatform",
    "ERASURE_JOURNAL_DIR": "/srv/kennisplatform/erasure-journal",
}


def test_production_settings_pass_the_deploy_check_without_warnings():
    result = run(PYTHON, "manage.py", "check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "SITE_URL", "ERASURE_JOURNAL_DIR"])
def test_production_refuses_to_start_without_a_required_variable_and_names_it_in_one_line(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = run(PYTHON, "manage.py", "check", env=env)
    assert result.returncode != 0
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert missing in lines[0] and "Traceback" not in result.stderr


def test_release_collects_static_files_for_production(tmp_path):
    """The release step's collectstatic with the hashed, compressed storage (it fails on a broken CSS reference)."""
    env = {**PRODUCTION_ENV, "STATIC_ROOT": str(tmp_path / "static")}
    result = run(PYTHON, "manage.py", "collectstatic", "--no-input", env=env)
    assert result.returncode == 0, result.stderr[-2000:]
    manifest = (tmp_path / "static" / "staticfiles.json").read_text()
    assert "vendor/utrecht/index.css" in manifest and "css/site.css" in manifest
    assert list((tmp_path / "static" / "vendor" / "utrecht").glob("index.*.css.gz")), "compressed copies"


def test_no_missing_migrations():
    result = run(
        PYTHON, "manage.py", "makemigrations", "--check", "--dry-run", env={"DATABASE_URL": "sqlite://:memory:"}
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_lint_and_format_are_clean():
    ruff = str(Path(PYTHON).with_name("ruff"))
    lint = run(ruff, "check", ".")
    assert lint.returncode == 0, lint.stdout
    fmt = run(ruff, "format", "--check", ".")
    assert fmt.returncode == 0, fmt.stdout


@pytest.mark.parametrize("script", ["lint:css", "lint:js", "lint:format"])
def test_front_end_lint_is_clean(script):
    """stylelint, eslint and prettier, as `make lint` runs them (the npm scripts in package.json)."""
    result = run("npm", "run", "--silent", script)
    assert result.returncode == 0, result.stdout + result.stderr


def test_platform_folder_does_not_shadow_the_standard_library():
    assert not (ROOT / "platform" / "__init__.py").exists()
    result = run(PYTHON, "-c", "import platform; print(platform.system())")
    assert result.returncode == 0 and result.stdout.strip() in {"Linux", "Darwin", "Windows"}, result.stderr


def test_quickstart_on_sqlite_migrates_and_loads_demo_content_twice(tmp_path):
    """`make run`'s database steps, on a fresh SQLite file, twice in a row (both steps are idempotent)."""
    env = {"DJANGO_SETTINGS_MODULE": "config.settings.dev", "DATABASE_URL": f"sqlite:///{tmp_path / 'quick.sqlite3'}"}
    counts = []
    for attempt in (1, 2):
        migrate = run(PYTHON, "manage.py", "migrate", "--no-input", env=env)
        assert migrate.returncode == 0, f"attempt {attempt}: {migrate.stderr}"
        demo = run(PYTHON, "manage.py", "demo_content", env=env)
        assert demo.returncode == 0, f"attempt {attempt}: {demo.stderr}"
        assert "[3/3] home page" in demo.stdout, "progress is shown"
        assert "redacteur@almere.example" in demo.stdout, "credentials are printed"
        counted = run(
            PYTHON,
            "manage.py",
            "shell",
            "-c",
            "from wagtail.models import Page, Revision; from accounts.models import User, Organisation;"
            "print(Page.objects.count(), User.objects.count(), Organisation.objects.count())",
            env=env,
        )
        counts.append(tuple(map(int, counted.stdout.split()[-3:])))
    pages, users, organisations = counts[0]
    assert pages > 3 * 5 and users >= 8 and organisations >= 10
    assert counts[1] == counts[0], "a second run duplicates nothing"


def test_demo_content_is_refused_in_production():
    result = run(PYTHON, "manage.py", "demo_content", env=PRODUCTION_ENV)
    assert result.returncode != 0
    assert "development only" in result.stderr


@pytest.mark.django_db
def test_an_address_with_an_id_longer_than_any_is_not_found(client):
    """Wagtail's document view would hand 5,000 digits to the database as a number (a server error)."""
    assert client.get("/documents/" + "9" * 5000 + "/brochure.pdf").status_code == 404
    assert client.get("/documents/" + "9" * 19 + "/brochure.pdf").status_code == 404


@pytest.mark.django_db
def test_a_visitor_asking_for_a_very_long_members_only_address_is_sent_to_log_in(client):
    """The way back is kept when it is of a sensible length; an address too long to redirect to is not."""
    response = client.get("/en/measurement/" + "almere-" * 3000 + "/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert "almere-almere" not in response["Location"]
    response = client.get("/en/measurement/almere/")
    assert response.status_code == 302 and "next=/en/measurement/almere/" in response["Location"]
