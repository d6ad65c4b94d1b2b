"""PostgreSQL only: the weighted tsvector column in each document's own language, GIN and trigram indexes.

The column is generated, so every insert or update (the ORM's and the benchmark's bulk inserts alike) keeps it
right without the ORM knowing it exists. `search_ts_config` maps a language code to its text search
configuration (keep it in step with search.conf.TEXT_SEARCH_CONFIGS); after changing the function, rewrite the
rows (UPDATE search_searchdocument SET language = language) so the column is computed again.
Note: PostgreSQL will not alter the type of a column a generated column reads (title, summary, body, tags_text,
language): a later migration that does must drop the column first and add it back.
"""

from django.db import migrations

from search.vendor_sql import vendor_sql

FORWARDS = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """
    CREATE OR REPLACE FUNCTION search_ts_config(language text) RETURNS regconfig
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE language
            WHEN 'nl' THEN 'pg_catalog.dutch'::regconfig
            WHEN 'da' THEN 'pg_catalog.danish'::regconfig
            WHEN 'en' THEN 'pg_catalog.english'::regconfig
            ELSE 'pg_catalog.simple'::regconfig
        END
    $$
    """,
    """
    ALTER TABLE search_searchdocument ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector(search_ts_config(language), title), 'A')
        || setweight(to_tsvector(search_ts_config(language), tags_text || ' ' || summary), 'B')
        || setweight(to_tsvector(search_ts_config(language), body), 'C')
    ) STORED
    """,
    "CREATE INDEX search_document_vector ON search_searchdocument USING gin (search_vector)",
    "CREATE INDEX search_document_title_trgm ON search_searchdocument USING gin (title gin_trgm_ops)",
    "CREATE INDEX search_tag_name_trgm ON search_searchdocumenttag USING gin (name gin_trgm_ops)",
    "CREATE INDEX search_word_trgm ON search_searchword USING gin (word gin_trgm_ops)",
]

BACKWARDS = [
    "DROP INDEX IF EXISTS search_word_trgm",
    "DROP INDEX IF EXISTS search_tag_name_trgm",
    "DROP INDEX IF EXISTS search_document_title_trgm",
    "DROP INDEX IF EXISTS search_document_vector",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS search_vector",
    "DROP FUNCTION IF EXISTS search_ts_config(text)",
]


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [vendor_sql("postgresql", FORWARDS, BACKWARDS)]
