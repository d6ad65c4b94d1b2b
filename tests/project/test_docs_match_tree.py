"""The README's folder map and docs/architecture.md describe the tree as it is.

A maintainer finds their way by these two files; a folder or app added without a line in them, or a line left
for a folder that is gone, makes them lie quietly. These specs read the tree and the installed apps and compare.
"""

import re
from pathlib import Path

from django.apps import apps

ROOT = Path(__file__).resolve().parents[2]
# Made by the setup, the quickstart or the tests, never committed (see .gitignore).
NOT_IN_THE_REPOSITORY = {"node_modules", "var", "media", "staticfiles", "backups"}


def table_folders(markdown: str) -> set[str]:
    """The folders named in the first column of the file's tables: | `knowledge/training/` | ..."""
    return set(re.findall(r"^\| `([\w./-]+)/` \|", markdown, flags=re.MULTILINE))


def top_level_folders() -> set[str]:
    return {
        path.name
        for path in ROOT.iterdir()
        if path.is_dir() and not path.name.startswith((".", "_")) and path.name not in NOT_IN_THE_REPOSITORY
    }


def project_apps() -> list:
    """The apps whose code is in this repository (not those installed into .venv inside it)."""
    return [
        config
        for config in apps.get_app_configs()
        if Path(config.path).is_relative_to(ROOT) and not folder_of(config).startswith(".")
    ]


def folder_of(config) -> str:
    return Path(config.path).relative_to(ROOT).as_posix()


README = (ROOT / "README.md").read_text()
ARCHITECTURE = (ROOT / "docs" / "architecture.md").read_text()


def test_every_top_level_folder_is_in_the_readme_folder_map():
    assert top_level_folders() <= table_folders(README)


def test_every_app_has_a_row_in_the_readme_folder_map():
    assert {folder_of(config) for config in project_apps()} <= table_folders(README)


def test_the_architecture_names_every_app_by_its_label():
    for config in project_apps():
        assert f"| `{config.label}` | `{folder_of(config)}/` |" in ARCHITECTURE, config.label


def test_every_folder_the_docs_name_exists():
    named = (
        table_folders(README)
        | table_folders(ARCHITECTURE)
        | set(re.findall(r"^\| `\w+` \| `([\w./-]+)/` \|", ARCHITECTURE, re.M))
    )
    for folder in named:
        assert (ROOT / folder).is_dir(), f"{folder}/ is described but does not exist"
