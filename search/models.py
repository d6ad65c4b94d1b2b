"""The search index in the database: one row per readable thing, whatever backend answers the queries.

The rows are the source of truth for every backend: PostgreSQL and SQLite search them directly (a generated
tsvector column / an FTS5 table of stemmed text, both created by vendor-specific migrations and unknown to the ORM),
Elasticsearch is filled from them. Only `search.indexing` writes here: it also writes the SQLite FTS5 row, which
no trigger can compute.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Everyone")
    MEMBERS = "members", _("Members")
    # Readable by the members of the groups listed in SearchDocumentGroup (e.g. a private forum group).
    GROUPS = "groups", _("Groups")


class SearchDocument(models.Model):
    source_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    source_id = models.PositiveBigIntegerField()
    # kind, language and visibility have a handful of values each and deliberately no index of their own: given one,
    # PostgreSQL's planner picks it over the full-text GIN index and then reads every candidate's tsvector to test
    # the query (10x slower for a common word; see docs/benchmarks.md).
    kind = models.CharField(max_length=40)
    language = models.CharField(max_length=8)
    title = models.CharField(max_length=500)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    # Tag names joined with spaces: what the full-text column reads (the rows in SearchDocumentTag are for facets).
    tags_text = models.TextField(blank=True)
    # [[slug, name], ...] in display order, so a result renders without another query.
    tags = models.JSONField(default=list, blank=True)
    organisation = models.ForeignKey(
        "accounts.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    visibility = models.CharField(max_length=10, choices=Visibility.choices)
    url = models.CharField(max_length=1000)
    published_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(null=True, blank=True, db_index=True)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["source_type", "source_id"], name="search_document_source")]

    def __str__(self):
        return self.title

    @property
    def source_key(self) -> str:
        """A name of the source that is stable across databases (the Elasticsearch document id)."""
        content_type = ContentType.objects.get_for_id(self.source_type_id)
        return f"{content_type.app_label}.{content_type.model}:{self.source_id}"


class SearchDocumentTag(models.Model):
    document = models.ForeignKey(SearchDocument, on_delete=models.CASCADE, related_name="tag_rows")
    slug = models.CharField(max_length=100)
    name = models.CharField(max_length=100)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["slug", "document"], name="search_tag_slug_document")]

    def __str__(self):
        return self.name


class SearchDocumentGroup(models.Model):
    """A group (e.g. a private forum group) whose members may read a document of visibility GROUPS."""

    document = models.ForeignKey(SearchDocument, on_delete=models.CASCADE, related_name="group_rows")
    group_id = models.PositiveBigIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["document", "group_id"], name="search_group_document")]
        indexes = [models.Index(fields=["group_id"], name="search_group_id")]

    def __str__(self):
        return f"{self.document_id} → {self.group_id}"


class SearchWord(models.Model):
    """The vocabulary where "did you mean" looks for a better spelling: per language and per audience.

    A row says that `documents` indexed documents readable by one audience (everyone, members, or the members of one
    group) contain the word. Readers are offered only words of audiences they belong to, so the vocabulary tells
    nobody what occurs in text they may not read; a row goes when its last document loses the word (edited, hidden,
    removed, its author erased), so no removed text lingers here. Maintained by search.vocabulary.
    """

    language = models.CharField(max_length=8)
    word = models.CharField(max_length=60)
    visibility = models.CharField(max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC)
    group_id = models.PositiveBigIntegerField(default=0)  # the group of a GROUPS row; 0 otherwise
    # Not a PositiveIntegerField: a decrement may pass below zero for a moment before the row is deleted.
    documents = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["language", "word", "visibility", "group_id"], name="search_word_audience")
        ]

    def __str__(self):
        return self.word


class PendingIndexOperation(models.Model):
    """An Elasticsearch write that failed (cluster unreachable); retried until it succeeds."""

    class Action(models.TextChoices):
        INDEX = "index", _("Index")
        DELETE = "delete", _("Delete")

    source_key = models.CharField(max_length=200, unique=True)
    action = models.CharField(max_length=10, choices=Action.choices)
    language = models.CharField(max_length=8, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"{self.action} {self.source_key}"
