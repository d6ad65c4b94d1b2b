"""SQLite only (the quickstart): the FTS5 table holds each document's text stemmed in its own language.

The table of migration 0003 read the document table itself (external content) and was kept in step by triggers, so
it could only hold the text as written. This one holds stems (search.stemming), written by search.indexing in the
transaction that writes the document (see search.backends.sqlite for why not by triggers); existing documents are
stemmed here. Only the removal of a deleted document's row is a trigger.
Note: Django rebuilds a SQLite table for most ALTERs, which drops its triggers: a later migration that alters
search_searchdocument must run DELETE_TRIGGER again (on SQLite).
"""

import importlib

from django.db import migrations

from search.vendor_sql import vendor_sql

COLUMNS = "title, tags_text, summary, body"
DELETE_TRIGGER = """CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchdocument BEGIN
    DELETE FROM search_fts WHERE rowid = old.id; END"""

FORWARDS = [
    "DROP TRIGGER IF EXISTS search_fts_update",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TABLE IF EXISTS search_fts",
    f"CREATE VIRTUAL TABLE search_fts USING fts5({COLUMNS}, tokenize='unicode61 remove_diacritics 2')",
    DELETE_TRIGGER,
]

# Back to migration 0003's table and triggers (they rebuild the unstemmed index themselves).
BACKWARDS = [
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TABLE IF EXISTS search_fts",
    *importlib.import_module("search.migrations.0003_sqlite_full_text").FORWARDS,
]


def stem_existing_documents(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    from search.backends.sqlite import index_documents

    documents = apps.get_model("search", "SearchDocument").objects.using(schema_editor.connection.alias)
    batch = []
    for document in documents.only("id", "language", "title", "tags_text", "summary", "body").iterator(chunk_size=500):
        batch.append(document)
        if len(batch) == 500:
            index_documents(batch, schema_editor.connection)
            batch = []
    index_documents(batch, schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("search", "0008_vocabulary_per_audience")]

    operations = [
        vendor_sql("sqlite", FORWARDS, BACKWARDS),
        migrations.RunPython(stem_existing_documents, migrations.RunPython.noop, elidable=False),
    ]
