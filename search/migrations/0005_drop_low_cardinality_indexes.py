"""Drop the single-column indexes on kind, language and visibility (see the comment in search/models.py).

Done with plain DROP INDEX: Django"s SQLite AlterField rebuilds the table, which would drop the FTS5 triggers of
migration 0003.
"""

from django.db import migrations, models

COLUMNS = {"kind", "language", "visibility"}


def drop_indexes(apps, schema_editor):
    connection = schema_editor.connection
    table = "search_searchdocument"
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, table)
    for name, info in constraints.items():
        if info["index"] and not info["unique"] and not info["primary_key"] and len(info["columns"]) == 1:
            if info["columns"][0] in COLUMNS:
                schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(name)}")


def restore_indexes(apps, schema_editor):
    for column in sorted(COLUMNS):
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS search_searchdocument_{column}_idx ON search_searchdocument ({column})"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_postgresql_head_vector"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunPython(drop_indexes, restore_indexes)],
            state_operations=[
                migrations.AlterField(
                    model_name="searchdocument",
                    name="kind",
                    field=models.CharField(max_length=40),
                ),
                migrations.AlterField(
                    model_name="searchdocument",
                    name="language",
                    field=models.CharField(max_length=8),
                ),
                migrations.AlterField(
                    model_name="searchdocument",
                    name="visibility",
                    field=models.CharField(
                        choices=[("public", "Everyone"), ("members", "Members"), ("groups", "Groups")], max_length=10
                    ),
                ),
            ],
        ),
    ]
