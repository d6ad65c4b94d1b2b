"""PostgreSQL only: filter values and a sample bucket as lexemes in the document vector, and the indexes that let a
very broad search answer from part of its matches.

Each document's vector gains lexemes that no typed query can produce, because each holds a space: "kind forum",
"language nl", "organisation 12", "tag mediation" and "sample 3" (the id modulo 32). Filters then narrow the GIN
bitmap before any row is read, and `vector @@ (query & 'sample 0')` reads a fixed thirty-second of a query's matches,
from which the backend estimates counts when a query matches too many documents to count exactly in time (see
PostgresBackend.search). Keep SAMPLE_RATE and the lexeme spellings in search/backends/postgres.py in step with
`search_filter_lexemes`.

Also: a GIN index on the title's own vector, so a broad search can rank every document whose title matches, and the
newest-first index, so a broad search sorted by date walks it instead of sorting every match.
"""

from django.db import migrations

from search.vendor_sql import vendor_sql

TEXT_VECTOR = """
    setweight(to_tsvector(search_ts_config(language), title), 'A')
    || setweight(to_tsvector(search_ts_config(language), tags_text || ' ' || summary), 'B')
    || setweight(to_tsvector(search_ts_config(language), body), 'C')
"""

FORWARDS = [
    """
    CREATE FUNCTION search_filter_lexemes(id bigint, kind text, language text, organisation_id bigint, tags jsonb)
    RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT array_to_tsvector(
            ARRAY['sample ' || mod(id, 32), 'kind ' || kind, 'language ' || language]
            || CASE WHEN organisation_id IS NULL THEN '{}'::text[] ELSE ARRAY['organisation ' || organisation_id] END
            || ARRAY(SELECT 'tag ' || slug FROM unnest(search_tag_slugs(tags)) AS slug)
        )
    $$
    """,
    "ALTER TABLE search_searchdocument DROP COLUMN search_vector",
    f"""
    ALTER TABLE search_searchdocument ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        {TEXT_VECTOR} || search_filter_lexemes(id, kind, language, organisation_id, tags)
    ) STORED
    """,
    "CREATE INDEX search_document_vector ON search_searchdocument USING gin (search_vector)",
    """
    CREATE INDEX search_document_title_vector ON search_searchdocument
        USING gin (to_tsvector(search_ts_config(language), title))
    """,
    "CREATE INDEX search_document_newest ON search_searchdocument (updated_at DESC NULLS LAST, id DESC)",
]

BACKWARDS = [
    "DROP INDEX IF EXISTS search_document_newest",
    "DROP INDEX IF EXISTS search_document_title_vector",
    "ALTER TABLE search_searchdocument DROP COLUMN search_vector",
    f"ALTER TABLE search_searchdocument ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ({TEXT_VECTOR}) STORED",
    "CREATE INDEX search_document_vector ON search_searchdocument USING gin (search_vector)",
    "DROP FUNCTION IF EXISTS search_filter_lexemes(bigint, text, text, bigint, jsonb)",
]


class Migration(migrations.Migration):
    dependencies = [("search", "0006_postgresql_tag_slugs")]

    operations = [vendor_sql("postgresql", FORWARDS, BACKWARDS)]
