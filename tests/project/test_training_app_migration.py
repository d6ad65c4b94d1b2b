"""Moving the training models from the app `knowledge` into `training` keeps every row and every reference to them.

Runs on a database of its own in the same cluster (migrated and filled with the demo content here), because it
migrates back and forth, which the session's test database, shared by every other test, must never see.
"""

import io
import uuid

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client

BEFORE_THE_MOVE = [("knowledge", "0004_training_audiences")]
MODELS = [
    "audience",
    "enrolment",
    "implementationprogrammepage",
    "trainingindexpage",
    "trainingmodulepage",
    "trainingsession",
    "trajectorystepstatus",
]


@pytest.fixture
def scratch_database(django_db_blocker):
    """The default connection pointed at a new, empty database for the test's duration; dropped afterwards."""
    if connection.vendor != "postgresql":
        pytest.skip("creates a database in the PostgreSQL cluster the tests run on")
    name = f"training_move_{uuid.uuid4().hex[:12]}"
    with django_db_blocker.unblock():
        with connection._nodb_cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{name}"')
        original = connection.settings_dict["NAME"]
        connection.close()
        connection.settings_dict["NAME"] = name
        _forget_cached_rows()
        try:
            yield
        finally:
            connection.close()
            connection.settings_dict["NAME"] = original
            _forget_cached_rows()
            with connection._nodb_cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')


def _forget_cached_rows():
    # Content type ids and Wagtail's site root paths are cached per process; they belong to one database.
    ContentType.objects.clear_cache()
    cache.clear()


def migrate(targets=None):
    executor = MigrationExecutor(connection)
    executor.migrate(targets or executor.loader.graph.leaf_nodes())
    _forget_cached_rows()
    return MigrationExecutor(connection).loader.project_state(targets).apps


def facts(apps, app_label):
    """What must survive the move, read through the models of the migration state (`app_label` owns them)."""
    content_types = apps.get_model("contenttypes", "ContentType").objects
    page_model = apps.get_model("wagtailcore", "Page")
    enrolment = apps.get_model(app_label, "Enrolment")
    audiences = apps.get_model(app_label, "TrainingModulePage")._meta.get_field("audiences").remote_field.through
    return {
        "content types": {model: content_types.get(app_label=app_label, model=model).pk for model in MODELS},
        "pages": {
            model: sorted(
                page_model.objects.filter(content_type__app_label=app_label, content_type__model=model).values_list(
                    "pk", flat=True
                )
            )
            for model in ("trainingindexpage", "trainingmodulepage", "implementationprogrammepage")
        },
        "sessions": sorted(apps.get_model(app_label, "TrainingSession").objects.values_list("pk", "page_id")),
        "enrolments": sorted(enrolment.objects.values_list("pk", "session_id", "user_id", "status")),
        "audiences": sorted(audiences.objects.values_list("trainingmodulepage_id", "audience_id")),
        "tags": sorted(apps.get_model(app_label, "TrainingModulePageTag").objects.values_list("content_object", "tag")),
        "trajectory": apps.get_model(app_label, "TrajectoryStepStatus").objects.count(),
    }


def test_the_move_to_the_training_app_keeps_pages_sessions_and_enrolments(scratch_database):
    call_command("migrate", interactive=False, verbosity=0)
    call_command("demo_content", stdout=io.StringIO())
    moved = facts(MigrationExecutor(connection).loader.project_state().apps, "training")
    assert moved["enrolments"] and moved["sessions"] and moved["audiences"] and moved["tags"]

    before = facts(migrate(BEFORE_THE_MOVE), "knowledge")
    after = facts(migrate(), "training")

    assert before == moved
    assert after == moved

    from knowledge.training.models import TrainingIndexPage, TrainingModulePage, TrainingSession

    module = TrainingModulePage.objects.live().filter(sessions__isnull=False).first()
    assert type(module.page_ptr.specific) is TrainingModulePage
    assert type(TrainingIndexPage.objects.first().page_ptr.specific) is TrainingIndexPage
    assert TrainingSession.objects.with_counts().filter(enrolled_count__gt=0).exists()
    assert Client().get(module.url).status_code == 200
