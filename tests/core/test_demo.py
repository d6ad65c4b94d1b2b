"""The demo registry: every app's loader is found by autodiscovery and runs after the content it builds on."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from core import demo


def test_every_apps_loader_is_discovered_and_ordered_by_what_it_builds_on():
    demo.autodiscover()
    assert [load.__module__ for load in demo.loaders()] == [
        "accounts.demo",
        "knowledge.demo",
        "protocols.demo",
        "knowledge.training.demo",
        "knowledge.dilemmas.demo",
        "knowledge.experiences.demo",
        "forum.demo",
        "forum.moderation.demo",
        "notifications.demo",
        "pool.demo",
        "cases.demo",
        "measurement.demo",
    ]


def test_loaders_run_from_the_lowest_order_up_whatever_order_they_registered_in(monkeypatch):
    monkeypatch.setattr(demo, "_loaders", {})
    ran = []

    def late(progress):
        ran.append("late")

    def early(progress):
        ran.append("early")

    demo.register(late, order=20)
    demo.register(early, order=10)
    for load in demo.loaders():
        load(None)
    assert ran == ["early", "late"]


@pytest.mark.django_db
def test_the_command_prints_one_counted_heading_per_loader_and_the_log_ins():
    out = io.StringIO()
    call_command("demo_content", stdout=out)
    lines = out.getvalue().splitlines()
    count = len(demo.loaders())
    assert lines[0] == f"(1/{count}) accounts.demo"
    assert f"({count}/{count}) {demo.loaders()[-1].__module__}" in lines
    assert "  [1/3] home page: nl" in lines
    assert any(line.startswith("Demo log-ins (development only)") for line in lines)


@override_settings(DEMO_CONTENT_ALLOWED=False)
def test_the_command_is_refused_where_demo_content_is_not_allowed():
    with pytest.raises(CommandError, match="development only"):
        call_command("demo_content", stdout=io.StringIO())
