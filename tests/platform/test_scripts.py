"""platform/bin/backup and restore stop with one clear line, before touching anything, when something is missing."""

import pytest

from tests.platform import drill

RESTORE = drill.PLATFORM_BIN / "restore"
BACKUP = drill.PLATFORM_BIN / "backup"
URL = "postgres://postgres@127.0.0.1:1/nowhere"


@pytest.fixture
def journal(tmp_path):
    (tmp_path / "journal").mkdir()
    return tmp_path / "journal"


def last_line(result) -> str:
    return result.stderr.strip().splitlines()[-1]


def test_the_help_names_every_option_and_variable():
    result = drill.run([RESTORE, "--help"], {})
    assert result.returncode == 0
    for word in ("--yes", "--force", "DATABASE_URL", "ERASURE_JOURNAL_DIR", "MEDIA_ROOT", "replay_erasures", "PGBIN"):
        assert word in result.stdout, word
    assert "PGBIN" in drill.run([BACKUP, "--help"], {}).stdout


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DATABASE_URL": ""}, "restore: DATABASE_URL is not set"),
        ({"ERASURE_JOURNAL_DIR": ""}, "restore: ERASURE_JOURNAL_DIR is not set: without the erasure journal"),
        ({"ERASURE_JOURNAL_DIR": "/nonexistent/journal"}, "restore: no erasure journal at /nonexistent/journal"),
    ],
)
def test_restore_names_the_missing_variable(journal, env, message):
    result = drill.run([RESTORE, "--yes", "db.dump"], {"DATABASE_URL": URL, "ERASURE_JOURNAL_DIR": journal, **env})
    assert result.returncode == 1
    assert last_line(result).startswith(message)


def test_restore_names_a_missing_or_unreadable_file(journal, tmp_path):
    env = {"DATABASE_URL": URL, "ERASURE_JOURNAL_DIR": journal}
    missing = drill.run([RESTORE, "--yes", tmp_path / "db-missing.dump"], env)
    assert last_line(missing) == f"restore: database dump not found: {tmp_path / 'db-missing.dump'}"
    (tmp_path / "db-broken.dump").write_text("not a dump")
    broken = drill.run([RESTORE, "--yes", tmp_path / "db-broken.dump"], env)
    assert "is not a pg_dump custom-format archive" in last_line(broken)


def test_restore_wants_one_dump_and_at_most_one_tarball(journal):
    result = drill.run([RESTORE, "--yes", "a.dump", "b.tar.gz", "c"], {"DATABASE_URL": URL})
    assert result.returncode == 1
    assert last_line(result) == "restore: expected a database dump and at most one media tarball"


def test_backup_names_the_missing_database(tmp_path):
    result = drill.run([BACKUP], {"DATABASE_URL": "", "BACKUP_DIR": tmp_path})
    assert result.returncode == 1
    assert last_line(result).startswith("backup: DATABASE_URL is not set")
    assert list(tmp_path.iterdir()) == []
