"""Raw SQL for one database vendor only, as a migration operation.

The search index has vendor-specific parts Django's ORM does not know (a generated tsvector column and GIN indexes on
PostgreSQL, an FTS5 table on SQLite); each migration lists its statements and runs them only on its own vendor.
"""

from django.db import migrations


def vendor_sql(vendor: str, forwards: list[str], backwards: list[str]) -> migrations.RunPython:
    def run(statements):
        def operation(apps, schema_editor):
            if schema_editor.connection.vendor != vendor:
                return
            for statement in statements:
                schema_editor.execute(statement)

        return operation

    return migrations.RunPython(run(forwards), run(backwards), elidable=False)
