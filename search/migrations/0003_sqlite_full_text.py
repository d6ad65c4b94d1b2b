"""SQLite only (the quickstart): an FTS5 table over the documents, kept in step by triggers.

FTS5's unicode61 tokenizer folds case and diacritics but does not stem, so this table could only hold the text as
written. Migration 0009 replaces it with a table of stemmed text (and reverses to this one).
"""

from django.db import migrations

from search.vendor_sql import vendor_sql

COLUMNS = "title, tags_text, summary, body"
NEW = "new.title, new.tags_text, new.summary, new.body"
OLD = "old.title, old.tags_text, old.summary, old.body"

FORWARDS = [
    f"""CREATE VIRTUAL TABLE search_fts USING fts5({COLUMNS}, content='search_searchdocument', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2')""",
    f"""CREATE TRIGGER search_fts_insert AFTER INSERT ON search_searchdocument BEGIN
        INSERT INTO search_fts(rowid, {COLUMNS}) VALUES (new.id, {NEW}); END""",
    f"""CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, {COLUMNS}) VALUES ('delete', old.id, {OLD}); END""",
    f"""CREATE TRIGGER search_fts_update AFTER UPDATE ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, {COLUMNS}) VALUES ('delete', old.id, {OLD});
        INSERT INTO search_fts(rowid, {COLUMNS}) VALUES (new.id, {NEW}); END""",
    # Rows that existed before this migration.
    "INSERT INTO search_fts(search_fts) VALUES ('rebuild')",
]

BACKWARDS = [
    "DROP TRIGGER IF EXISTS search_fts_update",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TABLE IF EXISTS search_fts",
]


class Migration(migrations.Migration):
    dependencies = [("search", "0002_postgresql_full_text")]

    operations = [vendor_sql("sqlite", FORWARDS, BACKWARDS)]
