"""PostgreSQL only: the document's tag slugs as an inline array, for counting the tag facet in the same scan.

Counting tags by joining the tag table meant reading all of its rows for a broad query (a merge join over every tag of
every document). The array is generated from the `tags` JSON, so nothing in Python has to keep it in step, and it
is stored inline (STORAGE MAIN): with toast_tuple_target at 512 (migration 0004) it would otherwise be moved out of
line and cost a TOAST lookup per matched row.

The index for paging very broad queries newest first (0004) goes: the backend now pages from the same scan that
counts the facets (see PostgresBackend.search), so nothing walks it any more.
"""

from django.db import migrations

from search.vendor_sql import vendor_sql

FORWARDS = [
    """
    CREATE FUNCTION search_tag_slugs(tags jsonb) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT coalesce(array_agg(tag ->> 0), '{}') FROM jsonb_array_elements(tags) AS tag
    $$
    """,
    """
    ALTER TABLE search_searchdocument
        ADD COLUMN tag_slugs text[] GENERATED ALWAYS AS (search_tag_slugs(tags)) STORED,
        ALTER COLUMN tag_slugs SET STORAGE MAIN
    """,
    "DROP INDEX IF EXISTS search_document_newest",
]

BACKWARDS = [
    "CREATE INDEX search_document_newest ON search_searchdocument (updated_at DESC NULLS LAST, id DESC)",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS tag_slugs",
    "DROP FUNCTION IF EXISTS search_tag_slugs(jsonb)",
]


class Migration(migrations.Migration):
    dependencies = [("search", "0005_drop_low_cardinality_indexes")]

    operations = [vendor_sql("postgresql", FORWARDS, BACKWARDS)]
