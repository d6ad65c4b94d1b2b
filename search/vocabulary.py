"""The "did you mean" vocabulary (SearchWord): which words occur in what each audience may read.

One row per (language, word, audience), where the audience is a document's visibility and, for a group document,
each of its groups — the same buckets the permission filter of a search reads. Each row counts the documents that
hold the word, so the vocabulary shrinks with the text: when a document is edited, hidden or removed, its words are
counted down and a word no document holds any more is deleted. `search.indexing` calls `change` while it holds the
document's row lock, with the document's words before and after.

Why buckets and not a check against the permitted documents at query time: a trigram lookup in a vocabulary of
distinct words stays fast at any corpus size (an audience adds at most its own words), while finding similar words
in the permitted documents' text means reading them.
"""

# ruff: noqa: S608 -- statements are assembled from constant fragments; every value is a bound parameter.

from collections import Counter

from django.db import connection, transaction

from search.audience import Audience
from search.documents import words_in
from search.models import SearchDocument, SearchDocumentGroup, SearchWord, Visibility

WORDS = SearchWord._meta.db_table
CHUNK = 500

# (language, word, visibility, group id)
Row = tuple[str, str, str, int]


def audiences(visibility: str, group_ids) -> list[tuple[str, int]]:
    if visibility == Visibility.GROUPS:
        return [(Visibility.GROUPS.value, int(group_id)) for group_id in sorted(set(group_ids))]
    return [(str(visibility), 0)]


def rows(language: str, visibility: str, group_ids, words) -> set[Row]:
    return {(language, word, v, g) for v, g in audiences(visibility, group_ids) for word in words}


def rows_of_document(document: SearchDocument) -> set[Row]:
    """The vocabulary rows a stored document counts in (read from the row as it is in the database)."""
    group_ids = []
    if document.visibility == Visibility.GROUPS:
        group_ids = list(document.group_rows.values_list("group_id", flat=True))
    names = [name for _slug, name in document.tags]
    words = words_in(document.title, document.summary, document.body, names)
    return rows(document.language, document.visibility, group_ids, words)


def change(added: set[Row], removed: set[Row]) -> None:
    """Count `added` up and `removed` down by one document; delete what no document holds any more.

    One upsert in a fixed order, so two workers changing overlapping words lock the rows in the same order and
    cannot deadlock."""
    deltas = sorted([(*row, 1) for row in added - removed] + [(*row, -1) for row in removed - added])
    with transaction.atomic(), connection.cursor() as cursor:
        for start in range(0, len(deltas), CHUNK):
            chunk = deltas[start : start + CHUNK]
            values = ", ".join(["(%s, %s, %s, %s, %s)"] * len(chunk))
            cursor.execute(
                f"INSERT INTO {WORDS} (language, word, visibility, group_id, documents) VALUES {values}"
                " ON CONFLICT (language, word, visibility, group_id)"
                f" DO UPDATE SET documents = {WORDS}.documents + excluded.documents",
                [value for delta in chunk for value in delta],
            )
        gone = sorted({(language, word) for language, word, *_rest in removed - added})
        for language in sorted({language for language, _word in gone}):
            words = [word for lang, word in gone if lang == language]
            for start in range(0, len(words), CHUNK):
                chunk = words[start : start + CHUNK]
                cursor.execute(
                    f"DELETE FROM {WORDS} WHERE documents <= 0 AND language = %s"
                    f" AND word IN ({', '.join(['%s'] * len(chunk))})",
                    [language, *chunk],
                )


def rebuild(documents=SearchDocument, groups=SearchDocumentGroup, words=SearchWord) -> int:
    """Recount the whole vocabulary from the stored documents (after a full reindex; the models may be a
    migration's); returns the rows written."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            # Indexing waits meanwhile: a document changed during the count is counted before or after, not half.
            with connection.cursor() as cursor:
                cursor.execute(f"LOCK TABLE {words._meta.db_table} IN SHARE ROW EXCLUSIVE MODE")
        counts = _count(documents, groups)
        words.objects.all().delete()
        words.objects.bulk_create(
            (
                words(language=language, word=word, visibility=visibility, group_id=group_id, documents=n)
                for (language, word, visibility, group_id), n in counts.items()
            ),
            batch_size=CHUNK,
        )
    return len(counts)


def _count(documents, groups) -> Counter:
    counts: Counter = Counter()
    group_ids: dict[int, list[int]] = {}
    for document_id, group_id in groups.objects.values_list("document_id", "group_id").iterator():
        group_ids.setdefault(document_id, []).append(group_id)
    stored = documents.objects.only("id", "language", "visibility", "title", "summary", "body", "tags")
    for document in stored.iterator(chunk_size=500):
        names = [name for _slug, name in document.tags]
        found = words_in(document.title, document.summary, document.body, names)
        counts.update(rows(document.language, document.visibility, group_ids.get(document.pk, []), found))
    return counts


def permission_sql(audience: Audience, alias: str = "w") -> tuple[str, list]:
    """The words of what this audience may read (the vocabulary's side of search.backends.sql.permission_sql)."""
    return audience.sql(alias, lambda groups: f"{alias}.group_id IN ({groups})")
