"""Every committed write starts a new data generation (core.data_generation), whatever wrote it; reads, rolled-back
writes and the cache's own rows do not."""

import pytest
from django.db import connection, transaction

from accounts.models import Organisation
from core import data_generation
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_a_committed_save_starts_a_new_generation(committed):
    before = data_generation.current()
    with committed():
        factories.OrganisationFactory()
    assert data_generation.current() != before


def test_a_bulk_update_and_raw_sql_start_a_new_generation_though_they_send_no_signal(committed):
    organisation = factories.OrganisationFactory()
    before = data_generation.current()
    with committed():
        Organisation.objects.filter(pk=organisation.pk).update(name="Andere naam")
    after_update = data_generation.current()
    assert after_update != before
    with committed(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM accounts_organisation WHERE id = %s", [organisation.pk])
    assert data_generation.current() != after_update


def test_reads_start_no_new_generation(committed):
    factories.OrganisationFactory()
    before = data_generation.current()
    with committed():
        list(Organisation.objects.all())
        Organisation.objects.exists()
    assert data_generation.current() == before


def test_a_rolled_back_write_starts_no_new_generation(committed):
    before = data_generation.current()
    with committed():
        try:
            with transaction.atomic():
                factories.OrganisationFactory()
                raise RuntimeError("roll back")
        except RuntimeError:
            pass
    assert data_generation.current() == before


def test_a_write_after_a_rolled_back_savepoint_still_counts(committed):
    before = data_generation.current()
    with committed(), transaction.atomic():
        try:
            with transaction.atomic():
                factories.OrganisationFactory()
                raise RuntimeError("roll back the savepoint only")
        except RuntimeError:
            pass
        factories.OrganisationFactory()
    assert data_generation.current() != before


def test_nothing_is_counted_before_the_commit(django_capture_on_commit_callbacks):
    before = data_generation.current()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        factories.OrganisationFactory()
    assert data_generation.current() == before
    for callback in callbacks:
        callback()
    assert data_generation.current() != before


def test_writes_to_the_database_cache_are_not_changes_of_data(settings):
    settings.CACHES = {
        **settings.CACHES,
        "shared": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "my_cache"},
    }
    assert not data_generation.is_write('INSERT INTO "my_cache" (cache_key, value, expires) VALUES (%s, %s, %s)')
    assert not data_generation.is_write('DELETE FROM "my_cache" WHERE cache_key IN (%s)')
    assert data_generation.is_write('INSERT INTO "accounts_organisation" ("name") VALUES (%s)')
    assert data_generation.is_write('UPDATE "accounts_user" SET "first_name" = %s')
    assert data_generation.is_write("TRUNCATE accounts_user")
    assert data_generation.is_write("WITH moved AS (DELETE FROM a RETURNING id) INSERT INTO b SELECT id FROM moved")
    assert not data_generation.is_write('SELECT "cache_key" FROM "accounts_user"')
    assert not data_generation.is_write('SAVEPOINT "s1"')


def test_the_task_workers_heartbeats_are_not_changes_of_data():
    # Every worker writes its heartbeat every few seconds: counted, no member's page would outlive five seconds.
    assert not data_generation.is_write('UPDATE "core_workerheartbeat" SET "last_seen" = %s WHERE "worker_id" = %s')
    assert not data_generation.is_write('INSERT INTO "core_workerheartbeat" ("worker_id") VALUES (%s)')
    assert data_generation.is_write('UPDATE "django_tasks_database_dbtaskresult" SET "status" = %s')


def test_without_the_page_caches_no_write_is_counted(settings, committed):
    settings.PAGE_CACHE_TIMEOUT = 0
    before = data_generation.current()
    with committed():
        factories.OrganisationFactory()
    assert data_generation.current() == before
