"""PostgreSQL only: `search_filter_lexemes` without a call to another function of ours, so that a dump restores.

pg_restore runs with an empty search_path, and PostgreSQL inlines this SQL function while it creates the document
table's generated column: the unqualified call to `search_tag_slugs` in its body was then not found, and every
backup made with platform/bin/backup failed to restore. The tag slugs are read from the JSON directly instead
(what `search_tag_slugs` does); the lexemes are the same, so the stored vectors stay valid.
"""

from django.db import migrations

from search.vendor_sql import vendor_sql


def lexemes(tags: str) -> str:
    return f"""
    CREATE OR REPLACE FUNCTION search_filter_lexemes(
        id bigint, kind text, language text, organisation_id bigint, tags jsonb
    ) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT array_to_tsvector(
            ARRAY['sample ' || mod(id, 32), 'kind ' || kind, 'language ' || language]
            || CASE WHEN organisation_id IS NULL THEN '{{}}'::text[] ELSE ARRAY['organisation ' || organisation_id] END
            || ARRAY({tags})
        )
    $$
    """


# array_to_tsvector sorts the lexemes: the order the slugs come in makes no difference.
FORWARDS = [lexemes("SELECT 'tag ' || (tag ->> 0) FROM jsonb_array_elements(tags) AS tag")]
BACKWARDS = [lexemes("SELECT 'tag ' || slug FROM unnest(search_tag_slugs(tags)) AS slug")]


class Migration(migrations.Migration):
    dependencies = [("search", "0009_sqlite_stemmed_full_text")]

    operations = [vendor_sql("postgresql", FORWARDS, BACKWARDS)]
