from django.db import migrations

# Every worker looks for tasks RUNNING under a silent worker every few seconds (core.task_recovery). The task table
# keeps finished results for days and its own indexes cover READY tasks only: this index holds just the few
# RUNNING rows, so that look-up stays cheap however many results are kept. PostgreSQL and SQLite both take it.
INDEX = "core_running_tasks_started_at_idx"
TABLE = "django_tasks_database_dbtaskresult"


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX {INDEX} ON {TABLE} (started_at) WHERE status = 'RUNNING'",
            f"DROP INDEX {INDEX}",
        ),
    ]
