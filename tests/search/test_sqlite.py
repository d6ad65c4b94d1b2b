"""The quickstart's SQLite backend: FTS5 query building, and a real SQLite database migrated and loaded with the demo
content the way `make run` does, then searched with the same permission filter and facets."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from search.backends.sqlite import fts_query

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("bemiddeling", '"bemiddeling"*'),
        ("de klacht", '"de" AND "klacht"*'),
        ('"regionale pool" mediator', '"regionale pool" AND "mediator"*'),
        ('"unbalanced quote', '"unbalanced"* AND "quote"*'),
        ("title:x AND (y OR z*) NEAR ^~\\", '"title"* AND "x" AND "AND"* AND "y" AND "OR" AND "z" AND "NEAR"*'),
        ("' \" ( ) : * ! & | \\ ~ ^ [ ] { }", None),
        ("", None),
    ],
)
def test_user_text_becomes_an_fts5_expression_in_which_nothing_is_syntax(text, expected):
    assert fts_query(text) == expected


SCRIPT = """
import json
from django.contrib.auth import get_user_model
from search.audience import audience_for, VISITOR
from search.backends import get_backend
from search.backends.base import SearchQuery
from search.services import did_you_mean, complete
backend = get_backend()
member = get_user_model().objects.get(email="lid@almere.example")
response = backend.search(SearchQuery(text="mediator"))
tagged = backend.search(SearchQuery(tags=("mediatorpool", "intervisie")))
print(json.dumps({
    "backend": backend.name,
    "total": response.total,
    "snippet": str(response.hits[0].snippet),
    "kinds": {v.value: v.count for v in response.facets["kind"]},
    "tagged": [hit.title for hit in tagged.hits],
    "mægling": backend.search(SearchQuery(text="mægling")).total,
    "suggestion": did_you_mean("mediatr", SearchQuery(text="mediatr")),
    "complete": [o.label for o in complete(member, "Welke med", "nl")],
    "bad": [backend.search(SearchQuery(text=t)).total for t in ['"', "x:*", "' OR 1=1 --", "a" * 300]],
}))
"""


def test_the_quickstart_on_sqlite_indexes_the_demo_content_and_searches_it(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL"}}
    env.update({"DJANGO_SETTINGS_MODULE": "config.settings.dev", "DATABASE_URL": f"sqlite:///{tmp_path / 'q.sqlite3'}"})
    for command in (["migrate", "--no-input", "-v0"], ["demo_content"], ["shell", "-c", SCRIPT]):
        result = subprocess.run(
            [sys.executable, "manage.py", *command], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
        )
        assert result.returncode == 0, result.stderr[-3000:]
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["backend"] == "sqlite"
    assert found["total"] >= 3 and "<mark>" in found["snippet"]
    assert found["kinds"]["page"] >= 3
    assert found["tagged"] == ["Samenwerken in de regio"]
    assert found["mægling"] >= 2
    assert found["suggestion"] == "mediator"
    assert "Welke mediator past bij de zaak?" in found["complete"]
    assert all(isinstance(total, int) for total in found["bad"])
