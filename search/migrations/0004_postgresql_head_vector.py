"""PostgreSQL only: a small tsvector of title, tags and summary for ranking broad queries, and narrow heap rows.

Ranking every match with ts_rank_cd over the full vector costs a detoast and a walk over the whole body's lexemes per
row: fine for a few thousand matches, far too slow when a common word matches tens of thousands of documents. The
backend ranks mid-sized result sets with `search_head` (weights A and B only, kept inline) and pages through very
broad ones newest first along an index (see PostgresBackend.page_sql). Body and full vector are stored out of line
(toast_tuple_target) so reading the matched rows for facets touches short tuples only; the full vector serves the
GIN match, which needs no recheck.
"""

from django.db import migrations

from search.vendor_sql import vendor_sql

FORWARDS = [
    """
    ALTER TABLE search_searchdocument ADD COLUMN search_head tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector(search_ts_config(language), title), 'A')
        || setweight(to_tsvector(search_ts_config(language), tags_text || ' ' || summary), 'B')
    ) STORED
    """,
    # Small (title, tags, summary) and read for every ranked row: never compressed or moved out of line.
    "ALTER TABLE search_searchdocument ALTER COLUMN search_head SET STORAGE PLAIN",
    "ALTER TABLE search_searchdocument ALTER COLUMN body SET STORAGE EXTERNAL",
    "ALTER TABLE search_searchdocument ALTER COLUMN search_vector SET STORAGE EXTERNAL",
    "ALTER TABLE search_searchdocument SET (toast_tuple_target = 512)",
    # Broad queries page through matches newest first (see PostgresBackend.page_sql).
    "CREATE INDEX search_document_newest ON search_searchdocument (updated_at DESC NULLS LAST, id DESC)",
]

BACKWARDS = [
    "DROP INDEX IF EXISTS search_document_newest",
    "ALTER TABLE search_searchdocument RESET (toast_tuple_target)",
    "ALTER TABLE search_searchdocument ALTER COLUMN search_vector SET STORAGE EXTENDED",
    "ALTER TABLE search_searchdocument ALTER COLUMN body SET STORAGE EXTENDED",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS search_head",
]


class Migration(migrations.Migration):
    dependencies = [("search", "0003_sqlite_full_text")]

    operations = [vendor_sql("postgresql", FORWARDS, BACKWARDS)]
