"""Writing the index: turning sources into SearchDocument rows (and mirroring them to Elasticsearch).

Everything runs in a background task: `schedule(obj)` is all a caller does. It queues the task inside the caller's
transaction (the queue is in the same database), so the task row is committed with the change or rolled back with
it: no change goes unindexed because something failed after its commit. The task reloads each source from the
database, so it sees what was committed (tags included — Wagtail's own index misses tags added while editing because
it indexes before modelcluster writes them) and never a draft.
"""

import logging
from collections import Counter

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import Count, QuerySet
from django_tasks import task
from wagtail.models import Page

from core import changes
from search import conf, registry, vocabulary
from search.documents import DocumentData
from search.documents import vocabulary as words_of
from search.models import SearchDocument, SearchDocumentGroup, SearchDocumentTag

logger = logging.getLogger(__name__)
TASK_SIZE = 500


def source_of(obj) -> tuple[int, int]:
    """(content type id, primary key); a page is filed under its specific type even as a plain Page."""
    if isinstance(obj, Page):
        return obj.content_type_id, obj.pk
    return ContentType.objects.get_for_model(obj).pk, obj.pk


def schedule(*objects) -> None:
    """Reindex these objects (or every object of these querysets): queued with the current transaction."""
    sources = []
    for obj in objects:
        if isinstance(obj, QuerySet):
            sources += sources_of(obj)
        else:
            sources.append(source_of(obj))
    schedule_sources(sources)


def sources_of(queryset: QuerySet) -> list[tuple[int, int]]:
    if issubclass(queryset.model, Page):
        return list(queryset.values_list("content_type_id", "pk"))
    content_type_id = ContentType.objects.get_for_model(queryset.model).pk
    return [(content_type_id, pk) for pk in queryset.values_list("pk", flat=True)]


def schedule_sources(sources) -> None:
    """Bring the index in line with these sources: the tasks are queued in the current transaction, and the keepers
    of readable content hear of the change (`core.changes.announce`)."""
    keys = sorted({(int(content_type_id), int(pk)) for content_type_id, pk in sources})
    changes.announce(keys)  # also when nothing is indexed (an unindexed page type): caches of pages still follow it
    # Bounded tasks: a group with thousands of posts is reindexed by several workers, not one very long task.
    for start in range(0, len(keys), TASK_SIZE):
        sync_documents.enqueue([list(key) for key in keys[start : start + TASK_SIZE]])


@task()
def sync_documents(sources: list[list[int]]) -> None:
    """Index, update or remove the documents of these (content type id, primary key) sources."""
    sync(sources)


def sync(sources) -> None:
    for content_type_id, pk in sources:
        sync_source(int(content_type_id), int(pk))


def sync_source(content_type_id: int, pk: int) -> SearchDocument | None:
    searchable = registry.for_content_type_id(content_type_id)
    obj = searchable.model._default_manager.filter(pk=pk).first() if searchable else None
    data = searchable.to_document(obj) if obj is not None else None
    if data is None:
        remove(content_type_id, pk)
        return None
    return store(content_type_id, pk, searchable.kind, data)


def store(content_type_id: int, pk: int, kind: str, data: DocumentData, *, mirror: bool = True) -> SearchDocument:
    values = {
        "kind": kind,
        "language": data.language,
        "title": data.title,
        "summary": data.summary,
        "body": data.body,
        "tags_text": " ".join(name for _slug, name in data.tags),
        "tags": [[slug, name] for slug, name in data.tags],
        "organisation_id": data.organisation_id,
        "visibility": data.visibility,
        "url": data.url,
        "published_at": data.published_at,
        "updated_at": data.updated_at,
    }
    with transaction.atomic():
        # The row stays locked until the commit: the vocabulary is counted against the text it held before, and a
        # second worker indexing the same source waits and then counts against this one's text.
        document, created = SearchDocument.objects.select_for_update().get_or_create(
            source_type_id=content_type_id, source_id=pk, defaults=values
        )
        old_words = set() if created else vocabulary.rows_of_document(document)
        if not created:
            for name, value in values.items():
                setattr(document, name, value)
            document.save()
        if connection.vendor == "sqlite":
            # The FTS5 table holds stems, which only Python computes (see search.backends.sqlite).
            from search.backends import sqlite

            sqlite.index_documents([document])
        document.tag_rows.all().delete()
        unique_tags = dict(data.tags)
        SearchDocumentTag.objects.bulk_create(
            SearchDocumentTag(document=document, slug=slug[:100], name=name[:100]) for slug, name in unique_tags.items()
        )
        document.group_rows.all().delete()
        SearchDocumentGroup.objects.bulk_create(
            SearchDocumentGroup(document=document, group_id=group_id) for group_id in set(data.group_ids)
        )
        new_words = vocabulary.rows(data.language, data.visibility, data.group_ids, words_of(data))
        vocabulary.change(added=new_words, removed=old_words)
    if mirror and conf.elasticsearch_url():
        from search.backends import elasticsearch

        elasticsearch.mirror_index([document])
    return document


def remove(content_type_id: int, pk: int) -> None:
    with transaction.atomic():
        document = (
            SearchDocument.objects.select_for_update().filter(source_type_id=content_type_id, source_id=pk).first()
        )
        if document is None:
            return
        key, language = document.source_key, document.language
        vocabulary.change(added=set(), removed=vocabulary.rows_of_document(document))
        document.delete()
    if conf.elasticsearch_url():
        from search.backends import elasticsearch

        elasticsearch.mirror_delete([(key, language)])


def reindex_database(progress=lambda iterable, total, what: iterable, *, mirror: bool = True) -> Counter:
    """Rebuild every registered type's rows from the sources; rows whose source is gone are removed.

    With `mirror=False` Elasticsearch is left alone (the caller rebuilds it in one go afterwards).
    """
    written = Counter()
    for searchable in registry.all_searchables():
        content_type_id = searchable.content_type.pk
        seen = set()
        objects = searchable.queryset()
        total = objects.count() if hasattr(objects, "count") else None
        for obj in progress(objects, total, str(searchable.label_plural)):
            data = searchable.to_document(obj)
            if data is not None:
                store(content_type_id, obj.pk, searchable.kind, data, mirror=mirror)
                seen.add(obj.pk)
                written[searchable.kind] += 1
        for stale in SearchDocument.objects.filter(source_type_id=content_type_id).exclude(source_id__in=seen):
            remove(content_type_id, stale.source_id)
    # Counted again from scratch: whatever a crash or an old version left in the vocabulary goes.
    vocabulary.rebuild()
    return written


def expected_counts() -> Counter:
    """Per kind: how many documents the sources say the index should hold."""
    counts = Counter()
    for searchable in registry.all_searchables():
        objects = searchable.queryset()
        counts[searchable.kind] += objects.count() if hasattr(objects, "count") else len(list(objects))
    return counts


def database_counts() -> Counter:
    """Per kind: the rows in the database index (of registered kinds; other rows belong to nobody's status)."""
    kinds = {searchable.kind for searchable in registry.all_searchables()}
    rows = SearchDocument.objects.filter(kind__in=kinds).values("kind").annotate(n=Count("id"))
    return Counter({row["kind"]: row["n"] for row in rows})
