"""The training models' content types move from the label `knowledge` to `training`, keeping their ids.

Everything that names a model by content type points at the row's id: the pages themselves (wagtailcore_page),
their revisions and log entries, permissions, wagtail-localize's sources, the reference index and the search
documents. Relabelling the rows in place keeps every one of those valid; creating new rows (as Django's
post_migrate would) would leave the existing pages pointing at a label no model answers to.

The one place that spells the label out is the Elasticsearch mirror, whose document ids are
"<app_label>.<model>:<id>" (SearchDocument.source_key). When Elasticsearch is configured, each training document
is queued to be deleted under its old id and indexed under its new one; the next index write replays the queue
(`manage.py search_reindex --backend elasticsearch` does it at once).
"""

from django.conf import settings
from django.db import migrations

MODELS = [
    "audience",
    "enrolment",
    "implementationprogrammepage",
    "trainingindexpage",
    "trainingmodulematerial",
    "trainingmodulepage",
    "trainingmodulepagetag",
    "trainingmodulerelatedpage",
    "trainingmoduletrainer",
    "trainingsession",
    "trajectorystepstatus",
]


def relabel(apps, old_label, new_label):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        content_type = ContentType.objects.filter(app_label=old_label, model=model).first()
        if content_type is None:
            continue  # a fresh database: post_migrate creates the rows under the new label
        content_type.app_label = new_label
        content_type.save(update_fields=["app_label"])
        requeue_search_documents(apps, content_type, f"{old_label}.{model}", f"{new_label}.{model}")


def requeue_search_documents(apps, content_type, old_key, new_key):
    if not getattr(settings, "ELASTICSEARCH_URL", None):
        return
    SearchDocument = apps.get_model("search", "SearchDocument")
    PendingIndexOperation = apps.get_model("search", "PendingIndexOperation")
    for source_id, language in SearchDocument.objects.filter(source_type=content_type).values_list(
        "source_id", "language"
    ):
        PendingIndexOperation.objects.update_or_create(
            source_key=f"{old_key}:{source_id}", defaults={"action": "delete", "language": language}
        )
        PendingIndexOperation.objects.update_or_create(
            source_key=f"{new_key}:{source_id}", defaults={"action": "index", "language": language}
        )


def forwards(apps, schema_editor):
    relabel(apps, "knowledge", "training")


def backwards(apps, schema_editor):
    relabel(apps, "training", "knowledge")


class Migration(migrations.Migration):
    dependencies = [
        ("training", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("search", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
